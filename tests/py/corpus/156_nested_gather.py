# gather of gathers returns nested lists
import asyncio

async def value(v, delay):
    await asyncio.sleep(delay)
    return v

async def batch(prefix, n):
    return await asyncio.gather(*(value(f"{prefix}{i}", 0.1 * i) for i in range(n)))

async def main():
    nested = await asyncio.gather(batch("a", 2), batch("b", 3), value("solo", 0.05))
    print(nested)
    outer = await asyncio.gather(asyncio.gather(value(1, 0.1), value(2, 0.2)), asyncio.gather(value(3, 0.3)))
    print(outer)
    print(f"t={asyncio.get_running_loop().time():.1f}")

asyncio.run(main())
