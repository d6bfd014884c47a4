# gather(return_exceptions=True) reports a cancelled child as CancelledError
import asyncio

async def job(n):
    await asyncio.sleep(n)
    return n

async def main():
    tasks = [asyncio.create_task(job(n)) for n in (0.1, 0.2, 0.3)]
    tasks[1].cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print([type(r).__name__ if isinstance(r, BaseException) else r for r in results])
    print(isinstance(results[1], asyncio.CancelledError))
    t2 = [asyncio.create_task(job(n)) for n in (0.1, 0.2)]
    t2[0].cancel()
    try:
        await asyncio.gather(*t2)
    except asyncio.CancelledError:
        print("without return_exceptions the CancelledError propagates")
    await asyncio.sleep(0.3)
    print("other task still finished:", t2[1].result())

asyncio.run(main())
