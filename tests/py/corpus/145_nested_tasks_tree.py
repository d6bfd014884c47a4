# Tasks that spawn tasks: a recursive tree of work
import asyncio

async def node(name, depth, delay):
    await asyncio.sleep(delay)
    if depth == 0:
        return 1
    children = [asyncio.create_task(node(f"{name}.{i}", depth - 1, delay / 2)) for i in range(2)]
    counts = await asyncio.gather(*children)
    total = 1 + sum(counts)
    print(f"{name:<8} depth={depth} subtree={total} t={asyncio.get_running_loop().time():.3f}")
    return total

async def main():
    total = await node("root", 3, 0.4)
    print("nodes:", total)

asyncio.run(main())
