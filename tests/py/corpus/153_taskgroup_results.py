# Collecting results from TaskGroup tasks
import asyncio

async def fetch(url, delay=0.5):
    await asyncio.sleep(delay)
    return f"<{url}>"

async def main():
    urls = ["a.org", "b.org", "c.org", "d.org"]
    async with asyncio.TaskGroup() as tg:
        tasks = {u: tg.create_task(fetch(u, 0.1 * (i + 1))) for i, u in enumerate(urls)}
    print({u: t.result() for u, t in tasks.items()})
    results = []
    async def collect(u, d):
        results.append(await fetch(u, d))
    async with asyncio.TaskGroup() as tg:
        for u, d in [("x", 0.3), ("y", 0.1), ("z", 0.2)]:
            tg.create_task(collect(u, d))
    print("completion order:", results)
    print(f"t={asyncio.get_running_loop().time():.1f}")

asyncio.run(main())
