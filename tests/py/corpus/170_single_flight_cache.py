# An async cache where concurrent requests for the same key share one fetch
import asyncio

class Cache:
    def __init__(self):
        self.data = {}
        self.inflight = {}
        self.fetches = 0

    async def _load(self, key):
        self.fetches += 1
        await asyncio.sleep(0.5)
        return key.upper()

    async def get(self, key):
        if key in self.data:
            return self.data[key]
        if key not in self.inflight:
            self.inflight[key] = asyncio.create_task(self._load(key))
        value = await self.inflight[key]
        self.data[key] = value
        self.inflight.pop(key, None)
        return value

async def main():
    cache = Cache()
    values = await asyncio.gather(*(cache.get(k) for k in ["a", "b", "a", "a", "b", "c"]))
    print(values, "fetches:", cache.fetches)
    print(await cache.get("a"), "fetches:", cache.fetches)
    print(f"t={asyncio.get_running_loop().time():.1f}")

asyncio.run(main())
