# gather(return_exceptions=True): a raises at 50 ms, b finishes at 150 ms
import asyncio

async def a():
    await asyncio.sleep(0.05)
    raise ValueError("a failed")

async def b():
    await asyncio.sleep(0.15)
    return "b ok"

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    results = await asyncio.gather(a(), b(), return_exceptions=True)
    print(results)
    print(f"finished after {(loop.time() - start) * 1000:.0f} ms")
    for r in results:
        if isinstance(r, Exception):
            print("error:", type(r).__name__, r)
        else:
            print("value:", r)

asyncio.run(main())
