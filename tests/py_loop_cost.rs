#![cfg(not(target_arch = "wasm32"))]
//! The loop's own cost (`looplab::py::aio::cost`): off, a callback takes no time; on,
//! each callback moves the clock on by what it costs the loop the program chose,
//! asyncio's own or uvloop's, however the program chose it.

use looplab::py::aio::cost::LoopKind;
use looplab::py::run::{run_source_with, Options};
use looplab::py::{Ending, RunOutput};

fn run(src: &str, loop_cost: bool) -> RunOutput {
    let out = run_source_with(src, Options::costed(loop_cost)).expect("compiles");
    assert_eq!(out.ending, Ending::Completed, "{:?}", out.exception);
    out
}

/// 100 tasks awaiting `sleep(0)` five times, run by `runner`; prints the ns it took.
fn program(runner: &str) -> String {
    format!(
        "import asyncio\nimport time\nimport uvloop\n\n\
         async def work():\n    for _ in range(5):\n        await asyncio.sleep(0)\n\n\
         async def main():\n    start = time.perf_counter_ns()\n    \
         await asyncio.gather(*(work() for _ in range(100)))\n    \
         print(time.perf_counter_ns() - start)\n\n{runner}\n"
    )
}

fn took_ns(out: &RunOutput) -> i64 {
    out.stdout.trim().parse().expect("one number printed")
}

#[test]
fn each_callback_costs_what_one_costs_the_loop_the_program_chose() {
    let asyncio = run(&program("asyncio.run(main())"), true);
    assert_eq!(asyncio.loop_kind, LoopKind::Asyncio);
    // Each task: its first step, five more after sleep(0), and gather's done callback;
    // and main's own first step (a callback's cost is counted once it has run).
    let per_run = 100 * 7 + 1;
    assert_eq!(took_ns(&asyncio), per_run * LoopKind::Asyncio.callback_ns());
    for runner in [
        "uvloop.run(main())",
        "asyncio.run(main(), loop_factory=uvloop.new_event_loop)",
        "with asyncio.Runner(loop_factory=uvloop.new_event_loop) as r:\n    r.run(main())",
        "uvloop.install()\nasyncio.run(main())",
        "asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())\nasyncio.run(main())",
    ] {
        let out = run(&program(runner), true);
        assert_eq!(out.loop_kind, LoopKind::Uvloop, "{runner}");
        assert_eq!(
            took_ns(&out),
            per_run * LoopKind::Uvloop.callback_ns(),
            "{runner}"
        );
    }
    // The policy can be set back.
    let back = run(
        &program("uvloop.install()\nasyncio.set_event_loop_policy(None)\nasyncio.run(main())"),
        true,
    );
    assert_eq!(back.loop_kind, LoopKind::Asyncio);
}

#[test]
fn uncounted_a_callback_takes_no_time_on_either_loop() {
    for runner in ["asyncio.run(main())", "uvloop.run(main())"] {
        let out = run(&program(runner), false);
        assert_eq!(took_ns(&out), 0, "{runner}");
        assert!(
            out.callbacks >= 700,
            "{runner}: {} callbacks",
            out.callbacks
        );
    }
}

#[test]
fn counted_the_cost_moves_timers_later_but_not_their_order() {
    // A timer armed after the cost of 1,000 callbacks fires that much later.
    let src = "import asyncio\nimport time\n\n\
               async def spin():\n    for _ in range(1000):\n        await asyncio.sleep(0)\n\n\
               async def main():\n    await spin()\n    start = time.perf_counter()\n    \
               await asyncio.sleep(0.1)\n    print(round(time.perf_counter() - start, 6))\n    \
               print(round(time.perf_counter(), 6))\n\nasyncio.run(main())\n";
    let free = run(src, false);
    let counted = run(src, true);
    assert_eq!(free.stdout, "0.1\n0.1\n");
    let lines: Vec<f64> = counted.stdout.lines().map(|l| l.parse().unwrap()).collect();
    // The sleep itself still takes 0.1 s, plus the callback that wakes main.
    assert!((lines[0] - 0.1).abs() < 1e-5, "{lines:?}");
    assert!(lines[1] > 0.1 + 1000.0 * 1.2e-6 - 1e-6, "{lines:?}");
}

#[test]
fn a_loop_factory_that_makes_no_loop_is_refused_and_new_event_loop_takes_no_arguments() {
    let out = run_source_with(
        "import asyncio\n\nasync def main():\n    pass\n\n\
         asyncio.run(main(), loop_factory=lambda: 42)\n",
        Options::default(),
    )
    .unwrap();
    assert_eq!(out.ending, Ending::Exception);
    assert!(
        out.exception
            .as_deref()
            .unwrap_or("")
            .starts_with("TypeError: loop_factory must make an event loop"),
        "{:?}",
        out.exception
    );
    let out = run_source_with(
        "import asyncio\nasyncio.new_event_loop('uvloop')\n",
        Options::default(),
    )
    .unwrap();
    assert_eq!(
        out.exception.as_deref(),
        Some("TypeError: new_event_loop() takes no arguments")
    );
}
