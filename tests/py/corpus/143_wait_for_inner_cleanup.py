# wait_for waits for the cancelled inner coroutine to finish its cleanup
import asyncio

async def slow_with_cleanup():
    try:
        await asyncio.sleep(10)
    finally:
        print(f"cleanup starts at {asyncio.get_running_loop().time():.1f}")
        await asyncio.sleep(0.5)
        print(f"cleanup ends at {asyncio.get_running_loop().time():.1f}")

async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.wait_for(slow_with_cleanup(), timeout=1)
    except TimeoutError:
        print(f"TimeoutError raised at {loop.time():.1f}")

asyncio.run(main())
