# expect-outcome: deadlock
# Classic lock-ordering deadlock between two tasks
import asyncio

async def transfer(name, first, second):
    async with first:
        print(f"{name} holds its first lock")
        await asyncio.sleep(0.1)
        print(f"{name} wants its second lock")
        async with second:
            print(f"{name} got both locks")

async def main():
    lock_a, lock_b = asyncio.Lock(), asyncio.Lock()
    await asyncio.gather(
        transfer("t1", lock_a, lock_b),
        transfer("t2", lock_b, lock_a),
    )

asyncio.run(main())
