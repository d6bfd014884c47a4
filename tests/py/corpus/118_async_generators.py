# Async generators with async for
import asyncio

async def ticker(interval, count):
    for i in range(count):
        yield i, round(asyncio.get_running_loop().time(), 2)
        await asyncio.sleep(interval)

async def fetch_pages(n):
    for page in range(1, n + 1):
        await asyncio.sleep(0.2)
        yield [f"item{page}.{k}" for k in range(2)]

async def flatten(pages):
    async for page in pages:
        for item in page:
            yield item

async def main():
    async for i, t in ticker(0.25, 4):
        print(f"tick {i} at {t}")
    async for item in flatten(fetch_pages(3)):
        print(item)
    agen = ticker(1, 2)
    print(type(agen).__name__)

asyncio.run(main())
