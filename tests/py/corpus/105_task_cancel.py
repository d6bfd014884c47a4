# Task.cancel(), cancelled(), done()
import asyncio

async def long_job():
    try:
        print("job started")
        await asyncio.sleep(10)
        print("job finished")
    except asyncio.CancelledError:
        print("job got CancelledError")
        raise
    finally:
        print("job cleanup")

async def main():
    task = asyncio.create_task(long_job())
    await asyncio.sleep(1)
    print("done?", task.done())
    print("cancel() returned", task.cancel())
    try:
        await task
    except asyncio.CancelledError:
        print("main saw the task was cancelled")
    print("cancelled?", task.cancelled(), "done?", task.done())
    print("cancel again:", task.cancel())
    try:
        task.result()
    except asyncio.CancelledError:
        print("result() raises CancelledError")
    print(f"t={asyncio.get_running_loop().time():.1f}")

asyncio.run(main())
