# gather returns results in argument order, not completion order
import asyncio

async def fetch(n, delay):
    print(f"start {n}")
    await asyncio.sleep(delay)
    print(f"done {n}")
    return n * 10

async def main():
    results = await asyncio.gather(fetch(1, 0.3), fetch(2, 0.1), fetch(3, 0.2))
    print(results)
    print(await asyncio.gather())
    print(f"{asyncio.get_running_loop().time():.1f}")

asyncio.run(main())
