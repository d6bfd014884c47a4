# print(f"round {i}") in a loop with sleeps
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    for i in range(5):
        print(f"round {i}")
        await asyncio.sleep(0.2)
    print(f"5 rounds took {loop.time():.1f}s")
    i = 0
    while i < 3:
        i += 1
        await asyncio.sleep(0)
        print(f"round {i} (no delay)")

asyncio.run(main())
