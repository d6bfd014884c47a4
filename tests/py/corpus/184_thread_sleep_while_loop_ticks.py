# The event loop keeps ticking while a worker thread sleeps
import asyncio
import time

def slow_report():
    time.sleep(1.2)
    return "report ready"

async def ticker(stop):
    n = 0
    while not stop.is_set():
        await asyncio.sleep(0.25)
        n += 1
    return n

async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    tick_task = asyncio.create_task(ticker(stop))
    report = await loop.run_in_executor(None, slow_report)
    stop.set()
    ticks = await tick_task
    print(report, "| ticks while waiting:", ticks)
    print(f"t={loop.time():.2f}")

asyncio.run(main())
