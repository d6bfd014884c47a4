# A failing TaskGroup child cancels its siblings; handled with except*
import asyncio

cancelled = []  # siblings are cancelled in set order: collect, then sort

async def worker(name, delay):
    try:
        await asyncio.sleep(delay)
        print(f"{name} finished")
        return name
    except asyncio.CancelledError:
        cancelled.append(name)
        raise

async def failing(delay):
    await asyncio.sleep(delay)
    raise ValueError("something broke")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("quick", 0.1))
            tg.create_task(worker("slow", 1.0))
            tg.create_task(failing(0.5))
            tg.create_task(worker("slower", 2.0))
    except* ValueError as eg:
        print("caught:", [str(e) for e in eg.exceptions])
    print("cancelled:", sorted(cancelled))
    print(f"t={asyncio.get_running_loop().time():.1f}")

asyncio.run(main())
