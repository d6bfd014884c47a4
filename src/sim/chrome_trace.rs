//! Export to the Chrome Trace Event Format (opens in Perfetto and chrome://tracing).
//!
//! The file also carries the Looplab trace itself under the extra top-level key
//! `looplab` (viewers ignore unknown keys), so an exported file can be imported again.

use super::spans::{lanes, SpanState};
use super::trace::{EventKind, Outcome, Reason, TaskId, TaskListId, TextId, Trace};
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
            "args": {"name": task.name()}
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
            EventKind::Print { text } => format!("print {}", trace.text(*text).trim_end()),
            EventKind::Failed { error } => format!("raised {}", trace.text(*error)),
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
    let (inner, ours) = match value.get("looplab") {
        Some(inner) => (inner.clone(), true),
        None => (value, false),
    };
    let trace: Trace = serde_json::from_value(inner).map_err(|_| {
        if ours {
            "This trace was exported by another version of Looplab, whose trace format \
             differs, so it cannot be replayed here. Run the scenario again and export it \
             anew."
        } else {
            "This trace was not exported by Looplab, so it cannot be replayed here. \
             Export one with “Export trace”."
        }
        .to_string()
    })?;
    well_formed(&trace)?;
    Ok(trace)
}

/// Checks that every reference in an imported trace points at something it lists, and
/// that time runs forward, so that no query over it can go out of bounds.
fn well_formed(trace: &Trace) -> Result<(), String> {
    let damaged = |what: String| Err(format!("This trace is damaged: {what}."));
    let task_ok = |t: &TaskId| *t == TaskId::LOOP || t.index() < trace.tasks.len();
    let resource_ok = |r: &u32| (*r as usize) < trace.resources.len();
    let text_ok = |t: &TextId| (t.0 as usize) < trace.texts.len();
    let list_ok = |l: &TaskListId| {
        trace
            .task_lists
            .get(l.0 as usize)
            .is_some_and(|tasks| tasks.iter().all(task_ok))
    };
    let mut last = 0.0;
    for (i, e) in trace.events.iter().enumerate() {
        if !e.t.is_finite() || e.t < last || e.t > trace.end {
            return damaged(format!("event {i} is out of time order"));
        }
        last = e.t;
        let step_ok = e.step().is_none_or(|s| (s as usize) < trace.steps.len());
        let refs_ok = match &e.kind {
            EventKind::Created { parent } => parent.as_ref().is_none_or(task_ok),
            EventKind::Suspended { reason } => match reason {
                Reason::Task { task } | Reason::WaitFor { task, .. } => task_ok(task),
                Reason::Gather { tasks } => list_ok(tasks),
                Reason::Fetch { url, .. } => text_ok(url),
                Reason::Acquire { resource }
                | Reason::QueuePut { resource }
                | Reason::QueueGet { resource } => resource_ok(resource),
                _ => true,
            },
            EventKind::Acquired { resource }
            | EventKind::Released { resource }
            | EventKind::QueuePut { resource, .. }
            | EventKind::QueueGet { resource, .. } => resource_ok(resource),
            EventKind::ExecutorStart { worker } | EventKind::ExecutorEnd { worker } => {
                *worker < trace.executor_workers
            }
            EventKind::Print { text: t }
            | EventKind::Completed { value: t }
            | EventKind::Failed { error: t } => text_ok(t),
            _ => true,
        };
        if !task_ok(&e.task) || !step_ok || !refs_ok {
            return damaged(format!(
                "event {i} refers to a task, step, resource or text it does not list"
            ));
        }
    }
    let edges_ok = match &trace.outcome {
        Outcome::Deadlock { cycle, waits } => cycle
            .iter()
            .chain(waits)
            .all(|w| task_ok(&w.task) && w.holder.as_ref().is_none_or(task_ok)),
        _ => true,
    };
    if !edges_ok
        || trace
            .tasks
            .iter()
            .any(|t| t.parent.as_ref().is_some_and(|p| !task_ok(p)))
    {
        return damaged("its tasks refer to tasks it does not list".into());
    }
    Ok(())
}
