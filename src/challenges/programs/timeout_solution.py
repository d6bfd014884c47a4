# A report asks three shops for a price, one after another, giving each at most 0.5 s:
# wait_for cancels a request that takes longer and raises TimeoutError.
import asyncio


async def ask(shop, seconds):
    await asyncio.sleep(seconds)  # stands for the request to the shop's server
    return f"{shop}: {seconds * 100:.0f} EUR"


async def main():
    shops = {"north": 0.2, "south": 60, "east": 0.4}
    for shop, seconds in shops.items():
        try:
            print(await asyncio.wait_for(ask(shop, seconds), timeout=0.5))
        except TimeoutError:
            print(f"{shop}: no answer within 0.5 s")


asyncio.run(main())
