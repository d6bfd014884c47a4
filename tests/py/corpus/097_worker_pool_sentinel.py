# Worker pool that stops on a sentinel value (None)
import asyncio

async def worker(name, queue, results):
    while True:
        job = await queue.get()
        if job is None:
            print(f"{name} stopping")
            queue.task_done()
            break
        await asyncio.sleep(job / 10)
        results.append((job, name))
        queue.task_done()

async def main():
    queue = asyncio.Queue()
    results = []
    for job in [3, 1, 2, 6, 4]:
        queue.put_nowait(job)
    workers = [asyncio.create_task(worker(f"w{i}", queue, results)) for i in range(3)]
    for _ in workers:
        queue.put_nowait(None)
    await asyncio.gather(*workers)
    print(results)
    print(f"finished at {asyncio.get_running_loop().time():.1f}")

asyncio.run(main())
