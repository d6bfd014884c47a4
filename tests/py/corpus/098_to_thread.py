# asyncio.to_thread runs blocking code in a worker thread
import asyncio
import time

def blocking_io(name, seconds):
    print(f"start blocking {name}")
    time.sleep(seconds)
    print(f"blocking {name} complete")
    return name.upper()

async def main():
    start = time.perf_counter()
    results = await asyncio.gather(
        asyncio.to_thread(blocking_io, "a", 1),
        asyncio.to_thread(blocking_io, "b", 2),
        asyncio.sleep(1.5, "async sleep"),
    )
    print(results)
    print(f"took {time.perf_counter() - start:.2f}s")

asyncio.run(main())
