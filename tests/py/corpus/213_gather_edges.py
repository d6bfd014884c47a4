# gather: a task passed twice, a done future, no arguments, return_exceptions, the first
# error, cancelling the outer future with a message, a cancelled child, bad arguments.
import asyncio
async def w(n, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(f"bad {n}")
    return n
async def main():
    t = asyncio.create_task(w(1, 0.1))
    print(await asyncio.gather(t, t, w(2, 0.2)))
    f = asyncio.get_running_loop().create_future()
    f.set_result(7)
    print(await asyncio.gather(f, w(3, 0.05)))
    print(await asyncio.gather())
    print(await asyncio.gather(w(4, 0.1, True), w(5, 0.2), return_exceptions=True))
    try:
        await asyncio.gather(w(6, 0.1, True), w(7, 0.3, True))
    except ValueError as e:
        print("caught", e)
    g = asyncio.gather(w(8, 1), w(9, 2))
    await asyncio.sleep(0.5)
    print(g.cancel("stop"), g.cancel())
    try:
        await g
    except asyncio.CancelledError as e:
        print("cancelled", repr(e), g.cancelled())
    t2 = asyncio.create_task(w(10, 1))
    g2 = asyncio.gather(t2, w(11, 0.1), return_exceptions=True)
    await asyncio.sleep(0.2)
    t2.cancel("bye")
    print(await g2)
    t3 = asyncio.create_task(w(12, 1))
    g3 = asyncio.gather(t3, w(13, 0.1))
    await asyncio.sleep(0.2)
    t3.cancel()
    try:
        print(await g3)
    except asyncio.CancelledError as e:
        print("g3 cancelled", repr(e))
    try:
        await asyncio.gather(1)
    except TypeError as e:
        print("TypeError", e)
    try:
        asyncio.gather(nope=1)
    except TypeError as e:
        print("TypeError", e)
    print(repr(asyncio.gather(w(14, 0))))
    await asyncio.sleep(1)
asyncio.run(main())
print("done")
