#![cfg(not(target_arch = "wasm32"))]
//! Invalid scenarios are rejected with a message naming the coroutine and the step.

use looplab::sim::Scenario;
use serde_json::{json, Value};

fn error_of(value: Value) -> String {
    let scenario: Scenario = serde_json::from_value(value).expect("parses");
    scenario
        .validate()
        .expect_err("must be rejected")
        .to_string()
}

fn one(steps: Value) -> Value {
    json!({
        "coroutines": [{"name": "worker", "steps": steps}],
        "main": {"mode": "concurrent", "run": ["worker"]}
    })
}

#[test]
fn an_unknown_coroutine_is_named_with_its_step() {
    let msg = error_of(one(json!([
        {"op": "sleep", "ms": 1},
        {"op": "await", "target": {"coroutine": "nowhere"}}
    ])));
    assert_eq!(
        msg,
        "In `worker`, step 2 (await): There is no coroutine named `nowhere`."
    );
}

#[test]
fn an_absurd_duration_is_rejected() {
    let msg = error_of(one(json!([{"op": "sleep", "ms": 99_999_999_999u64}])));
    assert!(
        msg.starts_with("In `worker`, step 1 (sleep): a duration of 99999999999 ms"),
        "{msg}"
    );
}

#[test]
fn awaiting_a_handle_that_does_not_exist_is_rejected() {
    let msg = error_of(one(json!([{"op": "await", "target": {"task": "t"}}])));
    assert!(
        msg.contains("step 1 (await): There is no task `t` yet"),
        "{msg}"
    );
    let later = error_of(one(json!([
        {"op": "cancel", "handle": "t"},
        {"op": "create_task", "coroutine": "worker", "handle": "t"}
    ])));
    assert!(
        later.contains("step 1 (cancel)"),
        "a handle must be created before use: {later}"
    );
}

#[test]
fn nested_steps_are_counted_in_order() {
    let msg = error_of(one(json!([
        {"op": "repeat", "times": 2, "body": [{"op": "sleep", "ms": 1}, {"op": "put", "queue": "nope", "item": "x"}]}
    ])));
    assert!(
        msg.starts_with("In `worker`, step 3 (put): There is no resource named `nope`"),
        "{msg}"
    );
}

#[test]
fn main_must_run_known_coroutines_and_names_must_be_identifiers() {
    let msg = error_of(json!({
        "coroutines": [{"name": "a", "steps": []}],
        "main": {"mode": "sequential", "run": ["b"]}
    }));
    assert_eq!(msg, "main() runs `b`, but no coroutine has that name.");
    let msg = error_of(json!({
        "coroutines": [{"name": "two words", "steps": []}],
        "main": {"mode": "sequential", "run": []}
    }));
    assert!(msg.contains("Python identifier"), "{msg}");
    let msg = error_of(json!({
        "coroutines": [{"name": "a", "steps": []}, {"name": "a", "steps": []}],
        "main": {"mode": "sequential", "run": []}
    }));
    assert!(msg.contains("Two coroutines are named `a`"), "{msg}");
}

#[test]
fn resources_are_checked() {
    let msg = error_of(json!({
        "coroutines": [{"name": "a", "steps": [{"op": "with", "resource": "q", "body": []}]}],
        "resources": [{"name": "q", "kind": {"type": "queue", "maxsize": 1}}],
        "main": {"mode": "sequential", "run": ["a"]}
    }));
    assert!(msg.contains("`q` is not a semaphore or a lock"), "{msg}");
    let msg = error_of(json!({
        "coroutines": [{"name": "a", "steps": []}],
        "resources": [{"name": "s", "kind": {"type": "semaphore", "permits": 0}}],
        "main": {"mode": "sequential", "run": ["a"]}
    }));
    assert!(msg.contains("between 1 and"), "{msg}");
}

