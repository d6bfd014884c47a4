# Lesson 10, deadlock: two tasks take two locks in opposite orders and wait forever.
import asyncio


async def transfer_ab(lock_a, lock_b):
    async with lock_a:
        await asyncio.sleep(0.1)  # transfer_ba takes lock_b meanwhile
        async with lock_b:
            print("moved a to b")


async def transfer_ba(lock_a, lock_b):
    async with lock_b:
        await asyncio.sleep(0.1)
        async with lock_a:
            print("moved b to a")


async def main():
    lock_a = asyncio.Lock()
    lock_b = asyncio.Lock()
    await asyncio.gather(transfer_ab(lock_a, lock_b), transfer_ba(lock_a, lock_b))


asyncio.run(main())
