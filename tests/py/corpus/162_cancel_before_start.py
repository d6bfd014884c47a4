# A task cancelled before it ever runs never executes its body
import asyncio

async def never_runs():
    print("this line never prints")

async def main():
    task = asyncio.create_task(never_runs())
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled before starting")
    print(task.cancelled(), task.done())
    t2 = asyncio.create_task(never_runs())
    await asyncio.sleep(0)
    print("t2 ran, cancel now returns", t2.cancel())

asyncio.run(main())
