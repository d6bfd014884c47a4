# asyncio.wait with FIRST_EXCEPTION
import asyncio

async def good(delay):
    await asyncio.sleep(delay)
    return delay

async def bad(delay):
    await asyncio.sleep(delay)
    raise ValueError(f"failed after {delay}")

async def main():
    tasks = [asyncio.create_task(good(0.1)), asyncio.create_task(bad(0.2)),
             asyncio.create_task(good(0.5))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), "done,", len(pending), "pending")
    for t in tasks:
        if t in done:
            exc = t.exception()
            print("  done:", repr(exc) if exc else t.result())
    for t in pending:
        t.cancel()
    await asyncio.wait(pending)
    print([t.cancelled() for t in tasks])
    done, pending = await asyncio.wait([asyncio.create_task(good(0.1))], return_when=asyncio.FIRST_EXCEPTION)
    print("no exception -> waits for all:", len(done), len(pending))

asyncio.run(main())
