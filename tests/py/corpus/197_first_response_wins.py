# Query several mirrors, keep the first answer, cancel the rest
import asyncio

async def query(mirror, latency):
    try:
        await asyncio.sleep(latency)
        return f"answer from {mirror}"
    except asyncio.CancelledError:
        print(f"{mirror} cancelled")
        raise

async def first_of(coros):
    tasks = [asyncio.create_task(c) for c in coros]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    for t in tasks:
        if t in pending:
            t.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    return done.pop().result()

async def main():
    mirrors = {"eu": 0.35, "us": 0.12, "asia": 0.5}
    winner = await first_of(query(m, l) for m, l in mirrors.items())
    print(winner, f"at {asyncio.get_running_loop().time():.2f}s")

asyncio.run(main())
