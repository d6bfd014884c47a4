#![cfg(not(target_arch = "wasm32"))]
//! Errors a program meets at run time: an escaping exception shows a Python-style
//! traceback; a program that never yields, recurses without end, creates too many
//! tasks, asks for too much memory or deadlocks is stopped with a message that says
//! why; and nothing panics.
//!
//! Expected tracebacks are CPython 3.12's with the carets left out and the file named
//! `main.py`.

use looplab::py::run::run_source_with;
use looplab::py::vm::Limits;
use looplab::py::{run_source, Ending, RunOutput};
use looplab::sim::Outcome;

fn run(src: &str) -> RunOutput {
    run_source(src).unwrap_or_else(|e| panic!("{src:?} did not compile: {e:?}"))
}

fn run_with(src: &str, limits: Limits) -> RunOutput {
    run_source_with(src, limits.into()).unwrap_or_else(|e| panic!("{src:?} did not compile: {e:?}"))
}

/// Limits small enough that a runaway program stops in a fraction of a second.
fn small() -> Limits {
    Limits {
        max_instructions: 2_000_000,
        max_slice: 1_000_000,
        ..Limits::default()
    }
}

/// The `(function, line)` of each `File "main.py"` line of a traceback.
fn frames(tb: &str) -> Vec<(String, u32)> {
    tb.lines()
        .filter_map(|l| l.trim().strip_prefix("File \"main.py\", line "))
        .map(|rest| {
            let (line, func) = rest.split_once(", in ").expect("`, in `");
            (func.to_string(), line.parse().expect("a line number"))
        })
        .collect()
}

// ---------------------------------------------------------------- tracebacks

const CHAIN: &str = "\
import asyncio

def parse(s):
    return int(s)

