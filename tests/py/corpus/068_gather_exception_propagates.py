# gather(return_exceptions=False): first exception propagates, others keep running
import asyncio

async def ok(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} finished at {asyncio.get_running_loop().time():.1f}")
    return name

async def bad(delay):
    await asyncio.sleep(delay)
    raise RuntimeError("bad thing")

async def main():
    try:
        await asyncio.gather(ok("slow", 0.3), bad(0.1), ok("fast", 0.05))
    except RuntimeError as e:
        print(f"caught {e!r} at {asyncio.get_running_loop().time():.1f}")
    await asyncio.sleep(0.5)
    print("main done")

asyncio.run(main())
