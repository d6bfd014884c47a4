# asyncio.Queue basics: put, get, qsize, empty, full
import asyncio

async def main():
    q = asyncio.Queue()
    print("empty:", q.empty(), "qsize:", q.qsize(), "maxsize:", q.maxsize)
    for word in ["alpha", "beta", "gamma"]:
        await q.put(word)
    q.put_nowait("delta")
    print("qsize:", q.qsize(), "full:", q.full())
    while not q.empty():
        item = await q.get()
        print("got", item)
        q.task_done()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty raised")
    await q.join()
    print("join returned immediately")

asyncio.run(main())
