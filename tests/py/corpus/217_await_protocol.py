# What await does underneath: an __await__ written as a generator. Each value it yields
# goes to the task that runs it: None gives the loop a turn (as sleep(0) does); a future
# is waited for through `yield from future.__await__()`; a future yielded bare, or any
# other value, is thrown back in as a RuntimeError. Driven by hand, a coroutine hands
# the values to send().
import asyncio


class Turn:
    """Gives the other tasks a turn, like asyncio.sleep(0)."""

    def __await__(self):
        yield


class Ready:
    """Waits for a future, as awaiting it does."""

    def __init__(self, fut):
        self.fut = fut

    def __await__(self):
        value = yield from self.fut.__await__()
        return "ready: " + value


class Both:
    def __await__(self):
        first = yield from Turn().__await__()
        slept = yield from asyncio.sleep(0.1, result="nap").__await__()
        return first, slept


class Bad:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        try:
            yield self.value
        except RuntimeError as e:
            print("  thrown in:", str(e).split(" in task")[0].split(" with ")[0])
        return "recovered"


async def worker(name, turns):
    for i in range(turns):
        print(name, i)
        await Turn()


async def main():
    loop = asyncio.get_running_loop()
    await asyncio.gather(worker("a", 3), worker("b", 2))
    fut = loop.create_future()
    loop.call_later(0.5, fut.set_result, "set later")
    print(await Ready(fut))
    print(await Both())
    print(await Bad(42))
    print(await Bad(loop.create_future()))
    failing = loop.create_future()
    loop.call_later(0.2, failing.set_exception, ValueError("no luck"))
    try:
        await Ready(failing)
    except ValueError as e:
        print("ValueError:", e)
    stuck = asyncio.ensure_future(Ready(loop.create_future()))
    await asyncio.sleep(0.1)
    print(stuck.cancel())
    try:
        await stuck
    except asyncio.CancelledError:
        print("cancelled while it waited")
    print(f"{loop.time():.1f}")


async def by_hand():
    value = await Turn()
    print("by hand got", value)
    await asyncio.sleep(0)
    return "done"


coro = by_hand()
print(coro.send(None))
print(coro.send("sent in"))
try:
    coro.send(None)
except StopIteration as stop:
    print("returned", stop.value)

asyncio.run(main())
