# Cancelling a gather cancels all of its children
import asyncio

async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        print(f"{name} done")
        return name
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise

async def main():
    group = asyncio.gather(child("a", 0.1), child("b", 1), child("c", 2))
    await asyncio.sleep(0.5)
    group.cancel()
    try:
        await group
    except asyncio.CancelledError:
        print("gather was cancelled")
    print("group cancelled?", group.cancelled())
    t = asyncio.create_task(child("outer", 1))
    inner = asyncio.gather(t, return_exceptions=True)
    await asyncio.sleep(0.1)
    t.cancel()
    print("gather result:", [type(r).__name__ for r in await inner])

asyncio.run(main())
