# expect-outcome: deadlock
# A Semaphore(0) that is never released
import asyncio

async def worker(sem, name):
    print(f"{name} waiting for a permit")
    async with sem:
        print(f"{name} got a permit")

async def main():
    sem = asyncio.Semaphore(0)
    workers = [asyncio.create_task(worker(sem, f"w{i}")) for i in range(2)]
    await asyncio.sleep(1)
    print("main waits for workers")
    await asyncio.gather(*workers)

asyncio.run(main())
