# Exceptions raised in executor threads propagate to the awaiting coroutine
import asyncio
import time

def parse_file(name):
    time.sleep(0.5)
    if not name.endswith(".csv"):
        raise ValueError(f"{name} is not a CSV file")
    return f"{name}: 3 rows"

async def main():
    loop = asyncio.get_running_loop()
    for name in ["data.csv", "notes.txt"]:
        try:
            print(await loop.run_in_executor(None, parse_file, name))
        except ValueError as e:
            print("caught from thread:", e)
    results = await asyncio.gather(
        asyncio.to_thread(parse_file, "a.csv"),
        asyncio.to_thread(parse_file, "b.json"),
        return_exceptions=True,
    )
    print(results)
    print(f"t={loop.time():.1f}")

asyncio.run(main())
