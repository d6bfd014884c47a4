# A producer and two consumers share a queue; the consumers stop when the work is done.
import asyncio


async def produce(queue, items):
    for item in items:
        await asyncio.sleep(0.1)
        await queue.put(item)
        print(f"put {item}")


async def consume(name, queue, done):
    while True:
        item = await queue.get()
        await asyncio.sleep(0.25)  # the work on one item
        done.append((name, item))
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    done = []
    workers = [asyncio.create_task(consume(f"worker {n}", queue, done)) for n in (1, 2)]
    await produce(queue, ["a", "b", "c", "d", "e"])
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print(done)


asyncio.run(main())
