# asyncio.Lock protects a read-modify-write section
import asyncio

balance = 100

async def withdraw(lock, name, amount):
    global balance
    async with lock:
        print(f"{name} checks balance {balance}")
        current = balance
        await asyncio.sleep(0.1)
        if current >= amount:
            balance = current - amount
            print(f"{name} withdrew {amount}, left {balance}")
        else:
            print(f"{name} refused")

async def main():
    lock = asyncio.Lock()
    print("locked?", lock.locked())
    await asyncio.gather(withdraw(lock, "A", 70), withdraw(lock, "B", 50), withdraw(lock, "C", 30))
    print("final balance", balance)
    await lock.acquire()
    print("locked?", lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
