# Lesson 11, semaphore: `async with semaphore` lets at most N tasks in at once.
import asyncio
import time


async def fetch(url, latency):
    """Stands in for an HTTP request whose response takes `latency` seconds."""
    await asyncio.sleep(latency)
    return f"<Response {url} 200>"


async def download(semaphore, url):
    async with semaphore:  # waits here while 2 downloads are running
        await fetch(url, latency=1.0)
    print(f"downloaded {url}")


async def main():
    semaphore = asyncio.Semaphore(2)
    start = time.perf_counter()
    downloads = [download(semaphore, f"/api/files/{n}.bin") for n in range(1, 6)]
    await asyncio.gather(*downloads)
    print(f"5 files in {time.perf_counter() - start:.1f} s")


asyncio.run(main())
