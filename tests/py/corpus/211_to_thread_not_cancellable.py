# A timed-out to_thread call keeps running: threads cannot be cancelled,
# and asyncio.run waits for the default executor before returning
import asyncio
import time

def long_blocking(log):
    time.sleep(3)
    log.append("thread finished anyway")
    return "late result"

async def main():
    loop = asyncio.get_running_loop()
    log = []
    try:
        await asyncio.wait_for(asyncio.to_thread(long_blocking, log), timeout=1)
    except TimeoutError:
        print(f"timed out at {loop.time():.1f}s")
    print("log so far:", log)
    await asyncio.sleep(2.5)
    print(f"at {loop.time():.1f}s log is", log)
    return log

start = time.perf_counter()
asyncio.run(main())
print(f"asyncio.run returned after {time.perf_counter() - start:.1f}s")
