# ThreadPoolExecutor.submit + asyncio.wrap_future
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

def resize(image, seconds):
    time.sleep(seconds)
    return f"{image} resized"

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    with ThreadPoolExecutor(max_workers=3) as pool:
        cfs = [pool.submit(resize, f"img{i}.png", 0.5 * (i + 1)) for i in range(3)]
        for coro in asyncio.as_completed([asyncio.wrap_future(f) for f in cfs]):
            print(await coro, f"at {loop.time() - start:.1f}s")
    print("all done:", [f.result() for f in cfs])
    print("done():", [f.done() for f in cfs])

asyncio.run(main())
