# Nested asyncio.timeout blocks: the innermost expiring deadline wins
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(2):
            try:
                async with asyncio.timeout(0.5):
                    await asyncio.sleep(1)
            except TimeoutError:
                print(f"inner timeout at {loop.time():.1f}")
            await asyncio.sleep(5)
    except TimeoutError:
        print(f"outer timeout at {loop.time():.1f}")
    try:
        async with asyncio.timeout(0.5):
            async with asyncio.timeout(3):
                await asyncio.sleep(1)
    except TimeoutError:
        print(f"outer (shorter) timeout at {loop.time():.1f}")

asyncio.run(main())
