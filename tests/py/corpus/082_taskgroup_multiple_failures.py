# Several failures in one TaskGroup are collected in an ExceptionGroup
import asyncio

async def fail_with(exc, delay):
    await asyncio.sleep(delay)
    raise exc

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_with(KeyError("k"), 0.1))
            tg.create_task(fail_with(TypeError("t"), 0.1))
            tg.create_task(asyncio.sleep(1))
    except* KeyError as eg:
        print("KeyError group:", eg.exceptions)
    except* TypeError as eg:
        print("TypeError group:", eg.exceptions)

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_with(OSError("disk full"), 0.2))
    except ExceptionGroup as eg:
        print("plain except:", eg.message, len(eg.exceptions), repr(eg.exceptions[0]))
    print(f"t={asyncio.get_running_loop().time():.1f}")

asyncio.run(main())
