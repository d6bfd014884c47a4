# Producer / consumer with queue.join() and task_done()
import asyncio

async def producer(queue, n):
    for i in range(n):
        await asyncio.sleep(0.1)
        await queue.put(i)
        print(f"produced {i}")

async def consumer(queue, name):
    while True:
        item = await queue.get()
        await asyncio.sleep(0.25)
        print(f"{name} processed {item}")
        queue.task_done()

async def main():
    queue = asyncio.Queue()
    consumers = [asyncio.create_task(consumer(queue, f"consumer-{i}")) for i in range(2)]
    await producer(queue, 6)
    await queue.join()
    print(f"all processed at {asyncio.get_running_loop().time():.2f}")
    for c in consumers:
        c.cancel()
    results = await asyncio.gather(*consumers, return_exceptions=True)
    print([type(r).__name__ for r in results])

asyncio.run(main())
