# expect-outcome: exception
# Calling asyncio.run() from inside a running event loop is an error
import asyncio

async def inner():
    await asyncio.sleep(0.1)
    return "inner"

async def main():
    print("main started")
    await asyncio.sleep(0.5)
    coro = inner()
    try:
        return asyncio.run(coro)
    finally:
        coro.close()

asyncio.run(main())
