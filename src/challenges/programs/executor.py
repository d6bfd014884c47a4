# Thumbnails of four photos are made by `resize`, a blocking library function that
# takes 0.3 s. Called from the coroutine, each call holds the event loop: nothing else
# can run meanwhile, and the four take 1.2 s.
# Goal: run resize in worker threads, so the loop is never held for more than 100 ms
# and the four thumbnails are ready in under 0.5 s.
import asyncio
import time


def resize(photo):
    """A blocking library function: it knows nothing of asyncio."""
    time.sleep(0.3)
    return f"thumb-{photo}"


async def main():
    photos = ["cat.jpg", "dog.jpg", "owl.jpg", "fox.jpg"]
    thumbs = [resize(photo) for photo in photos]
    print(thumbs)


asyncio.run(main())
