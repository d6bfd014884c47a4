# Handling TimeoutError from wait_for and asyncio.timeout
import asyncio

async def respond(delay):
    await asyncio.sleep(delay)
    return f"response after {delay}s"

async def request_with_timeout(delay, limit):
    try:
        return await asyncio.wait_for(respond(delay), timeout=limit)
    except TimeoutError:
        return f"gave up after {limit}s"

async def main():
    for delay in (0.5, 1.5, 3):
        print(await request_with_timeout(delay, 1))
    print("TimeoutError is asyncio.TimeoutError:", TimeoutError is asyncio.TimeoutError)
    try:
        async with asyncio.timeout(0.2):
            await respond(1)
    except TimeoutError as e:
        print("caught", type(e).__name__, repr(str(e)))
    print(f"t={asyncio.get_running_loop().time():.1f}")

asyncio.run(main())
