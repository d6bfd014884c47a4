# TimerHandle.when(), cancel() and a self-rescheduling callback
import asyncio

def tick(loop, remaining, done):
    print(f"tick at {loop.time():.1f}, {remaining} left")
    if remaining > 1:
        loop.call_later(0.5, tick, loop, remaining - 1, done)
    else:
        done.set_result("ticking finished")

async def main():
    loop = asyncio.get_running_loop()
    handle = loop.call_later(2, print, "should not run")
    print("scheduled for", handle.when())
    handle.cancel()
    print("cancelled:", handle.cancelled())
    done = loop.create_future()
    loop.call_soon(tick, loop, 4, done)
    print(await done)
    print(f"t={loop.time():.1f}")

asyncio.run(main())
