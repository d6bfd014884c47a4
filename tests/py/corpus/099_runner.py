# asyncio.Runner runs several coroutines on the same loop
import asyncio

async def step(name, delay):
    await asyncio.sleep(delay)
    loop = asyncio.get_running_loop()
    return f"{name} at {loop.time():.1f}"

with asyncio.Runner() as runner:
    print(runner.run(step("one", 1)))
    print(runner.run(step("two", 0.5)))
    loop = runner.get_loop()
    print("same loop object:", loop is runner.get_loop())
    print(runner.run(asyncio.sleep(0.25, "slept")))
print("runner closed")
