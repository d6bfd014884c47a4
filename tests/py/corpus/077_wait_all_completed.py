# asyncio.wait with ALL_COMPLETED (the default)
import asyncio

async def compute(x):
    await asyncio.sleep(x / 10)
    if x == 3:
        raise ArithmeticError("three is unlucky")
    return x * 2

async def main():
    tasks = [asyncio.create_task(compute(i)) for i in range(5)]
    done, pending = await asyncio.wait(tasks)
    print(len(done), len(pending))
    for t in tasks:
        if t.exception() is not None:
            print("exception:", t.exception())
        else:
            print("result:", t.result())
    print(f"{asyncio.get_running_loop().time():.1f}")

asyncio.run(main())
