# Lesson 6, blocking the loop: time.sleep holds the only thread, asyncio.sleep lets others run.
import asyncio
import time


async def heartbeat():
    for _ in range(4):
        await asyncio.sleep(0.25)
        print("tick")


async def polite():
    print("polite: waiting without blocking")
    await asyncio.sleep(1)
    print("polite: done")


async def rude():
    print("rude: time.sleep holds the loop")
    time.sleep(1)  # no await: nothing else runs for a whole second
    print("rude: done")


async def main():
    await asyncio.gather(heartbeat(), polite(), rude())


asyncio.run(main())
