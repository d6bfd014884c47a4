//! Export to the Chrome Trace Event Format (opens in Perfetto and chrome://tracing).
//!
//! The file also carries the Looplab trace itself under the extra top-level key
//! `looplab` (viewers ignore unknown keys), so an exported file can be imported again.

use super::spans::{lanes, SpanState};
use super::trace::{EventKind, TaskId, Trace};
use serde_json::{json, Value};

fn tid(task: TaskId) -> u64 {
    if task == TaskId::LOOP {
        0
    } else {
        task.0 as u64 + 1
    }
}

/// Microseconds, as the format wants.
fn us(ms: f64) -> f64 {
    ms * 1000.0
}

fn span_name(trace: &Trace, state: &SpanState) -> String {
    match state {
        SpanState::Suspended { reason } => trace.wait_label(reason),
        other => other.name().into(),
    }
}

/// The whole trace as a Chrome Trace Event Format JSON document.
pub fn to_chrome_trace(trace: &Trace) -> String {
    let mut events: Vec<Value> = vec![json!({
        "name": "thread_name", "ph": "M", "pid": 1, "tid": 0,
        "args": {"name": "event loop"}
    })];
    for (i, task) in trace.tasks.iter().enumerate() {
        events.push(json!({
            "name": "thread_name", "ph": "M", "pid": 1, "tid": i as u64 + 1,
            "args": {"name": task.name}
        }));
    }
    for lane in lanes(trace) {
        for span in &lane.spans {
            let step = span
                .step
                .and_then(|s| trace.steps.get(s as usize))
                .map(|s| s.label.clone());
            events.push(json!({
                "name": span_name(trace, &span.state),
                "cat": span.state.name(),
                "ph": "X",
                "ts": us(span.start),
                "dur": us(span.duration()),
                "pid": 1,
                "tid": tid(span.task),
                "args": {"step": step},
            }));
        }
    }
    for e in &trace.events {
        let name = match &e.kind {
            EventKind::Print { text } => format!("print {text}"),
            EventKind::Failed { error } => format!("raised {error}"),
            EventKind::Cancelled => "cancelled".into(),
            EventKind::TimedOut => "timed out".into(),
            EventKind::ComputeStart { ms } if *ms > 100.0 => "slow callback".into(),
            _ => continue,
        };
        events.push(json!({
            "name": name, "ph": "i", "s": "t", "ts": us(e.t), "pid": 1, "tid": tid(e.task)
        }));
    }
    json!({
        "traceEvents": events,
        "displayTimeUnit": "ms",
        "looplab": trace,
    })
    .to_string()
}

/// Reads back a file written by [`to_chrome_trace`] (or a bare Looplab trace).
pub fn from_chrome_trace(text: &str) -> Result<Trace, String> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| format!("This file is not JSON: {e}."))?;
    let inner = value.get("looplab").cloned().unwrap_or(value);
    serde_json::from_value(inner).map_err(|_| {
        "This trace was not exported by Looplab, so it cannot be replayed here. \
         Export one with “Export trace”."
            .to_string()
    })
}
