# asyncio.sleep(delay, result) returns result
import asyncio

async def main():
    value = await asyncio.sleep(0.5, result="payload")
    print("sleep returned", repr(value))
    nothing = await asyncio.sleep(0)
    print("sleep(0) returned", nothing)
    values = await asyncio.gather(*(asyncio.sleep(0.1 * i, result=i * i) for i in range(5)))
    print(values)
    print(f"loop time {asyncio.get_running_loop().time():.2f}")

asyncio.run(main())
