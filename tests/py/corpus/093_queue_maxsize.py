# Bounded queue: put blocks when full, put_nowait raises QueueFull
import asyncio

async def slow_consumer(q):
    while True:
        item = await q.get()
        print(f"consumed {item} at {asyncio.get_running_loop().time():.1f}")
        await asyncio.sleep(1)
        q.task_done()

async def main():
    q = asyncio.Queue(maxsize=2)
    q.put_nowait(1)
    q.put_nowait(2)
    print("full:", q.full())
    try:
        q.put_nowait(3)
    except asyncio.QueueFull:
        print("QueueFull raised")
    consumer = asyncio.create_task(slow_consumer(q))
    for i in range(3, 6):
        await q.put(i)
        print(f"put {i} at {asyncio.get_running_loop().time():.1f}")
    await q.join()
    consumer.cancel()
    print("done at", asyncio.get_running_loop().time())

asyncio.run(main())
