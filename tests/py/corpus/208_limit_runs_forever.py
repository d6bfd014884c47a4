# expect-outcome: limit
# A service loop that never ends: stopped by the 24 h virtual time limit
import asyncio

async def main():
    hour = 0
    while True:
        await asyncio.sleep(3600)
        hour += 1
        if hour % 6 == 0:
            print(f"still running after {hour} hours")

asyncio.run(main())
