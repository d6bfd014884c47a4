# A service prints a heartbeat every 0.1 s while it reads a sensor three times.
# The reader waits with `await asyncio.sleep`, which gives the loop back to the
# heartbeat while the sensor settles.
import asyncio


async def heartbeat():
    for n in range(1, 6):
        print(f"beat {n}")
        await asyncio.sleep(0.1)


async def read_sensor():
    readings = []
    for n in range(3):
        await asyncio.sleep(0.15)  # let the sensor settle; the loop runs meanwhile
        readings.append(20 + n)
    print(f"readings: {readings}")


async def main():
    await asyncio.gather(heartbeat(), read_sensor())


asyncio.run(main())
