# asyncio.Semaphore limits concurrency
import asyncio

active = 0
peak = 0

async def download(sem, n):
    global active, peak
    async with sem:
        active += 1
        peak = max(peak, active)
        print(f"start {n} (active={active})")
        await asyncio.sleep(1)
        active -= 1
        print(f"end {n}")

async def main():
    sem = asyncio.Semaphore(2)
    loop = asyncio.get_running_loop()
    await asyncio.gather(*(download(sem, i) for i in range(5)))
    print(f"peak concurrency {peak}, took {loop.time():.1f}s")
    print("locked?", sem.locked())

asyncio.run(main())
