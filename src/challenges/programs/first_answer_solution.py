# Ask three mirrors for the same file and use whichever answers first; then cancel
# the slower downloads and wait for them to end, so none outlives main().
import asyncio


async def download(mirror, seconds):
    await asyncio.sleep(seconds)  # stands for the download
    return mirror


async def main():
    mirrors = {"eu": 0.6, "us": 0.3, "asia": 0.9}
    tasks = [asyncio.create_task(download(m, s)) for m, s in mirrors.items()]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(f"first answer from {done.pop().result()}")
    for task in pending:
        task.cancel()
    # Cancelling only asks: gather waits until each task has really stopped.
    await asyncio.gather(*pending, return_exceptions=True)
    print(f"cancelled {len(pending)} slower downloads")


asyncio.run(main())
