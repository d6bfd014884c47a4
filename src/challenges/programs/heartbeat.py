# A service prints a heartbeat every 0.1 s while it reads a sensor three times.
# The reader waits for the sensor with time.sleep, which holds the whole event loop:
# the heartbeat stops while it waits.
# Goal: the heartbeat keeps its beat; nothing holds the loop for more than 100 ms.
import asyncio
import time


async def heartbeat():
    for n in range(1, 6):
        print(f"beat {n}")
        await asyncio.sleep(0.1)


async def read_sensor():
    readings = []
    for n in range(3):
        time.sleep(0.15)  # let the sensor settle
        readings.append(20 + n)
    print(f"readings: {readings}")


async def main():
    await asyncio.gather(heartbeat(), read_sensor())


asyncio.run(main())
