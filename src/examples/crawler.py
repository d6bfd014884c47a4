# A polite crawler: ten pages, at most three requests in flight at a time.
import asyncio

LIMIT = asyncio.Semaphore(3)


async def fetch(url, latency):
    async with LIMIT:
        print(f"GET {url}")
        await asyncio.sleep(latency)  # stands for the network
        return url, latency


async def main():
    pages = {f"/page/{n}": 0.2 + (n * 7 % 5) / 10 for n in range(1, 11)}
    results = await asyncio.gather(*(fetch(url, s) for url, s in pages.items()))
    slowest = max(results, key=lambda page: page[1])
    print(f"fetched {len(results)} pages; the slowest took {slowest[1]:.1f} s: {slowest[0]}")


asyncio.run(main())
