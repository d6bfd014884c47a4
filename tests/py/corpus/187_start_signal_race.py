# Runners wait for a start signal, then race; results in finishing order
import asyncio

async def runner(name, seconds, start, finish_line):
    await start.wait()
    await asyncio.sleep(seconds)
    finish_line.append(name)
    t = asyncio.get_running_loop().time()
    print(f"{name} finished in {t - 1:.2f}s")

async def main():
    start = asyncio.Event()
    finish_line = []
    runners = [asyncio.create_task(runner(n, p, start, finish_line))
               for n, p in [("lewis", 9.86), ("bolt", 9.58), ("owens", 10.25), ("flo", 9.75)]]
    print("on your marks...")
    await asyncio.sleep(1)
    print("go!")
    start.set()
    await asyncio.gather(*runners)
    for place, name in enumerate(finish_line, 1):
        print(place, name)

asyncio.run(main())
