# Tasks start in creation order, only when the creator yields
import asyncio

async def job(n):
    print(f"job {n} starts")
    await asyncio.sleep(0.1)
    print(f"job {n} ends")

async def main():
    tasks = []
    for n in range(3):
        tasks.append(asyncio.create_task(job(n)))
        print(f"created task {n}")
    print("main yields now")
    await asyncio.sleep(0)
    print("main resumed")
    await asyncio.gather(*tasks)
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "call_soon callback")
    t = asyncio.create_task(job(99))
    print("before await")
    await t

asyncio.run(main())
