# A service is down for its first 0.5 s. The program retries with exponential backoff:
# after each failure it waits twice as long as before, plus a little random jitter so
# that many clients do not retry in lockstep.
import asyncio
import random


async def call_service(since):
    """The service: down until 0.5 s after `since`, then it answers 42."""
    down = asyncio.get_running_loop().time() - since < 0.5
    await asyncio.sleep(0.05)  # the request's round trip
    if down:
        raise ConnectionError("503 Service Unavailable")
    return 42


async def call_with_retries(since, attempts=5, delay=0.1):
    for attempt in range(attempts):
        try:
            return await call_service(since)
        except ConnectionError:
            if attempt == attempts - 1:
                raise  # out of attempts: let the caller see the error
            await asyncio.sleep(delay * (1 + random.random() / 10))
            delay *= 2


async def main():
    started = asyncio.get_running_loop().time()
    answer = await call_with_retries(started)
    print(f"the answer is {answer}")


asyncio.run(main())
