# Task.result() / exception() in different states
import asyncio

async def ok():
    await asyncio.sleep(0.1)
    return "value"

async def broken():
    await asyncio.sleep(0.1)
    raise LookupError("no such row")

async def main():
    t = asyncio.create_task(ok())
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        print("not done yet:", e)
    await asyncio.sleep(0.2)
    print("result:", t.result(), "exception:", t.exception())
    b = asyncio.create_task(broken())
    await asyncio.wait([b])
    print("exception:", repr(b.exception()))
    try:
        b.result()
    except LookupError as e:
        print("result() re-raises:", e)
    c = asyncio.create_task(ok())
    await asyncio.sleep(0)
    c.cancel()
    await asyncio.sleep(0)
    for method in (c.result, c.exception):
        try:
            method()
        except asyncio.CancelledError:
            print(method.__name__, "raises CancelledError")

asyncio.run(main())
