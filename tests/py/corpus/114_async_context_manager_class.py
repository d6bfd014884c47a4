# A class-based async context manager (__aenter__ / __aexit__)
import asyncio

class Connection:
    def __init__(self, host):
        self.host = host
        self.open = False

    async def __aenter__(self):
        print(f"connecting to {self.host}")
        await asyncio.sleep(0.1)
        self.open = True
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.05)
        self.open = False
        print(f"closed {self.host} (error: {exc_type.__name__ if exc_type else None})")
        return exc_type is KeyError

    async def query(self, q):
        await asyncio.sleep(0.2)
        if q == "bad":
            raise KeyError(q)
        return f"{q} -> rows"

async def main():
    async with Connection("db1") as conn:
        print(await conn.query("select 1"), conn.open)
    print("open after exit:", conn.open)
    async with Connection("db2") as conn:
        await conn.query("bad")
    print("KeyError was suppressed by __aexit__")
    try:
        async with Connection("db3"):
            raise ValueError("not suppressed")
    except ValueError as e:
        print("propagated:", e)
    print(f"t={asyncio.get_running_loop().time():.2f}")

asyncio.run(main())
