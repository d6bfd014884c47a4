# asyncio.Event: one task signals several waiters
import asyncio

async def waiter(event, name):
    print(f"{name} waiting")
    await event.wait()
    print(f"{name} released at {asyncio.get_running_loop().time():.1f}")

async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(event, f"w{i}")) for i in range(3)]
    await asyncio.sleep(1)
    print("is_set before:", event.is_set())
    event.set()
    await asyncio.gather(*tasks)
    print("is_set after:", event.is_set())
    event.clear()
    print("cleared:", event.is_set())
    asyncio.get_running_loop().call_later(0.5, event.set)
    await event.wait()
    print(f"set by call_later at {asyncio.get_running_loop().time():.1f}")

asyncio.run(main())
