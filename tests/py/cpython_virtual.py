#!/usr/bin/env python3
"""Run a Python asyncio program under CPython on a VIRTUAL clock.

Usage:  python3.12 tests/py/cpython_virtual.py PROGRAM.py

Prints exactly one JSON object on stdout:

    {"outcome": "completed" | "exception" | "deadlock" | "limit",
     "virtual_ms": <number>,
     "stdout": "<everything the program printed>",
     "exception": "<Type: message>" | null}

How it works (see tests/py/README.md for the full description):

* One process-wide virtual clock (integer nanoseconds).  ``loop.time()``,
  ``time.monotonic()``, ``time.perf_counter()`` and ``time.time()`` (a fixed
  epoch + virtual time) read it.
* Every event loop created through asyncio (``asyncio.run``,
  ``asyncio.Runner``, ``asyncio.new_event_loop``) is a ``VirtualEventLoop``:
  its selector never sleeps, it advances the virtual clock to the next timer.
* Threads that run program code ("participants": the main thread, executor
  work items, threads started with ``threading.Thread``) are scheduled by a
  baton, like a deterministic GIL: exactly one participant runs at a time and
  it only hands the baton on when it blocks in a *virtual* wait (``time.sleep``,
  the loop's ``select``, ``Thread.join``, ``concurrent.futures.Future.result``,
  ``Executor.shutdown(wait=True)``) or finishes.  Waiting participants are
  resumed in a deterministic order (sequence numbers); the clock only advances
  when nobody can run, and then jumps to the earliest virtual deadline.
  CPU-only work takes zero virtual time.
* If nobody can run and nobody has a deadline, the program is deadlocked.
"""

import sys

if sys.version_info < (3, 12):
    sys.stderr.write(
        "cpython_virtual.py needs Python 3.12 or newer (this is %s)\n"
        % sys.version.split()[0])
    sys.exit(2)

# Import everything the runtime (and typical programs) need *before* patching,
# so that stdlib modules capture the real primitives where they matter.
import asyncio
import asyncio.base_events
import collections
import concurrent.futures
import concurrent.futures._base as _cf_base
import concurrent.futures.thread as _cf_thread
import contextlib  # noqa: F401  (imported before patching on purpose)
import functools  # noqa: F401
import heapq
import io
import json
import os
import random
import runpy
import selectors
import threading
import time
import traceback  # noqa: F401  (imported early on purpose)

_real_perf_counter = time.perf_counter
_real_sleep = time.sleep
_RealThreadStart = threading.Thread.start
_RealThreadJoin = threading.Thread.join

LIMIT_NS = 24 * 3600 * 10**9           # virtual time limit: 24 h
REAL_TIME_LIMIT = 10.0                 # seconds of wall clock
EPOCH = 1_700_000_000                  # time.time() at virtual t=0


class _Participant:
    __slots__ = ("name", "cond", "arrived", "finished", "daemon")

    def __init__(self, name, lock, arrived):
        self.name = name
        self.cond = threading.Condition(lock)
        self.arrived = arrived
        self.finished = False
        self.daemon = False


class _Wait:
    __slots__ = ("p", "deadline", "pred", "seq", "reason")

    def __init__(self, p, deadline, pred, seq):
        self.p = p
        self.deadline = deadline
        self.pred = pred
        self.seq = seq
        self.reason = None


class _PoolState:
    __slots__ = ("max_workers", "busy", "fifo")

    def __init__(self, max_workers):
        self.max_workers = max_workers
        self.busy = 0                   # items holding a slot, not finished
        self.fifo = collections.deque() # submitted items waiting for a slot

    def idle(self):
        return self.busy == 0 and not self.fifo


class _Track:
    __slots__ = ("p", "pool", "slotted", "dead")

    def __init__(self, p, pool):
        self.p = p
        self.pool = pool
        self.slotted = False
        self.dead = False


