# expect-outcome: deadlock
# Two tasks each wait for the other's event before setting their own
import asyncio

async def alice(mine, theirs):
    print("alice waits for bob")
    await theirs.wait()
    mine.set()

async def bob(mine, theirs):
    print("bob waits for alice")
    await theirs.wait()
    mine.set()

async def main():
    a_ready, b_ready = asyncio.Event(), asyncio.Event()
    await asyncio.sleep(0.5)
    await asyncio.gather(alice(a_ready, b_ready), bob(b_ready, a_ready))
    print("never printed")

asyncio.run(main())
