# loop.run_in_executor(None, ...) uses the default thread pool
import asyncio
import time

def cpu_bound(n):
    return sum(i * i for i in range(n))

def blocking_sleep(seconds):
    time.sleep(seconds)
    return f"slept {seconds}"

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    r1 = await loop.run_in_executor(None, cpu_bound, 10_000)
    print("cpu result", r1)
    r2 = await asyncio.gather(
        loop.run_in_executor(None, blocking_sleep, 1),
        loop.run_in_executor(None, blocking_sleep, 2),
        loop.run_in_executor(None, blocking_sleep, 3),
    )
    print(r2)
    print(f"elapsed {loop.time() - start:.1f}s")

asyncio.run(main())
