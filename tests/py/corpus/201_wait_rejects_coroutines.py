# asyncio.wait needs tasks/futures; create_task needs a coroutine
import asyncio

async def job():
    await asyncio.sleep(0.1)
    return "job"

async def main():
    coro = job()
    try:
        await asyncio.wait([coro])
    except TypeError as e:
        print("TypeError from wait:", e)
    finally:
        coro.close()
    try:
        asyncio.create_task(job)
    except TypeError:
        print("TypeError: create_task needs a coroutine object, not a function")
    try:
        await 42
    except TypeError:
        print("TypeError: int is not awaitable")
    done, _ = await asyncio.wait([asyncio.create_task(job())])
    print([t.result() for t in done])

asyncio.run(main())
