# expect-outcome: exception
# An exception escapes asyncio.run and ends the program
import asyncio

async def step(n):
    await asyncio.sleep(0.1)
    print("step", n)
    if n == 3:
        raise ValueError(f"step {n} failed")

async def main():
    for n in range(5):
        await step(n)
    print("never reached")

asyncio.run(main())
print("also never reached")
