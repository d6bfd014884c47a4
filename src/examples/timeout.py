# A slow server must not hang the program: wait_for gives up after a deadline.
import asyncio


async def call_server(name, seconds):
    await asyncio.sleep(seconds)
    return f"{name} answered"


async def ask(name, seconds, deadline=1.0):
    try:
        return await asyncio.wait_for(call_server(name, seconds), timeout=deadline)
    except TimeoutError:
        return f"{name} timed out after {deadline} s"


async def main():
    answers = await asyncio.gather(ask("fast", 0.3), ask("slow", 5.0), ask("steady", 0.8))
    for answer in answers:
        print(answer)


asyncio.run(main())
