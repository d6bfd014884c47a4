# await asyncio.sleep(0) yields control: round-robin interleaving
import asyncio

async def worker(name, steps):
    for i in range(steps):
        print(f"{name}{i}", end=" ")
        await asyncio.sleep(0)
    return name

async def no_yield(name, steps):
    for i in range(steps):
        print(f"{name}{i}", end=" ")
    return name

async def main():
    await asyncio.gather(worker("a", 3), worker("b", 3), worker("c", 2))
    print()
    await asyncio.gather(no_yield("x", 3), no_yield("y", 3))
    print()
    await asyncio.gather(worker("p", 2), no_yield("q", 2), worker("r", 2))
    print()

asyncio.run(main())
