# Future done callbacks with functools.partial and a results registry
import asyncio
import functools

def store(registry, key, fut):
    registry[key] = fut.result()
    print(f"stored {key} -> {fut.result()}")

async def main():
    loop = asyncio.get_running_loop()
    registry = {}
    futures = []
    for i, delay in enumerate([0.3, 0.1, 0.2]):
        fut = loop.create_future()
        fut.add_done_callback(functools.partial(store, registry, f"job{i}"))
        loop.call_later(delay, fut.set_result, i * 100)
        futures.append(fut)
    await asyncio.gather(*futures)
    print(registry)

asyncio.run(main())
