# asyncio.run and asyncio.Runner, as CPython 3.12's Lib/asyncio/runners.py runs them:
# when main ends, the tasks still alive are cancelled and run until they finish, then
# the executor's threads are waited for. There is one loop; a loop_factory or a policy
# chooses which kind it is (asyncio's own, or uvloop's: only their cost differs).


class Runner:
    def __init__(self, *, debug=None, loop_factory=None):
        self._state = 'created'
        self._loop_factory = loop_factory

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def close(self):
        if self._state != 'initialized':
            return
        try:
            _cancel_all_tasks()
            _native.run_until_complete(_native.executor_idle())
        finally:
            _native.loop_open(False)
            self._state = 'closed'

    def get_loop(self):
        self._lazy_init()
        return _native.loop_object()

    def run(self, coro, *, context=None):
        if not _native.iscoroutine(coro):
            raise ValueError("a coroutine was expected, got {!r}".format(coro))
        if _native.running():
            raise RuntimeError(
                "Runner.run() cannot be called from a running event loop")
        self._lazy_init()
        task = _native.create_task(coro)
        return _native.run_until_complete(task)

    def _lazy_init(self):
        if self._state == 'closed':
            raise RuntimeError("Runner is closed")
        if self._state == 'initialized':
            return
        if self._loop_factory is None:
            _native.loop_open(True)
        elif self._loop_factory() is not _native.loop_object():
            raise TypeError(
                "loop_factory must make an event loop: asyncio.new_event_loop "
                "or uvloop.new_event_loop")
        self._state = 'initialized'


def run(main, *, debug=None, loop_factory=None):
    if _native.running():
        raise RuntimeError(
            "asyncio.run() cannot be called from a running event loop")
    with Runner(debug=debug, loop_factory=loop_factory) as runner:
        return runner.run(main)


class DefaultEventLoopPolicy:
    _loop_kind = 'asyncio'

    def new_event_loop(self):
        _native.loop_open(True, self._loop_kind)
        return _native.loop_object()


_policy = None


def get_event_loop_policy():
    global _policy
    if _policy is None:
        _policy = DefaultEventLoopPolicy()
    return _policy


def set_event_loop_policy(policy):
    global _policy
    if policy is not None and not isinstance(policy, DefaultEventLoopPolicy):
        raise TypeError(
            f"policy must be an instance of AbstractEventLoopPolicy or None, "
            f"not '{type(policy).__name__}'")
    _policy = policy
    _native.loop_policy(None if policy is None else policy._loop_kind)


def _cancel_all_tasks():
    to_cancel = _native.alive_tasks()
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    _native.run_until_complete(gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            _native.note(f"unhandled exception during asyncio.run() shutdown\ntask: {task!r}")
