# run_in_executor does not take keyword arguments: use functools.partial
import asyncio
import functools
import time

def download(url, *, retries=1, timeout=1.0):
    time.sleep(timeout / 2)
    return f"{url} (retries={retries}, timeout={timeout})"

async def main():
    loop = asyncio.get_running_loop()
    call = functools.partial(download, "https://a", retries=3, timeout=2.0)
    print(await loop.run_in_executor(None, call))
    print(await loop.run_in_executor(None, download, "https://b"))
    print(await asyncio.to_thread(download, "https://c", timeout=0.5))
    print(f"t={loop.time():.2f}")

asyncio.run(main())
