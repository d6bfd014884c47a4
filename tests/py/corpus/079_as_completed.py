# asyncio.as_completed yields results in completion order
import asyncio

async def download(name, seconds):
    await asyncio.sleep(seconds)
    return f"{name} ({seconds}s)"

async def main():
    coros = [download("big", 0.3), download("small", 0.1), download("medium", 0.2)]
    for i, next_done in enumerate(asyncio.as_completed(coros), 1):
        result = await next_done
        print(f"{i}: {result}")
    try:
        for fut in asyncio.as_completed([download("slow", 5)], timeout=1):
            await fut
    except TimeoutError:
        print(f"as_completed timed out at {asyncio.get_running_loop().time():.1f}")

asyncio.run(main())