def helper(x):
    if x > 2:
        raise ValueError(\"boom\")
    return parse(\"z\" * x)

async def worker(n):
    await asyncio.sleep(0.1)
    return helper(n)

async def main():
    t = asyncio.create_task(worker(3))
    await t

asyncio.run(main())
";

#[test]
fn an_exception_from_a_call_chain_in_a_task_shows_each_frame_with_its_line() {
    let out = run(CHAIN);
    assert_eq!(out.ending, Ending::Exception);
    assert_eq!(out.exception.as_deref(), Some("ValueError: boom"));
    let tb = out.traceback.unwrap();
    assert!(
        tb.starts_with(
            "Traceback (most recent call last):\n  File \"main.py\", line 19, in <module>\n    asyncio.run(main())\n"
        ),
        "{tb}"
    );
    // CPython 3.12 ends with these frames (its asyncio frames come between).
    assert!(
        tb.trim_end().ends_with(
            "  File \"main.py\", line 17, in main\n    await t\n  File \"main.py\", line 13, in worker\n    return helper(n)\n  File \"main.py\", line 8, in helper\n    raise ValueError(\"boom\")\nValueError: boom"
        ),
        "{tb}"
    );
    assert!(
        matches!(out.trace.outcome, Outcome::Failed { ref error } if error == "ValueError: boom")
    );
}

#[test]
fn asyncio_internal_frames_are_not_attributed_to_the_program() {
    let out = run(CHAIN);
    let tb = out.traceback.unwrap();
    assert_eq!(
        frames(&tb),
        [
            ("<module>", 19),
            ("main", 17),
            ("worker", 13),
            ("helper", 8)
        ]
        .map(|(f, l)| (f.to_string(), l))
        .to_vec(),
        "{tb}"
    );
    // With 60 lines, a frame said to be at main.py line 55 would show the program's
    // own line 55.
    let long = format!("{}{CHAIN}", "pass\n".repeat(60));
    let tb = run(&long).traceback.unwrap();
    assert!(!tb.contains("    pass\n"), "{tb}");
}

#[test]
fn a_sync_call_chain_matches_cpython() {
    let src = "def a():\n    b()\n\ndef b():\n    c(1)\n\ndef c(x):\n    return [x][x]\n\na()\n";
    let out = run(src);
    assert_eq!(
        out.traceback.unwrap().trim_end(),
        "Traceback (most recent call last):\n  File \"main.py\", line 10, in <module>\n    a()\n  File \"main.py\", line 2, in a\n    b()\n  File \"main.py\", line 5, in b\n    c(1)\n  File \"main.py\", line 8, in c\n    return [x][x]\nIndexError: list index out of range"
    );
}

#[test]
fn chained_exceptions_show_both_tracebacks_as_cpython_does() {
    let src = "def g():\n    raise KeyError(\"k\")\ndef f():\n    try:\n        g()\n    except KeyError as e:\n        raise ValueError(\"boom\") from e\nf()\n";
    let tb = run(src).traceback.unwrap();
    assert_eq!(
        tb.trim_end(),
        "Traceback (most recent call last):
  File \"main.py\", line 5, in f
    g()
  File \"main.py\", line 2, in g
    raise KeyError(\"k\")
KeyError: 'k'

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File \"main.py\", line 8, in <module>
    f()
  File \"main.py\", line 7, in f
    raise ValueError(\"boom\") from e
ValueError: boom"
    );
    let src = "def f():\n    try:\n        1/0\n    except ZeroDivisionError:\n        raise ValueError(\"boom\")\nf()\n";
    let tb = run(src).traceback.unwrap();
    assert_eq!(
        tb.trim_end(),
        "Traceback (most recent call last):
  File \"main.py\", line 3, in f
    1/0
ZeroDivisionError: division by zero

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File \"main.py\", line 6, in <module>
    f()
  File \"main.py\", line 5, in f
    raise ValueError(\"boom\")
ValueError: boom"
    );
}

#[test]
fn an_exception_in_a_gathered_coroutine_names_its_function() {
    let src = "import asyncio\nasync def bad(n):\n    await asyncio.sleep(n)\n    raise ValueError(f\"bad {n}\")\nasync def main():\n    await asyncio.gather(bad(0.1), bad(0.2))\nasyncio.run(main())\n";
    let out = run(src);
    assert_eq!(out.exception.as_deref(), Some("ValueError: bad 0.1"));
    let f = frames(&out.traceback.unwrap());
    assert_eq!(f.first(), Some(&("<module>".to_string(), 7)));
    assert_eq!(
        f[f.len() - 2..],
        [("main".to_string(), 6), ("bad".to_string(), 4)]
    );
    assert_eq!(out.virtual_ms, 100.0);
}

// ---------------------------------------------------------------- loops that never yield

#[test]
fn a_module_level_loop_that_never_ends_is_stopped_naming_its_line() {
    let out = run_with("x = 0\nwhile True:\n    x += 1\n", small());
    assert_eq!(out.ending, Ending::Limit);
    assert_eq!(
        out.exception.as_deref(),
        Some("the program ran 2 million instructions without finishing (line 3): is there a loop that never ends?")
    );
    assert!(out.traceback.is_none());
    assert!(matches!(out.trace.outcome, Outcome::LimitExceeded { .. }));
    let out = run_with("while True: pass\n", small());
    assert_eq!(out.ending, Ending::Limit);
    assert_eq!(
        out.exception.as_deref(),
        Some("the program ran 2 million instructions without finishing (line 1): is there a loop that never ends?")
    );
}

#[test]
fn a_task_that_never_yields_is_stopped_with_the_never_yields_diagnostic() {
    let src = "import asyncio\nasync def spin():\n    while True:\n        pass\nasync def main():\n    await asyncio.gather(spin(), asyncio.sleep(1))\nasyncio.run(main())\n";
    let out = run_with(src, small());
    assert_eq!(out.ending, Ending::Limit);
    assert_eq!(
        out.exception.as_deref(),
        Some("a task ran 1 million instructions without an await (line 3): it never yields to the event loop, so nothing else can run. Add `await asyncio.sleep(0)` inside the loop.")
    );
    assert!(
        matches!(out.trace.outcome, Outcome::LimitExceeded { ref message } if message.contains("never yields"))
    );
}

#[test]
fn a_never_yielding_loop_in_a_function_called_by_a_task_names_the_functions_line() {
    let src = "import asyncio\n\ndef crunch():\n    n = 0\n    while n >= 0:\n        n += 1\n\nasync def main():\n    await asyncio.sleep(0.5)\n    crunch()\n\nasyncio.run(main())\n";
    let out = run_with(src, small());
    assert_eq!(out.ending, Ending::Limit);
    let message = out.exception.unwrap();
    assert!(
        message.starts_with("a task ran 1 million instructions without an await (line 5)")
            || message.starts_with("a task ran 1 million instructions without an await (line 6)"),
        "{message}"
    );
    assert_eq!(out.virtual_ms, 500.0);
}

/// Runs `src` on its own thread; `None` if it has not ended after `secs` seconds.
fn run_within(src: &str, limits: Limits, secs: u64) -> Option<(Ending, Option<String>)> {
    let (tx, rx) = std::sync::mpsc::channel();
    let src = src.to_string();
    std::thread::spawn(move || {
        let out = run_source_with(&src, limits.into()).unwrap();
        let _ = tx.send((out.ending, out.exception));
    });
    rx.recv_timeout(std::time::Duration::from_secs(secs)).ok()
}

/// `run` re-enters `run_frames` after every caught exception, and `run_frames` counts
/// instructions in a local `budget` only each 4096: a loop whose every round raises
/// and catches an exception in fewer instructions is never counted, so it runs
/// forever (a frozen tab), whatever the limits.
#[test]
fn a_loop_that_raises_and_catches_each_round_is_stopped() {
    for src in [
        "while True:\n    try:\n        raise ValueError\n    except ValueError:\n        pass\n",
        "def f():\n    raise ValueError\nwhile True:\n    try:\n        f()\n    except ValueError:\n        pass\n",
        "def g():\n    g()\nwhile True:\n    try:\n        g()\n    except RecursionError:\n        pass\n",
    ] {
        let limits = Limits {
            max_frames: 50,
            ..small()
        };
        let (ending, message) = run_within(src, limits, 20)
            .unwrap_or_else(|| panic!("still running after 20 s: {src:?}"));
        assert_eq!(ending, Ending::Limit, "{src:?}: {message:?}");
    }
}

#[test]
fn a_loop_that_awaits_is_not_stopped_by_the_slice_budget() {
    // 3,000 rounds of a busy inner loop: far beyond one slice in total, but each
    // round gives the loop back.
    let src = "import asyncio\nasync def main():\n    for i in range(300):\n        for j in range(1000):\n            pass\n        await asyncio.sleep(0)\n    print('done')\nasyncio.run(main())\n";
    let out = run_with(
        src,
        Limits {
            max_slice: 100_000,
            ..Limits::default()
        },
    );
    assert_eq!(out.ending, Ending::Completed, "{:?}", out.exception);
    assert_eq!(out.stdout, "done\n");
}

// ---------------------------------------------------------------- recursion

#[test]
fn unbounded_recursion_raises_a_recursion_error_the_program_can_catch() {
    let src = "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print('caught', e)\nprint('after')\n";
    let out = run(src);
    assert_eq!(out.ending, Ending::Completed);
    assert_eq!(
        out.stdout,
        "caught maximum recursion depth exceeded\nafter\n"
    );
    let src = "import asyncio\nasync def main():\n    def rec(n):\n        return rec(n + 1)\n    try:\n        rec(0)\n    except RecursionError as e:\n        print('caught', e)\nasyncio.run(main())\n";
    assert_eq!(run(src).stdout, "caught maximum recursion depth exceeded\n");
}

#[test]
fn uncaught_recursion_ends_with_a_recursion_error() {
    let out = run("def f(n):\n    return f(n+1)\nf(0)\n");
    assert_eq!(out.ending, Ending::Exception);
    assert_eq!(
        out.exception.as_deref(),
        Some("RecursionError: maximum recursion depth exceeded")
    );
}

#[test]
fn uncaught_recursion_of_coroutines_ends_with_a_recursion_error() {
    let out = run("import asyncio\nasync def f(n):\n    return await f(n+1)\nasyncio.run(f(0))\n");
    assert_eq!(
        out.exception.as_deref(),
        Some("RecursionError: maximum recursion depth exceeded")
    );
}

/// Recursion through builtins (`repr` calling `__repr__`, `sorted` calling a key...)
/// nests native runs up to `Limits::max_nesting` (120); on a 2 MiB thread (the test
/// harness's, and less than a browser's stack in debug) that overflows the native
/// stack and aborts the process before the RecursionError. With `max_nesting: 60` it
/// passes.
#[test]
fn recursion_through_repr_ends_with_a_recursion_error() {
    let out =
        run("class A:\n    def __repr__(self):\n        return repr(self)\nprint(repr(A()))\n");
    assert_eq!(
        out.exception.as_deref(),
        Some(
            "RecursionError: maximum recursion depth exceeded while getting the repr of an object"
        )
    );
}

#[test]
fn a_recursion_traceback_says_how_often_the_line_repeated() {
    let tb = run("def f(n):\n    return f(n+1)\nf(0)\n")
        .traceback
        .unwrap();
    assert!(tb.contains("  [Previous line repeated "), "{tb}");
    assert_eq!(
        frames(&tb)[..4],
        [("<module>", 3), ("f", 2), ("f", 2), ("f", 2)].map(|(f, l)| (f.to_string(), l))
    );
}

// ---------------------------------------------------------------- tasks, time, events

#[test]
fn creating_too_many_tasks_stops_the_run_with_a_message() {
    let src = "import asyncio\nasync def w():\n    pass\nasync def main():\n    while True:\n        asyncio.create_task(w())\n        await asyncio.sleep(0)\nasyncio.run(main())\n";
    let out = run_with(
        src,
        Limits {
            max_tasks: 50,
            ..Limits::default()
        },
    );
    assert_eq!(out.ending, Ending::Limit);
    assert_eq!(
        out.exception.as_deref(),
        Some("the program created more than 50 tasks (line 6)")
    );
    assert!(matches!(out.trace.outcome, Outcome::LimitExceeded { .. }));
}

#[test]
fn virtual_time_past_a_day_stops_the_run() {
    let src = "import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(3600)\nasyncio.run(main())\n";
    let out = run(src);
    assert_eq!(out.ending, Ending::Limit);
    assert_eq!(
        out.exception.as_deref(),
        Some("virtual time passed 24 hours (line 4)")
    );
}

#[test]
fn too_many_events_stop_the_run() {
    let src = "import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(main())\n";
    let out = run_with(
        src,
        Limits {
            max_events: 1000,
            ..Limits::default()
        },
    );
    assert_eq!(out.ending, Ending::Limit);
    assert_eq!(
        out.exception.as_deref(),
        Some("the run recorded more than 1000 events (line 4)")
    );
}

// ---------------------------------------------------------------- memory

const TOO_BIG: &str =
    "OverflowError: that sequence would be too large for Looplab (over 2000000 items)";

#[test]
fn a_huge_list_is_a_clear_error_not_an_allocation() {
    for src in [
        "x = [0] * 10**9",
        "x = (0,) * 10**12",
        "x = 'ab' * 10**9",
        "x = [0]\nfor i in range(40):\n    x *= 2",
    ] {
        let out = run(src);
        assert_eq!(out.ending, Ending::Exception, "{src:?}");
        assert_eq!(out.exception.as_deref(), Some(TOO_BIG), "{src:?}");
    }
    let out = run("x = list(range(10**12))");
    assert_eq!(
        out.exception.as_deref(),
        Some("OverflowError: that sequence is too large for Looplab (over 2000000 items)")
    );
    let out = run("try:\n    x = [0] * 10**9\nexcept OverflowError as e:\n    print('no:', e)\n");
    assert_eq!(out.ending, Ending::Completed);
    assert_eq!(
        out.stdout,
        "no: that sequence would be too large for Looplab (over 2000000 items)\n"
    );
}

/// Programs that grow a string or list past `max_items` without `*`: each must be
/// stopped by the item limit (with the default limits they ask for gigabytes, and the
/// allocation aborts the process).
#[test]
fn every_way_to_grow_a_sequence_respects_the_item_limit() {
    let limits = || Limits {
        max_items: 10_000,
        ..Limits::default()
    };
    for src in [
        "s = 'a'\nfor i in range(20):\n    s += s",
        "x = [0]\nfor i in range(20):\n    x = x + x",
        "x = [0]\nfor i in range(20):\n    x.extend(x)",
        "s = 'a'.ljust(10**6)",
        "s = 'a'.center(10**6)",
        "s = '1'.zfill(10**6)",
        "s = 'a' * 5000\nfor i in range(8):\n    s = s.replace('a', 'aa')",
        "s = ','.join(['abc' * 1000] * 5000)",
    ] {
        let out = run_with(src, limits());
        assert_eq!(out.ending, Ending::Exception, "{src:?} was not stopped");
        let e = out.exception.unwrap_or_default();
        assert!(
            (e.starts_with("MemoryError") || e.starts_with("OverflowError"))
                && e.contains("Looplab"),
            "{src:?}: {e}"
        );
    }
}

#[test]
fn the_item_limit_message_names_the_limit_in_force() {
    let out = run_with(
        "x = [0] * 20000",
        Limits {
            max_items: 10_000,
            ..Limits::default()
        },
    );
    let e = out.exception.unwrap();
    assert!(
        !e.contains("10 million") && e.contains("10000") || e.contains("10,000"),
        "{e}"
    );
}

#[test]
fn an_empty_sequence_times_a_huge_count_is_empty() {
    let out = run("print([] * 10**9, '' * 10**9, () * 10**12)");
    assert_eq!(out.ending, Ending::Completed, "{:?}", out.exception);
    assert_eq!(out.stdout, "[]  ()\n");
}

// ---------------------------------------------------------------- deadlocks

#[test]
fn two_tasks_awaiting_each_others_event_deadlock_and_are_named() {
    let src = "import asyncio\nasync def t(a, b):\n    await a.wait()\n    b.set()\nasync def main():\n    a, b = asyncio.Event(), asyncio.Event()\n    t1 = asyncio.create_task(t(a, b), name='one')\n    t2 = asyncio.create_task(t(b, a), name='two')\n    await asyncio.gather(t1, t2)\nasyncio.run(main())\n";
    let out = run(src);
    assert_eq!(out.ending, Ending::Deadlock);
    assert_eq!(
        out.exception.as_deref(),
        Some("deadlock: no task can ever run again (Task-1 waits for gather; one waits for Event.wait; two waits for Event.wait)")
    );
    assert!(out.traceback.is_none());
    assert!(matches!(out.trace.outcome, Outcome::Deadlock { .. }));
    let src = "import asyncio\nasync def main():\n    a = asyncio.Event()\n    b = asyncio.Event()\n    async def one():\n        await a.wait()\n        b.set()\n    async def two():\n        await b.wait()\n        a.set()\n    await asyncio.gather(one(), two())\nasyncio.run(main())\n";
    let out = run(src);
    assert_eq!(out.ending, Ending::Deadlock);
    assert_eq!(
        out.exception.as_deref(),
        Some("deadlock: no task can ever run again (Task-1 waits for gather; Task-2 waits for Event.wait; Task-3 waits for Event.wait)")
    );
}

#[test]
fn a_task_waiting_on_nothing_that_can_happen_is_a_deadlock_naming_what_it_awaits() {
    for (src, message) in [
        (
            "import asyncio\nasync def main():\n    q = asyncio.Queue()\n    await q.get()\nasyncio.run(main())\n",
            "deadlock: no task can ever run again (Task-1 waits for Queue 1.get())",
        ),
        (
            "import asyncio\nasync def main():\n    lock = asyncio.Lock()\n    async with lock:\n        async with lock:\n            pass\nasyncio.run(main())\n",
            "deadlock: no task can ever run again (Task-1 waits for Lock 1.acquire(), held by Task-1)",
        ),
        (
            "import asyncio\nasync def main():\n    fut = asyncio.get_running_loop().create_future()\n    await fut\nasyncio.run(main())\n",
            "deadlock: no task can ever run again (Task-1 waits for a future nothing will complete)",
        ),
    ] {
        let out = run(src);
        assert_eq!(out.ending, Ending::Deadlock, "{src:?}");
        assert_eq!(out.exception.as_deref(), Some(message), "{src:?}");
    }
}

// ---------------------------------------------------------------- nothing panics

#[test]
fn a_lambda_inside_a_lambda_compiles() {
    let out = run("f = lambda v: lambda w: v + w\nprint(f(1)(2))\n");
    assert_eq!(out.stdout, "3\n");
    let out = run("f = lambda v: (lambda w: w)(v)\nprint(f(1))\n");
    assert_eq!(out.stdout, "1\n");
    let out = run("x = sorted([3, 1, 2], key=lambda v: sorted([v], key=lambda w: w))\nprint(x)\n");
    assert_eq!(out.stdout, "[1, 2, 3]\n");
    let out = run("x = [lambda: [lambda: 1 for j in range(1)] for i in range(2)]\nprint(len(x))\n");
    assert_eq!(out.stdout, "2\n");
}

#[test]
fn the_length_of_a_range_past_64_bits_is_an_error_not_a_panic() {
    let out = run("print(len(range(-2**62, 2**62)))\n");
    assert_eq!(out.ending, Ending::Exception);
    assert!(
        out.exception
            .as_deref()
            .unwrap()
            .starts_with("OverflowError"),
        "{:?}",
        out.exception
    );
}

#[test]
fn recursion_through_other_builtins_ends_with_a_recursion_error() {
    for src in [
        "def k(v):\n    return sorted([v], key=k)\nsorted([1], key=k)\n",
        "class A:\n    def __eq__(self, o):\n        return [self] == [o]\nprint(A() == A())\n",
        "class A:\n    def __str__(self):\n        return str(self)\nprint(A())\n",
        "def f(x):\n    return list(map(f, [x]))\nf(1)\n",
    ] {
        let out = run(src);
        assert_eq!(out.ending, Ending::Exception, "{src:?}");
        assert!(
            out.exception
                .as_deref()
                .unwrap()
                .starts_with("RecursionError"),
            "{src:?}: {:?}",
            out.exception
        );
    }
}

#[test]
fn recursion_through_repr_with_a_smaller_nesting_limit_ends_with_a_recursion_error() {
    let out = run_with(
        "class A:\n    def __repr__(self):\n        return repr(self)\nprint(repr(A()))\n",
        Limits {
            max_nesting: 40,
            ..Limits::default()
        },
    );
    assert_eq!(
        out.exception.as_deref(),
        Some(
            "RecursionError: maximum recursion depth exceeded while getting the repr of an object"
        )
    );
}

#[test]
fn a_coroutine_never_awaited_is_warned_about_once_per_function_as_cpython_does() {
    // CPython's warnings filter prints a warning once per text and place: ten coroutines
    // of `job` never awaited make one line (python3 prints it once for this program).
    let out = run("import asyncio\n\nasync def job(i):\n    pass\n\nasync def other():\n    pass\n\nasync def main():\n    pending = [job(i) for i in range(10)]\n    more = other()\n\nasyncio.run(main())\n");
    assert_eq!(out.ending, Ending::Completed);
    assert_eq!(
        out.stderr.lines().collect::<Vec<_>>(),
        [
            "RuntimeWarning: coroutine 'job' was never awaited",
            "RuntimeWarning: coroutine 'other' was never awaited"
        ]
    );
}

#[test]
fn a_coroutine_closed_or_started_by_hand_is_not_warned_about() {
    // CPython warns only of a coroutine still unstarted when it is collected: close(),
    // throw() and send(None) each take it out of that state (python3.12 warns of `never`
    // alone for this program).
    let out = run("import asyncio\n\nasync def job():\n    await asyncio.sleep(0)\n\nasync def quick():\n    return 1\n\nasync def never():\n    pass\n\nasync def main():\n    job().close()\n    try:\n        job().throw(ValueError)\n    except ValueError:\n        pass\n    try:\n        quick().send(None)\n    except StopIteration as e:\n        print(e.value)\n    left = never()\n\nasyncio.run(main())\n");
    assert_eq!(out.ending, Ending::Completed);
    assert_eq!(out.stdout, "1\n");
    assert_eq!(
        out.stderr.lines().collect::<Vec<_>>(),
        ["RuntimeWarning: coroutine 'never' was never awaited"]
    );
}
