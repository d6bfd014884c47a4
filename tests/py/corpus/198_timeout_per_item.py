# asyncio.timeout inside a loop: skip items that take too long
import asyncio

async def process(item):
    await asyncio.sleep(item / 10)
    return item * item

async def main():
    loop = asyncio.get_running_loop()
    results, skipped = [], []
    for item in [1, 8, 3, 12, 2]:
        try:
            async with asyncio.timeout(0.5):
                results.append(await process(item))
        except TimeoutError:
            skipped.append(item)
        print(f"after item {item:>2}: t={loop.time():.1f}")
    print("results:", results, "skipped:", skipped)

asyncio.run(main())
