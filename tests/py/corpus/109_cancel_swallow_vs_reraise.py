# Swallowing CancelledError vs re-raising it
import asyncio

async def polite():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("polite: cleaning up, then re-raising")
        raise

async def stubborn():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("stubborn: ignoring cancellation")
    return "stubborn result"

async def main():
    t1 = asyncio.create_task(polite())
    t2 = asyncio.create_task(stubborn())
    await asyncio.sleep(0.1)
    t1.cancel()
    t2.cancel()
    r = await asyncio.gather(t1, t2, return_exceptions=True)
    print([type(x).__name__ if isinstance(x, BaseException) else x for x in r])
    print("t1 cancelled:", t1.cancelled(), "| t2 cancelled:", t2.cancelled())
    print("CancelledError is an Exception?", issubclass(asyncio.CancelledError, Exception))

asyncio.run(main())
