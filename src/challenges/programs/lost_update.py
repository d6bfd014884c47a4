# Ten deposits of 10 reach one account at once. Each reads the balance, waits for the
# bank's ledger, then writes the new balance: they overwrite each other, and the
# balance ends at 10 instead of 100.
# Goal: let only one deposit at a time read and write the balance (asyncio.Lock).
import asyncio

balance = 0


async def deposit(amount):
    global balance
    current = balance
    await asyncio.sleep(0.05)  # the ledger is slow
    balance = current + amount


async def main():
    await asyncio.gather(*(deposit(10) for _ in range(10)))
    print(f"balance: {balance}")


asyncio.run(main())
