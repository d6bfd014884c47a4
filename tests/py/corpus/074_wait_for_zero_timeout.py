# wait_for(coro, timeout=0): times out before the coroutine starts
import asyncio

async def x():
    print("x started")
    await asyncio.sleep(0.1)
    return "x result"

async def main():
    try:
        result = await asyncio.wait_for(x(), timeout=0)
        print("got", result)
    except TimeoutError:
        print("timed out immediately")
    print("negative timeout too:")
    try:
        await asyncio.wait_for(x(), timeout=-1)
    except TimeoutError:
        print("timed out")
    print(await asyncio.wait_for(x(), timeout=1))

asyncio.run(main())
