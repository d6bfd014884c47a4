# random used only where it cannot change the output
import asyncio
import random

async def worker(i, results):
    jitter = random.random() / 1000
    await asyncio.sleep(0.1 * i)
    results[i] = 0 <= jitter < 0.001
    return i

async def main():
    random.seed(1)
    results = {}
    done = await asyncio.gather(*(worker(i, results) for i in range(5)))
    print(done, all(results.values()))
    items = list(range(10))
    random.shuffle(items)
    print(sorted(items))
    print(random.choice([7, 7, 7]))

asyncio.run(main())
