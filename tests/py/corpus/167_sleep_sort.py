# "Sleep sort": each number sleeps proportionally to its value
import asyncio

async def sleeper(n, out):
    await asyncio.sleep(n / 100)
    out.append(n)

async def main():
    numbers = [42, 7, 19, 3, 88, 19, 56, 1]
    out = []
    await asyncio.gather(*(sleeper(n, out) for n in numbers))
    print(out)
    print(out == sorted(numbers))
    print(f"took {asyncio.get_running_loop().time():.2f}s")

asyncio.run(main())
