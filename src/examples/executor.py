# Blocking work in a thread pool: run_in_executor hands each job to a worker thread, so
# the loop stays free. Two workers: the third job waits for a free one.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def resize(image, seconds):
    time.sleep(seconds)  # blocking work: fine in a thread, never on the loop
    return f"{image} resized"


async def main():
    loop = asyncio.get_running_loop()
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as pool:
        jobs = [
            loop.run_in_executor(pool, resize, "cat.png", 0.5),
            loop.run_in_executor(pool, resize, "dog.png", 0.5),
            loop.run_in_executor(pool, resize, "owl.png", 0.5),
        ]
        for done in await asyncio.gather(*jobs):
            print(done)
    print(f"3 jobs on 2 threads in {time.perf_counter() - start:.1f} s")


asyncio.run(main())