#[test]
fn malformed_json_gets_a_readable_message() {
    let err = Scenario::from_json("{\"coroutines\": 3}").unwrap_err();
    assert!(err.starts_with("This is not a valid scenario"), "{err}");
    let err = Scenario::from_json(
        r#"{"coroutines": [{"name": "a", "steps": [{"op": "sleep", "ms": -5}]}], "main": {"mode": "sequential", "run": []}}"#,
    )
    .unwrap_err();
    assert!(
        err.ends_with(": a whole number of 0 or more was expected, not -5."),
        "{err}"
    );
    assert!(!err.contains("u64"), "serde's words: {err}");
    let absurd = |ms: &str| {
        Scenario::from_json(&format!(
            r#"{{"coroutines": [{{"name": "a", "steps": [{{"op": "sleep", "ms": {ms}}}]}}], "main": {{"mode": "sequential", "run": []}}}}"#
        ))
        .unwrap_err()
    };
    assert!(
        absurd("1e99").contains("was expected, not 1e+99"),
        "{}",
        absurd("1e99")
    );
    assert!(
        absurd("\"ten\"").contains("not the text \"ten\""),
        "{}",
        absurd("\"ten\"")
    );
}

#[test]
fn the_json_format_round_trips() {
    for (id, s) in looplab::sim::presets::presets() {
        let back = Scenario::from_json(&s.to_json()).unwrap();
        assert_eq!(back, s, "{id}");
    }
}

/// `main`'s steps are written from `main.run` (without copying its names into them):
/// their labels, the coroutines they start and the step limit still follow `main.run`.
#[test]
fn mains_steps_follow_main_run_in_both_start_modes() {
    let scenario = |mode: &str, run: Vec<&str>| -> Scenario {
        serde_json::from_value(json!({
            "coroutines": [
                {"name": "a", "steps": [{"op": "sleep", "ms": 10}]},
                {"name": "b", "steps": [{"op": "sleep", "ms": 20}]}
            ],
            "main": {"mode": mode, "run": run}
        }))
        .expect("parses")
    };
    let run = vec!["a", "b", "a"];
    let gathered = looplab::sim::run(&scenario("concurrent", run.clone())).expect("valid");
    let main_labels = |t: &looplab::sim::Trace| -> Vec<String> {
        t.steps
            .iter()
            .filter(|s| s.coroutine == "main")
            .map(|s| s.label.clone())
            .collect()
    };
    assert_eq!(
        main_labels(&gathered),
        ["await asyncio.gather(a(), b(), a())"]
    );
    let coroutines: Vec<&str> = gathered.tasks.iter().map(|t| &*t.coroutine).collect();
    assert_eq!(coroutines, ["main", "a", "b", "a"]);
    assert_eq!(gathered.end, 20.0);

    let in_turn = looplab::sim::run(&scenario("sequential", run)).expect("valid");
    assert_eq!(
        main_labels(&in_turn),
        ["await a()", "await b()", "await a()"]
    );
    assert_eq!(in_turn.end, 40.0);

    let too_many = scenario("sequential", vec!["a"; 100_001]);
    let msg = too_many.validate().expect_err("too many steps").to_string();
    assert!(msg.contains("at most 100000 steps"), "{msg}");
}

/// A gather's label lists every item, also when runs of equal items (which it writes
/// run by run) follow each other; an unknown name in a long run is still reported.
#[test]
fn a_gathers_label_lists_runs_of_equal_items_in_full() {
    let scenario = |run: Vec<&str>| -> Scenario {
        serde_json::from_value(json!({
            "coroutines": [
                {"name": "a", "steps": [{"op": "sleep", "ms": 10}]},
                {"name": "b", "steps": [{"op": "sleep", "ms": 20}]}
            ],
            "main": {"mode": "concurrent", "run": run}
        }))
        .expect("parses")
    };
    let program = scenario(vec!["a", "a", "b", "a", "a", "a", "b"])
        .validate()
        .expect("valid");
    let labels: Vec<&str> = program
        .steps
        .iter()
        .filter(|s| s.coroutine == "main")
        .map(|s| s.label.as_str())
        .collect();
    assert_eq!(
        labels,
        ["await asyncio.gather(a(), a(), b(), a(), a(), a(), b())"]
    );

    let mut run = vec!["a"; 500];
    run.push("c");
    run.extend(["a"; 10]);
    let msg = scenario(run)
        .validate()
        .expect_err("c is unknown")
        .to_string();
    assert!(msg.contains("main() runs `c`"), "{msg}");
}
