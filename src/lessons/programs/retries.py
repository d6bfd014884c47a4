# Lesson 17, calls to another service: give every call a timeout, and when one fails,
# retry after a pause that doubles each time (exponential backoff), plus some jitter.
import asyncio

TIMEOUT = 0.5  # s a call may take before we give up on it
ATTEMPTS = 4
FIRST_PAUSE = 0.2  # s before the first retry, then twice as long each time
# Jitter: a share of the pause that varies from one retry to the next, so that clients
# that failed together do not all come back at the same instant. Real clients draw it
# at random (random.uniform(0, 0.25)); a fixed list makes every run alike.
JITTER = [0.1, 0.25, 0.05]

# How the inventory service answers each call in turn: the first call hangs, the
# second fails at once, the third answers.
BEHAVIOUR = ["hangs", "fails", "answers"]
calls = 0


async def get_stock(item):
    """Asks the inventory service how many of `item` are in stock."""
    global calls
    behaviour = BEHAVIOUR[calls % len(BEHAVIOUR)]
    calls += 1
    if behaviour == "hangs":
        await asyncio.sleep(30)  # an overloaded server that never answers in time
    await asyncio.sleep(0.1)  # the round trip
    if behaviour == "fails":
        raise ConnectionError("503 Service Unavailable")
    return 12


def pause_before_retry(attempt):
    """The pause after failed attempt number `attempt` (1, 2, ...), with its jitter."""
    pause = FIRST_PAUSE * 2 ** (attempt - 1)
    return pause * (1 + JITTER[(attempt - 1) % len(JITTER)])


async def get_stock_with_retries(item):
    for attempt in range(1, ATTEMPTS + 1):
        try:
            async with asyncio.timeout(TIMEOUT):
                return await get_stock(item)
        except (TimeoutError, ConnectionError) as error:
            if attempt == ATTEMPTS:
                raise  # out of attempts: the caller sees the last error
            pause = pause_before_retry(attempt)
            reason = "timed out" if isinstance(error, TimeoutError) else error
            print(f"attempt {attempt}: {reason}; retrying in {pause:.2f} s")
            await asyncio.sleep(pause)


async def main():
    stock = await get_stock_with_retries("kettle")
    print(f"{stock} kettles in stock after {calls} calls")


asyncio.run(main())
