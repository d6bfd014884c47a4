#!/usr/bin/env python3
"""Wall-clock benchmark of CPython running the reference workload on the
virtual-clock event loop of cpython_virtual.py.

Usage:  python3.13 tests/py/bench_cpython.py [N]     (N workers, default 10000)

Prints the best of 3 wall-clock times (seconds) for the whole asyncio.run().
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cpython_virtual  # noqa: E402  (checks the Python version)

import asyncio  # noqa: E402

_real_perf_counter = cpython_virtual._real_perf_counter


async def worker(i):
    for k in range(10):
        await asyncio.sleep(0.010 * (k % 7 + 1))


async def main(n):
    await asyncio.gather(*(worker(i) for i in range(n)))


def bench(n, repeat=3):
    cpython_virtual.install()
    best = None
    for _ in range(repeat):
        t0 = _real_perf_counter()
        asyncio.run(main(n))
        dt = _real_perf_counter() - t0
        best = dt if best is None else min(best, dt)
    return best


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    best = bench(n)
    print(f"{best:.3f}")
