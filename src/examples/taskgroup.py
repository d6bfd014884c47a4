# A TaskGroup: when one task fails, the group cancels the ones still running and raises.
import asyncio


async def download(name, seconds, fail=False):
    try:
        await asyncio.sleep(seconds)
        if fail:
            raise ConnectionError(f"{name}: connection reset")
        print(f"{name} done")
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(download("a.zip", 0.1))
            group.create_task(download("b.zip", 0.2, fail=True))
            group.create_task(download("c.zip", 1.0))
    except* ConnectionError as errors:
        for error in errors.exceptions:
            print("failed:", error)


asyncio.run(main())
