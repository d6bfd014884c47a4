//! Measured against predicted: a live run's trace next to the virtual-clock run of the
//! same program, per task and in total, with where the difference comes from.
//!
//! Every wait records when it was due (`until` in its [`Reason`]); the callback that
//! ends it records when it really ran. How much later that is live than predicted (a
//! timer behind a blocking step is late in both), summed per kind of wait, is the
//! explanation: timers fire late (browsers clamp and batch `setTimeout`), requests take
//! real time, blocking work overruns, and the loop's own work takes the rest.

use super::metrics::metrics;
use super::trace::{Callback, EventKind, Ms, Reason, TaskId, TaskInfo, Trace};
use std::collections::BTreeMap;

/// The target: within 5 % or 10 ms of the prediction, whichever is larger.
pub fn tolerance(predicted: Ms) -> Ms {
    (predicted * 0.05).max(10.0)
}

/// One task's completion time, predicted and measured.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskAccuracy {
    pub name: String,
    pub predicted: Option<Ms>,
    pub measured: Option<Ms>,
}

/// How much later than predicted a kind of wait ended, over all its waits.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Lateness {
    pub count: usize,
    pub total: Ms,
    pub max: Ms,
}

impl Lateness {
    fn add(&mut self, late: Ms) {
        self.count += 1;
        self.total += late;
        self.max = self.max.max(late);
    }

    pub fn mean(&self) -> Ms {
        if self.count == 0 {
            0.0
        } else {
            self.total / self.count as Ms
        }
    }
}

/// A live run against its prediction.
#[derive(Clone, Debug, PartialEq)]
pub struct Accuracy {
    pub tasks: Vec<TaskAccuracy>,
    pub predicted_total: Ms,
    pub measured_total: Ms,
    /// Sleeps, stream items and `wait_for` deadlines.
    pub timers: Lateness,
    /// Requests: the real fetch's time on top of the scenario's latency.
    pub fetches: Lateness,
    /// Blocking work that ran longer than planned.
    pub compute: Lateness,
}

impl Accuracy {
    /// Measured total minus predicted total.
    pub fn error(&self) -> Ms {
        self.measured_total - self.predicted_total
    }

    /// Whether the total is within [`tolerance`] of the prediction.
    pub fn within_target(&self) -> bool {
        self.error().abs() <= tolerance(self.predicted_total)
    }

    /// Where the difference comes from, in words for a learner.
    pub fn explain(&self) -> Vec<String> {
        let mut why = Vec::new();
        if self.timers.count > 0 {
            why.push(format!(
                "{} timer{} fired {:.1} ms later than predicted on average (at most {:.1} ms): the browser \
                 runs a setTimeout callback at the earliest after its delay, rounded to its \
                 timer resolution and queued behind other work.",
                self.timers.count,
                plural(self.timers.count),
                self.timers.mean(),
                self.timers.max
            ));
        }
        if self.fetches.count > 0 {
            why.push(format!(
                "{} request{} took {:.1} ms longer than predicted on average: the \
                 real fetch of the file from the server, when it outlasts the latency, and \
                 the timer that stands for the latency.",
                self.fetches.count,
                plural(self.fetches.count),
                self.fetches.mean()
            ));
        }
        if self.compute.count > 0 {
            why.push(format!(
                "Blocking work overran by {:.1} ms in all: a busy loop stops only when it \
                 next reads the clock.",
                self.compute.total
            ));
        }
        why.push(
            "The rest is scheduling: the loop's own work between callbacks, and the page \
             rendering between turns."
                .into(),
        );
        why
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Compares a live run with the virtual-clock run of the same program; tasks are
/// matched by name (`fetch_user #2`), as both runs create them in the same order.
pub fn accuracy(predicted: &Trace, measured: &Trace) -> Accuracy {
    let (p, m) = (metrics(predicted), metrics(measured));
    let ended = |trace: &Trace, timings: &super::Metrics, task: &TaskInfo| {
        let i = trace
            .tasks
            .iter()
            .position(|t| t.coroutine == task.coroutine && t.number == task.number)?;
        timings.tasks[i].ended
    };
    let tasks = measured
        .tasks
        .iter()
        .map(|t| TaskAccuracy {
            name: t.name().into_owned(),
            predicted: ended(predicted, &p, t),
            measured: ended(measured, &m, t),
        })
        .collect();
    let (late, expected) = (waits(measured), waits(predicted));
    let extra = |kind: WaitKind| {
        let mut total = Lateness::default();
        for ((task, k), lates) in &late {
            if *k != kind {
                continue;
            }
            let planned = expected.get(&(task.clone(), kind));
            for (i, l) in lates.iter().enumerate() {
                total.add(l - planned.and_then(|p| p.get(i)).unwrap_or(&0.0));
            }
        }
        total
    };
    let (timers, fetches, compute) = (
        extra(WaitKind::Timer),
        extra(WaitKind::Fetch),
        extra(WaitKind::Compute),
    );
    Accuracy {
        tasks,
        predicted_total: predicted.end,
        measured_total: measured.end,
        timers,
        fetches,
        compute,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum WaitKind {
    Timer,
    Fetch,
    Compute,
}

/// How late each wait of each task ended in `trace`, in order, by task name and kind
/// (a compute step's "lateness" is how long it overran).
fn waits(trace: &Trace) -> BTreeMap<(String, WaitKind), Vec<Ms>> {
    let mut late: BTreeMap<(String, WaitKind), Vec<Ms>> = BTreeMap::new();
    // Per task: when its current wait was due, and its running compute step.
    let mut due: Vec<Option<(Ms, WaitKind)>> = vec![None; trace.tasks.len()];
    let mut computing: Vec<Option<(Ms, Ms)>> = vec![None; trace.tasks.len()];
    for e in &trace.events {
        if e.task == TaskId::LOOP {
            continue;
        }
        let i = e.task.index();
        let mut record = |kind: WaitKind, ms: Ms| {
            late.entry((trace.task_name(e.task).to_string(), kind))
                .or_default()
                .push(ms);
        };
        match &e.kind {
            EventKind::Suspended { reason } => {
                due[i] = match reason {
                    Reason::Sleep { until } | Reason::Stream { until } => {
                        Some((*until, WaitKind::Timer))
                    }
                    Reason::Fetch { until, .. } => Some((*until, WaitKind::Fetch)),
                    Reason::WaitFor {
                        deadline: until, ..
                    } => Some((*until, WaitKind::Timer)),
                    _ => None,
                }
            }
            EventKind::Fired { callback } | EventKind::Woke { callback } => {
                match (due[i].take(), callback) {
                    (Some((until, kind @ WaitKind::Fetch)), Callback::Io)
                    | (Some((until, kind @ WaitKind::Timer)), Callback::Timer) => {
                        record(kind, e.t - until)
                    }
                    _ => {}
                }
            }
            EventKind::ComputeStart { ms } => computing[i] = Some((e.t, *ms)),
            EventKind::ComputeEnd => {
                if let Some((start, ms)) = computing[i].take() {
                    record(WaitKind::Compute, e.t - start - ms);
                }
            }
            _ => {}
        }
    }
    late
}
