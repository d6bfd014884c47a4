# Lesson 7, run_in_executor: blocking work runs on worker threads while the loop stays free.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def resize(path):
    """Blocking work: on the loop's thread it would hold every task up."""
    time.sleep(0.8)
    return f"{path} resized"


async def resize_image(pool, path):
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(pool, resize, path)


async def heartbeat():
    for _ in range(4):
        await asyncio.sleep(0.2)
        print("tick")


async def main():
    start = time.perf_counter()
    ticking = asyncio.create_task(heartbeat())
    with ThreadPoolExecutor(max_workers=2) as pool:
        resized = await asyncio.gather(
            resize_image(pool, "cat.png"),
            resize_image(pool, "dog.png"),
            resize_image(pool, "owl.png"),
        )
    await ticking
    print(f"{', '.join(resized)} in {time.perf_counter() - start:.1f} s")


asyncio.run(main())
