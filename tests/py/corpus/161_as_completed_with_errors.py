# as_completed with some failing coroutines
import asyncio

async def check(host, delay, healthy=True):
    await asyncio.sleep(delay)
    if not healthy:
        raise ConnectionError(f"{host} unreachable")
    return f"{host} ok"

async def main():
    checks = [check("web", 0.3), check("db", 0.1, healthy=False), check("cache", 0.2)]
    ok, failed = 0, 0
    for fut in asyncio.as_completed(checks):
        try:
            print(await fut)
            ok += 1
        except ConnectionError as e:
            print("FAILED:", e)
            failed += 1
    print(f"{ok} ok, {failed} failed at {asyncio.get_running_loop().time():.1f}s")

asyncio.run(main())
