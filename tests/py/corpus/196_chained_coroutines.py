# Real Python's chained.py: each chain runs part1 then part2
import asyncio
import time

async def part1(n):
    delay = (n * 3 + 1) % 5 / 2
    print(f"part1({n}) sleeping for {delay} seconds.")
    await asyncio.sleep(delay)
    result = f"result{n}-1"
    print(f"Returning part1({n}) == {result}.")
    return result

async def part2(n, arg):
    delay = (n * 2 + 3) % 4 / 2
    print(f"part2{n, arg} sleeping for {delay} seconds.")
    await asyncio.sleep(delay)
    result = f"result{n}-2 derived from {arg}"
    print(f"Returning part2{n, arg} == {result}.")
    return result

async def chain(n):
    start = time.perf_counter()
    p1 = await part1(n)
    p2 = await part2(n, p1)
    end = time.perf_counter() - start
    print(f"-->Chained result{n} => {p2} (took {end:0.2f} seconds).")

async def main(*args):
    await asyncio.gather(*(chain(n) for n in args))

start = time.perf_counter()
asyncio.run(main(9, 6, 3))
print(f"Program finished in {time.perf_counter() - start:0.2f} seconds.")
