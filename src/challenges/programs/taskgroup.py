# Three downloads are started with create_task and never awaited; main() sleeps for a
# second and hopes they are done by then. The slowest is not: its file is missing, and
# asyncio.run cancels it at exit.
# Goal: wait exactly as long as the downloads take, with asyncio.TaskGroup.
import asyncio

files = []


async def download(name, seconds):
    await asyncio.sleep(seconds)  # stands for the download
    files.append(f"{name}.zip")


async def main():
    for name, seconds in [("docs", 0.3), ("images", 0.5), ("video", 1.2)]:
        asyncio.create_task(download(name, seconds))
    await asyncio.sleep(1.0)  # should be enough...
    print(sorted(files))


asyncio.run(main())
