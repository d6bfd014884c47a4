# expect-outcome: exception
# An unhandled TimeoutError (its message is empty) escapes asyncio.run
import asyncio

async def slow():
    print("slow started")
    await asyncio.sleep(5)

async def main():
    await asyncio.wait_for(slow(), timeout=1.5)

asyncio.run(main())
