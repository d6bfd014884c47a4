# Three runners start together: each waits on the same asyncio.Event (the pistol),
# and one `set()` wakes them all at the same instant.
import asyncio


async def run(name, seconds, clock, pistol):
    await pistol.wait()  # on the blocks until the pistol fires
    print(f"{name} starts at {clock():.2f} s")
    await asyncio.sleep(seconds)  # the race
    print(f"{name} finishes at {clock():.2f} s")


async def main():
    loop = asyncio.get_running_loop()
    begin = loop.time()
    clock = lambda: loop.time() - begin  # seconds since main() began
    pistol = asyncio.Event()
    runners = []
    for name, seconds in [("ann", 0.3), ("bo", 0.22), ("cy", 0.27)]:
        await asyncio.sleep(0.1)  # the runner warms up
        runners.append(asyncio.create_task(run(name, seconds, clock, pistol)))
    await asyncio.sleep(0.2)  # ready, steady...
    print(f"bang at {clock():.2f} s")
    pistol.set()
    await asyncio.gather(*runners)


asyncio.run(main())
