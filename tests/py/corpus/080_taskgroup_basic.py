# asyncio.TaskGroup: structured concurrency
import asyncio

async def fetch(url, delay=0.5):
    await asyncio.sleep(delay)
    return f"<{url}>"

async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(fetch("a.com", 0.3))
        t2 = tg.create_task(fetch("b.com"))
        t3 = tg.create_task(fetch("c.com", 0.1), name="c")
        print("tasks created")
    print("all done:", t1.result(), t2.result(), t3.result())
    print(f"took {loop.time():.1f}s")

asyncio.run(main())
