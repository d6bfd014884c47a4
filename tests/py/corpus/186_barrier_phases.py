# A Barrier reused for several phases of a simulation
import asyncio

async def particle(name, barrier, speed, log):
    for phase in range(3):
        await asyncio.sleep(speed * (phase + 1))
        log.append(f"{name}{phase}")
        await barrier.wait()
    return name

async def main():
    barrier = asyncio.Barrier(3)
    log = []
    loop = asyncio.get_running_loop()
    await asyncio.gather(particle("a", barrier, 0.1, log), particle("b", barrier, 0.3, log),
                         particle("c", barrier, 0.2, log))
    print(log)
    print(f"t={loop.time():.1f}")

asyncio.run(main())
