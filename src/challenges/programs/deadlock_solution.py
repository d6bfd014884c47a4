# Two transfers run at once. Each takes both locks in the same order (alphabetical),
# so neither can hold one lock while waiting for the other's: no deadlock.
import asyncio

balances = {"alice": 100, "bob": 100}
locks = {name: asyncio.Lock() for name in balances}


async def transfer(source, target, amount):
    first, second = sorted([source, target])
    async with locks[first], locks[second]:
        balance = balances[source]
        await asyncio.sleep(0.1)  # the database takes a moment to answer
        balances[source] = balance - amount
        balances[target] += amount
    print(f"moved {amount} from {source} to {target}")


async def main():
    await asyncio.gather(transfer("alice", "bob", 30), transfer("bob", "alice", 10))
    print(balances)


asyncio.run(main())
