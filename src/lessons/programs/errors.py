# Lesson 8, errors in tasks: return_exceptions=True hands an exception back as a result.
import asyncio


async def fetch(url, latency, fail=False):
    """Stands in for an HTTP request that takes `latency` seconds."""
    await asyncio.sleep(latency)
    if fail:
        raise ConnectionError(f"lost the connection to {url}")
    return f"<Response {url} 200>"


async def ok_fetch():
    await fetch("/api/users/1.json", latency=0.8)
    return "user"


async def broken_fetch():
    await fetch("/api/missing.json", latency=0.4, fail=True)


async def slow_fetch():
    await fetch("/api/posts.json", latency=1.2)
    return "posts"


async def fetch_all():
    results = await asyncio.gather(
        ok_fetch(), broken_fetch(), slow_fetch(), return_exceptions=True
    )
    print("got all three results")
    for result in results:
        print(f"  {result!r}")


asyncio.run(fetch_all())
