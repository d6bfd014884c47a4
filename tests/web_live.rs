#![cfg(target_arch = "wasm32")]
//! Live mode on the browser's real event loop: real timers, a real `fetch`, a busy
//! loop that really blocks, and a stop that leaves nothing running. Times are measured
//! with `performance.now()`, so the bounds leave room for a loaded machine.

use futures::channel::oneshot;
use gloo_timers::future::TimeoutFuture;
use looplab::live::{armed_timers, fetch_text, run_live, start_live};
use looplab::sim::{metrics, EventKind, Outcome, Reason, Scenario, Trace};
use serde_json::json;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Blob, Url};

mod support;
use support::{click_on, fresh_root, next_render, text};

wasm_bindgen_test_configure!(run_in_browser);

fn scenario(value: serde_json::Value) -> Scenario {
    serde_json::from_value(value).expect("test scenario parses")
}

fn three_sleeps(mode: &str) -> Scenario {
    let sleeper = |name: &str| json!({"name": name, "steps": [{"op": "sleep", "ms": 200}]});
    scenario(json!({
        "coroutines": [sleeper("a"), sleeper("b"), sleeper("c")],
        "main": {"mode": mode, "run": ["a", "b", "c"]}
    }))
}

/// main() returned (else the assertion shows how the run ended).
fn assert_completed(trace: &Trace) {
    let Outcome::Completed { .. } = &trace.outcome else {
        panic!(
            "the run did not complete: {}",
            trace.outcome.describe(trace)
        );
    };
}

#[wasm_bindgen_test]
async fn three_200_ms_sleeps_take_600_ms_in_turn_and_under_400_gathered() {
    let sequential = run_live(&three_sleeps("sequential")).await.unwrap();
    assert_completed(&sequential);
    assert!(sequential.end >= 600.0, "in turn: {} ms", sequential.end);

    let concurrent = run_live(&three_sleeps("concurrent")).await.unwrap();
    assert_completed(&concurrent);
    assert!(concurrent.end >= 200.0, "gathered: {} ms", concurrent.end);
    assert!(concurrent.end < 400.0, "gathered: {} ms", concurrent.end);
}

#[wasm_bindgen_test]
async fn a_live_fetch_reads_the_body_of_a_real_blob_url() {
    let body = r#"{"id": 1, "name": "Ada"}"#;
    let parts = js_sys::Array::of1(&JsValue::from_str(body));
    let blob = Blob::new_with_str_sequence(&parts).unwrap();
    let url = Url::create_object_url_with_blob(&blob).unwrap();
    assert_eq!(fetch_text(&url, None).await.as_deref(), Ok(body));

    // The same URL in a scenario: the request really happens before the latency.
    let run = run_live(&scenario(json!({
        "coroutines": [{"name": "get", "steps": [
            {"op": "fetch", "url": url, "latency_ms": 100}
        ]}],
        "main": {"mode": "sequential", "run": ["get"]}
    })))
    .await
    .unwrap();
    assert_completed(&run);
    assert!(run.end >= 100.0, "{} ms", run.end);
    Url::revoke_object_url(&url).unwrap();
}

