# async with releases the semaphore even when the body raises
import asyncio

async def task(sem, n):
    async with sem:
        await asyncio.sleep(0.1)
        if n % 3 == 0:
            raise ValueError(f"task {n} failed")
        return n

async def main():
    sem = asyncio.Semaphore(2)
    results = await asyncio.gather(*(task(sem, n) for n in range(7)), return_exceptions=True)
    print([r if not isinstance(r, Exception) else f"E({r})" for r in results])
    print("semaphore free again:", not sem.locked())
    print(f"t={asyncio.get_running_loop().time():.1f}")

asyncio.run(main())
