# Lesson 20, logging and monitoring: log lines stamped with the loop's clock, and each
# request's duration, show when the loop was held by a blocking call.
import asyncio
import time

START = time.monotonic()  # the clock loop.time() reads


def log(message):
    """Prints `message` stamped with the loop's clock: seconds since the program started."""
    now = asyncio.get_running_loop().time() - START
    print(f"[{now:.1f} s] {message}")


def save_audit_record(request):
    """A synchronous library call: it holds the thread, and with it the event loop."""
    time.sleep(0.3)


async def handle(request, query_s):
    started = asyncio.get_running_loop().time()
    log(f"{request}: querying the database")
    await asyncio.sleep(query_s)  # the query: the loop serves others meanwhile
    if request.startswith("POST"):
        save_audit_record(request)  # no await: nothing else runs for 0.3 s
    took = asyncio.get_running_loop().time() - started
    log(f"{request}: answered in {took:.1f} s")


async def main():
    await asyncio.gather(
        handle("GET /users", 0.2),
        handle("POST /orders", 0.3),
        handle("GET /products", 0.4),
    )


asyncio.run(main())
