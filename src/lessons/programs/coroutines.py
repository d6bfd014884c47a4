# Lesson 2, coroutines and await: awaiting one coroutine after another adds their times.
import asyncio


async def boil_water():
    await asyncio.sleep(1)
    return "hot water"


async def steep_tea():
    await asyncio.sleep(2)
    return "tea"


async def make_tea():
    water = await boil_water()
    tea = await steep_tea()
    print(f"{tea}, made with {water}")


asyncio.run(make_tea())
