//! Where the tasks are in their code at an instant: the step the running task is at,
//! and the steps the other live tasks wait at. The code view highlights these lines.

use super::trace::{EventKind, StepId, TaskId, Trace};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Positions {
    /// The step the running task is at, if a task runs.
    pub running: Option<StepId>,
    /// Steps where unfinished tasks wait (suspended or ready), without duplicates.
    pub waiting: Vec<StepId>,
}

/// Positions after the first `events` events of `trace`.
pub fn positions(trace: &Trace, events: usize) -> Positions {
    let mut at: Vec<Option<StepId>> = vec![None; trace.tasks.len()];
    let mut done = vec![false; trace.tasks.len()];
    let mut running: Option<TaskId> = None;
    for e in trace.events.range(0..events.min(trace.events.len())) {
        if e.task == TaskId::LOOP {
            continue;
        }
        let i = e.task.index();
        if e.step().is_some() {
            at[i] = e.step();
        }
        match e.kind {
            EventKind::Started | EventKind::Resumed => running = Some(e.task),
            EventKind::Suspended { .. } if running == Some(e.task) => running = None,
            EventKind::Completed { .. } | EventKind::Failed { .. } | EventKind::Cancelled => {
                done[i] = true;
                if running == Some(e.task) {
                    running = None;
                }
            }
            _ => {}
        }
    }
    let mut waiting: Vec<StepId> = (0..at.len())
        .filter(|&i| !done[i] && Some(TaskId(i as u32)) != running)
        .filter_map(|i| at[i])
        .collect();
    crate::sort::sort(&mut waiting);
    waiting.dedup();
    // A task that has just started is at its coroutine's first step.
    let first_step = |t: TaskId| {
        let coroutine = &trace.tasks.get(t.index())?.coroutine;
        let i = trace
            .steps
            .iter()
            .position(|s| *s.coroutine == **coroutine)?;
        Some(i as StepId)
    };
    Positions {
        running: running.and_then(|t| at[t.index()].or_else(|| first_step(t))),
        waiting,
    }
}
