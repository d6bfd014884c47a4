# asyncio.run and asyncio.Runner, as CPython 3.12's Lib/asyncio/runners.py runs them:
# when main ends, the tasks still alive are cancelled and run until they finish, then
# the executor's threads are waited for.


class Runner:
    def __init__(self, *, debug=None, loop_factory=None):
        self._state = 'created'

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
        _native.loop_open(True)
        self._state = 'initialized'


def run(main, *, debug=None):
    if _native.running():
        raise RuntimeError(
            "asyncio.run() cannot be called from a running event loop")
    with Runner(debug=debug) as runner:
        return runner.run(main)


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
