# Lesson 14, in groups: ten groups of 100 tasks, each group awaited before the next starts.
import asyncio
import time


async def worker(n):
    await asyncio.sleep(1)
    return n


async def main():
    start = time.perf_counter()
    finished = 0
    for group in range(10):
        workers = [worker(n) for n in range(group * 100, group * 100 + 100)]
        results = await asyncio.gather(*workers)
        finished += len(results)
    print(f"{finished} workers in {time.perf_counter() - start:.1f} s")


asyncio.run(main())
