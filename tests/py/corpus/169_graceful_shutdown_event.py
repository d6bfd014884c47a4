# Graceful shutdown: workers stop when a shutdown Event is set
import asyncio

async def worker(name, stop, interval):
    count = 0
    while not stop.is_set():
        count += 1
        try:
            await asyncio.wait_for(stop.wait(), timeout=interval)
        except TimeoutError:
            pass
    print(f"{name} stopped after {count} iterations")
    return count

async def main():
    stop = asyncio.Event()
    tasks = [asyncio.create_task(worker(f"w{i}", stop, 0.3 * (i + 1))) for i in range(3)]
    await asyncio.sleep(2)
    print("requesting shutdown")
    stop.set()
    counts = await asyncio.gather(*tasks)
    print("counts:", counts, f"t={asyncio.get_running_loop().time():.1f}")

asyncio.run(main())
