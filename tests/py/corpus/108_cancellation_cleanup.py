# Cleanup in finally when a task is cancelled
import asyncio

async def worker(name, resources):
    resources.append(name)
    print(f"{name}: acquired resource")
    try:
        while True:
            await asyncio.sleep(0.3)
            print(f"{name}: working")
    finally:
        resources.remove(name)
        print(f"{name}: released resource")

async def main():
    resources = []
    t1 = asyncio.create_task(worker("w1", resources))
    t2 = asyncio.create_task(worker("w2", resources))
    await asyncio.sleep(0.7)
    print("held:", resources)
    t1.cancel()
    await asyncio.sleep(0.5)
    t2.cancel()
    await asyncio.gather(t1, t2, return_exceptions=True)
    print("held:", resources)
    print(f"t={asyncio.get_running_loop().time():.1f}")

asyncio.run(main())
