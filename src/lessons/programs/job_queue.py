# Lesson 12, producer and consumer: a queue hands jobs over, so processing overlaps fetching.
import asyncio
import time


async def fetch(url, latency):
    """Stands in for an HTTP request whose response takes `latency` seconds."""
    await asyncio.sleep(latency)
    return f"<Response {url} 200>"


def process(job):
    """Stands in for 0.1 s of CPU work: it holds the loop while it runs."""
    time.sleep(0.1)


async def producer(jobs):
    for n in range(1, 5):
        job = await fetch(f"/api/jobs/{n}.json", latency=0.3)
        await jobs.put(job)  # waits while the queue is full
    await jobs.put("STOP")


async def consumer(jobs):
    while True:
        job = await jobs.get()  # waits while the queue is empty
        if job == "STOP":
            break
        process(job)
        print(f"processed {job}")


async def main():
    jobs = asyncio.Queue(maxsize=2)
    start = time.perf_counter()
    await asyncio.gather(producer(jobs), consumer(jobs))
    print(f"all jobs done in {time.perf_counter() - start:.1f} s")


asyncio.run(main())
