# Making breakfast: sequential vs concurrent cooking
import asyncio
import time

async def boil_eggs():
    print("eggs: boiling")
    await asyncio.sleep(7)
    print("eggs: done")
    return "eggs"

async def fry_bacon():
    print("bacon: frying")
    await asyncio.sleep(5)
    print("bacon: done")
    return "bacon"

async def make_toast():
    print("toast: toasting")
    await asyncio.sleep(3)
    print("toast: done")
    return "toast"

async def main():
    start = time.perf_counter()
    for step in (boil_eggs, fry_bacon, make_toast):
        await step()
    print(f"sequential breakfast: {time.perf_counter() - start:.0f} min")
    start = time.perf_counter()
    dishes = await asyncio.gather(boil_eggs(), fry_bacon(), make_toast())
    print(f"concurrent breakfast: {time.perf_counter() - start:.0f} min ->", ", ".join(dishes))

asyncio.run(main())
