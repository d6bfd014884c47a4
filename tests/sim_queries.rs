#![cfg(not(target_arch = "wasm32"))]
//! Queries over a trace: spans, the snapshot at a time, metrics, Chrome export.

use looplab::sim::chrome_trace::{from_chrome_trace, to_chrome_trace};
use looplab::sim::presets::preset;
use looplab::sim::snapshot::TaskState;
use looplab::sim::trace::Callback;
use looplab::sim::{
    lanes, metrics, run, snapshot_after, snapshot_at, EventKind, Reason, SpanState, TaskId,
};

#[test]
fn spans_show_each_fetch_suspended_with_its_url() {
    let trace = run(&preset("three-fetches").unwrap()).unwrap();
    let lanes = lanes(&trace);
    assert_eq!(lanes.len(), 4);
    let comments = &lanes[3];
    let suspended: Vec<_> = comments
        .spans
        .iter()
        .filter(|s| matches!(s.state, SpanState::Suspended { .. }))
        .collect();
    assert_eq!(suspended.len(), 1);
    assert_eq!((suspended[0].start, suspended[0].end), (0.0, 3000.0));
    assert!(matches!(&suspended[0].state,
        SpanState::Suspended { reason: Reason::Fetch { url, .. } } if trace.text(*url) == "/api/comments.json"));
    assert_eq!(comments.ended, Some(3000.0));
    let label = &trace.steps[suspended[0].step.unwrap() as usize].label;
    assert_eq!(label, "await fetch(\"/api/comments.json\")");
}

#[test]
fn compute_shows_as_a_blocked_span_of_its_length() {
    let trace = run(&preset("blocking-sleep").unwrap()).unwrap();
    let rude = trace.tasks.iter().position(|t| t.name() == "rude").unwrap();
    let blocked: Vec<_> = lanes(&trace)[rude]
        .spans
        .iter()
        .filter(|s| s.state == SpanState::Blocked)
        .map(|s| (s.start, s.end))
        .collect();
    assert_eq!(blocked, [(0.0, 1000.0)]);
}

#[test]
fn the_snapshot_shows_the_loop_internals_at_any_time() {
    let trace = run(&preset("three-fetches").unwrap()).unwrap();
    let mid = snapshot_at(&trace, 1500.0);
    assert_eq!(mid.running, None);
    assert!(mid.ready.is_empty());
    let urls: Vec<&str> = mid.fetches.iter().map(|f| f.url.as_str()).collect();
    assert_eq!(urls, ["/api/posts.json", "/api/comments.json"]);
    assert!(matches!(mid.tasks[1], TaskState::Completed { .. }));
    assert!(matches!(
        mid.tasks[0],
        TaskState::Suspended {
            reason: Reason::Gather { .. },
            ..
        }
    ));

    let start = snapshot_at(&trace, 0.0);
    assert_eq!(
        start.fetches.len(),
        3,
        "all three requests are in flight from t=0"
    );
}

#[test]
fn stepping_through_events_shows_the_ready_queue_in_order() {
    let trace = run(&preset("three-fetches").unwrap()).unwrap();
    // Just after main suspends on gather, the three new tasks wait in creation order.
    let n = trace
        .events
        .iter()
        .position(|e| {
            e.task == TaskId::MAIN && matches!(e.kind, looplab::sim::EventKind::Suspended { .. })
        })
        .unwrap()
        + 1;
    let snap = snapshot_after(&trace, n);
    let queued: Vec<(u32, Callback)> = snap.ready.iter().map(|q| (q.task.0, q.callback)).collect();
    assert_eq!(
        queued,
        [
            (1, Callback::Step),
            (2, Callback::Step),
            (3, Callback::Step)
        ]
    );
    let next = snapshot_after(&trace, n + 2);
    assert_eq!(next.running, Some(TaskId(1)));
    assert_eq!(next.ready.len(), 2);
    let back = snapshot_after(&trace, n);
    assert_eq!(
        back, snap,
        "stepping back is the same query at an earlier point"
    );
}

#[test]
fn the_snapshot_shows_holders_waiters_and_workers() {
    let trace = run(&preset("semaphore").unwrap()).unwrap();
    let snap = snapshot_at(&trace, 500.0);
    let pool = &snap.resources[0];
    assert_eq!(pool.holders.len(), 2);
    assert_eq!(pool.waiters.len(), 3);
    assert!(
        pool.waiters.windows(2).all(|w| w[0] < w[1]),
        "waiters in FIFO order"
    );

    let trace = run(&preset("executor").unwrap()).unwrap();
    let snap = snapshot_at(&trace, 100.0);
    assert_eq!(snap.workers.iter().filter(|w| w.is_some()).count(), 2);
    assert_eq!(snap.executor_queue.len(), 1);
    assert_eq!(snap.timers.len(), 1, "the heartbeat's sleep");
}

