# A dashboard loads a user's profile, orders and messages at once: gather runs the
# three calls concurrently and returns their results in the order they were given.
import asyncio


async def load(part, seconds):
    await asyncio.sleep(seconds)  # stands for a call to another service
    return f"{part} ({seconds} s)"


async def main():
    profile, orders, messages = await asyncio.gather(
        load("profile", 0.4), load("orders", 0.6), load("messages", 0.5)
    )
    print(f"dashboard: {profile}, {orders}, {messages}")


asyncio.run(main())
