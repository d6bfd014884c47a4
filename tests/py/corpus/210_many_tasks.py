# Thousands of lightweight tasks
import asyncio
import time

async def tiny(i):
    await asyncio.sleep((i % 10) / 100)
    return i % 3

async def main():
    start = time.perf_counter()
    results = await asyncio.gather(*(tiny(i) for i in range(5000)))
    print(len(results), sum(results), results[:10])
    print(f"took {time.perf_counter() - start:.2f}s of virtual time")
    tasks = [asyncio.create_task(tiny(i)) for i in range(1000)]
    await asyncio.sleep(0.05)
    done = sum(t.done() for t in tasks)
    print("done after 0.05s:", done)
    await asyncio.wait(tasks)
    print("all done:", all(t.done() for t in tasks))

asyncio.run(main())
