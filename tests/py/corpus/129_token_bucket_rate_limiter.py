# A token bucket rate limiter built on loop.time()
import asyncio

class RateLimiter:
    def __init__(self, rate, capacity):
        self.rate = rate
        self.capacity = capacity
        self.tokens = capacity
        self.updated = None
        self.lock = asyncio.Lock()

    async def acquire(self):
        loop = asyncio.get_running_loop()
        async with self.lock:
            if self.updated is None:
                self.updated = loop.time()
            while True:
                now = loop.time()
                self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
                self.updated = now
                if self.tokens >= 1:
                    self.tokens -= 1
                    return
                await asyncio.sleep((1 - self.tokens) / self.rate)

async def call_api(limiter, i):
    await limiter.acquire()
    print(f"request {i} sent at {asyncio.get_running_loop().time():.2f}")

async def main():
    limiter = RateLimiter(rate=2, capacity=3)
    await asyncio.gather(*(call_api(limiter, i) for i in range(7)))

asyncio.run(main())
