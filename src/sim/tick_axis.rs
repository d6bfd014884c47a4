//! The tick axis: a run's events spaced by the loop's work instead of by time, so that
//! what happens within one instant (`sleep(0)`, the ready queue's FIFO order, a task
//! started and suspended at once) spreads out and can be watched step by step.
//!
//! Each callback the loop runs (a task's step, a timer, I/O or executor callback, a
//! gather child's) takes one unit; a blocking call inside one takes a unit more; each
//! loop iteration begins with half a unit; a jump of the clock over idle time takes one
//! unit, however long it was. Events keep their order and their kinds, so every query
//! (spans, the loop's snapshot, positions) reads the result as it reads a run, and the
//! event with a given index is the same event on both axes. Payloads keep their times
//! (a timer's due time is still its due time on the clock).

use super::events::Events;
use super::trace::{EventKind, Ms, Trace};

/// One callback's width on the tick axis.
pub const CALLBACK: Ms = 1.0;
const ITERATION: Ms = 0.5;
const IDLE: Ms = 1.0;

/// `trace` with its events' times counted in callbacks ([`CALLBACK`] a unit).
pub fn on_ticks(trace: &Trace) -> Trace {
    let mut events = Events::with_capacity(trace.events.len());
    // The end of the callback running now (or of the last one).
    let mut pos: Ms = 0.0;
    for e in trace.events.iter() {
        let (t, kind) = match e.kind {
            EventKind::Tick { .. } => {
                pos += ITERATION;
                (pos, e.kind)
            }
            EventKind::IdleJump { .. } => {
                pos += IDLE;
                (pos, EventKind::IdleJump { from: pos - IDLE })
            }
            EventKind::Started
            | EventKind::Resumed
            | EventKind::Woke { .. }
            | EventKind::Fired { .. } => {
                pos += CALLBACK;
                (pos - CALLBACK, e.kind)
            }
            EventKind::ComputeStart { .. } => {
                pos += CALLBACK;
                (pos - CALLBACK, EventKind::ComputeStart { ms: CALLBACK })
            }
            _ => (pos, e.kind),
        };
        events.push_at(Events::ticks_of(t), e.task, e.step(), kind);
    }
    Trace {
        events,
        end: pos,
        ..trace.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{lanes, run, Scenario, SpanState};

    /// Tasks that yield with `sleep(0)` (all at 0 ms) or sleep for real.
    fn scenario(ms: u32) -> Scenario {
        serde_json::from_value(serde_json::json!({
            "coroutines": [
                {"name": "a", "steps": [{"op": "sleep", "ms": ms}, {"op": "sleep", "ms": ms}]},
                {"name": "b", "steps": [{"op": "sleep", "ms": ms}]}
            ],
            "main": {"mode": "concurrent", "run": ["a", "b"]}
        }))
        .unwrap()
    }

    #[test]
    fn a_run_within_one_instant_spreads_out_one_unit_a_callback() {
        let trace = run(&scenario(0)).unwrap();
        assert_eq!(trace.end, 0.0, "sleep(0) takes no time");
        let ticked = on_ticks(&trace);
        assert_eq!(ticked.events.len(), trace.events.len());
        let kinds = |t: &Trace| t.events.iter().map(|e| e.kind).collect::<Vec<_>>();
        assert_eq!(kinds(&ticked), kinds(&trace));
        let times: Vec<Ms> = ticked.events.iter().map(|e| e.t).collect();
        assert!(times.windows(2).all(|w| w[0] <= w[1]), "in order");
        assert!(ticked.end >= 5.0, "{}", ticked.end);
        // Every step a task ran is one unit wide.
        for lane in lanes(&ticked) {
            for span in lane.spans.iter().filter(|s| s.state == SpanState::Running) {
                assert_eq!(span.duration(), CALLBACK, "{span:?}");
            }
        }
    }

    #[test]
    fn a_long_idle_wait_takes_one_unit_and_due_times_are_kept() {
        let trace = run(&scenario(2000)).unwrap();
        let ticked = on_ticks(&trace);
        assert!(
            ticked.end < trace.end,
            "{} ticks for {} ms",
            ticked.end,
            trace.end
        );
        let jumps = ticked
            .events
            .iter()
            .filter_map(|e| match e.kind {
                EventKind::IdleJump { from } => Some(e.t - from),
                _ => None,
            })
            .collect::<Vec<_>>();
        assert!(!jumps.is_empty());
        assert!(jumps.iter().all(|&w| w == IDLE));
        let dues = |t: &Trace| {
            t.events
                .iter()
                .filter_map(|e| match e.kind {
                    EventKind::Suspended { reason } => Some(reason),
                    _ => None,
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(dues(&ticked), dues(&trace));
    }
}
