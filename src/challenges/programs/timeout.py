# A report asks three shops for a price, one after another. The south shop's server
# is stuck, and the program hangs for a minute waiting for it.
# Goal: give each shop at most 0.5 s to answer, report the prices that came back,
# and finish in under 1.2 s.
import asyncio


async def ask(shop, seconds):
    await asyncio.sleep(seconds)  # stands for the request to the shop's server
    return f"{shop}: {seconds * 100:.0f} EUR"


async def main():
    shops = {"north": 0.2, "south": 60, "east": 0.4}
    for shop, seconds in shops.items():
        print(await ask(shop, seconds))


asyncio.run(main())
