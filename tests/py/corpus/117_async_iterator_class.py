# A class implementing __aiter__ / __anext__
import asyncio

class Countdown:
    def __init__(self, start, delay):
        self.current = start
        self.delay = delay

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.current <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(self.delay)
        self.current -= 1
        return self.current + 1

class Paginator:
    def __init__(self, pages):
        self.pages = pages
    def __aiter__(self):
        self.index = 0
        return self
    async def __anext__(self):
        if self.index >= len(self.pages):
            raise StopAsyncIteration
        await asyncio.sleep(0.05)
        page = self.pages[self.index]
        self.index += 1
        return page

async def main():
    async for n in Countdown(3, 0.5):
        print("countdown", n)
    async for page in Paginator([["a", "b"], ["c"], []]):
        print("page", page)
    print([x async for x in Countdown(4, 0.1)])
    print(f"t={asyncio.get_running_loop().time():.2f}")

asyncio.run(main())
