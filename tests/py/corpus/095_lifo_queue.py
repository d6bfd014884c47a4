# asyncio.LifoQueue behaves like a stack
import asyncio

async def main():
    stack = asyncio.LifoQueue(maxsize=3)
    for page in ["home", "products", "cart"]:
        await stack.put(page)
        print("visit", page)
    print("full:", stack.full())
    try:
        stack.put_nowait("checkout")
    except asyncio.QueueFull:
        print("history full")
    while not stack.empty():
        print("back to", await stack.get())
    try:
        stack.get_nowait()
    except asyncio.QueueEmpty:
        print("nothing left")

asyncio.run(main())
