//! The workload both benches run (`event_loop`, `py_interp`): 10,000 tasks × 10 sleeps
//! of 10, 20, ..., 70, 10, 20, 30 ms, as a step-language scenario and on tokio's paused
//! clock.

use looplab::sim::{Coroutine, Limits, Main, Scenario, StartMode, Step, Trace};
use std::time::Duration;

pub const TASKS: usize = 10_000;
pub const AWAITS: u64 = 10;

/// The duration of the `i`-th await of every task: 10, 20, ..., 70, 10, 20, 30 ms.
pub fn sleep_ms(i: u64) -> u64 {
    (i % 7 + 1) * 10
}

/// Virtual time the whole run takes: every task sleeps the same durations at once.
pub fn total_ms() -> u64 {
    (0..AWAITS).map(sleep_ms).sum()
}

/// One coroutine `worker` of 10 `sleep` steps, started [`TASKS`] times by `main` in one
/// `gather`.
pub fn scenario() -> Scenario {
    Scenario {
        name: "10k coroutines x 10 awaits".into(),
        coroutines: vec![Coroutine {
            name: "worker".into(),
            steps: (0..AWAITS)
                .map(|i| Step::Sleep { ms: sleep_ms(i) })
                .collect(),
        }],
        main: Main {
            mode: StartMode::Concurrent,
            run: vec!["worker".to_string(); TASKS],
        },
        resources: Vec::new(),
        executor_workers: 4,
        seed: 0,
        source: None,
    }
}

/// The step kernel's run of [`scenario`], with room for its tasks and events.
pub fn run_kernel(scenario: &Scenario) -> Trace {
    let limits = Limits {
        max_tasks: 20_000,
        max_events: 5_000_000,
        ..Limits::default()
    };
    looplab::sim::run_with(scenario, limits).expect("the bench scenario is valid")
}

/// Runs the workload on a fresh paused-clock runtime; returns the virtual time it took.
pub fn run_tokio() -> Duration {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .expect("a current-thread runtime");
    runtime.block_on(async {
        let start = tokio::time::Instant::now();
        let handles: Vec<_> = (0..TASKS)
            .map(|_| {
                tokio::spawn(async {
                    for i in 0..AWAITS {
                        tokio::time::sleep(Duration::from_millis(sleep_ms(i))).await;
                    }
                })
            })
            .collect();
        for handle in handles {
            handle.await.expect("a worker task completes");
        }
        start.elapsed()
    })
}
