# A text progress bar updated while a download runs
import asyncio

async def download(size, chunk, progress):
    got = 0
    while got < size:
        await asyncio.sleep(0.1)
        got = min(size, got + chunk)
        progress["done"] = got
    return got

async def show_progress(progress, size):
    while progress["done"] < size:
        frac = progress["done"] / size
        bar = "#" * int(frac * 20)
        print(f"[{bar:<20}] {frac:4.0%}")
        await asyncio.sleep(0.25)
    print(f"[{'#' * 20}] 100% done")

async def main():
    progress = {"done": 0}
    size = 1000
    await asyncio.gather(download(size, 90, progress), show_progress(progress, size))
    print(f"t={asyncio.get_running_loop().time():.2f}")

asyncio.run(main())
