# Old-style API: new_event_loop + run_until_complete
import asyncio

async def greet(name, delay):
    await asyncio.sleep(delay)
    return f"hello {name}"

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
try:
    print(loop.run_until_complete(greet("world", 1)))
    task = loop.create_task(greet("task", 0.5))
    print(loop.run_until_complete(task))
    print(loop.run_until_complete(asyncio.gather(greet("a", 0.1), greet("b", 0.2))))
    print(f"loop time {loop.time():.1f}")
    print("running?", loop.is_running(), "closed?", loop.is_closed())
finally:
    loop.close()
    asyncio.set_event_loop(None)
print("closed?", loop.is_closed())
