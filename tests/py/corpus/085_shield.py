# asyncio.shield protects the inner task from cancellation
import asyncio

async def important_write():
    print("write started")
    await asyncio.sleep(1)
    print("write committed")
    return "saved"

async def main():
    task = asyncio.create_task(important_write())
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=0.2)
    except TimeoutError:
        print("caller gave up waiting, task cancelled?", task.cancelled())
    result = await task
    print("result:", result)
    print(f"t={asyncio.get_running_loop().time():.1f}")

asyncio.run(main())
