# asyncio.Condition: notify one / notify all / wait_for
import asyncio

items = []

async def consumer(cond, name):
    async with cond:
        await cond.wait_for(lambda: len(items) > 0)
        item = items.pop(0)
        print(f"{name} consumed {item}")

async def producer(cond):
    for i in range(3):
        await asyncio.sleep(0.5)
        async with cond:
            items.append(f"item{i}")
            print(f"produced item{i}")
            cond.notify()

async def main():
    cond = asyncio.Condition()
    consumers = [asyncio.create_task(consumer(cond, f"c{i}")) for i in range(3)]
    await producer(cond)
    await asyncio.gather(*consumers)
    ready = False
    async def waiter(n):
        async with cond:
            await cond.wait_for(lambda: ready)
            print(f"waiter {n} woke")
    ws = [asyncio.create_task(waiter(i)) for i in range(2)]
    await asyncio.sleep(0.1)
    async with cond:
        ready = True
        cond.notify_all()
    await asyncio.gather(*ws)
    print(f"t={asyncio.get_running_loop().time():.1f}")

asyncio.run(main())
