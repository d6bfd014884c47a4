# ThreadPoolExecutor(max_workers=n) as a context manager with run_in_executor
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

def blocking_task(n):
    time.sleep(1)
    return n * n

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [loop.run_in_executor(pool, blocking_task, i) for i in range(5)]
        results = await asyncio.gather(*futures)
    print(results)
    print(f"5 jobs on 2 threads took {loop.time() - start:.1f}s")
    with ThreadPoolExecutor(max_workers=5) as pool:
        start = loop.time()
        results = await asyncio.gather(*(loop.run_in_executor(pool, blocking_task, i) for i in range(5)))
    print(results, f"{loop.time() - start:.1f}s")

asyncio.run(main())
