# Forgetting to await a coroutine: it never runs
import asyncio

async def send_email(to):
    print(f"sending email to {to}")
    await asyncio.sleep(0.1)

async def main():
    send_email("ann@example.com")
    print("oops, forgot await")
    coro = send_email("bob@example.com")
    print(type(coro).__name__)
    await coro
    await send_email("cat@example.com")

asyncio.run(main())
