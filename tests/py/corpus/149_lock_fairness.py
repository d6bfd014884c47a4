# Waiters acquire an asyncio.Lock in FIFO order
import asyncio

async def user(lock, name, hold):
    print(f"{name} wants the lock")
    async with lock:
        print(f"{name} got it at {asyncio.get_running_loop().time():.1f}")
        await asyncio.sleep(hold)
    print(f"{name} released")

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(user(lock, n, 0.5) for n in ["ann", "bob", "cyd", "dan"]))

asyncio.run(main())
