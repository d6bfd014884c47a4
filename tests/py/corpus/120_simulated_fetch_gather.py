# Simulated network: fetch several URLs concurrently
import asyncio
import time

async def fetch(url, delay=0.5):
    await asyncio.sleep(delay)
    return f"<{url}>"

async def main():
    urls = {"python.org": 0.3, "example.com": 0.5, "realpython.com": 0.8, "docs.python.org": 0.2}
    start = time.perf_counter()
    pages = await asyncio.gather(*(fetch(u, d) for u, d in urls.items()))
    for url, page in zip(urls, pages):
        print(f"{url:<18} {len(page):>3} chars  {page}")
    print(f"fetched {len(pages)} pages in {time.perf_counter() - start:.2f}s")
    start = time.perf_counter()
    for url in urls:
        await fetch(url)
    print(f"sequentially: {time.perf_counter() - start:.2f}s")

asyncio.run(main())
