# Queue misuse: task_done() too many times, join with unfinished items
import asyncio

async def main():
    q = asyncio.Queue()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    for i in range(3):
        q.put_nowait(i)
    print("unfinished items:", q.qsize())
    async def finisher():
        while not q.empty():
            await asyncio.sleep(0.2)
            q.get_nowait()
            q.task_done()
            print(f"finished one at {asyncio.get_running_loop().time():.1f}")
    asyncio.create_task(finisher())
    await q.join()
    print("join returned, qsize =", q.qsize())
    try:
        q2 = asyncio.Queue(maxsize=1)
        q2.put_nowait("x")
        await asyncio.wait_for(q2.put("y"), timeout=0.3)
    except TimeoutError:
        print("put() blocked on a full queue until timeout")

asyncio.run(main())
