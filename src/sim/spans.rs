//! Spans: each task's life cut into intervals of one state, derived from the events.

use super::trace::{EventKind, Ms, Reason, StepId, TaskId, Trace};
use serde::Serialize;

/// The state of a task during a span.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum SpanState {
    /// On the ready queue, waiting for the loop to run it.
    Ready,
    /// Running on the loop's thread.
    Running,
    /// Running blocking work that holds the loop (`compute`).
    Blocked,
    /// Waiting, with the reason.
    Suspended { reason: Reason },
}

impl SpanState {
    /// A short name, also used as a CSS class.
    pub fn name(&self) -> &'static str {
        match self {
            SpanState::Ready => "ready",
            SpanState::Running => "running",
            SpanState::Blocked => "blocked",
            SpanState::Suspended {
                reason: Reason::Executor,
            } => "executor",
            SpanState::Suspended { .. } => "suspended",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Span {
    pub task: TaskId,
    pub start: Ms,
    pub end: Ms,
    #[serde(flatten)]
    pub state: SpanState,
    /// The step the task was at when the span began.
    pub step: Option<StepId>,
}

impl Span {
    pub fn duration(&self) -> Ms {
        self.end - self.start
    }
}

/// One task's row of the timeline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Lane {
    pub task: TaskId,
    pub spans: Vec<Span>,
    pub created: Ms,
    /// When it completed, failed or was cancelled; `None` if still alive at the end.
    pub ended: Option<Ms>,
}

/// Every task's spans, one lane per task, in task order. A span still open when the
/// trace ends is closed at `trace.end`.
pub fn lanes(trace: &Trace) -> Vec<Lane> {
    let mut lanes: Vec<Lane> = (0..trace.tasks.len())
        .map(|i| Lane {
            task: TaskId(i as u32),
            spans: Vec::new(),
            created: 0.0,
            ended: None,
        })
        .collect();
    // The open span of each task: (start, state, step).
    let mut open: Vec<Option<(Ms, SpanState, Option<StepId>)>> = vec![None; trace.tasks.len()];
    for e in &trace.events {
        let Some(lane) = lanes.get_mut(e.task.index()) else {
            continue;
        };
        let next = match &e.kind {
            EventKind::Created { .. } => {
                lane.created = e.t;
                Some(SpanState::Ready)
            }
            EventKind::Scheduled {
                callback: super::trace::Callback::Step,
            }
            | EventKind::Woke { .. } => Some(SpanState::Ready),
            EventKind::Started | EventKind::Resumed | EventKind::ComputeEnd => {
                Some(SpanState::Running)
            }
            EventKind::ComputeStart { .. } => Some(SpanState::Blocked),
            EventKind::Suspended { reason } => Some(SpanState::Suspended { reason: *reason }),
            EventKind::Completed { .. } | EventKind::Failed { .. } | EventKind::Cancelled => {
                lane.ended = Some(e.t);
                None
            }
            _ => continue,
        };
        let slot = &mut open[e.task.index()];
        if let Some((start, state, step)) = slot.take() {
            push(lane, start, e.t, state, step);
        }
        *slot = next.map(|state| (e.t, state, e.step()));
    }
    for (lane, slot) in lanes.iter_mut().zip(open) {
        if let Some((start, state, step)) = slot {
            push(lane, start, trace.end.max(start), state, step);
        }
    }
    lanes
}

/// Appends a span, merging it into the previous one when both are the same state.
fn push(lane: &mut Lane, start: Ms, end: Ms, state: SpanState, step: Option<StepId>) {
    if let Some(last) = lane.spans.last_mut() {
        if last.state == state && last.end == start {
            last.end = end;
            return;
        }
    }
    lane.spans.push(Span {
        task: lane.task,
        start,
        end,
        state,
        step,
    });
}
