# Two transfers run at once. Each locks the account it takes money from, reads its
# balance, then locks the account it pays into. Run it: it never finishes.
# Goal: both transfers go through, with no deadlock and no money lost.
import asyncio

balances = {"alice": 100, "bob": 100}
locks = {name: asyncio.Lock() for name in balances}


async def transfer(source, target, amount):
    async with locks[source]:
        balance = balances[source]
        await asyncio.sleep(0.1)  # the database takes a moment to answer
        async with locks[target]:
            balances[source] = balance - amount
            balances[target] += amount
    print(f"moved {amount} from {source} to {target}")


async def main():
    await asyncio.gather(transfer("alice", "bob", 30), transfer("bob", "alice", 10))
    print(balances)


asyncio.run(main())
