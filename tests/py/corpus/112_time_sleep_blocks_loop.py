# time.sleep inside a coroutine blocks the whole event loop
import asyncio
import time

async def ticker():
    for i in range(3):
        print(f"tick {i} at {asyncio.get_running_loop().time():.1f}")
        await asyncio.sleep(0.5)

async def bad_worker():
    print("bad worker blocks for 2s")
    time.sleep(2)
    print("bad worker done")

async def good_worker():
    print("good worker sleeps 2s")
    await asyncio.sleep(2)
    print("good worker done")

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.gather(ticker(), bad_worker())
    print(f"blocking version took {loop.time() - start:.1f}s")
    start = loop.time()
    await asyncio.gather(ticker(), good_worker())
    print(f"non-blocking version took {loop.time() - start:.1f}s")

asyncio.run(main())
