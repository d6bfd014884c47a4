# A decorator for coroutine functions using functools.wraps
import asyncio
import functools
import time

def timed(func):
    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return await func(*args, **kwargs)
        finally:
            print(f"{func.__name__}{args} took {time.perf_counter() - start:.2f}s")
    return wrapper

@timed
async def brew(kind, minutes):
    """Brew a drink."""
    await asyncio.sleep(minutes / 10)
    return f"{kind} ready"

@timed
async def breakfast():
    return await asyncio.gather(brew("coffee", 4), brew("tea", 3))

async def main():
    print(await breakfast())
    print(brew.__name__, "|", brew.__doc__)

asyncio.run(main())
