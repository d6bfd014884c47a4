# Cancelling the task that awaits a shield does not cancel the shielded work
import asyncio

async def save_to_disk(data, log):
    await asyncio.sleep(1)
    log.append(f"saved {data}")
    return len(data)

async def handler(data, log):
    try:
        return await asyncio.shield(save_to_disk(data, log))
    except asyncio.CancelledError:
        log.append("handler cancelled")
        raise

async def main():
    log = []
    t = asyncio.create_task(handler("abc", log))
    await asyncio.sleep(0.3)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("after cancel:", log)
    await asyncio.sleep(1)
    print("a second later:", log)
    print("handler cancelled?", t.cancelled())

asyncio.run(main())
