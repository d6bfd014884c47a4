# CPU work in a thread takes no (virtual) time; time.sleep in a thread does
import asyncio
import time

def crunch(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total

def nap(seconds):
    time.sleep(seconds)
    return f"napped {seconds}"

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    print(await asyncio.to_thread(crunch, 200_000))
    print(f"crunch took {loop.time() - t0:.1f}s")
    t0 = loop.time()
    print(await asyncio.to_thread(nap, 1.5))
    print(f"nap took {loop.time() - t0:.1f}s")
    t0 = loop.time()
    print(await asyncio.gather(asyncio.to_thread(nap, 1), asyncio.to_thread(crunch, 1000), asyncio.to_thread(nap, 0.5)))
    print(f"together {loop.time() - t0:.1f}s")

asyncio.run(main())
