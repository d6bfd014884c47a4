# uvloop chosen every way programs choose it: uvloop.run, a loop_factory for asyncio.run
# and asyncio.Runner, uvloop.install() and an event loop policy; then asyncio's own loop
# again. A factory that makes no loop is refused.
import asyncio
import uvloop


async def main(n):
    await asyncio.sleep(0.1)
    return n


print(uvloop.run(main(1)))
print(asyncio.run(main(2), loop_factory=uvloop.new_event_loop))
with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
    print(runner.run(main(3)))
uvloop.install()
print(asyncio.run(main(4)))
asyncio.set_event_loop_policy(None)
print(asyncio.run(main(5)))
asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
print(asyncio.run(main(6)))
try:
    asyncio.set_event_loop_policy("uvloop")
except TypeError as e:
    print("TypeError:", e)
