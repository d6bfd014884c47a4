# create_task with name= and get_name()/set_name()
import asyncio

async def worker(delay):
    me = asyncio.current_task()
    print(f"{me.get_name()} starting")
    await asyncio.sleep(delay)
    print(f"{me.get_name()} finished")
    return delay

async def main():
    t1 = asyncio.create_task(worker(0.2), name="alpha")
    t2 = asyncio.create_task(worker(0.1), name="beta")
    print(t1.get_name(), t2.get_name())
    t2.set_name("beta-renamed")
    print(await t1 + await t2)
    print(asyncio.current_task().get_name() != "alpha")

asyncio.run(main())
