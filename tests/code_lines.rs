#![cfg(not(target_arch = "wasm32"))]
//! A scenario of steps written as Python (how an older link or saved entry opens):
//! every step of every preset and lesson maps to a line of the program that makes the
//! call the step stands for.

use looplab::code::{python_code, python_code_with_lines, PythonOptions};
use looplab::lessons::lessons;
use looplab::sim::presets::presets;
use looplab::sim::{Scenario, Step};

/// Every step of the program (main written out last), in step-id (pre-order) order.
fn steps_in_order(scenario: &Scenario) -> Vec<Step> {
    fn walk(steps: &[Step], out: &mut Vec<Step>) {
        for s in steps {
            out.push(s.clone());
            for b in s.blocks() {
                walk(b, out);
            }
        }
    }
    let program = scenario.validate().expect("valid");
    let mut out = Vec::new();
    for c in &program.scenario.coroutines {
        walk(&c.steps, &mut out);
    }
    assert_eq!(out.len(), program.steps.len());
    out
}

fn python_call(step: &Step) -> &'static str {
    match step {
        Step::Sleep { .. } => "asyncio.sleep(",
        Step::Fetch { .. } => "await fetch(",
        Step::Compute { .. } => "blocking(",
        Step::RunInExecutor { .. } => "run_in_executor(",
        Step::CreateTask { .. } => "asyncio.create_task(",
        Step::Await { .. } => "await ",
        Step::Gather { .. } => "asyncio.gather(",
        Step::WaitFor { .. } => "asyncio.wait_for(",
        Step::Cancel { .. } => ".cancel()",
        Step::Raise { .. } => "raise ",
        Step::Try { .. } => "try:",
        Step::With { .. } => "async with ",
        Step::Put { .. } => ".put(",
        Step::Get { .. } => ".get()",
        Step::AsyncFor { .. } => "async for ",
        Step::Repeat { .. } => "for _ in range(",
        Step::Print { .. } => "print(",
        Step::Return { .. } => "return ",
    }
}

/// One of every kind of step, nested, with every kind of resource.
const EVERY_STEP: &str = r#"{"name": "every step", "coroutines": [
  {"name": "helper", "steps": [{"op": "sleep", "ms": 10}, {"op": "return", "value": "ok"}]},
  {"name": "everything", "steps": [
    {"op": "fetch", "url": "/a", "latency_ms": 10, "fail": "ConnectionError"},
    {"op": "compute", "ms": 5},
    {"op": "run_in_executor", "ms": 5},
    {"op": "create_task", "coroutine": "helper", "handle": "h"},
    {"op": "create_task", "coroutine": "helper", "handle": "g"},
    {"op": "await", "target": {"coroutine": "helper"}},
    {"op": "await", "target": {"task": "h"}},
    {"op": "gather", "items": [{"coroutine": "helper"}, {"task": "h"}], "return_exceptions": true},
    {"op": "wait_for", "target": {"coroutine": "helper"}, "timeout_ms": 50},
    {"op": "cancel", "handle": "g"},
    {"op": "try", "body": [{"op": "raise", "error": "BadThing", "message": "oops"}], "handler": [{"op": "print", "text": "caught"}]},
    {"op": "with", "resource": "pool", "body": [{"op": "with", "resource": "door", "body": [{"op": "put", "queue": "jobs", "item": "x"}]}]},
    {"op": "put", "queue": "inbox", "item": "y"},
    {"op": "get", "queue": "jobs"},
    {"op": "async_for", "items": 2, "every_ms": 5, "body": [{"op": "repeat", "times": 2, "body": [{"op": "print", "text": "tick"}]}]},
    {"op": "return", "value": "done"},
    {"op": "print", "text": "unreachable"}
  ]}],
  "resources": [
    {"name": "pool", "kind": {"type": "semaphore", "permits": 2}},
    {"name": "door", "kind": {"type": "lock"}},
    {"name": "jobs", "kind": {"type": "queue", "maxsize": 2}},
    {"name": "inbox", "kind": {"type": "queue", "maxsize": 0}}
  ],
  "main": {"mode": "sequential", "run": ["everything", "helper"]}}"#;

fn all_scenarios() -> Vec<(String, Scenario)> {
    let mut all: Vec<(String, Scenario)> = presets()
        .into_iter()
        .map(|(id, s)| (id.to_string(), s))
        .collect();
    let every = Scenario::from_json(EVERY_STEP).unwrap();
    all.push((
        "every-step".into(),
        every.with_mode(looplab::sim::StartMode::Concurrent),
    ));
    all.push(("every-step".into(), every));
    all.extend(
        lessons()
            .into_iter()
            .filter_map(|l| Some((l.slug.to_string(), l.scenario()?))),
    );
    all
}

fn check(id: &str, text: &str, lines: &[usize], steps: &[Step], call: fn(&Step) -> &'static str) {
    let source: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), steps.len(), "{id}: one line per step");
    for (i, (step, &line)) in steps.iter().zip(lines).enumerate() {
        let got = source
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or("<no such line>");
        assert!(
            got.contains(call(step)),
            "{id}: step {i} ({}) maps to line {line} `{got}`",
            step.op()
        );
    }
}

#[test]
fn every_step_maps_to_its_line_of_python() {
    for (id, scenario) in all_scenarios() {
        let steps = steps_in_order(&scenario);
        for both_modes in [false, true] {
            let options = PythonOptions {
                time_scale: 1.0,
                both_modes,
            };
            let code = python_code_with_lines(&scenario, options);
            assert_eq!(code.text, python_code(&scenario, options));
            check(&id, &code.text, &code.lines, &steps, python_call);
        }
    }
}

#[test]
fn main_in_turn_and_gathered_map_to_different_lines() {
    let (_, s) = presets().into_iter().next().unwrap();
    let concurrent = python_code_with_lines(&s, PythonOptions::default());
    let sequential = python_code_with_lines(
        &s.with_mode(looplab::sim::StartMode::Sequential),
        PythonOptions::default(),
    );
    // main's steps come last: one gather, or one await per coroutine.
    assert_eq!(sequential.lines.len(), concurrent.lines.len() + 2);
}
