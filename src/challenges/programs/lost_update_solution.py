# Ten deposits of 10 reach one account at once. A Lock lets one deposit at a time
# read, wait and write the balance, so none overwrites another's.
import asyncio

balance = 0
ledger = asyncio.Lock()


async def deposit(amount):
    global balance
    async with ledger:
        current = balance
        await asyncio.sleep(0.05)  # the ledger is slow
        balance = current + amount


async def main():
    await asyncio.gather(*(deposit(10) for _ in range(10)))
    print(f"balance: {balance}")


asyncio.run(main())
