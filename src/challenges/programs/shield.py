# Saving an order takes 0.5 s, but the customer is kept waiting 0.2 s at most.
# wait_for cancels the save when the time is up, so the order is lost.
# Goal: stop waiting after 0.2 s but let the save finish (asyncio.shield), and make
# sure it has finished before main() returns.
import asyncio

saved = []


async def save(order):
    await asyncio.sleep(0.5)  # write the order to the database
    saved.append(order)


async def main():
    try:
        await asyncio.wait_for(save("order-7"), timeout=0.2)
        print("saved in time")
    except TimeoutError:
        print("still saving: we will email a confirmation")
    print(f"saved: {saved}")


asyncio.run(main())
