# expect-outcome: deadlock
# Awaiting a future that nobody will ever resolve
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("waiting for a result that never comes...")
    await asyncio.sleep(1)
    result = await fut
    print("got", result)

asyncio.run(main())
