# A task whose exception is never retrieved: asyncio only warns on stderr
import asyncio

async def fails():
    await asyncio.sleep(0.1)
    raise RuntimeError("nobody awaits me")

async def main():
    task = asyncio.create_task(fails())
    await asyncio.sleep(0.5)
    print("task done:", task.done())
    print("main finished normally")

asyncio.run(main())
print("program exits normally")
