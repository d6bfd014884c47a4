# Three downloads run in a TaskGroup: leaving the `async with` block waits for every
# task started in it (and, had one failed, would cancel the others).
import asyncio

files = []


async def download(name, seconds):
    await asyncio.sleep(seconds)  # stands for the download
    files.append(f"{name}.zip")


async def main():
    async with asyncio.TaskGroup() as group:
        for name, seconds in [("docs", 0.3), ("images", 0.5), ("video", 1.2)]:
            group.create_task(download(name, seconds))
    print(sorted(files))


asyncio.run(main())
