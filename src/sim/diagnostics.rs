//! Diagnostics in the manner of asyncio's debug mode, computed from a trace and pinned
//! to the timeline: an exception never retrieved, a task never awaited, a slow
//! callback, a task that never yields.
//!
//! Pure queries over a [`Trace`], like `spans` and `metrics`: each rule is a small
//! function, independent of the others (after Tokio Console's `warnings.rs`).

use super::spans::{lanes, Lane, SpanState};
use super::trace::{EventKind, Ms, Reason, StepId, TaskId, TextId, Trace};
use serde::Serialize;
use std::collections::HashMap;

/// asyncio's `slow_callback_duration` in debug mode: 100 ms.
pub const SLOW_CALLBACK_MS: Ms = 100.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiagnosticKind {
    /// A task failed and nothing awaited or gathered it ("Task exception was never
    /// retrieved").
    ExceptionNeverRetrieved,
    /// A task was created with `create_task` and never awaited.
    NeverAwaited,
    /// One run of a task, from resume to suspend, held the loop longer than 100 ms.
    SlowCallback,
    /// A task ran from start to end without suspending once, while holding the loop
    /// more than 100 ms or while other tasks were ready.
    NeverYields,
}

impl DiagnosticKind {
    /// A short name for a badge on the timeline.
    pub fn name(self) -> &'static str {
        match self {
            DiagnosticKind::ExceptionNeverRetrieved => "never retrieved",
            DiagnosticKind::NeverAwaited => "never awaited",
            DiagnosticKind::SlowCallback => "slow callback",
            DiagnosticKind::NeverYields => "never yields",
        }
    }
}

/// One finding, pinned to a task, a step and a time.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    pub task: TaskId,
    pub step: Option<StepId>,
    pub t: Ms,
    pub kind: DiagnosticKind,
    /// What happened and what to do instead, in plain words.
    pub message: String,
}

/// Every diagnostic of a run, in time order.
pub fn diagnose(trace: &Trace) -> Vec<Diagnostic> {
    diagnose_lanes(trace, &lanes(trace))
}

/// [`diagnose`] for a caller that has the trace's lanes already.
pub fn diagnose_lanes(trace: &Trace, lanes: &[Lane]) -> Vec<Diagnostic> {
    let mut out = never_awaited(trace);
    out.extend(diagnose_timing(trace, lanes));
    crate::sort::sort_by(&mut out, |a, b| a.t.total_cmp(&b.t));
    out
}

/// Only the findings read off time (slow callbacks, tasks that never yield), in time
/// order: those that do not depend on how the trace names its awaits.
pub fn diagnose_timing(trace: &Trace, lanes: &[Lane]) -> Vec<Diagnostic> {
    let mut out = slow_callbacks(trace);
    out.extend(never_yields(trace, lanes));
    crate::sort::sort_by(&mut out, |a, b| a.t.total_cmp(&b.t));
    out
}

fn secs(ms: Ms) -> String {
    format!("{:.3} s", ms / 1000.0)
}

/// The steps that await a task of `coroutine` through the handle a `create_task` bound,
/// with the coroutine each is in.
fn await_steps<'t>(trace: &'t Trace, coroutine: &str) -> Vec<(StepId, &'t str)> {
    let suffix = format!(" = asyncio.create_task({coroutine}())");
    // Handles that a create_task of this coroutine binds, with the creating coroutine.
    let handles: Vec<(&str, &str)> = trace
        .steps
        .iter()
        .filter_map(|s| Some((s.label.strip_suffix(&suffix)?, s.coroutine.as_str())))
        .collect();
    let awaits = |label: &str, handle: &str| {
        label == format!("await {handle}")
            || label.starts_with(&format!("await asyncio.wait_for({handle},"))
            || (label.starts_with("await asyncio.gather(")
                && label["await asyncio.gather(".len()..]
                    .trim_end_matches(')')
                    .split(", ")
                    .any(|item| item == handle))
    };
    trace
        .steps
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            handles
                .iter()
                .any(|(h, c)| *c == s.coroutine && awaits(&s.label, h))
        })
        .map(|(i, s)| (i as StepId, s.coroutine.as_str()))
        .collect()
}

