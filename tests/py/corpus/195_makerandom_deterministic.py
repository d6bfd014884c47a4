# Real Python's "makerandom" example, with a deterministic number generator
import asyncio

class LCG:
    """A tiny linear congruential generator so the output is reproducible."""
    def __init__(self, seed):
        self.state = seed
    def randint(self, a, b):
        self.state = (1103515245 * self.state + 12345) % 2 ** 31
        return a + self.state % (b - a + 1)

async def makerandom(idx, threshold=6):
    rng = LCG(idx + 1)
    print(f"Initiated makerandom({idx}).")
    i = rng.randint(0, 10)
    while i <= threshold:
        print(f"makerandom({idx}) == {i} too low; retrying.")
        await asyncio.sleep(idx + 1)
        i = rng.randint(0, 10)
    print(f"---> Finished: makerandom({idx}) == {i}")
    return i

async def main():
    res = await asyncio.gather(*(makerandom(i, 10 - i - 1) for i in range(3)))
    return res

r1, r2, r3 = asyncio.run(main())
print(f"r1: {r1}, r2: {r2}, r3: {r3}")
