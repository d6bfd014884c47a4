# Three downloads at once: gather starts them together, so the whole takes as long as
# the slowest, not the sum.
import asyncio
import time


async def fetch(url, latency):
    print(f"GET {url}")
    await asyncio.sleep(latency)  # stands for the network: the loop runs others meanwhile
    print(f"got {url}")
    return url


async def main():
    start = time.perf_counter()
    user, posts, comments = await asyncio.gather(
        fetch("/api/users/1.json", 1.0),
        fetch("/api/posts.json", 2.0),
        fetch("/api/comments.json", 3.0),
    )
    print(f"3 responses in {time.perf_counter() - start:.1f} s (1 + 2 + 3 = 6 s in turn)")


asyncio.run(main())
