#![cfg(not(target_arch = "wasm32"))]
//! Known answers: totals and orders that CPython's asyncio gives for the same program
//! (each test says which asyncio behaviour it pins down).

use looplab::sim::presets::preset;
use looplab::sim::{compare, run, EventKind, Outcome, Scenario, TaskId, Trace};
use serde_json::json;

fn scenario(value: serde_json::Value) -> Scenario {
    serde_json::from_value(value).expect("test scenario parses")
}

fn three_fetches(mode: &str) -> Scenario {
    scenario(json!({
        "coroutines": [
            {"name": "a", "steps": [{"op": "fetch", "url": "/api/1", "latency_ms": 1000}]},
            {"name": "b", "steps": [{"op": "fetch", "url": "/api/2", "latency_ms": 2000}]},
            {"name": "c", "steps": [{"op": "fetch", "url": "/api/3", "latency_ms": 3000}]}
        ],
        "main": {"mode": mode, "run": ["a", "b", "c"]}
    }))
}

fn assert_completed(trace: &Trace) {
    assert!(
        matches!(trace.outcome, Outcome::Completed { .. }),
        "{:?}",
        trace.outcome
    );
}

fn ended_at(trace: &Trace, name: &str) -> f64 {
    let task = trace.tasks.iter().position(|t| t.name() == name).unwrap();
    trace
        .events_of(TaskId(task as u32))
        .find(|e| {
            matches!(
                e.kind,
                EventKind::Completed { .. } | EventKind::Failed { .. } | EventKind::Cancelled
            )
        })
        .map(|e| e.t)
        .unwrap()
}

#[test]
fn fetches_of_one_two_three_seconds_take_six_in_turn_and_three_gathered() {
    let seq = run(&three_fetches("sequential")).unwrap();
    let conc = run(&three_fetches("concurrent")).unwrap();
    assert_completed(&seq);
    assert_completed(&conc);
    assert_eq!(seq.end, 6000.0);
    assert_eq!(conc.end, 3000.0);
    assert_eq!(
        seq.tasks.len(),
        1,
        "awaiting coroutines in turn creates no task"
    );
    assert_eq!(conc.tasks.len(), 4, "gather wraps each coroutine in a task");
}

#[test]
fn compare_reports_both_totals_and_the_speedup() {
    let c = compare(&three_fetches("concurrent")).unwrap();
    assert_eq!(c.sequential.end, 6000.0);
    assert_eq!(c.concurrent.end, 3000.0);
    assert_eq!(c.speedup(), Some(2.0));
}

#[test]
fn five_one_second_tasks_under_a_semaphore_of_two_take_three_seconds() {
    let trace = run(&preset("semaphore").unwrap()).unwrap();
    assert_completed(&trace);
    assert_eq!(trace.end, 3000.0);
}

#[test]
fn wait_for_one_second_around_a_five_second_sleep_times_out_and_cancels() {
    // CPython: wait_for cancels the inner task at the deadline, waits for it to finish
    // cancelling, then raises TimeoutError in the caller.
    let trace = run(&scenario(json!({
        "coroutines": [
            {"name": "slow", "steps": [{"op": "sleep", "ms": 5000}]},
            {"name": "caller", "steps": [
                {"op": "wait_for", "target": {"coroutine": "slow"}, "timeout_ms": 1000}
            ]}
        ],
        "main": {"mode": "concurrent", "run": ["caller"]}
    })))
    .unwrap();
    assert_eq!(
        trace.outcome,
        Outcome::Failed {
            error: "TimeoutError".into()
        }
    );
    assert_eq!(trace.end, 1000.0);
    assert_eq!(ended_at(&trace, "slow"), 1000.0);
    let slow = TaskId(2);
    assert!(trace
        .events_of(slow)
        .any(|e| e.kind == EventKind::Cancelled));
    assert!(trace
        .events
        .iter()
        .any(|e| e.kind == EventKind::TimedOut && e.t == 1000.0));
}

