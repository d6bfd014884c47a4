# BoundedSemaphore raises ValueError when released too many times
import asyncio

async def main():
    plain = asyncio.Semaphore(1)
    plain.release()
    print("plain Semaphore allows extra release; locked?", plain.locked())
    bounded = asyncio.BoundedSemaphore(2)
    await bounded.acquire()
    await bounded.acquire()
    print("locked after two acquires:", bounded.locked())
    bounded.release()
    bounded.release()
    try:
        bounded.release()
    except ValueError as e:
        print("ValueError:", e)
    async with bounded:
        print("inside, locked?", bounded.locked())
    print("done")

asyncio.run(main())
