# Async comprehensions: [x async for ...], with await inside, async filters
import asyncio

async def numbers(n):
    for i in range(n):
        await asyncio.sleep(0.01)
        yield i

async def double(x):
    await asyncio.sleep(0.01)
    return x * 2

async def main():
    evens = [x async for x in numbers(10) if x % 2 == 0]
    print(evens)
    doubled = [await double(x) for x in range(4)]
    print(doubled)
    squares = {x: x * x async for x in numbers(4)}
    print(squares)
    unique = {x % 3 async for x in numbers(9)}
    print(sorted(unique))
    gen = (await double(x) async for x in numbers(3))
    print([y async for y in gen])
    print(f"t={asyncio.get_running_loop().time():.2f}")

asyncio.run(main())
