# loop.time() is the event loop's monotonic clock
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.sleep(0.25)
    t1 = loop.time()
    print(f"elapsed {t1 - t0:.2f}")
    for _ in range(10):
        await asyncio.sleep(0.1)
    print(f"ten sleeps of 0.1 -> {loop.time() - t1:.6f}")
    print(round(loop.time() - t0, 9))
    deadline = loop.time() + 1
    while loop.time() < deadline:
        await asyncio.sleep(0.3)
    print(f"loop ended at {loop.time() - t0:.2f}")

asyncio.run(main())
