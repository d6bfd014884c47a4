# A failing task does not stop the others: each task keeps its exception until someone
# asks for it (await the task, or task.exception()).
import asyncio


async def download(name, seconds, broken=False):
    await asyncio.sleep(seconds)
    if broken:
        raise ValueError(f"{name}: bad checksum")
    print(f"{name} downloaded")
    return name


async def main():
    tasks = [
        asyncio.create_task(download("a.zip", 0.3)),
        asyncio.create_task(download("b.zip", 0.2, broken=True)),
        asyncio.create_task(download("c.zip", 0.4)),
    ]
    await asyncio.wait(tasks)  # waits for all; raises nothing
    for task in tasks:
        if task.exception():
            print(f"failed: {task.exception()}")
        else:
            print(f"ok: {task.result()}")
    await tasks[1]  # awaiting the failed task raises its exception here


asyncio.run(main())
