# asyncio.PriorityQueue returns the smallest item first
import asyncio

async def main():
    pq = asyncio.PriorityQueue()
    jobs = [(3, "low: cleanup"), (1, "urgent: fix prod"), (2, "normal: review"), (1, "urgent: call back")]
    for job in jobs:
        await pq.put(job)
    print("queued", pq.qsize())
    while not pq.empty():
        priority, name = await pq.get()
        print(priority, name)
        pq.task_done()

    async def worker():
        while True:
            prio, task = await pq.get()
            await asyncio.sleep(prio / 10)
            print(f"worker did {task}")
            pq.task_done()

    w = asyncio.create_task(worker())
    for prio, task in [(5, "e"), (1, "a"), (3, "c")]:
        pq.put_nowait((prio, task))
    await pq.join()
    w.cancel()
    print(f"t={asyncio.get_running_loop().time():.1f}")

asyncio.run(main())
