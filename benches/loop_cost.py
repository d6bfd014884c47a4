"""What one callback costs asyncio's own event loop and uvloop's: the figures behind
Looplab's loop-cost setting (src/py/aio/cost.rs; BENCHMARKS.md, "The loop's own cost").

10,000 tasks each await asyncio.sleep(0) ten times, gathered; best of 5 on each loop;
then the run once more on asyncio's loop counting the callbacks (handles) it runs. The
cost of one callback is the best time over that count. Needs uvloop:

    python3.12 -m venv /tmp/uvenv && /tmp/uvenv/bin/pip install uvloop
    /tmp/uvenv/bin/python benches/loop_cost.py
"""
import asyncio
import asyncio.events
import sys
import time

import uvloop

TASKS, STEPS, RUNS = 10_000, 10, 5


async def worker():
    for _ in range(STEPS):
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(*(worker() for _ in range(TASKS)))


def best(run):
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def callbacks():
    count = 0
    run = asyncio.events.Handle._run

    def counted(handle):
        nonlocal count
        count += 1
        return run(handle)

    asyncio.events.Handle._run = counted
    try:
        asyncio.run(main())
    finally:
        asyncio.events.Handle._run = run
    return count


if __name__ == "__main__":
    print(f"CPython {sys.version.split()[0]}, uvloop {uvloop.__version__}")
    on_asyncio = best(lambda: asyncio.run(main()))
    on_uvloop = best(lambda: uvloop.run(main()))
    n = callbacks()
    print(f"asyncio {on_asyncio * 1e3:.1f} ms, uvloop {on_uvloop * 1e3:.1f} ms "
          f"({on_asyncio / on_uvloop:.2f}x), {n:,} callbacks")
    print(f"one callback: asyncio {on_asyncio / n * 1e9:.0f} ns, "
          f"uvloop {on_uvloop / n * 1e9:.0f} ns")
