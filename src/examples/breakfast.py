# Breakfast, awaited in turn: each dish waits for the one before it.
import asyncio
import time


async def cook(dish, minutes):
    print(f"start {dish}")
    await asyncio.sleep(minutes / 10)  # a tenth of a second stands for a minute
    print(f"{dish} ready")
    return dish


async def main():
    start = time.perf_counter()
    coffee = await cook("coffee", 5)
    toast = await cook("toast", 3)
    eggs = await cook("eggs", 4)
    print(f"{coffee}, {toast} and {eggs} in {time.perf_counter() - start:.1f} s")


asyncio.run(main())
