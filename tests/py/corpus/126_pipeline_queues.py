# A three-stage pipeline connected by queues
import asyncio

async def generate(out_q, n):
    for i in range(n):
        await asyncio.sleep(0.1)
        await out_q.put(i)
    await out_q.put(None)

async def square(in_q, out_q):
    while (item := await in_q.get()) is not None:
        await asyncio.sleep(0.15)
        await out_q.put(item * item)
    await out_q.put(None)

async def collect(in_q, results):
    while (item := await in_q.get()) is not None:
        results.append(item)
        print(f"collected {item} at {asyncio.get_running_loop().time():.2f}")

async def main():
    q1, q2 = asyncio.Queue(maxsize=2), asyncio.Queue()
    results = []
    await asyncio.gather(generate(q1, 5), square(q1, q2), collect(q2, results))
    print(results, sum(results))

asyncio.run(main())
