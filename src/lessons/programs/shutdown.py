# Lesson 18, graceful shutdown: cancel the worker, let its `finally` clean up (it may
# await), and see asyncio.run cancel the task that main left running.
import asyncio


class LogFile:
    """Stands for a file that keeps lines in a buffer until it is flushed."""

    def __init__(self):
        self.buffer = []
        self.saved = 0

    def write(self, line):
        self.buffer.append(line)

    async def flush(self):
        await asyncio.sleep(0.2)  # the disk write
        self.saved += len(self.buffer)
        self.buffer.clear()


async def worker(log):
    jobs = 0
    try:
        while True:
            await asyncio.sleep(0.2)  # one job
            jobs += 1
            log.write(f"job {jobs} done")
    except asyncio.CancelledError:
        print(f"worker: cancelled after {jobs} jobs")
        raise  # a cancelled task must end cancelled: always re-raise
    finally:
        await log.flush()  # clean-up runs even when cancelled, and may await
        print(f"worker: flushed, {log.saved} lines saved")


async def report_stats(log):
    try:
        while True:
            await asyncio.sleep(0.25)
            print(f"stats: {len(log.buffer)} in the buffer")
    finally:
        print("report_stats: stopped at exit")


async def main():
    log = LogFile()
    job = asyncio.create_task(worker(log))
    asyncio.create_task(report_stats(log))  # never stopped by main
    await asyncio.sleep(0.7)
    print("main: shutting down")
    job.cancel()
    try:
        await job  # wait for its clean-up to finish
    except asyncio.CancelledError:
        print("main: worker stopped")


asyncio.run(main())
