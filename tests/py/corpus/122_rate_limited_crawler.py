# Semaphore-limited concurrent downloads (simulated)
import asyncio

async def fetch(url, delay=0.5):
    await asyncio.sleep(delay)
    return f"<{url}>"

async def limited_fetch(sem, url, log):
    async with sem:
        t = asyncio.get_running_loop().time()
        log.append((round(t, 1), url))
        return await fetch(url)

async def main():
    sem = asyncio.Semaphore(3)
    log = []
    urls = [f"https://site/{i}" for i in range(8)]
    pages = await asyncio.gather(*(limited_fetch(sem, u, log) for u in urls))
    for t, url in log:
        print(f"{t:>4}s start {url}")
    print(len(pages), "pages, last:", pages[-1])
    print(f"total {asyncio.get_running_loop().time():.1f}s")

asyncio.run(main())
