# uvloop as programs use it: uvloop.run(main()), asyncio.run(main(),
# loop_factory=uvloop.new_event_loop), uvloop.install(). uvloop runs asyncio's own
# semantics on a faster loop, so Looplab runs the program the same way; the loop is
# marked as uvloop's, and with the loop's own cost counted each callback costs what one
# costs uvloop (src/py/aio/cost.rs).

import asyncio


def new_event_loop():
    asyncio._native.loop_open(True, 'uvloop')
    return asyncio._native.loop_object()


class EventLoopPolicy(asyncio.DefaultEventLoopPolicy):
    _loop_kind = 'uvloop'


def install():
    asyncio.set_event_loop_policy(EventLoopPolicy())


def run(main, *, loop_factory=new_event_loop, debug=None):
    return asyncio.run(main, loop_factory=loop_factory, debug=debug)
