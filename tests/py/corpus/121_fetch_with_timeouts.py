# Simulated network with per-request timeouts
import asyncio

LATENCY = {"fast.io": 0.1, "ok.net": 0.6, "slow.org": 2.5, "dead.host": 30}

async def fetch(url, delay=0.5):
    await asyncio.sleep(delay)
    return f"<{url}>"

async def fetch_or_none(url, timeout):
    try:
        return await asyncio.wait_for(fetch(url, LATENCY[url]), timeout)
    except TimeoutError:
        print(f"  {url} timed out")
        return None

async def main():
    loop = asyncio.get_running_loop()
    results = await asyncio.gather(*(fetch_or_none(u, 1.0) for u in LATENCY))
    print(dict(zip(LATENCY, results)))
    ok = [r for r in results if r]
    print(f"{len(ok)}/{len(results)} succeeded in {loop.time():.1f}s")

asyncio.run(main())
