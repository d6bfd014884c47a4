# print("caught", e) for exceptions raised inside coroutines
import asyncio

async def might_fail(n):
    await asyncio.sleep(0.1)
    if n % 2:
        raise ValueError(f"odd number {n}")
    return n

async def main():
    for n in range(4):
        try:
            print("ok", await might_fail(n))
        except ValueError as e:
            print("caught", e)
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.5)
    except TimeoutError as e:
        print("caught", repr(e), type(e).__name__)
    try:
        {}["key"]
    except KeyError as e:
        print("caught", e)

asyncio.run(main())
