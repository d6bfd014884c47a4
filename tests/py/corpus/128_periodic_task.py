# Running a job periodically with drift-free scheduling
import asyncio

async def periodic(interval, count, job):
    loop = asyncio.get_running_loop()
    next_run = loop.time()
    for i in range(count):
        await job(i)
        next_run += interval
        await asyncio.sleep(max(0, next_run - loop.time()))

async def job(i):
    loop = asyncio.get_running_loop()
    print(f"job {i} starts at {loop.time():.2f}")
    await asyncio.sleep(0.3 if i % 2 else 0.1)

async def main():
    await periodic(1.0, 4, job)
    print(f"finished at {asyncio.get_running_loop().time():.2f}")

asyncio.run(main())
