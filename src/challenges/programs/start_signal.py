# Three runners should start together when the starting pistol fires. Each one is
# sent off as soon as it has warmed up, so they start at different times.
# Goal: make every runner wait for the pistol (an asyncio.Event) and start at 0.50 s.
import asyncio


async def run(name, seconds, clock):
    print(f"{name} starts at {clock():.2f} s")
    await asyncio.sleep(seconds)  # the race
    print(f"{name} finishes at {clock():.2f} s")


async def main():
    loop = asyncio.get_running_loop()
    begin = loop.time()
    clock = lambda: loop.time() - begin  # seconds since main() began
    runners = []
    for name, seconds in [("ann", 0.3), ("bo", 0.22), ("cy", 0.27)]:
        await asyncio.sleep(0.1)  # the runner warms up
        runners.append(asyncio.create_task(run(name, seconds, clock)))
    await asyncio.sleep(0.2)  # ready, steady...
    print(f"bang at {clock():.2f} s")
    await asyncio.gather(*runners)


asyncio.run(main())
