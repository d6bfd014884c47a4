# Future.set_exception and Future.exception()
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.2, fut.set_exception, ConnectionError("link down"))
    try:
        await fut
    except ConnectionError as e:
        print("awaiting raised:", repr(e))
    print("exception():", repr(fut.exception()))
    try:
        fut.result()
    except ConnectionError as e:
        print("result() raises too:", e)
    ok = loop.create_future()
    ok.set_result("fine")
    print("exception() of a successful future:", ok.exception())
    callbacks = []
    f3 = loop.create_future()
    f3.add_done_callback(lambda f: callbacks.append("first"))
    f3.add_done_callback(lambda f: callbacks.append("second"))
    f3.set_exception(ValueError("v"))
    await asyncio.sleep(0)
    print(callbacks, type(f3.exception()).__name__)

asyncio.run(main())
