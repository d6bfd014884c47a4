# Lesson 9, timeouts: wait_for cancels the task at its deadline and raises TimeoutError.
import asyncio


async def slow_service():
    await asyncio.sleep(5)
    return "finally"


async def caller():
    task = asyncio.create_task(slow_service())
    try:
        result = await asyncio.wait_for(task, timeout=1)
        print(f"got {result}")
    except TimeoutError:
        print("gave up after 1 s")
    print(f"slow_service cancelled: {task.cancelled()}")


asyncio.run(caller())
