# expect-outcome: exception
# An exception raised while handling another one escapes (with context)
import asyncio

class CleanupError(Exception):
    pass

async def operation():
    await asyncio.sleep(0.2)
    raise ConnectionError("connection lost")

async def main():
    try:
        await operation()
    except ConnectionError as e:
        print("handling:", e)
        await asyncio.sleep(0.1)
        raise CleanupError("could not roll back") from e

asyncio.run(main())
