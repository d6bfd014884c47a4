# Lesson 1, the event loop: one callback at a time, in the order they became ready.
import asyncio


async def greet():
    print("greet: start")
    await asyncio.sleep(0)  # yields: greet goes to the back of the ready queue
    print("greet: done")


async def count():
    print("count: start")
    await asyncio.sleep(0)
    print("count: done")


async def main():
    await asyncio.gather(greet(), count())


asyncio.run(main())