/// Whether a parent reached one of `awaits` (a step that awaits the child's handle: a
/// task already done is awaited without suspending, so the only sign is that the parent
/// got that far) after `created`. `steps` are the parent's events' times and steps.
fn parent_awaited(
    trace: &Trace,
    steps: &[(Ms, StepId)],
    awaits: &[(StepId, &str)],
    created: Ms,
) -> bool {
    steps.iter().any(|&(t, s)| {
        t >= created
            && awaits.iter().any(|(a, c)| {
                s >= *a && trace.steps.get(s as usize).map(|i| i.coroutine.as_str()) == Some(c)
            })
    })
}

/// What [`never_awaited`] needs of a task's events.
#[derive(Clone, Copy, Default)]
struct Life {
    /// Some other task waited on it (`await`, `wait_for`, `gather`) by suspending.
    waited: bool,
    created: Option<Ms>,
    parent: Option<TaskId>,
    /// When it ended, at which step, and the error it failed with.
    end: Option<(Ms, Option<StepId>, Option<TextId>)>,
    cancelled: bool,
}

/// Every task's [`Life`], in one pass over the events: a pass per task would be
/// quadratic in a fan-out of thousands.
fn lives(trace: &Trace) -> Vec<Life> {
    let mut lives = vec![Life::default(); trace.tasks.len()];
    let waited = |lives: &mut [Life], task: TaskId| {
        if let Some(life) = lives.get_mut(task.index()) {
            life.waited = true;
        }
    };
    for e in &trace.events {
        if let EventKind::Suspended { reason } = e.kind {
            match reason {
                Reason::Task { task } | Reason::WaitFor { task, .. } => waited(&mut lives, task),
                Reason::Gather { tasks } => {
                    for &task in trace.task_list(tasks) {
                        waited(&mut lives, task);
                    }
                }
                _ => {}
            }
            continue;
        }
        let Some(life) = lives.get_mut(e.task.index()) else {
            continue;
        };
        match e.kind {
            EventKind::Created { parent } => {
                life.created = Some(e.t);
                life.parent = parent;
            }
            EventKind::Failed { error } => life.end = Some((e.t, e.step(), Some(error))),
            EventKind::Cancelled => {
                life.cancelled = true;
                life.end = Some((e.t, e.step(), None));
            }
            EventKind::Completed { .. } => life.end = Some((e.t, e.step(), None)),
            _ => {}
        }
    }
    lives
}

/// Tasks from `create_task` nobody awaited; a failed one is "exception never retrieved".
fn never_awaited(trace: &Trace) -> Vec<Diagnostic> {
    let lives = lives(trace);
    let mut parent_steps: HashMap<TaskId, Vec<(Ms, StepId)>> = HashMap::new();
    let mut awaits_of: HashMap<&str, Vec<(StepId, &str)>> = HashMap::new();
    let mut out = Vec::new();
    for (i, info) in trace.tasks.iter().enumerate() {
        let task = TaskId(i as u32);
        let Life {
            waited: false,
            created: Some(created),
            parent: Some(parent),
            end,
            cancelled,
        } = lives[i]
        else {
            continue;
        };
        if task == TaskId::MAIN {
            continue;
        }
        let end = end.map(|(t, step, error)| (t, step, error.map(|e| trace.text(e))));
        // Each parent's steps and each coroutine's awaits are read once, not once per
        // task (quadratic in a fan-out).
        let steps = parent_steps.entry(parent).or_insert_with(|| {
            trace
                .events_of(parent)
                .filter_map(|e| Some((e.t, e.step()?)))
                .collect()
        });
        let awaits = awaits_of
            .entry(&*info.coroutine)
            .or_insert_with(|| await_steps(trace, &info.coroutine));
        if parent_awaited(trace, steps, awaits, created) {
            continue;
        }
        let name = info.name();
        match end {
            Some((t, step, Some(error))) => out.push(Diagnostic {
                task,
                step,
                t,
                kind: DiagnosticKind::ExceptionNeverRetrieved,
                message: format!(
                    "Task exception was never retrieved: {name} raised {error}, and nothing \
                     awaited it. Await the task (or gather it with return_exceptions=True) \
                     and handle the error."
                ),
            }),
            _ => {
                let tail = if cancelled {
                    " It was cancelled when main() returned, before it finished."
                } else {
                    ""
                };
                out.push(Diagnostic {
                    task,
                    step: None,
                    t: created,
                    kind: DiagnosticKind::NeverAwaited,
                    message: format!(
                        "{name} was created with create_task but never awaited.{tail} Keep \
                         the handle and await it, or gather it, so its result and errors \
                         reach you."
                    ),
                })
            }
        }
    }
    out
}

