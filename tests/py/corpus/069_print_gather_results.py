# Printing the list returned by gather
import asyncio

async def square(x):
    await asyncio.sleep(0.01 * x)
    return x * x

async def describe(x):
    await asyncio.sleep(0)
    return {"x": x, "even": x % 2 == 0}

async def main():
    results = await asyncio.gather(*[square(i) for i in range(6)])
    print(results)
    print(sum(results), max(results))
    info = await asyncio.gather(describe(1), describe(2))
    print(info)
    mixed = await asyncio.gather(square(3), asyncio.sleep(0.1, "slept"), describe(0))
    print(mixed)

asyncio.run(main())
