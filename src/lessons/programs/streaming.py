# Lesson 13, async iterators: `async for` awaits each item; the loop serves others meanwhile.
import asyncio
import time


async def stream(items, every):
    """An async iterator: yields an item every `every` seconds."""
    for item in range(items):
        await asyncio.sleep(every)
        yield item


def process(item):
    """Stands in for 50 ms of CPU work: it holds the loop while it runs."""
    time.sleep(0.05)


async def read_sensor():
    async for reading in stream(5, every=0.2):
        print(f"reading {reading}")


async def read_feed():
    async for item in stream(3, every=0.35):
        process(item)


async def main():
    start = time.perf_counter()
    await asyncio.gather(read_sensor(), read_feed())
    print(f"both streams done in {time.perf_counter() - start:.1f} s")


asyncio.run(main())
