# A retrying decorator for coroutines
import asyncio
import functools

def retry(times, delay):
    def decorator(func):
        @functools.wraps(func)
        async def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return await func(*args, **kwargs)
                except ConnectionError as e:
                    print(f"  attempt {attempt} failed: {e}")
                    if attempt == times:
                        raise
                    await asyncio.sleep(delay)
        return wrapper
    return decorator

calls = {}

@retry(times=3, delay=0.5)
async def connect(host, fail_times):
    calls[host] = calls.get(host, 0) + 1
    await asyncio.sleep(0.1)
    if calls[host] <= fail_times:
        raise ConnectionError(f"{host} refused")
    return f"connected to {host}"

async def main():
    print(await connect("db", 2))
    try:
        await connect("cache", 5)
    except ConnectionError as e:
        print("giving up:", e)
    print(calls, f"t={asyncio.get_running_loop().time():.1f}")

asyncio.run(main())
