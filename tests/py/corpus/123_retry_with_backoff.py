# Retry with exponential backoff
import asyncio

class TransientError(Exception):
    pass

attempts = {"count": 0}

async def flaky_call():
    attempts["count"] += 1
    await asyncio.sleep(0.1)
    if attempts["count"] < 4:
        raise TransientError(f"attempt {attempts['count']} failed")
    return "success"

async def retry(coro_fn, retries=5, base_delay=0.5):
    loop = asyncio.get_running_loop()
    for attempt in range(retries):
        try:
            return await coro_fn()
        except TransientError as e:
            delay = base_delay * 2 ** attempt
            print(f"{loop.time():5.2f}s {e}; retrying in {delay}s")
            await asyncio.sleep(delay)
    raise RuntimeError("out of retries")

async def main():
    result = await retry(flaky_call)
    print(result, "after", attempts["count"], "attempts")
    attempts["count"] = -10
    try:
        await retry(flaky_call, retries=2, base_delay=0.1)
    except RuntimeError as e:
        print("caught", e)
    print(f"t={asyncio.get_running_loop().time():.2f}")

asyncio.run(main())
