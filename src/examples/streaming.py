# An async generator streams readings as they arrive; `async for` awaits each one, and
# the loop runs the other stream in between.
import asyncio


async def readings(sensor, count, every):
    for n in range(count):
        await asyncio.sleep(every)  # the next reading is not here yet
        yield f"{sensor} #{n + 1}"


async def monitor(sensor, count, every):
    async for reading in readings(sensor, count, every):
        print(reading)


async def main():
    await asyncio.gather(
        monitor("thermometer", 5, 0.2),
        monitor("barometer", 3, 0.35),
    )


asyncio.run(main())
