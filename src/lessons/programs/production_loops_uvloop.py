# Production loops, the second version: the same program on uvloop, a drop-in event
# loop written in C (pip install uvloop). uvloop.run(main()) is all that changes: the
# same tasks, the same awaits, each callback about half the cost (0.57 µs against
# asyncio's 1.2 µs, measured with CPython 3.12).
import asyncio
import time

import uvloop

TASKS = 5_000


async def chatty():
    # Twenty tiny steps: each await hands the loop back at once.
    for _ in range(20):
        await asyncio.sleep(0)


async def waiting():
    # One call to another service, half a second away.
    await asyncio.sleep(0.5)


async def phase(name, work):
    start = time.perf_counter()
    await asyncio.gather(*(work() for _ in range(TASKS)))
    took = time.perf_counter() - start
    print(f"{TASKS:,} {name} tasks: {took * 1000:.0f} ms")


async def main():
    await phase("chatty", chatty)
    await phase("waiting", waiting)


uvloop.run(main())
