# A bounded buffer implemented with asyncio.Condition
import asyncio

class BoundedBuffer:
    def __init__(self, size):
        self.items = []
        self.size = size
        self.cond = asyncio.Condition()

    async def put(self, item):
        async with self.cond:
            await self.cond.wait_for(lambda: len(self.items) < self.size)
            self.items.append(item)
            self.cond.notify_all()

    async def get(self):
        async with self.cond:
            await self.cond.wait_for(lambda: self.items)
            item = self.items.pop(0)
            self.cond.notify_all()
            return item

async def producer(buf, n):
    for i in range(n):
        await buf.put(i)
        print(f"put {i} at {asyncio.get_running_loop().time():.1f}")

async def consumer(buf, n):
    got = []
    for _ in range(n):
        await asyncio.sleep(0.5)
        got.append(await buf.get())
    return got

async def main():
    buf = BoundedBuffer(2)
    _, got = await asyncio.gather(producer(buf, 5), consumer(buf, 5))
    print("consumer got", got)

asyncio.run(main())
