# A crawler fetches the 20 pages of a site one after another, and takes 4 s.
# Goal: finish in under 2 s, yet never have more than 3 requests in flight at a time
# (the site blocks crawlers that open more connections than that).
import asyncio


async def fetch(n):
    """Stands for the network: page n takes 0.15 to 0.25 s to arrive."""
    await asyncio.sleep(0.15 + n % 3 * 0.05)
    return f"<html>page {n}</html>"


async def main():
    pages = []
    for n in range(1, 21):
        pages.append(await fetch(n))
    print(f"fetched {len(pages)} pages, {sum(len(page) for page in pages)} characters")


asyncio.run(main())
