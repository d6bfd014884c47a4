#![cfg(not(target_arch = "wasm32"))]
//! One test per step kind and per outcome of the virtual-clock event loop.

use looplab::sim::{run, run_with, EventKind, Limits, Outcome, Reason, Scenario, TaskId, Trace};
use serde_json::{json, Value};

/// A scenario whose main awaits coroutine `main_body` made of `steps`, plus helpers.
fn body(steps: Value, helpers: Value, resources: Value) -> Scenario {
    let mut coroutines = vec![json!({"name": "body", "steps": steps})];
    coroutines.extend(helpers.as_array().cloned().unwrap_or_default());
    serde_json::from_value(json!({
        "coroutines": coroutines,
        "resources": resources,
        "main": {"mode": "sequential", "run": ["body"]}
    }))
    .expect("test scenario parses")
}

fn simple(steps: Value) -> Trace {
    run(&body(steps, json!([]), json!([]))).unwrap()
}

fn printed(trace: &Trace) -> Vec<(f64, String)> {
    trace
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Print { text } => Some((e.t, trace.text(*text).to_string())),
            _ => None,
        })
        .collect()
}

fn task(trace: &Trace, name: &str) -> TaskId {
    TaskId(
        trace
            .tasks
            .iter()
            .position(|t| t.name() == name)
            .expect(name) as u32,
    )
}

fn has(trace: &Trace, task: TaskId, kind: &EventKind) -> bool {
    trace.events_of(task).any(|e| &e.kind == kind)
}

fn returned(trace: &Trace, task: TaskId, value: &str) -> bool {
    trace
        .events_of(task)
        .any(|e| matches!(e.kind, EventKind::Completed { value: v } if trace.text(v) == value))
}

#[test]
fn sleep_suspends_until_its_timer_is_due() {
    let trace = simple(json!([{"op": "sleep", "ms": 500}, {"op": "print", "text": "woke"}]));
    assert_eq!(trace.end, 500.0);
    assert_eq!(printed(&trace), [(500.0, "woke".to_string())]);
    assert!(trace.events.iter().any(|e| e.kind
        == EventKind::Suspended {
            reason: Reason::Sleep { until: 500.0 }
        }));
}

#[test]
fn fetch_succeeds_after_its_latency_and_fails_with_its_error() {
    let ok = simple(json!([{"op": "fetch", "url": "/a", "latency_ms": 300}]));
    assert_eq!(ok.end, 300.0);
    assert!(matches!(ok.outcome, Outcome::Completed { .. }));
    let failed =
        simple(json!([{"op": "fetch", "url": "/a", "latency_ms": 300, "fail": "ConnectionError"}]));
    assert_eq!(failed.end, 300.0);
    assert_eq!(
        failed.outcome,
        Outcome::Failed {
            error: "ConnectionError: fetch /a failed".into()
        }
    );
}

#[test]
fn fetch_jitter_is_reproducible_from_the_seed() {
    let with_seed = |seed: u64| {
        let mut s = body(
            json!([{"op": "fetch", "url": "/a", "latency_ms": 100, "jitter_ms": 1000}]),
            json!([]),
            json!([]),
        );
        s.seed = seed;
        run(&s).unwrap()
    };
    assert_eq!(with_seed(7), with_seed(7));
    let ends: std::collections::BTreeSet<u64> = (0..20).map(|s| with_seed(s).end as u64).collect();
    assert!(ends.len() > 1, "different seeds give different latencies");
    assert!(ends.iter().all(|e| (100..=1100).contains(e)));
}

#[test]
fn compute_holds_the_loop_so_a_due_timer_waits() {
    let trace = run(&serde_json::from_value::<Scenario>(json!({
        "coroutines": [
            {"name": "sleeper", "steps": [{"op": "sleep", "ms": 100}, {"op": "print", "text": "late"}]},
            {"name": "hog", "steps": [{"op": "compute", "ms": 1000}]}
        ],
        "main": {"mode": "concurrent", "run": ["sleeper", "hog"]}
    }))
    .unwrap())
    .unwrap();
    assert_eq!(printed(&trace), [(1000.0, "late".to_string())]);
    let hog = task(&trace, "hog");
    assert!(has(&trace, hog, &EventKind::ComputeStart { ms: 1000.0 }));
}

#[test]
fn executor_runs_jobs_on_its_workers_while_the_loop_stays_free() {
    let trace = run(&looplab::sim::presets::preset("executor").unwrap()).unwrap();
    // 3 jobs of 800 ms on 2 workers: the third starts when a worker frees at 800.
    assert_eq!(trace.end, 1600.0);
    let ticks: Vec<f64> = printed(&trace).into_iter().map(|(t, _)| t).collect();
    assert_eq!(
        ticks,
        [200.0, 400.0, 600.0, 800.0],
        "the heartbeat never waits"
    );
    let starts = trace
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::ExecutorStart { .. }))
        .map(|e| e.t)
        .collect::<Vec<_>>();
    assert_eq!(starts, [0.0, 0.0, 800.0]);
}

