# asyncio.timeout_at with an absolute deadline and reschedule()
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 2
    results = []
    try:
        async with asyncio.timeout_at(deadline) as cm:
            for i in range(10):
                await asyncio.sleep(0.5)
                results.append(i)
    except TimeoutError:
        print("deadline reached, got", results)
    print(f"now {loop.time():.1f}, expired={cm.expired()}")
    async with asyncio.timeout_at(loop.time() + 1) as cm:
        cm.reschedule(loop.time() + 3)
        print("deadline moved to", round(cm.when() - loop.time(), 1), "s from now")
        await asyncio.sleep(2)
    print(f"finished without timeout at {loop.time():.1f}")

asyncio.run(main())
