# Task.cancelling() counts pending cancellation requests
import asyncio

async def worker():
    task = asyncio.current_task()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cancelling() =", task.cancelling())
        task.uncancel()
        print("after uncancel() =", task.cancelling())
    await asyncio.sleep(0.5)
    return "recovered"

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.1)
    t.cancel()
    print(await t)
    print("cancelled?", t.cancelled())
    print(f"t={asyncio.get_running_loop().time():.1f}")

asyncio.run(main())
