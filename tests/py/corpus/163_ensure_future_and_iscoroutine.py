# ensure_future, iscoroutine, iscoroutinefunction, isfuture
import asyncio
import inspect

async def work(x):
    await asyncio.sleep(0.1)
    return x + 1

def plain(x):
    return x

async def main():
    coro = work(1)
    print(asyncio.iscoroutine(coro), inspect.iscoroutinefunction(work), inspect.iscoroutinefunction(plain))
    task = asyncio.ensure_future(coro)
    print(isinstance(task, asyncio.Task), asyncio.isfuture(task))
    print(await task)
    fut = asyncio.get_running_loop().create_future()
    print(asyncio.ensure_future(fut) is fut)
    fut.set_result("same future")
    print(await fut)
    t = asyncio.create_task(work(10))
    print(await asyncio.ensure_future(t), asyncio.ensure_future(t) is t)

asyncio.run(main())
