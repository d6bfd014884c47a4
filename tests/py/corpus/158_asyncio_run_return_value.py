# asyncio.run returns the coroutine's return value
import asyncio

async def compute():
    await asyncio.sleep(0.2)
    return {"answer": 42, "items": [1, 2, 3]}

async def add(a, b):
    await asyncio.sleep(0.1)
    return a + b

result = asyncio.run(compute())
print(result, type(result).__name__)
print(asyncio.run(add(2, 3)))
print(asyncio.run(add("con", "cat")))
total = 0
for i in range(3):
    total = asyncio.run(add(total, i))
print("total", total)
