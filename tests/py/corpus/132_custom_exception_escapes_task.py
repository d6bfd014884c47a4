# expect-outcome: exception
# A custom exception raised in a task propagates through await
import asyncio

class PaymentDeclined(Exception):
    pass

async def charge(amount):
    await asyncio.sleep(0.5)
    if amount > 100:
        raise PaymentDeclined(f"amount {amount} exceeds limit")
    return f"charged {amount}"

async def main():
    print(await charge(50))
    task = asyncio.create_task(charge(500))
    print("waiting for the second charge")
    print(await task)

asyncio.run(main())
