# Lesson 3, awaited in turn: each dish starts when the one before it is done.
import asyncio
import time


async def brew_coffee():
    await asyncio.sleep(1.5)
    return "coffee"


async def toast_bread():
    await asyncio.sleep(1.0)
    return "toast"


async def fry_eggs():
    await asyncio.sleep(1.2)
    return "eggs"


async def main():
    start = time.perf_counter()
    coffee = await brew_coffee()
    toast = await toast_bread()
    eggs = await fry_eggs()
    print(f"{coffee}, {toast} and {eggs} in {time.perf_counter() - start:.1f} s")


asyncio.run(main())
