# Objects you can await: a class whose __await__ hands back another awaitable's
# __await__() (a coroutine's, asyncio.sleep's, a future's, a task's). gather and
# ensure_future wrap such an object in a task; create_task wants a coroutine.
import asyncio


async def brew(kind, seconds):
    await asyncio.sleep(seconds)
    return kind


class Order:
    def __init__(self, kind, seconds):
        self.kind = kind
        self.seconds = seconds

    def __await__(self):
        return brew(self.kind, self.seconds).__await__()


class Nap:
    def __init__(self, seconds):
        self.seconds = seconds

    def __await__(self):
        return asyncio.sleep(self.seconds, result="rested").__await__()


class Bell:
    """Rings when the loop's timer fires: a future set by call_later."""

    def __await__(self):
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        loop.call_later(0.2, fut.set_result, "ding")
        return fut.__await__()


class Ticket:
    """Started at once, as a task; awaiting the ticket awaits the task."""

    def __init__(self, kind):
        self.task = asyncio.create_task(brew(kind, 0.3))

    def __await__(self):
        return self.task.__await__()


class Wrong:
    def __await__(self):
        return 42


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print(await Order("tea", 0.5))
    print(await Nap(1))
    print(await Bell())
    print(await Ticket("coffee"))
    print(await asyncio.gather(Order("a", 0.3), Nap(0.5), Bell()))
    task = asyncio.ensure_future(Order("wrapped", 0.1))
    print(await task, type(task).__name__)
    try:
        asyncio.create_task(Order("no", 0.1))
    except TypeError as e:
        print("TypeError:", str(e).split(" got ")[0])
    try:
        await Wrong()
    except TypeError as e:
        print("TypeError:", e)
    print(f"{loop.time() - start:.1f} s")


asyncio.run(main())
