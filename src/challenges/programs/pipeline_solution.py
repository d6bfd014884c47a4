# A producer puts 6 jobs on a queue, and two workers process them. main() waits until
# every job is processed (queue.join), then cancels the idle workers and waits for
# them to stop.
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
    await queue.join()  # every job taken has been marked done
    for w in workers:
        w.cancel()  # they wait on an empty queue: stop them
    await asyncio.gather(*workers, return_exceptions=True)
    print(f"processed {sorted(done)}")


asyncio.run(main())
