# time.sleep blocks the event loop: the heartbeat stops. asyncio.to_thread does not.
import asyncio
import time


async def heartbeat(beats):
    for n in range(beats):
        print(f"beat {n} at {asyncio.get_running_loop().time():.1f}")
        await asyncio.sleep(0.2)


async def main():
    beating = asyncio.create_task(heartbeat(8))
    await asyncio.sleep(0.1)
    time.sleep(0.6)  # blocks the loop: no beat for 0.6 s
    await asyncio.to_thread(time.sleep, 0.6)  # in a thread: the beats go on
    await beating


asyncio.run(main())
