# Breakfast, gathered: all three dishes cook at once, so it takes as long as the longest.
import asyncio
import time


async def cook(dish, minutes):
    print(f"start {dish}")
    await asyncio.sleep(minutes / 10)  # a tenth of a second stands for a minute
    print(f"{dish} ready")
    return dish


async def main():
    start = time.perf_counter()
    coffee, toast, eggs = await asyncio.gather(
        cook("coffee", 5), cook("toast", 3), cook("eggs", 4)
    )
    print(f"{coffee}, {toast} and {eggs} in {time.perf_counter() - start:.1f} s")


asyncio.run(main())
