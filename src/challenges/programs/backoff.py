# A service is down for its first 0.5 s and answers "503" until then. The program
# calls it once, and crashes with the error.
# Goal: retry with exponential backoff (wait 0.1 s, then 0.2 s, 0.4 s, ..., each with a
# little random jitter), so the call succeeds with at most 4 calls to the service.
import asyncio


async def call_service(since):
    """The service: down until 0.5 s after `since`, then it answers 42."""
    down = asyncio.get_running_loop().time() - since < 0.5
    await asyncio.sleep(0.05)  # the request's round trip
    if down:
        raise ConnectionError("503 Service Unavailable")
    return 42


async def main():
    started = asyncio.get_running_loop().time()
    answer = await call_service(started)
    print(f"the answer is {answer}")


asyncio.run(main())
