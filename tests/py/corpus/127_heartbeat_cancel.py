# A background heartbeat task cancelled when the main work ends
import asyncio

async def heartbeat(interval):
    beats = 0
    try:
        while True:
            await asyncio.sleep(interval)
            beats += 1
            print(f"heartbeat {beats} at {asyncio.get_running_loop().time():.1f}")
    except asyncio.CancelledError:
        print(f"heartbeat stopped after {beats} beats")
        raise

async def do_work():
    for step in ("load", "process", "save"):
        await asyncio.sleep(0.7)
        print("work:", step)
    return "work complete"

async def main():
    hb = asyncio.create_task(heartbeat(0.5))
    result = await do_work()
    hb.cancel()
    try:
        await hb
    except asyncio.CancelledError:
        pass
    print(result)

asyncio.run(main())
