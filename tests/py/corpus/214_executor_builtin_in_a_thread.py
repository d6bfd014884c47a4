# A builtin handed to run_in_executor (time.sleep) runs in a worker thread, not on the loop.
import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    start = time.perf_counter()
    await asyncio.gather(
        loop.run_in_executor(None, time.sleep, 1),
        asyncio.to_thread(time.sleep, 2),
        asyncio.sleep(0.5),
    )
    print(f"{time.perf_counter() - start:.1f} s")


asyncio.run(main())
