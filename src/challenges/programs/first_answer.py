# Ask three mirrors for the same file and use whichever answers first.
# The winner is printed quickly, but the two slower downloads go on running until
# asyncio.run cancels them at exit: nobody stopped them.
# Goal: cancel the stragglers yourself as soon as the first answer arrives.
import asyncio


async def download(mirror, seconds):
    await asyncio.sleep(seconds)  # stands for the download
    return mirror


async def main():
    mirrors = {"eu": 0.6, "us": 0.3, "asia": 0.9}
    tasks = [asyncio.create_task(download(m, s)) for m, s in mirrors.items()]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(f"first answer from {done.pop().result()}")


asyncio.run(main())
