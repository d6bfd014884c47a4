# A producer puts 6 jobs on a queue, and two workers process them. main() returns as
# soon as the producer is done: the jobs still queued are never processed, and the
# workers are left waiting until asyncio.run cancels them.
# Goal: process every job, then stop the workers cleanly before main() returns.
import asyncio


async def producer(queue):
    for job in range(1, 7):
        await queue.put(job)
        await asyncio.sleep(0.05)  # jobs arrive one by one


async def worker(queue, done):
    while True:
        job = await queue.get()
        await asyncio.sleep(0.2)  # process the job
        done.append(job)
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    done = []
    workers = [asyncio.create_task(worker(queue, done)) for _ in range(2)]
    await producer(queue)
    print(f"processed {sorted(done)}")


asyncio.run(main())
