# Breaking out of `async for` and explicitly closing the async generator
import asyncio

async def numbers():
    try:
        n = 0
        while True:
            yield n
            n += 1
            await asyncio.sleep(0.1)
    finally:
        print("numbers() cleaned up")

async def main():
    gen = numbers()
    async for n in gen:
        print("got", n)
        if n == 2:
            break
    print("loop exited; closing explicitly")
    await gen.aclose()
    print("closed")
    try:
        await anext(gen)
    except StopAsyncIteration:
        print("StopAsyncIteration after close")

asyncio.run(main())
