# Lesson 4, create_task: a task starts as soon as its creator awaits, and is collected later.
import asyncio


async def walk_dog():
    await asyncio.sleep(2)
    print("dog walked")


async def cook():
    await asyncio.sleep(1.5)
    print("dinner cooked")


async def evening():
    walk = asyncio.create_task(walk_dog())  # scheduled now, runs when evening awaits
    await cook()
    await walk
    print("evening done")


asyncio.run(evening())
