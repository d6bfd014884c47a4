# loop.create_future(), set_result, add_done_callback
import asyncio

def on_done(fut):
    print("callback: result =", fut.result())

async def set_later(fut, delay, value):
    await asyncio.sleep(delay)
    print("setting result")
    fut.set_result(value)

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("done?", fut.done(), "cancelled?", fut.cancelled())
    fut.add_done_callback(on_done)
    asyncio.create_task(set_later(fut, 0.5, 42))
    value = await fut
    print("awaited value", value, "done?", fut.done())
    try:
        fut.set_result(43)
    except asyncio.InvalidStateError:
        print("InvalidStateError: result already set")
    f2 = loop.create_future()
    try:
        f2.result()
    except asyncio.InvalidStateError:
        print("InvalidStateError: result not ready")
    f2.cancel()
    print("f2 cancelled?", f2.cancelled())

asyncio.run(main())
