//! Loop health over time, in equal buckets of a run: loop lag (how long ready callbacks
//! waited for the loop to run them), tasks alive, and completions per second.
//!
//! A pure query over a [`Trace`], like `metrics`: the UI draws it as a strip under the
//! timeline.

use super::trace::{Callback, EventKind, Ms, Reason, Trace};
use serde::Serialize;

/// One bucket of the run, `[t, t_end)` (the last one includes the end).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HealthSample {
    pub t: Ms,
    pub t_end: Ms,
    /// Mean and longest time the tasks that got the loop in this bucket had been ready
    /// (0 when none did): asyncio's loop lag.
    pub lag_ms: Ms,
    pub max_lag_ms: Ms,
    /// How many times a task started or resumed in this bucket.
    pub callbacks: u32,
    /// Tasks alive at some time in this bucket.
    pub alive: u32,
    /// Tasks that completed, failed or were cancelled in this bucket, per second.
    pub completions_per_s: f64,
}

/// Each time a task got the loop (started or resumed): (when, how long it had been
/// ready). A task is ready from the first of: the due time of what it waited for (a
/// timer, a response, the next stream item; the loop may notice it late), its executor
/// job ending, or its step being queued. (A gather's callbacks do not make the parent
/// ready: it waits for all its children.)
fn waits(trace: &Trace) -> Vec<(Ms, Ms)> {
    let mut ready_since: Vec<Option<Ms>> = vec![None; trace.tasks.len()];
    let mut out = Vec::new();
    let earliest = |slot: &mut Option<Ms>, t: Ms| *slot = Some(slot.map_or(t, |s| s.min(t)));
    for e in &trace.events {
        let Some(slot) = ready_since.get_mut(e.task.index()) else {
            continue;
        };
        match &e.kind {
            EventKind::Suspended { reason } => {
                *slot = match reason {
                    Reason::Sleep { until }
                    | Reason::Fetch { until, .. }
                    | Reason::Stream { until } => Some(*until),
                    _ => None,
                }
            }
            EventKind::Scheduled {
                callback: Callback::Step,
            }
            | EventKind::Woke { .. }
            | EventKind::ExecutorEnd { .. } => earliest(slot, e.t),
            EventKind::Started | EventKind::Resumed => {
                if let Some(since) = slot.take() {
                    out.push((e.t, (e.t - since).max(0.0)));
                }
            }
            EventKind::Completed { .. } | EventKind::Failed { .. } | EventKind::Cancelled => {
                *slot = None;
            }
            _ => {}
        }
    }
    out
}

/// The run cut into `buckets` equal parts (at least one), with the loop's health in each.
pub fn loop_health(trace: &Trace, buckets: usize) -> Vec<HealthSample> {
    let buckets = buckets.max(1);
    let end = trace.end.max(0.0);
    let width = if end > 0.0 { end / buckets as f64 } else { 1.0 };
    let bucket_of = |t: Ms| ((t / width) as usize).min(buckets - 1);
    let mut samples: Vec<HealthSample> = (0..buckets)
        .map(|i| HealthSample {
            t: i as f64 * width,
            t_end: if i + 1 == buckets {
                end.max(width)
            } else {
                (i + 1) as f64 * width
            },
            lag_ms: 0.0,
            max_lag_ms: 0.0,
            callbacks: 0,
            alive: 0,
            completions_per_s: 0.0,
        })
        .collect();
    for (at, waited) in waits(trace) {
        let s = &mut samples[bucket_of(at)];
        s.callbacks += 1;
        s.lag_ms += waited;
        s.max_lag_ms = s.max_lag_ms.max(waited);
    }
    // Each task is alive from its creation to its end (or the end of the run).
    let timing = super::metrics::metrics(trace).tasks;
    for task in &timing {
        let (from, to) = (
            bucket_of(task.created),
            bucket_of(task.ended.unwrap_or(end)),
        );
        for s in &mut samples[from..=to] {
            s.alive += 1;
        }
        if let Some(ended) = task.ended {
            samples[bucket_of(ended)].completions_per_s += 1.0;
        }
    }
    for s in &mut samples {
        if s.callbacks > 0 {
            s.lag_ms /= s.callbacks as f64;
        }
        s.completions_per_s /= width / 1000.0;
    }
    samples
}
