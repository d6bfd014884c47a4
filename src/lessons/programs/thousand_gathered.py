# Lesson 14, gathered: a thousand tasks wait at once, and waiting costs the loop nothing.
import asyncio
import time


async def worker(n):
    await asyncio.sleep(1)
    return n


async def main():
    start = time.perf_counter()
    workers = [worker(n) for n in range(1000)]
    results = await asyncio.gather(*workers)
    print(f"{len(results)} workers in {time.perf_counter() - start:.1f} s")


asyncio.run(main())