class Scheduler:
    """Virtual clock + baton scheduler for participant threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.now_ns = 0
        self.seq = 0
        self.main = _Participant("main", self.lock, arrived=True)
        self.holder = self.main
        self.runq = []                 # heap of (seq, participant)
        self.waits = []                # registration order
        self.threads = []              # participants started as threads
        self.pools = {}                # executor -> _PoolState
        self.kicked = False
        self.tls = threading.local()
        self.main_ident = threading.get_ident()
        self.finisher = None           # callable(outcome, exc_text)

    # -- helpers (lock held) ----------------------------------------------
    def _next_seq(self):
        self.seq += 1
        return self.seq

    def _push(self, p):
        heapq.heappush(self.runq, (self._next_seq(), id(p), p))

    def _schedule(self):
        """Hand the baton to the next runnable participant (lock held)."""
        while self.holder is None:
            if self.waits:
                still = []
                for w in self.waits:
                    if w.pred is not None and w.pred():
                        w.reason = "pred"
                        self._push(w.p)
                    else:
                        still.append(w)
                self.waits = still
            if self.runq:
                _, _, p = self.runq[0]
                if not p.arrived:
                    return          # its thread will call _schedule on arrival
                heapq.heappop(self.runq)
                self.holder = p
                p.cond.notify()
                return
            deadlines = [w.deadline for w in self.waits if w.deadline is not None]
            if not deadlines:
                self.finisher("deadlock", None)
                return
            t = min(deadlines)
            if t > LIMIT_NS:
                self.finisher("limit", None)
                return
            if t > self.now_ns:
                self.now_ns = t
            due = sorted((w for w in self.waits
                          if w.deadline is not None and w.deadline <= self.now_ns),
                         key=lambda w: (w.deadline, w.seq))
            for w in due:
                w.reason = "time"
                self._push(w.p)
            self.waits = [w for w in self.waits if w.reason is None]

    def _await_baton(self, p):
        while self.holder is not p:
            p.cond.wait()

    # -- public API ---------------------------------------------------------
    def current(self):
        if threading.get_ident() == self.main_ident:
            return self.main
        return getattr(self.tls, "p", None)

    def wait(self, p, deadline=None, pred=None):
        """Release the baton until `deadline` (virtual ns) or `pred()`."""
        with self.lock:
            if pred is not None and pred():
                return "pred"
            if deadline is not None and deadline <= self.now_ns:
                return "time"
            w = _Wait(p, deadline, pred, self._next_seq())
            self.waits.append(w)
            self.holder = None
            self._schedule()
            self._await_baton(p)
            return w.reason

    def yield_(self, p):
        """Let every runnable participant run before `p` continues."""
        with self.lock:
            if not self.runq:
                return
            self._push(p)
            self.holder = None
            self._schedule()
            self._await_baton(p)

    def sleep(self, p, seconds):
        if seconds <= 0:
            self.yield_(p)
            return
        self.wait(p, self.now_ns + max(1, round(seconds * 1e9)))

    def kick(self):
        with self.lock:
            self.kicked = True
            if self.holder is None:
                self._schedule()

    # participants that are threads
    def new_thread_participant(self, name, daemon):
        with self.lock:
            p = _Participant(name, self.lock, arrived=False)
            p.daemon = daemon
            self.threads.append(p)
            self._push(p)
            return p

    def arrive(self, p):
        with self.lock:
            p.arrived = True
            if self.holder is None:
                self._schedule()
            self._await_baton(p)
        self.tls.p = p

    def leave(self, p):
        self.tls.p = None
        with self.lock:
            p.finished = True
            if p in self.threads:
                self.threads.remove(p)
            if self.holder is p:
                self.holder = None
                self._schedule()

    # executor work items
    def pool_state(self, executor):
        ps = self.pools.get(executor)
        if ps is None:
            ps = self.pools[executor] = _PoolState(executor._max_workers)
        return ps

    def _fill(self, ps):
        while ps.fifo and ps.busy < ps.max_workers:
            tr = ps.fifo.popleft()
            if tr.dead:
                continue
            tr.slotted = True
            ps.busy += 1
            self._push(tr.p)

    def item_submitted(self, executor):
        with self.lock:
            ps = self.pool_state(executor)
            tr = _Track(_Participant("item", self.lock, arrived=False), ps)
            ps.fifo.append(tr)
            return tr

    def item_slot(self, tr):
        with self.lock:
            self._fill(tr.pool)

    def item_cancelled(self, tr):
        with self.lock:
            if tr.dead or tr.p.arrived:
                return
            tr.dead = True
            if tr.slotted:
                self.runq = [e for e in self.runq if e[2] is not tr.p]
                heapq.heapify(self.runq)
                tr.pool.busy -= 1
                self._fill(tr.pool)
            else:
                try:
                    tr.pool.fifo.remove(tr)
                except ValueError:
                    pass
            if self.holder is None:
                self._schedule()

    def item_finished(self, tr):
        self.tls.p = None
        with self.lock:
            tr.dead = True
            tr.p.finished = True
            tr.pool.busy -= 1
            self._fill(tr.pool)
            if self.holder is tr.p:
                self.holder = None
                self._schedule()

    def all_quiet(self):
        return (all(ps.idle() for ps in self.pools.values())
                and all(p.daemon or p.finished for p in self.threads))


SCHED = Scheduler()


# ---------------------------------------------------------------------------
# Event loop with a virtual selector
# ---------------------------------------------------------------------------

class _VirtualSelector(selectors.BaseSelector):
    def __init__(self):
        self._real = selectors.DefaultSelector()
        self._loop = None

    def register(self, fileobj, events, data=None):
        return self._real.register(fileobj, events, data)

    def unregister(self, fileobj):
        return self._real.unregister(fileobj)

    def modify(self, fileobj, events, data=None):
        return self._real.modify(fileobj, events, data)

    def get_key(self, fileobj):
        return self._real.get_key(fileobj)

    def get_map(self):
        return self._real.get_map()

    def close(self):
        self._real.close()

    def _deadline(self, timeout):
        s = SCHED
        loop = self._loop
        sched = getattr(loop, "_scheduled", None)
        if sched and timeout < asyncio.base_events.MAXIMUM_SELECT_TIMEOUT:
            when = sched[0]._when
            d = round(when * 1e9)
            if d / 1e9 + 1e-9 <= when:
                d += 1
            return max(d, s.now_ns)
        return s.now_ns + max(1, round(timeout * 1e9))

    def select(self, timeout=None):
        s = SCHED
        p = s.current()
        while True:
            s.kicked = False
            ev = self._real.select(0)
            if ev:
                return ev
            if p is None:             # loop driven from a non-participant thread
                return self._real.select(timeout)
            if timeout is not None and timeout <= 0:
                s.yield_(p)
                return self._real.select(0)
            deadline = None if timeout is None else self._deadline(timeout)
            reason = s.wait(p, deadline, lambda: s.kicked)
            if reason == "time":
                return self._real.select(0)


_BaseSelectorLoop = asyncio.SelectorEventLoop
_timer_seq = 0


class _FifoTimerHandle(asyncio.TimerHandle):
    """TimerHandle whose ties (equal `when`) are broken by creation order.

    With a real clock two timers practically never share a deadline, so they
    fire in creation order; on a virtual clock exact ties are common and
    heapq would pop them in an arbitrary (heap) order instead.
    """
    __slots__ = ("_vseq",)

    def __init__(self, *args, **kwargs):
        global _timer_seq
        super().__init__(*args, **kwargs)
        _timer_seq += 1
        self._vseq = _timer_seq

    def __lt__(self, other):
        if isinstance(other, _FifoTimerHandle) and self._when == other._when:
            return self._vseq < other._vseq
        return super().__lt__(other)

    def __le__(self, other):
        if isinstance(other, _FifoTimerHandle) and self._when == other._when:
            return self._vseq <= other._vseq
        return super().__le__(other)

    def __gt__(self, other):
        if isinstance(other, _FifoTimerHandle) and self._when == other._when:
            return self._vseq > other._vseq
        return super().__gt__(other)

    def __ge__(self, other):
        if isinstance(other, _FifoTimerHandle) and self._when == other._when:
            return self._vseq >= other._vseq
        return super().__ge__(other)


class VirtualEventLoop(_BaseSelectorLoop):
    def __init__(self):
        sel = _VirtualSelector()
        super().__init__(sel)
        sel._loop = self
        self._clock_resolution = 1e-9

    def time(self):
        return SCHED.now_ns / 1e9

    def call_at(self, when, callback, *args, context=None):
        # Same as BaseEventLoop.call_at, with FIFO tie-breaking timers.
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_at")
        timer = _FifoTimerHandle(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def _write_to_self(self):
        super()._write_to_self()
        SCHED.kick()


class VirtualEventLoopPolicy(asyncio.DefaultEventLoopPolicy):
    _loop_factory = VirtualEventLoop


# What Looplab's loop-cost setting reads of a run: the kind of the loop made last
# ('asyncio', or 'uvloop' for one the stand-in below made) and how many callbacks
# (handles) the loops ran.
STATS = {"loop": "asyncio", "callbacks": 0}
_real_handle_run = asyncio.events.Handle._run


def _counted_run(self):
    STATS["callbacks"] += 1
    return _real_handle_run(self)


def _new_loop(kind):
    def make():
        STATS["loop"] = kind
        return VirtualEventLoop()
    return make


def _uvloop_stand_in():
    """uvloop as programs use it (run, new_event_loop, EventLoopPolicy, install), its
    loops virtual ones: uvloop runs asyncio's semantics on a faster loop, and a real
    uvloop loop could not run on the virtual clock. Used whether or not uvloop is
    installed."""
    import types
    m = types.ModuleType("uvloop")
    m.new_event_loop = _new_loop("uvloop")

    class EventLoopPolicy(asyncio.DefaultEventLoopPolicy):
        _loop_factory = staticmethod(m.new_event_loop)

    def run(main, *, loop_factory=m.new_event_loop, debug=None):
        return asyncio.run(main, loop_factory=loop_factory, debug=debug)

    m.EventLoopPolicy = EventLoopPolicy
    m.install = lambda: asyncio.set_event_loop_policy(EventLoopPolicy())
    m.run = run
    return m


# ---------------------------------------------------------------------------
# Patches: time, threads, executors
# ---------------------------------------------------------------------------

def _v_seconds():
    return SCHED.now_ns / 1e9


def _v_sleep(secs):
    p = SCHED.current()
    if p is None:
        return _real_sleep(secs)
    if not isinstance(secs, (int, float)):
        secs = float(secs)            # raises TypeError like time.sleep
    if secs != secs:
        raise ValueError("Invalid value NaN (not a number)")
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    SCHED.sleep(p, secs)


def _v_time():
    return EPOCH + SCHED.now_ns / 1e9


def _v_time_ns():
    return EPOCH * 10**9 + SCHED.now_ns


def _v_ns():
    return SCHED.now_ns


_orig_submit = _cf_thread.ThreadPoolExecutor.submit
_orig_shutdown = _cf_thread.ThreadPoolExecutor.shutdown
_orig_item_run = _cf_thread._WorkItem.run
_orig_result = _cf_base.Future.result
_orig_exception = _cf_base.Future.exception


def _submit(self, fn, /, *args, **kwargs):
    tr = SCHED.item_submitted(self)

    def _virtual_item(*a, **k):
        SCHED.arrive(tr.p)
        SCHED.tls.track = tr
        return fn(*a, **k)

    try:
        f = _orig_submit(self, _virtual_item, *args, **kwargs)
    except BaseException:
        SCHED.item_cancelled(tr)
        raise
    SCHED.item_slot(tr)

    def _on_done(fut):
        if fut.cancelled():
            SCHED.item_cancelled(tr)
    f.add_done_callback(_on_done)
    return f


def _item_run(self):
    SCHED.tls.track = None
    try:
        _orig_item_run(self)
    finally:
        tr = getattr(SCHED.tls, "track", None)
        SCHED.tls.track = None
        if tr is not None:
            SCHED.item_finished(tr)


def _shutdown(self, wait=True, *, cancel_futures=False):
    p = SCHED.current()
    if wait and p is not None:
        if cancel_futures:
            _orig_shutdown(self, wait=False, cancel_futures=True)
        ps = SCHED.pools.get(self)
        if ps is not None:
            SCHED.wait(p, None, ps.idle)
    return _orig_shutdown(self, wait=wait, cancel_futures=cancel_futures)


def _virtual_future_wait(fut, timeout):
    p = SCHED.current()
    if p is None or fut.done():
        return timeout
    deadline = None
    if timeout is not None:
        deadline = SCHED.now_ns + max(0, round(timeout * 1e9))
    SCHED.wait(p, deadline, fut.done)
    return 0 if timeout is not None else None


def _result(self, timeout=None):
    timeout = _virtual_future_wait(self, timeout)
    return _orig_result(self, timeout)


def _exception(self, timeout=None):
    timeout = _virtual_future_wait(self, timeout)
    return _orig_exception(self, timeout)


def _thread_start(self):
    if (getattr(self, "_target", None) is _cf_thread._worker
            or getattr(self, "_v_skip", False)
            or SCHED.current() is None):
        return _RealThreadStart(self)
    p = SCHED.new_thread_participant(self.name, self.daemon)
    self._v_p = p
    inner_run = self.run

    def run():
        SCHED.arrive(p)
        try:
            inner_run()
        finally:
            SCHED.leave(p)
    self.run = run
    try:
        return _RealThreadStart(self)
    except BaseException:
        SCHED.leave(p)
        raise


def _thread_join(self, timeout=None):
    p = SCHED.current()
    tp = getattr(self, "_v_p", None)
    if p is not None and tp is not None and not tp.finished:
        deadline = None
        if timeout is not None:
            deadline = SCHED.now_ns + max(0, round(timeout * 1e9))
        SCHED.wait(p, deadline, lambda: tp.finished)
        if not tp.finished:
            return None
    return _RealThreadJoin(self, timeout)


_installed = False


def install():
    """Patch asyncio/time/threading so that everything runs on virtual time."""
    global _installed
    if _installed:
        return
    _installed = True
    asyncio.set_event_loop_policy(VirtualEventLoopPolicy())
    # set_event_loop_policy(None) brings back the default policy: its loops too.
    for policy in (VirtualEventLoopPolicy, asyncio.DefaultEventLoopPolicy):
        policy._loop_factory = staticmethod(_new_loop("asyncio"))
    asyncio.events.Handle._run = _counted_run
    sys.modules["uvloop"] = _uvloop_stand_in()
    asyncio.SelectorEventLoop = VirtualEventLoop
    if hasattr(asyncio, "EventLoop"):
        asyncio.EventLoop = VirtualEventLoop
    time.sleep = _v_sleep
    time.time = _v_time
    time.time_ns = _v_time_ns
    time.monotonic = _v_seconds
    time.perf_counter = _v_seconds
    time.monotonic_ns = _v_ns
    time.perf_counter_ns = _v_ns
    _cf_thread.ThreadPoolExecutor.submit = _submit
    _cf_thread.ThreadPoolExecutor.shutdown = _shutdown
    _cf_thread._WorkItem.run = _item_run
    _cf_base.Future.result = _result
    _cf_base.Future.exception = _exception
    threading.Thread.start = _thread_start
    threading.Thread.join = _thread_join
    random.seed(0)


# ---------------------------------------------------------------------------
# Running a program
# ---------------------------------------------------------------------------

def format_exception(exc):
    """`Type: message` the way the last line of a traceback reads."""
    t = type(exc)
    name = t.__qualname__
    mod = t.__module__
    if mod not in ("__main__", "builtins"):
        name = mod + "." + name
    try:
        if isinstance(exc, SyntaxError) and exc.msg is not None:
            msg = exc.msg               # traceback prints the location separately
        else:
            msg = str(exc)
    except Exception:
        msg = "<exception str() failed>"
    return f"{name}: {msg}" if msg else name


def _virtual_ms():
    ns = SCHED.now_ns
    if ns % 10**6 == 0:
        return ns // 10**6
    return ns / 1e6


def run_program(path):
    real_stdout_fd = os.dup(1)
    out = io.StringIO()
    finish_lock = threading.Lock()

    def finish(outcome, exc_text):
        if not finish_lock.acquire(blocking=False):
            _real_sleep(3600)          # another thread is already finishing
        result = {
            "outcome": outcome,
            "virtual_ms": _virtual_ms(),
            "stdout": out.getvalue(),
            "exception": exc_text,
            "loop": STATS["loop"],
            "callbacks": STATS["callbacks"],
        }
        data = (json.dumps(result, ensure_ascii=False) + "\n").encode("utf-8")
        while data:
            n = os.write(real_stdout_fd, data)
            data = data[n:]
        os._exit(0)

    SCHED.finisher = finish

    done = threading.Event()

    def watchdog():
        if not done.wait(REAL_TIME_LIMIT):
            finish("limit", None)

    wd = threading.Thread(target=watchdog, daemon=True, name="vclock-watchdog")
    wd.start()

    install()
    sys.stdout = out
    sys.stderr = io.StringIO()          # warnings are not part of the output
    sys.argv = [path]
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))

    outcome, exc_text = "completed", None
    try:
        runpy.run_path(path, run_name="__main__")
    except SystemExit as e:
        if e.code not in (None, 0):
            outcome, exc_text = "exception", format_exception(e)
    except BaseException as e:          # noqa: B902 - report everything
        outcome, exc_text = "exception", format_exception(e)
    if outcome == "completed" and not SCHED.all_quiet():
        # the interpreter would wait for non-daemon threads / executor work
        SCHED.wait(SCHED.main, None, SCHED.all_quiet)
    done.set()
    finish(outcome, exc_text)


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: cpython_virtual.py PROGRAM.py\n")
        return 2
    if not os.path.isfile(argv[1]):
        sys.stderr.write(f"cpython_virtual.py: no such file: {argv[1]}\n")
        return 2
    run_program(argv[1])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
