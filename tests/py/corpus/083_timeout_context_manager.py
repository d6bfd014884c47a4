# asyncio.timeout() as an async context manager
import asyncio

async def long_running(seconds):
    await asyncio.sleep(seconds)
    return "done"

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1):
            await long_running(10)
    except TimeoutError:
        print(f"timed out at {loop.time():.1f}")
    async with asyncio.timeout(1) as cm:
        print(await long_running(0.5))
    print("expired:", cm.expired())
    async with asyncio.timeout(None) as cm:
        cm.reschedule(loop.time() + 0.3)
        try:
            await long_running(1)
        except asyncio.CancelledError:
            print("inner sees CancelledError")
            raise
    print("unreachable")

try:
    asyncio.run(main())
except TimeoutError:
    print("TimeoutError escaped the block as expected")
