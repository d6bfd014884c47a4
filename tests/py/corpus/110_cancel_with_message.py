# task.cancel(msg) and the message seen by the task
import asyncio

async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("inside task, args:", e.args)
        raise

async def main():
    task = asyncio.create_task(sleeper())
    await asyncio.sleep(0.1)
    task.cancel("shutting down")
    try:
        await task
    except asyncio.CancelledError as e:
        print("outside, cancelled:", task.cancelled())
    t2 = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError as e:
        print("no message, args:", e.args)

asyncio.run(main())
