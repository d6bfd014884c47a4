# Several producers blocked by a small bounded queue
import asyncio

async def producer(name, q, n):
    for i in range(n):
        await q.put(f"{name}{i}")
    print(f"{name} finished producing at {asyncio.get_running_loop().time():.1f}")

async def consumer(q, out):
    while True:
        item = await q.get()
        await asyncio.sleep(0.2)
        out.append(item)
        q.task_done()

async def main():
    q = asyncio.Queue(maxsize=2)
    out = []
    c = asyncio.create_task(consumer(q, out))
    await asyncio.gather(producer("a", q, 3), producer("b", q, 3))
    await q.join()
    c.cancel()
    print(out)
    print(f"t={asyncio.get_running_loop().time():.1f}")

asyncio.run(main())
