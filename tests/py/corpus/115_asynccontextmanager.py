# contextlib.asynccontextmanager
import asyncio
import contextlib

@contextlib.asynccontextmanager
async def timer(label):
    loop = asyncio.get_running_loop()
    start = loop.time()
    print(f"[{label}] start")
    try:
        yield label.upper()
    finally:
        print(f"[{label}] took {loop.time() - start:.2f}s")

@contextlib.asynccontextmanager
async def transaction(log):
    log.append("begin")
    try:
        yield log
    except Exception as e:
        log.append(f"rollback ({e})")
        raise
    else:
        log.append("commit")

async def main():
    async with timer("download") as name:
        print("inside", name)
        await asyncio.sleep(0.5)
    log = []
    async with transaction(log):
        log.append("insert")
    try:
        async with transaction(log):
            raise RuntimeError("constraint violated")
    except RuntimeError:
        pass
    print(log)

asyncio.run(main())
