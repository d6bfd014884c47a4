# A plain thread submits coroutines to the event loop with run_coroutine_threadsafe
import asyncio
import threading
import time

async def remote_add(a, b):
    await asyncio.sleep(0.5)
    return a + b

def thread_body(loop, results):
    time.sleep(0.2)
    future = asyncio.run_coroutine_threadsafe(remote_add(1, 2), loop)
    results.append(future.result())
    loop.call_soon_threadsafe(print, "thread says hi via call_soon_threadsafe")

async def main():
    loop = asyncio.get_running_loop()
    results = []
    t = threading.Thread(target=thread_body, args=(loop, results))
    t.start()
    for i in range(4):
        await asyncio.sleep(0.25)
        print(f"loop still responsive at {loop.time():.2f}")
    await asyncio.to_thread(t.join)
    print("thread result:", results)

asyncio.run(main())
