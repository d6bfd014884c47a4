# Waiting for an Event with a timeout
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    ready = asyncio.Event()
    try:
        await asyncio.wait_for(ready.wait(), timeout=0.5)
    except TimeoutError:
        print(f"not ready after 0.5s (t={loop.time():.1f})")
    loop.call_later(0.3, ready.set)
    result = await asyncio.wait_for(ready.wait(), timeout=1)
    print(f"ready: {result} at t={loop.time():.1f}")
    print("wait on a set event returns immediately:", await ready.wait())

asyncio.run(main())
