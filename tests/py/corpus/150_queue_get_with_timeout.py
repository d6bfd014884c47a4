# Waiting for queue items with a timeout
import asyncio

async def sporadic_producer(q):
    for delay, item in [(0.2, "a"), (0.3, "b"), (1.8, "late")]:
        await asyncio.sleep(delay)
        await q.put(item)

async def main():
    q = asyncio.Queue()
    producer = asyncio.create_task(sporadic_producer(q))
    loop = asyncio.get_running_loop()
    misses = 0
    while misses < 2:
        try:
            item = await asyncio.wait_for(q.get(), timeout=1)
            print(f"got {item} at {loop.time():.1f}")
        except TimeoutError:
            misses += 1
            print(f"no item within 1s (miss {misses}) at {loop.time():.1f}")
    await producer
    print("left in queue:", q.qsize())

asyncio.run(main())