#[test]
fn metrics_give_completion_times_and_blocked_time() {
    let trace = run(&preset("three-fetches").unwrap()).unwrap();
    let m = metrics(&trace);
    assert_eq!(m.total, 3000.0);
    let ends: Vec<Option<f64>> = m.tasks.iter().map(|t| t.elapsed()).collect();
    assert_eq!(
        ends,
        [Some(3000.0), Some(1000.0), Some(2000.0), Some(3000.0)]
    );
    let blocked = metrics(&run(&preset("blocking-sleep").unwrap()).unwrap()).blocked;
    assert_eq!(blocked, 1000.0);
}

#[test]
fn chrome_export_has_a_thread_per_task_and_round_trips() {
    let trace = run(&preset("errors").unwrap()).unwrap();
    let json = to_chrome_trace(&trace);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let events = value["traceEvents"].as_array().unwrap();
    let threads = events.iter().filter(|e| e["ph"] == "M").count();
    assert_eq!(threads, trace.tasks.len() + 1);
    assert!(events
        .iter()
        .any(|e| e["ph"] == "X" && e["name"] == "await fetch /api/missing.json"));
    assert!(events.iter().any(|e| e["ph"] == "i"
        && e["name"]
            .as_str()
            .unwrap()
            .starts_with("raised ConnectionError")));
    assert_eq!(from_chrome_trace(&json).unwrap(), trace);
    assert!(from_chrome_trace("{\"traceEvents\": []}")
        .unwrap_err()
        .contains("not exported by Looplab"));
    assert!(from_chrome_trace("nonsense").is_err());
}

#[test]
fn positions_follow_the_running_step_and_the_waiting_ones() {
    use looplab::sim::positions::positions;
    let trace = run(&preset("three-fetches").unwrap()).unwrap();
    assert_eq!(
        positions(&trace, 0),
        Default::default(),
        "nothing has happened yet"
    );
    // When get_user suspends at its fetch, that fetch is where it waits.
    let get_user = trace
        .tasks
        .iter()
        .position(|t| t.name() == "get_user")
        .unwrap();
    let suspended = trace
        .events
        .iter()
        .position(|e| e.task.index() == get_user && matches!(e.kind, EventKind::Suspended { .. }))
        .unwrap();
    let fetch = trace.events.at(suspended).step().unwrap();
    assert_eq!(
        trace.steps[fetch as usize].label,
        "await fetch(\"/api/users/1.json\")"
    );
    let p = positions(&trace, suspended + 1);
    assert!(p.waiting.contains(&fetch));
    assert_ne!(p.running, Some(fetch));
    // Just before, get_user was running that step.
    assert_eq!(positions(&trace, suspended).running, Some(fetch));
    // At the end every task is done: nothing runs, nothing waits.
    assert_eq!(positions(&trace, trace.events.len()), Default::default());
}

#[test]
fn an_imported_trace_that_refers_to_missing_tasks_is_refused() {
    let trace = run(&preset("semaphore").unwrap()).unwrap();
    let exported = to_chrome_trace(&trace);
    assert_eq!(from_chrome_trace(&exported).unwrap(), trace);
    let mut broken = trace.clone();
    let mut events: Vec<_> = trace.events.iter().collect();
    events[3].task = TaskId(999);
    broken.events = events.into();
    let message = from_chrome_trace(&broken.to_json()).unwrap_err();
    assert_eq!(
        message,
        "This trace is damaged: event 3 refers to a task, step, resource or text it does not list."
    );
    let mut shuffled = trace.clone();
    let mut events: Vec<_> = trace.events.iter().collect();
    let last = events.len() - 1;
    events.swap(1, last);
    shuffled.events = events.into();
    assert!(from_chrome_trace(&shuffled.to_json())
        .unwrap_err()
        .contains("out of time order"));
    assert!(from_chrome_trace("{\"traceEvents\": []}")
        .unwrap_err()
        .contains("not exported by Looplab"));
    // A trace of an older format (texts inline, before they became ids) is named as such.
    let mut older: serde_json::Value = serde_json::from_str(&to_chrome_trace(&trace)).unwrap();
    older["looplab"].as_object_mut().unwrap().remove("texts");
    assert!(from_chrome_trace(&older.to_string())
        .unwrap_err()
        .contains("another version of Looplab"));
}
