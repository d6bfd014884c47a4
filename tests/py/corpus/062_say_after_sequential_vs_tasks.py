# From the asyncio docs: awaiting coroutines vs creating tasks
import asyncio
import time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def sequential():
    print(f"started at {time.perf_counter():.1f}")
    await say_after(1, "hello")
    await say_after(2, "world")
    print(f"finished at {time.perf_counter():.1f}")

async def concurrent():
    task1 = asyncio.create_task(say_after(1, "hello"))
    task2 = asyncio.create_task(say_after(2, "world"))
    start = time.perf_counter()
    await task1
    await task2
    print(f"concurrent took {time.perf_counter() - start:.1f}s")

asyncio.run(sequential())
asyncio.run(concurrent())
