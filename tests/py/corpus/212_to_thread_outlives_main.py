# asyncio.run's shutdown waits for a still-sleeping executor job
import asyncio
import time

def background_save():
    time.sleep(2)
    print("save finished in the thread")

async def main():
    loop = asyncio.get_running_loop()
    loop.run_in_executor(None, background_save)
    await asyncio.sleep(0.5)
    print(f"main returns at {loop.time():.1f}s")

start = time.perf_counter()
asyncio.run(main())
print(f"program continues at {time.perf_counter() - start:.1f}s")