#[test]
fn ready_tasks_run_in_fifo_order_and_sleep_zero_yields_to_the_back() {
    // asyncio: tasks run in creation order; sleep(0) reschedules with call_soon.
    let trace = run(&scenario(json!({
        "coroutines": [
            {"name": "a", "steps": [
                {"op": "print", "text": "a1"}, {"op": "sleep", "ms": 0}, {"op": "print", "text": "a2"}]},
            {"name": "b", "steps": [
                {"op": "print", "text": "b1"}, {"op": "sleep", "ms": 0}, {"op": "print", "text": "b2"}]},
            {"name": "c", "steps": [{"op": "print", "text": "c1"}]}
        ],
        "main": {"mode": "concurrent", "run": ["a", "b", "c"]}
    })))
    .unwrap();
    let printed: Vec<String> = trace
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Print { text } => Some(trace.text(*text).to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(printed, ["a1", "b1", "c1", "a2", "b2"]);
}

#[test]
fn gather_propagates_the_first_error_but_does_not_cancel_siblings() {
    // CPython docs: with return_exceptions=False the first exception propagates to the
    // awaiting task; "other awaitables in the aws sequence won't be cancelled".
    let trace = run(&scenario(json!({
        "coroutines": [
            {"name": "boom", "steps": [{"op": "sleep", "ms": 400}, {"op": "raise", "error": "ValueError", "message": "bad"}]},
            {"name": "fine", "steps": [{"op": "sleep", "ms": 800}, {"op": "return", "value": "ok"}]},
            {"name": "outer", "steps": [
                {"op": "try", "body": [
                    {"op": "gather", "items": [{"coroutine": "boom"}, {"coroutine": "fine"}]}
                ], "error": "ValueError", "handler": [{"op": "print", "text": "caught"}]},
                {"op": "sleep", "ms": 1000}
            ]}
        ],
        "main": {"mode": "sequential", "run": ["outer"]}
    })))
    .unwrap();
    assert_completed(&trace);
    let caught = trace
        .events
        .iter()
        .find(|e| matches!(&e.kind, EventKind::Print { text } if trace.text(*text) == "caught"))
        .unwrap();
    assert_eq!(caught.t, 400.0);
    assert_eq!(ended_at(&trace, "fine"), 800.0);
    assert!(trace
        .events
        .iter()
        .any(|e| matches!(&e.kind, EventKind::Completed { value } if trace.text(*value) == "ok")));
    assert_eq!(trace.end, 1400.0);
}

#[test]
fn gather_with_return_exceptions_collects_errors_as_results() {
    let trace = run(&scenario(json!({
        "coroutines": [
            {"name": "boom", "steps": [{"op": "raise", "error": "ValueError", "message": "bad"}]},
            {"name": "fine", "steps": [{"op": "sleep", "ms": 100}, {"op": "return", "value": "ok"}]},
            {"name": "outer", "steps": [
                {"op": "gather", "items": [{"coroutine": "boom"}, {"coroutine": "fine"}], "return_exceptions": true},
                {"op": "return", "value": "survived"}
            ]}
        ],
        "main": {"mode": "sequential", "run": ["outer"]}
    })))
    .unwrap();
    assert_completed(&trace);
    assert_eq!(trace.end, 100.0);
}

#[test]
fn blocking_compute_delays_every_other_task() {
    let trace = run(&preset("blocking-sleep").unwrap()).unwrap();
    assert_completed(&trace);
    // The heartbeat's first tick was due at 250 ms but the loop was held until 1000 ms.
    let first_tick = trace
        .events
        .iter()
        .find(|e| matches!(&e.kind, EventKind::Print { text } if trace.text(*text) == "tick"))
        .unwrap();
    assert_eq!(first_tick.t, 1000.0);
    assert_eq!(trace.end, 1750.0);
}

#[test]
fn presets_all_run_to_a_sensible_end() {
    for (id, s) in looplab::sim::presets::presets() {
        let trace = run(&s).unwrap_or_else(|e| panic!("{id}: {e}"));
        match id {
            "deadlock" => assert!(matches!(trace.outcome, Outcome::Deadlock { .. }), "{id}"),
            "errors" => assert!(matches!(trace.outcome, Outcome::Failed { .. }), "{id}"),
            _ => assert_completed(&trace),
        }
    }
    assert_eq!(looplab::sim::presets::presets().len(), 10);
}
