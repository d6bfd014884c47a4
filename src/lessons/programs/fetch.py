# Lesson 5, non-blocking I/O: while a request is in flight, the loop runs the other tasks.
import asyncio
import time


async def fetch(url, latency):
    """Stands in for an HTTP request whose response takes `latency` seconds."""
    await asyncio.sleep(latency)  # the request is sent: this task waits, the loop is free
    return f"<Response {url} 200>"


async def get_user():
    await fetch("/api/users/1.json", latency=1.0)
    return "user"


async def get_posts():
    await fetch("/api/posts.json", latency=2.0)
    return "posts"


async def get_comments():
    await fetch("/api/comments.json", latency=3.0)
    return "comments"


async def main():
    start = time.perf_counter()
    user, posts, comments = await asyncio.gather(get_user(), get_posts(), get_comments())
    print(f"{user}, {posts} and {comments} in {time.perf_counter() - start:.1f} s")


asyncio.run(main())
