# expect-outcome: deadlock
# Consumers wait on an empty queue; the producer forgot to put anything
import asyncio

async def consumer(q, name):
    print(f"{name} waiting for work")
    item = await q.get()
    print(f"{name} got {item}")

async def producer(q):
    await asyncio.sleep(0.3)
    print("producer finished without producing")

async def main():
    q = asyncio.Queue()
    await asyncio.gather(consumer(q, "c1"), consumer(q, "c2"), producer(q))

asyncio.run(main())
