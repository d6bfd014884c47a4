# Measuring with time.perf_counter: sequential vs concurrent
import asyncio
import time

async def task(n):
    await asyncio.sleep(n * 0.1)
    return n

async def sequential():
    return [await task(n) for n in range(1, 6)]

async def concurrent():
    return await asyncio.gather(*(task(n) for n in range(1, 6)))

async def main():
    start = time.perf_counter()
    r1 = await sequential()
    mid = time.perf_counter()
    r2 = await concurrent()
    end = time.perf_counter()
    print(r1, f"sequential: {mid - start:.2f}s")
    print(r2, f"concurrent: {end - mid:.2f}s")
    print(f"speedup x{(mid - start) / (end - mid):.1f}")

asyncio.run(main())
