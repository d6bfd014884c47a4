# A crawler fetches the 20 pages of a site at most 3 at a time: a Semaphore(3) lets
# only three requests in, and gather runs them all concurrently.
import asyncio


async def fetch(n):
    """Stands for the network: page n takes 0.15 to 0.25 s to arrive."""
    await asyncio.sleep(0.15 + n % 3 * 0.05)
    return f"<html>page {n}</html>"


async def polite_fetch(n, limit):
    async with limit:  # wait here while three requests are in flight
        return await fetch(n)


async def main():
    limit = asyncio.Semaphore(3)
    pages = await asyncio.gather(*(polite_fetch(n, limit) for n in range(1, 21)))
    print(f"fetched {len(pages)} pages, {sum(len(page) for page in pages)} characters")


asyncio.run(main())
