//! Scheduling invariants every trace keeps, whichever runner made it (the step
//! simulation in `tests/sim_properties.rs`, the interpreter in `tests/py_properties.rs`).

use looplab::sim::{lanes, EventKind, TaskId, Trace};

/// At most one task runs at a time, in event order.
pub fn one_at_a_time(trace: &Trace) -> Result<(), String> {
    let mut running: Option<TaskId> = None;
    for e in &trace.events {
        match e.kind {
            EventKind::Started | EventKind::Resumed => {
                if let Some(other) = running {
                    return Err(format!(
                        "{:?} started while {other:?} ran at {}",
                        e.task, e.t
                    ));
                }
                running = Some(e.task);
            }
            EventKind::Suspended { .. }
            | EventKind::Completed { .. }
            | EventKind::Failed { .. }
            | EventKind::Cancelled
                if running == Some(e.task) =>
            {
                running = None
            }
            _ => {}
        }
    }
    Ok(())
}

/// Every suspension ends in a resumption, a cancellation or the end of the trace.
pub fn suspensions_end(trace: &Trace) -> Result<(), String> {
    for (i, task) in trace.tasks.iter().enumerate() {
        let mut open = false;
        for e in trace.events_of(TaskId(i as u32)) {
            match e.kind {
                EventKind::Suspended { .. } if open => {
                    return Err(format!("{} suspended twice", task.name()))
                }
                EventKind::Suspended { .. } => open = true,
                EventKind::Resumed | EventKind::Cancelled => open = false,
                EventKind::Completed { .. } | EventKind::Failed { .. } if open => {
                    return Err(format!("{} ended while suspended", task.name()))
                }
                _ => {}
            }
        }
    }
    Ok(())
}

pub fn spans_ordered(trace: &Trace) -> Result<(), String> {
    for lane in lanes(trace) {
        for w in lane.spans.windows(2) {
            if w[0].start > w[0].end || w[0].end > w[1].start {
                return Err(format!("overlap in {:?}: {:?}", lane.task, w));
            }
        }
    }
    Ok(())
}
