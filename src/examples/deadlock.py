# Two workers take the same two locks in opposite orders: each holds one and waits for
# the other, forever. Looplab stops the run and shows who waits for whom.
import asyncio


async def worker(name, first, second):
    async with first:
        print(f"{name} holds one lock")
        await asyncio.sleep(0.1)  # long enough for the other worker to take the second
        async with second:
            print(f"{name} holds both")


async def main():
    disk = asyncio.Lock()
    network = asyncio.Lock()
    await asyncio.gather(
        worker("backup", disk, network),
        worker("upload", network, disk),  # the fix: take them in the same order
    )


asyncio.run(main())
