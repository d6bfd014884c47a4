# Lesson 15, perf_counter: waits overlap across tasks, blocking work on the loop does not.
import asyncio
import time


async def fetch(url, latency):
    """Stands in for an HTTP request whose response takes `latency` seconds."""
    await asyncio.sleep(latency)
    return f"<Response {url} 200>"


def render(response):
    """Stands in for 0.2 s of CPU work: it holds the loop while it runs."""
    time.sleep(0.2)


async def handle_request():
    response = await fetch("/api/orders.json", latency=0.5)
    render(response)
    await asyncio.sleep(0.3)  # sending the page back takes another 0.3 s


async def main():
    start = time.perf_counter()
    await asyncio.gather(handle_request(), handle_request())
    print(f"2 requests in {time.perf_counter() - start:.1f} s")


asyncio.run(main())
