# Task.add_done_callback: callbacks run in registration order, after the task finishes
import asyncio
import functools

def report(label, task):
    if task.cancelled():
        print(f"{label}: cancelled")
    elif task.exception():
        print(f"{label}: failed with {task.exception()!r}")
    else:
        print(f"{label}: result {task.result()!r}")

async def job(value, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(value)
    return value

async def main():
    t1 = asyncio.create_task(job("a", 0.2))
    t1.add_done_callback(functools.partial(report, "first"))
    t1.add_done_callback(functools.partial(report, "second"))
    t2 = asyncio.create_task(job("b", 0.1, fail=True))
    t2.add_done_callback(functools.partial(report, "t2"))
    t3 = asyncio.create_task(job("c", 5))
    t3.add_done_callback(functools.partial(report, "t3"))
    removed = t3.remove_done_callback(print)
    print("removed callbacks:", removed)
    await asyncio.sleep(0.3)
    t3.cancel()
    await asyncio.sleep(0)
    print("after cancel")

asyncio.run(main())