#[test]
fn an_executor_job_finishes_on_time_even_while_compute_holds_the_loop() {
    let trace = run(&serde_json::from_value::<Scenario>(json!({
        "coroutines": [
            {"name": "job", "steps": [{"op": "run_in_executor", "ms": 100}, {"op": "print", "text": "job done"}]},
            {"name": "hog", "steps": [{"op": "compute", "ms": 500}]}
        ],
        "executor_workers": 1,
        "main": {"mode": "concurrent", "run": ["job", "job", "hog"]}
    }))
    .unwrap())
    .unwrap();
    let ends: Vec<f64> = trace
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::ExecutorEnd { .. }))
        .map(|e| e.t)
        .collect();
    assert_eq!(
        ends,
        [100.0, 200.0],
        "worker threads run beside a blocked loop"
    );
    assert_eq!(
        printed(&trace)[0].0,
        500.0,
        "but the coroutine resumes only after the block"
    );
}

#[test]
fn create_task_runs_the_coroutine_in_its_own_task_and_await_returns_its_value() {
    let trace = run(&body(
        json!([
            {"op": "create_task", "coroutine": "child", "handle": "t"},
            {"op": "print", "text": "parent continues"},
            {"op": "await", "target": {"task": "t"}},
            {"op": "print", "text": "child awaited"}
        ]),
        json!([{"name": "child", "steps": [{"op": "sleep", "ms": 200}, {"op": "return", "value": "42"}]}]),
        json!([]),
    ))
    .unwrap();
    let child = task(&trace, "child");
    assert_eq!(trace.tasks[child.index()].parent, Some(TaskId::MAIN));
    assert!(returned(&trace, child, "42"));
    assert_eq!(
        printed(&trace),
        [
            (0.0, "parent continues".into()),
            (200.0, "child awaited".into())
        ]
    );
}

#[test]
fn awaiting_a_coroutine_runs_it_inline_without_a_task() {
    let trace = run(&body(
        json!([{"op": "await", "target": {"coroutine": "child"}}]),
        json!([{"name": "child", "steps": [{"op": "sleep", "ms": 200}]}]),
        json!([]),
    ))
    .unwrap();
    assert_eq!(trace.tasks.len(), 1);
    assert_eq!(trace.end, 200.0);
}

#[test]
fn a_task_never_awaited_is_cancelled_when_main_returns() {
    // asyncio.run() cancels the tasks still pending when main() returns.
    let trace = run(&body(
        json!([{"op": "create_task", "coroutine": "child", "handle": "t"}, {"op": "sleep", "ms": 100}]),
        json!([{"name": "child", "steps": [{"op": "sleep", "ms": 5000}]}]),
        json!([]),
    ))
    .unwrap();
    let child = task(&trace, "child");
    assert!(has(&trace, child, &EventKind::Cancelled));
    assert_eq!(trace.end, 100.0);
}

#[test]
fn cancel_wakes_a_sleeping_task_with_cancelled_error() {
    let trace = run(&body(
        json!([
            {"op": "create_task", "coroutine": "child", "handle": "t"},
            {"op": "sleep", "ms": 100},
            {"op": "cancel", "handle": "t"},
            {"op": "try", "body": [{"op": "await", "target": {"task": "t"}}],
             "error": "CancelledError", "handler": [{"op": "print", "text": "child was cancelled"}]}
        ]),
        json!([{"name": "child", "steps": [{"op": "sleep", "ms": 5000}]}]),
        json!([]),
    ))
    .unwrap();
    let child = task(&trace, "child");
    let cancelled_at = trace
        .events_of(child)
        .find(|e| e.kind == EventKind::Cancelled)
        .unwrap()
        .t;
    assert_eq!(cancelled_at, 100.0);
    assert_eq!(printed(&trace), [(100.0, "child was cancelled".into())]);
    assert!(matches!(trace.outcome, Outcome::Completed { .. }));
}

#[test]
fn a_task_cancelled_before_it_runs_never_starts() {
    let trace = run(&body(
        json!([{"op": "create_task", "coroutine": "child", "handle": "t"}, {"op": "cancel", "handle": "t"}]),
        json!([{"name": "child", "steps": [{"op": "print", "text": "never"}]}]),
        json!([]),
    ))
    .unwrap();
    let child = task(&trace, "child");
    assert!(!has(&trace, child, &EventKind::Started));
    assert!(has(&trace, child, &EventKind::Cancelled));
    assert!(printed(&trace).is_empty());
}

