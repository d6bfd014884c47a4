# expect-outcome: exception
# An ExceptionGroup from a TaskGroup nobody catches
import asyncio

async def boom(delay):
    await asyncio.sleep(delay)
    raise ConnectionResetError("peer reset")

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(asyncio.sleep(1))
        tg.create_task(boom(0.25))
    print("not reached")

asyncio.run(main())
