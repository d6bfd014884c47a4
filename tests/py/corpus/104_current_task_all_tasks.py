# asyncio.current_task() and asyncio.all_tasks()
import asyncio

async def child(n):
    await asyncio.sleep(n)
    return asyncio.current_task().get_name()

async def main():
    me = asyncio.current_task()
    print("main task name set:", me.get_name().startswith("Task-"))
    me.set_name("main")
    print("me:", asyncio.current_task().get_name())
    tasks = [asyncio.create_task(child(i * 0.1), name=f"child-{i}") for i in range(3)]
    print("running tasks:", sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.sleep(0.15)
    print("after 0.15s:", sorted(t.get_name() for t in asyncio.all_tasks()))
    print(await asyncio.gather(*tasks))
    print("finally:", sorted(t.get_name() for t in asyncio.all_tasks()))
    print("current outside task:", asyncio.current_task() is me)

asyncio.run(main())