#[test]
fn raise_fails_the_task_and_try_except_catches_only_matching_errors() {
    let caught = simple(json!([
        {"op": "try", "body": [{"op": "raise", "error": "ValueError", "message": "bad"}],
         "error": "ValueError", "handler": [{"op": "print", "text": "handled"}]}
    ]));
    assert!(matches!(caught.outcome, Outcome::Completed { .. }));
    assert_eq!(printed(&caught).len(), 1);
    let missed = simple(json!([
        {"op": "try", "body": [{"op": "raise", "error": "KeyError"}],
         "error": "ValueError", "handler": [{"op": "print", "text": "handled"}]}
    ]));
    assert_eq!(
        missed.outcome,
        Outcome::Failed {
            error: "KeyError".into()
        }
    );
    let bare = simple(json!([
        {"op": "try", "body": [{"op": "raise", "error": "KeyError"}], "handler": []},
        {"op": "return", "value": "fine"}
    ]));
    assert!(
        matches!(bare.outcome, Outcome::Completed { .. }),
        "except Exception catches it"
    );
}

#[test]
fn a_lock_lets_one_task_in_at_a_time_in_fifo_order() {
    let trace = run(&serde_json::from_value::<Scenario>(json!({
        "coroutines": [{"name": "w", "steps": [
            {"op": "with", "resource": "l", "body": [{"op": "sleep", "ms": 100}]}
        ]}],
        "resources": [{"name": "l", "kind": {"type": "lock"}}],
        "main": {"mode": "concurrent", "run": ["w", "w", "w"]}
    }))
    .unwrap())
    .unwrap();
    assert_eq!(trace.end, 300.0);
    let acquired: Vec<(f64, u32)> = trace
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Acquired { .. }))
        .map(|e| (e.t, e.task.0))
        .collect();
    assert_eq!(acquired, [(0.0, 1), (100.0, 2), (200.0, 3)]);
}

#[test]
fn a_full_queue_blocks_the_producer_until_the_consumer_gets() {
    let trace = run(&looplab::sim::presets::preset("producer-consumer").unwrap()).unwrap();
    assert!(
        matches!(trace.outcome, Outcome::Completed { .. }),
        "{:?}",
        trace.outcome
    );
    let sizes: Vec<u32> = trace
        .events
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::QueuePut { size, .. } | EventKind::QueueGet { size, .. } => Some(size),
            _ => None,
        })
        .collect();
    assert!(
        sizes.iter().all(|s| *s <= 2),
        "maxsize 2 is never exceeded: {sizes:?}"
    );
    assert!(sizes.contains(&2), "the queue fills up");
}

#[test]
fn put_on_a_full_queue_suspends_until_room_is_made() {
    let trace = run(&serde_json::from_value::<Scenario>(json!({
        "coroutines": [
            {"name": "producer", "steps": [
                {"op": "put", "queue": "q", "item": "1"},
                {"op": "put", "queue": "q", "item": "2"},
                {"op": "print", "text": "second put done"}
            ]},
            {"name": "consumer", "steps": [{"op": "sleep", "ms": 500}, {"op": "get", "queue": "q"}, {"op": "get", "queue": "q"}]}
        ],
        "resources": [{"name": "q", "kind": {"type": "queue", "maxsize": 1}}],
        "main": {"mode": "concurrent", "run": ["producer", "consumer"]}
    }))
    .unwrap())
    .unwrap();
    assert_eq!(printed(&trace), [(500.0, "second put done".into())]);
    let producer = task(&trace, "producer");
    assert!(has(
        &trace,
        producer,
        &EventKind::Suspended {
            reason: Reason::QueuePut { resource: 0 }
        }
    ));
}

#[test]
fn async_for_waits_for_each_item_of_the_iterator() {
    let trace = simple(json!([
        {"op": "async_for", "items": 5, "every_ms": 200, "body": [{"op": "print", "text": "item"}]}
    ]));
    let at: Vec<f64> = printed(&trace).into_iter().map(|(t, _)| t).collect();
    assert_eq!(at, [200.0, 400.0, 600.0, 800.0, 1000.0]);
}

#[test]
fn repeat_runs_its_body_n_times() {
    let trace = simple(json!([{"op": "repeat", "times": 3, "body": [{"op": "sleep", "ms": 100}]}]));
    assert_eq!(trace.end, 300.0);
}

#[test]
fn return_ends_the_coroutine_with_its_value() {
    let trace = run(&serde_json::from_value::<Scenario>(json!({
        "coroutines": [{"name": "f", "steps": [
            {"op": "return", "value": "early"}, {"op": "print", "text": "unreachable"}
        ]}],
        "main": {"mode": "concurrent", "run": ["f"]}
    }))
    .unwrap())
    .unwrap();
    assert!(returned(&trace, TaskId(1), "early"));
    assert!(printed(&trace).is_empty());
}

