# asyncio.wait(timeout=...) leaves unfinished tasks pending (not cancelled)
import asyncio

async def tick(n):
    await asyncio.sleep(n)
    return n

async def main():
    tasks = [asyncio.create_task(tick(n)) for n in (0.5, 1.5, 2.5)]
    done, pending = await asyncio.wait(tasks, timeout=1)
    print("after 1s:", sorted(t.result() for t in done), len(pending), "pending")
    print("pending cancelled?", [t.cancelled() for t in pending])
    done, pending = await asyncio.wait(pending, timeout=1)
    print("after 2s:", sorted(t.result() for t in done), len(pending), "pending")
    for t in pending:
        t.cancel()
    print(f"t={asyncio.get_running_loop().time():.1f}")

asyncio.run(main())
