# Deadline ties: a timeout and a sleep that end at the same instant
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.wait_for(asyncio.sleep(1, "slept"), timeout=1)
        print("sleep won")
    except TimeoutError:
        print(f"timeout won at {loop.time():.1f}")
    try:
        print(await asyncio.wait_for(asyncio.sleep(0.999, "slept"), timeout=1))
    except TimeoutError:
        print("unexpected timeout")
    async def two_timers():
        order = []
        loop.call_later(0.5, order.append, "first scheduled")
        loop.call_later(0.5, order.append, "second scheduled")
        loop.call_at(loop.time() + 0.5, order.append, "third scheduled")
        await asyncio.sleep(0.6)
        return order
    print(await two_timers())

asyncio.run(main())
