# A task created just before main() returns: asyncio.run cancels it,
# but its first step still runs ("bg start" is printed).
import asyncio

async def background():
    print("bg start")
    try:
        await asyncio.sleep(1)
        print("bg never finishes")
    except asyncio.CancelledError:
        print("bg cancelled")
        raise

async def main():
    print("main start")
    asyncio.create_task(background())
    print("main end")

asyncio.run(main())
print("after run")
