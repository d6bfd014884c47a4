#![cfg(not(target_arch = "wasm32"))]
//! asyncio debug-mode diagnostics computed from the trace. The rules follow CPython:
//! "Task exception was never retrieved" is logged for a failed task whose exception
//! nobody asked for (awaiting it, or `gather`, retrieves it), and debug mode logs
//! "Executing <Task ...> took 0.150 seconds" for a callback longer than
//! `slow_callback_duration` (100 ms).

use looplab::sim::{diagnose, run, DiagnosticKind, Scenario, TaskId, Trace};

fn trace(json: &str) -> Trace {
    run(&Scenario::from_json(json).unwrap()).unwrap()
}

fn kinds(trace: &Trace) -> Vec<(DiagnosticKind, String)> {
    diagnose(trace)
        .into_iter()
        .map(|d| (d.kind, trace.tasks[d.task.index()].coroutine.to_string()))
        .collect()
}

const SPAWNER: &str = r#"{"coroutines": [
  {"name": "broken", "steps": [{"op": "sleep", "ms": 10}, {"op": "raise", "error": "ValueError", "message": "bad"}]},
  {"name": "worker", "steps": [{"op": "sleep", "ms": 1000}]},
  {"name": "spawner", "steps": [
    {"op": "create_task", "coroutine": "TARGET", "handle": "h"},
    {"op": "sleep", "ms": 500}
    AWAIT
  ]}],
  "main": {"mode": "sequential", "run": ["spawner"]}}"#;

fn spawner(target: &str, await_step: &str) -> Trace {
    trace(
        &SPAWNER
            .replace("TARGET", target)
            .replace("AWAIT", await_step),
    )
}

const CATCH_H: &str = r#", {"op": "try", "body": [{"op": "await", "target": {"task": "h"}}], "handler": [{"op": "print", "text": "caught"}]}"#;

#[test]
fn a_failed_task_nobody_awaits_has_its_exception_never_retrieved() {
    let t = spawner("broken", "");
    let d = diagnose(&t);
    assert_eq!(
        kinds(&t),
        [(DiagnosticKind::ExceptionNeverRetrieved, "broken".into())]
    );
    assert_eq!(d[0].t, 10.0, "pinned to when it failed");
    assert!(d[0].message.contains("ValueError"), "{}", d[0].message);
}

#[test]
fn awaiting_a_failed_task_after_it_failed_retrieves_the_exception() {
    // The task is done by the time it is awaited: no suspension, but it is retrieved.
    let t = spawner("broken", CATCH_H);
    assert_eq!(kinds(&t), []);
}

#[test]
fn gathering_a_failed_task_retrieves_the_exception() {
    let t = spawner(
        "broken",
        r#", {"op": "gather", "items": [{"task": "h"}], "return_exceptions": true}"#,
    );
    assert_eq!(kinds(&t), []);
}

#[test]
fn a_task_created_and_never_awaited_is_reported_where_it_was_created() {
    let t = spawner("worker", "");
    let d = diagnose(&t);
    assert_eq!(kinds(&t), [(DiagnosticKind::NeverAwaited, "worker".into())]);
    assert_eq!(d[0].t, 0.0);
    assert!(d[0].message.contains("cancelled"), "{}", d[0].message);
}

#[test]
fn a_task_awaited_while_it_runs_is_fine() {
    let t = spawner("worker", r#", {"op": "await", "target": {"task": "h"}}"#);
    assert_eq!(kinds(&t), []);
}

fn holding(steps: &str) -> Trace {
    trace(&format!(
        r#"{{"coroutines": [
          {{"name": "hog", "steps": {steps}}},
          {{"name": "ticker", "steps": [{{"op": "sleep", "ms": 0}}, {{"op": "sleep", "ms": 0}}]}}],
          "main": {{"mode": "concurrent", "run": ["ticker", "hog"]}}}}"#
    ))
}

#[test]
fn a_run_longer_than_100_ms_is_a_slow_callback_at_its_blocking_step() {
    let t = holding(
        r#"[{"op": "sleep", "ms": 5}, {"op": "compute", "ms": 150}, {"op": "sleep", "ms": 5}]"#,
    );
    let d = diagnose(&t);
    assert_eq!(kinds(&t), [(DiagnosticKind::SlowCallback, "hog".into())]);
    assert_eq!(d[0].t, 5.0);
    let step = d[0].step.expect("pinned to a step");
    assert!(
        t.steps[step as usize].label.starts_with("time.sleep"),
        "{:?}",
        t.steps[step as usize]
    );
    assert!(d[0].message.contains("0.150 s"), "{}", d[0].message);
}

#[test]
fn short_blocking_steps_add_up_within_one_run_but_not_across_awaits() {
    let one_run = holding(
        r#"[{"op": "sleep", "ms": 5}, {"op": "compute", "ms": 60}, {"op": "compute", "ms": 60}, {"op": "sleep", "ms": 5}]"#,
    );
    assert_eq!(
        kinds(&one_run),
        [(DiagnosticKind::SlowCallback, "hog".into())]
    );
    let split = holding(
        r#"[{"op": "sleep", "ms": 5}, {"op": "compute", "ms": 60}, {"op": "sleep", "ms": 0}, {"op": "compute", "ms": 60}]"#,
    );
    assert_eq!(kinds(&split), []);
}

#[test]
fn a_task_that_never_suspends_while_others_wait_never_yields() {
    let t = holding(r#"[{"op": "compute", "ms": 50}, {"op": "print", "text": "done"}]"#);
    let d = diagnose(&t);
    assert_eq!(kinds(&t), [(DiagnosticKind::NeverYields, "hog".into())]);
    assert_ne!(d[0].task, TaskId::MAIN);
}

#[test]
fn a_long_task_that_never_suspends_is_slow_and_never_yields() {
    let t = trace(
        &looplab::sim::presets::preset("blocking-sleep")
            .unwrap()
            .to_json(),
    );
    let got = kinds(&t);
    assert!(
        got.contains(&(DiagnosticKind::NeverYields, "rude".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&(DiagnosticKind::SlowCallback, "rude".into())),
        "{got:?}"
    );
    assert!(got.iter().all(|(_, c)| c == "rude"), "{got:?}");
}

#[test]
fn a_task_that_yields_is_not_reported() {
    let t = holding(
        r#"[{"op": "compute", "ms": 50}, {"op": "sleep", "ms": 0}, {"op": "compute", "ms": 50}]"#,
    );
    assert_eq!(kinds(&t), []);
}

#[test]
fn diagnostics_are_in_time_order() {
    for (_, s) in looplab::sim::presets::presets() {
        let d = diagnose(&run(&s).unwrap());
        assert!(d.windows(2).all(|w| w[0].t <= w[1].t));
    }
}
