# asyncio.run called twice in one script: the virtual clock keeps going
import asyncio
import time

async def job(name, delay):
    await asyncio.sleep(delay)
    return f"{name} done after {delay}s"

start = time.perf_counter()
print(asyncio.run(job("first", 1)))
print(asyncio.run(job("second", 2)))
print(f"elapsed {time.perf_counter() - start:.1f}s")

async def count_tasks():
    return len(asyncio.all_tasks())

print("tasks in a fresh loop:", asyncio.run(count_tasks()))
