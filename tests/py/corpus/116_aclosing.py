# contextlib.aclosing makes sure an async generator is finalised
import asyncio
import contextlib

async def ticks(n):
    try:
        for i in range(n):
            await asyncio.sleep(0.1)
            yield i
    finally:
        print("generator finalised")

async def main():
    async with contextlib.aclosing(ticks(10)) as agen:
        async for i in agen:
            print("tick", i)
            if i == 2:
                break
        print("after break, before aclosing exit")
    print("after async with")
    gen = ticks(3)
    print(await gen.__anext__(), await anext(gen))
    await gen.aclose()
    print(f"t={asyncio.get_running_loop().time():.1f}")

asyncio.run(main())
