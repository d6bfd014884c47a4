# asyncio.Barrier: tasks wait until all parties arrive
import asyncio

async def runner(barrier, name, delay):
    await asyncio.sleep(delay)
    print(f"{name} arrived at {asyncio.get_running_loop().time():.1f}")
    pos = await barrier.wait()
    print(f"{name} passed the barrier")
    return pos

async def main():
    barrier = asyncio.Barrier(3)
    print("parties:", barrier.parties, "waiting:", barrier.n_waiting)
    positions = await asyncio.gather(runner(barrier, "a", 0.3), runner(barrier, "b", 0.1),
                                     runner(barrier, "c", 0.2))
    print(sorted(positions))
    print("broken?", barrier.broken)
    await barrier.abort()
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError:
        print("BrokenBarrierError after abort")

asyncio.run(main())
