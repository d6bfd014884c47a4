# Saving an order takes 0.5 s, but the customer is kept waiting 0.2 s at most. The
# save runs in a task of its own; shield() lets wait_for give up on it without
# cancelling it, and main() awaits the task before it returns.
import asyncio

saved = []


async def save(order):
    await asyncio.sleep(0.5)  # write the order to the database
    saved.append(order)


async def main():
    saving = asyncio.create_task(save("order-7"))
    try:
        await asyncio.wait_for(asyncio.shield(saving), timeout=0.2)
        print("saved in time")
    except TimeoutError:
        print("still saving: we will email a confirmation")
    await saving  # the save went on; see it through before exiting
    print(f"saved: {saved}")


asyncio.run(main())