#[test]
fn locks_taken_in_opposite_order_deadlock_and_the_cycle_is_named() {
    let trace = run(&looplab::sim::presets::preset("deadlock").unwrap()).unwrap();
    let Outcome::Deadlock { cycle, .. } = &trace.outcome else {
        panic!("{:?}", trace.outcome)
    };
    let tasks: Vec<String> = cycle
        .iter()
        .map(|e| trace.task_name(e.task).into_owned())
        .collect();
    assert_eq!(tasks.len(), 2);
    assert!(tasks.iter().any(|t| t == "transfer_ab") && tasks.iter().any(|t| t == "transfer_ba"));
    assert!(cycle.iter().any(|e| e.on.contains("lock_a")));
    let words = trace.outcome.describe(&trace);
    assert!(
        words.contains("cycle") && words.contains("transfer_ab waits for lock lock_b"),
        "{words}"
    );
    assert_eq!(trace.end, 100.0);
}

#[test]
fn a_get_with_no_producer_deadlocks_without_a_cycle() {
    let trace = run(&body(
        json!([{"op": "get", "queue": "q"}]),
        json!([]),
        json!([{"name": "q", "kind": {"type": "queue", "maxsize": 0}}]),
    ))
    .unwrap();
    let Outcome::Deadlock { cycle, waits } = &trace.outcome else {
        panic!("{:?}", trace.outcome)
    };
    assert!(cycle.is_empty());
    assert_eq!(waits.len(), 1);
    assert!(waits[0].on.contains("queue q"), "{}", waits[0].on);
}

#[test]
fn an_endless_scenario_is_stopped_by_the_step_limit() {
    let trace = simple(json!([
        {"op": "repeat", "times": 100000, "body": [
            {"op": "repeat", "times": 100000, "body": [{"op": "print", "text": "x"}]}
        ]}
    ]));
    let Outcome::LimitExceeded { message } = &trace.outcome else {
        panic!("{:?}", trace.outcome)
    };
    assert!(
        message.contains("steps") || message.contains("events"),
        "{message}"
    );
}

#[test]
fn virtual_time_is_bounded() {
    let trace = run_with(
        &body(
            json!([{"op": "repeat", "times": 1000, "body": [{"op": "sleep", "ms": 3600000}]}]),
            json!([]),
            json!([]),
        ),
        Limits {
            max_time_ms: 10 * 3_600_000,
            ..Limits::default()
        },
    )
    .unwrap();
    assert!(
        matches!(&trace.outcome, Outcome::LimitExceeded { message } if message.contains("virtual time")),
        "{:?}",
        trace.outcome
    );
}

#[test]
fn too_many_tasks_are_stopped_by_the_task_limit() {
    let trace = run_with(
        &body(
            json!([{"op": "repeat", "times": 100, "body": [{"op": "create_task", "coroutine": "c", "handle": "h"}]}]),
            json!([{"name": "c", "steps": [{"op": "sleep", "ms": 1}]}]),
            json!([]),
        ),
        Limits {
            max_tasks: 50,
            ..Limits::default()
        },
    )
    .unwrap();
    assert!(
        matches!(&trace.outcome, Outcome::LimitExceeded { message } if message.contains("tasks")),
        "{:?}",
        trace.outcome
    );
}

#[test]
fn endless_recursion_raises_recursion_error() {
    let trace = run(&body(
        json!([{"op": "await", "target": {"coroutine": "again"}}]),
        json!([{"name": "again", "steps": [{"op": "await", "target": {"coroutine": "again"}}]}]),
        json!([]),
    ))
    .unwrap();
    assert!(
        matches!(&trace.outcome, Outcome::Failed { error } if error.starts_with("RecursionError")),
        "{:?}",
        trace.outcome
    );
}

#[test]
fn the_deepest_nesting_allowed_fits_in_a_one_mebibyte_stack() {
    // wasm32's default stack is 1 MiB: recursion through nested blocks must hit
    // RecursionError long before it overflows, even in an unoptimised build.
    let deep = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(|| {
            run(&body(
                json!([{"op": "await", "target": {"coroutine": "again"}}]),
                json!([{"name": "again", "steps": [
                    {"op": "try", "body": [
                        {"op": "with", "resource": "l", "body": [
                            {"op": "async_for", "items": 1, "every_ms": 1, "body": [
                                {"op": "repeat", "times": 1, "body": [
                                    {"op": "await", "target": {"coroutine": "again"}}
                                ]}
                            ]}
                        ]}
                    ], "error": "KeyError", "handler": []}
                ]}]),
                json!([{"name": "l", "kind": {"type": "semaphore", "permits": 1000}}]),
            ))
            .unwrap()
            .outcome
        })
        .unwrap()
        .join()
        .expect("no stack overflow");
    assert!(
        matches!(&deep, Outcome::Failed { error } if error.starts_with("RecursionError")),
        "{deep:?}"
    );
}