/// One stretch of a task running on the loop, from start or resume to the next
/// suspension or its end.
struct Run {
    task: TaskId,
    start: Ms,
    end: Ms,
    /// The step it resumed at, else the first blocking step.
    step: Option<StepId>,
    blocking_step: Option<StepId>,
}

fn runs(trace: &Trace) -> Vec<Run> {
    let mut open: Vec<Option<Run>> = (0..trace.tasks.len()).map(|_| None).collect();
    let mut out = Vec::new();
    for e in &trace.events {
        let Some(slot) = open.get_mut(e.task.index()) else {
            continue;
        };
        match &e.kind {
            EventKind::Started | EventKind::Resumed => {
                *slot = Some(Run {
                    task: e.task,
                    start: e.t,
                    end: e.t,
                    step: e.step(),
                    blocking_step: None,
                })
            }
            EventKind::ComputeStart { .. } => {
                if let Some(run) = slot {
                    run.blocking_step
                        .get_or_insert(e.step().unwrap_or(u32::MAX));
                }
            }
            EventKind::Suspended { .. }
            | EventKind::Completed { .. }
            | EventKind::Failed { .. }
            | EventKind::Cancelled => {
                if let Some(mut run) = slot.take() {
                    run.end = e.t;
                    out.push(run);
                }
            }
            _ => {}
        }
    }
    out
}

/// Runs that held the loop longer than [`SLOW_CALLBACK_MS`].
fn slow_callbacks(trace: &Trace) -> Vec<Diagnostic> {
    runs(trace)
        .into_iter()
        .filter(|r| r.end - r.start > SLOW_CALLBACK_MS)
        .map(|r| {
            let step = r.blocking_step.filter(|s| *s != u32::MAX).or(r.step);
            let what = step
                .and_then(|s| trace.steps.get(s as usize))
                .map_or(String::new(), |s| format!(" at `{}`", s.label));
            Diagnostic {
                task: r.task,
                step,
                t: r.start,
                kind: DiagnosticKind::SlowCallback,
                message: format!(
                    "Executing {} took {}{what}: nothing else ran meanwhile. Move blocking \
                     work to run_in_executor, or await asyncio.sleep instead of time.sleep.",
                    trace.task_name(r.task),
                    secs(r.end - r.start)
                ),
            }
        })
        .collect()
}

/// Tasks that never suspended while holding the loop long or while others were ready.
fn never_yields(trace: &Trace, lanes: &[Lane]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for lane in lanes {
        let Some(ended) = lane.ended else { continue };
        let suspended = lane
            .spans
            .iter()
            .any(|s| matches!(s.state, SpanState::Suspended { .. }));
        let Some(first_run) = lane
            .spans
            .iter()
            .find(|s| matches!(s.state, SpanState::Running | SpanState::Blocked))
        else {
            continue;
        };
        if suspended {
            continue;
        }
        let (start, held) = (first_run.start, ended - first_run.start);
        // Whether other tasks stood ready while this one held the loop: looked for only
        // when it matters (a scan of every lane, for each lane).
        let kept_waiting = || {
            lanes
                .iter()
                .filter(|l| l.task != lane.task)
                .flat_map(|l| &l.spans)
                .any(|s| s.state == SpanState::Ready && s.end.min(ended) > s.start.max(start))
        };
        if held > SLOW_CALLBACK_MS || (held > 0.0 && kept_waiting()) {
            out.push(Diagnostic {
                task: lane.task,
                step: first_run.step,
                t: start,
                kind: DiagnosticKind::NeverYields,
                message: format!(
                    "{} never yields: it ran {} from start to end without one await that \
                     suspends, so every other task waited. Await something that suspends \
                     (asyncio.sleep(0) at least), or move the work to run_in_executor.",
                    trace.task_name(lane.task),
                    secs(held)
                ),
            });
        }
    }
    out
}
