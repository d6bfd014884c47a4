# An exception in __aenter__ means __aexit__ is not called
import asyncio

class Resource:
    def __init__(self, name, fail_on_enter=False):
        self.name = name
        self.fail_on_enter = fail_on_enter

    async def __aenter__(self):
        await asyncio.sleep(0.1)
        if self.fail_on_enter:
            raise ConnectionRefusedError(f"{self.name}: refused")
        print(f"{self.name}: opened")
        return self

    async def __aexit__(self, *exc_info):
        print(f"{self.name}: closed")
        return False

async def main():
    async with Resource("a") as a, Resource("b") as b:
        print("using", a.name, b.name)
    try:
        async with Resource("c") as c, Resource("d", fail_on_enter=True) as d:
            print("never here")
    except ConnectionRefusedError as e:
        print("caught:", e)

asyncio.run(main())
