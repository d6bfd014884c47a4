# loop.call_soon and loop.call_later
import asyncio

def callback(label, loop):
    print(f"{label} at {loop.time():.2f}")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.3, callback, "later 0.3", loop)
    loop.call_later(0.1, callback, "later 0.1", loop)
    loop.call_soon(callback, "soon 1", loop)
    loop.call_soon(callback, "soon 2", loop)
    h = loop.call_later(0.2, callback, "cancelled", loop)
    h.cancel()
    print("scheduled; cancelled handle:", h.cancelled())
    loop.call_at(loop.time() + 0.25, callback, "call_at 0.25", loop)
    await asyncio.sleep(0.5)
    print("main done")

asyncio.run(main())
