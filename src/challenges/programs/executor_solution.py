# Thumbnails of four photos are made by `resize`, a blocking library function. Each
# call runs in a worker thread of a pool (run_in_executor), so the loop stays free and
# the four run side by side.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def resize(photo):
    """A blocking library function: it knows nothing of asyncio."""
    time.sleep(0.3)
    return f"thumb-{photo}"


async def main():
    photos = ["cat.jpg", "dog.jpg", "owl.jpg", "fox.jpg"]
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=4) as pool:
        jobs = [loop.run_in_executor(pool, resize, photo) for photo in photos]
        thumbs = await asyncio.gather(*jobs)
    print(thumbs)


asyncio.run(main())
