# Several countdown timers running concurrently
import asyncio

async def countdown(name, start, interval):
    loop = asyncio.get_running_loop()
    for n in range(start, 0, -1):
        print(f"{loop.time():4.1f} {name}: {n}")
        await asyncio.sleep(interval)
    print(f"{loop.time():4.1f} {name}: liftoff!")

async def main():
    await asyncio.gather(countdown("A", 3, 1.0), countdown("B", 4, 0.6), countdown("C", 2, 1.5))

asyncio.run(main())