#[wasm_bindgen_test]
async fn a_failing_request_raises_connection_error_in_the_task() {
    let run = run_live(&scenario(json!({
        "coroutines": [{"name": "get", "steps": [
            {"op": "fetch", "url": "blob:null/no-such-blob", "latency_ms": 10}
        ]}],
        "main": {"mode": "sequential", "run": ["get"]}
    })))
    .await
    .unwrap();
    match &run.outcome {
        Outcome::Failed { error } => assert!(error.starts_with("ConnectionError"), "{error}"),
        other => panic!("expected a failure, got {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn a_blocking_compute_delays_a_concurrent_timer_by_its_length() {
    let run = run_live(&scenario(json!({
        "coroutines": [
            {"name": "ticker", "steps": [{"op": "sleep", "ms": 50}]},
            {"name": "cruncher", "steps": [{"op": "compute", "ms": 300}]}
        ],
        "main": {"mode": "concurrent", "run": ["ticker", "cruncher"]}
    })))
    .await
    .unwrap();
    assert_completed(&run);
    let ticker = run.tasks.iter().position(|t| t.name() == "ticker").unwrap();
    let (start, due) = run
        .events
        .iter()
        .filter(|e| e.task.index() == ticker)
        .find_map(|e| match e.kind {
            EventKind::Suspended {
                reason: Reason::Sleep { until },
            } => Some((e.t, until)),
            _ => None,
        })
        .unwrap();
    let ended = metrics(&run).tasks[ticker].ended.unwrap();
    assert!(
        due - start <= 51.0,
        "the sleep was due 50 ms after it began"
    );
    assert!(
        ended - start >= 300.0,
        "the 50 ms sleep ended {} ms after it began, held up by the 300 ms compute",
        ended - start
    );
}

#[wasm_bindgen_test]
async fn run_in_executor_work_runs_in_parallel_workers() {
    let worker =
        |name: &str| json!({"name": name, "steps": [{"op": "run_in_executor", "ms": 200}]});
    let run = run_live(&scenario(json!({
        "coroutines": [worker("a"), worker("b")],
        "executor_workers": 2,
        "main": {"mode": "concurrent", "run": ["a", "b"]}
    })))
    .await
    .unwrap();
    assert_completed(&run);
    assert!(run.end >= 200.0, "{} ms", run.end);
    assert!(run.end < 390.0, "two workers run at once: {} ms", run.end);
}

#[wasm_bindgen_test]
async fn stopping_a_run_leaves_no_timer_or_request_pending() {
    let long = scenario(json!({
        "coroutines": [
            {"name": "sleeper", "steps": [{"op": "sleep", "ms": 400}]},
            {"name": "fetcher", "steps": [{"op": "fetch", "url": "/api/none.json", "latency_ms": 400}]},
            {"name": "worker", "steps": [{"op": "run_in_executor", "ms": 400}]}
        ],
        "main": {"mode": "concurrent", "run": ["sleeper", "fetcher", "worker"]}
    }));
    let updates_after_done = Rc::new(Cell::new(0));
    let finished = Rc::new(Cell::new(false));
    let (tx, rx) = oneshot::channel();
    let handle = {
        let (updates, finished_now) = (updates_after_done.clone(), finished.clone());
        let finished_later = finished.clone();
        start_live(
            &long,
            move |_| {
                if finished_now.get() {
                    updates.set(updates.get() + 1);
                }
            },
            move |trace| {
                finished_later.set(true);
                let _ = tx.send(trace);
            },
        )
        .unwrap()
    };
    TimeoutFuture::new(100).await;
    assert!(armed_timers() > 0, "the run is waiting on its timers");
    handle.stop();
    let trace = rx.await.unwrap();
    assert_eq!(trace.outcome, Outcome::Stopped);
    assert!(trace.end < 400.0, "stopped at {} ms", trace.end);
    assert_eq!(armed_timers(), 0, "a stopped run leaves no timer armed");
    TimeoutFuture::new(500).await;
    assert_eq!(
        updates_after_done.get(),
        0,
        "nothing of the run fired later"
    );
    assert_eq!(armed_timers(), 0);
    assert!(trace.events.iter().all(|e| e.t <= trace.end));
}

#[wasm_bindgen_test]
async fn the_live_bar_refuses_a_run_that_would_freeze_the_page_for_long() {
    use looplab::ui::App;
    let root = fresh_root();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    next_render().await;
    let freezer = "import asyncio\nimport time\n\nasync def main():\n    time.sleep(20)\n\nasyncio.run(main())\n";
    let dispatch = js_sys::Reflect::get(&web_sys::window().unwrap(), &"looplabDispatch".into())
        .unwrap()
        .dyn_into::<js_sys::Function>()
        .unwrap();
    dispatch
        .call2(&JsValue::NULL, &"open".into(), &freezer.into())
        .unwrap();
    next_render().await;
    click_on(&root, "[data-action=\"live-run\"]");
    next_render().await;
    assert!(text(&root, ".live-bar__refused").contains("freeze it for 20.0 s"));
    assert!(
        root.query_selector("[data-action=\"live-stop\"]")
            .unwrap()
            .is_none(),
        "nothing runs"
    );
    app.destroy();
}
