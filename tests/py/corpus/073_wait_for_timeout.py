# asyncio.wait_for with a timeout
import asyncio

async def slow_operation(seconds):
    try:
        print(f"slow_operation({seconds}) started")
        await asyncio.sleep(seconds)
        return "finished"
    except asyncio.CancelledError:
        print(f"slow_operation({seconds}) was cancelled")
        raise

async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.wait_for(slow_operation(0.5), timeout=1.0))
    try:
        await asyncio.wait_for(slow_operation(5), timeout=1.0)
    except TimeoutError:
        print(f"timeout! at {loop.time():.1f}s")
    print(await asyncio.wait_for(slow_operation(0.1), timeout=None))

asyncio.run(main())
