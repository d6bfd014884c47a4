# A dashboard loads a user's profile, orders and messages one after another: 1.5 s.
# The three calls do not depend on each other.
# Goal: load the three at once, so the dashboard is ready in under 0.7 s.
import asyncio


async def load(part, seconds):
    await asyncio.sleep(seconds)  # stands for a call to another service
    return f"{part} ({seconds} s)"


async def main():
    profile = await load("profile", 0.4)
    orders = await load("orders", 0.6)
    messages = await load("messages", 0.5)
    print(f"dashboard: {profile}, {orders}, {messages}")


asyncio.run(main())
