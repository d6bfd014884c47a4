//! The loop's time: virtual ms (and the same in the trace's ticks); advancing it
//! finishes the executor jobs due on the way.

use super::executor::{Due, DueKind};
use super::LoopState;
use crate::sim::events::{Ticks, MAX_TICKED_MS, TICKS_PER_MS};
use crate::sim::trace::Ms;
use std::cmp::Reverse;

/// A virtual time in ticks: whole ms times sixteen, without a detour through floating
/// point.
#[inline(always)]
pub(super) fn virtual_ticks(t: u64) -> Ticks {
    (t.min(MAX_TICKED_MS) as u32) * TICKS_PER_MS
}

impl LoopState {
    /// The current time in trace ms.
    pub fn time(&self) -> Ms {
        // Loop time stays far below 2^63 ms; a signed conversion is one instruction.
        self.now as i64 as Ms
    }

    /// Sets the loop's time (and its time in ticks).
    pub(super) fn set_now(&mut self, now: u64) {
        self.now = now;
        self.now_ticks = virtual_ticks(now);
    }

    /// Advances the clock to `to`, finishing executor jobs on the way: worker threads
    /// run in parallel with the loop, even while a compute step holds it.
    pub fn advance(&mut self, to: u64) {
        while let Some(Reverse(next)) = self.executor_done.peek() {
            if next.due > to {
                break;
            }
            let Some(Reverse(Due { due, what, .. })) = self.executor_done.pop() else {
                break;
            };
            self.set_now(self.now.max(due));
            let DueKind::ExecutorDone { worker } = what;
            self.executor_done(worker);
        }
        self.set_now(self.now.max(to));
        if self.now > self.limits.max_time_ms {
            self.stop(format!(
                "virtual time passed {} s; does the scenario never end?",
                self.limits.max_time_ms / 1000
            ));
        }
    }

    /// Holds the loop for `ms` of blocking work: the clock moves on meanwhile, and
    /// executor jobs due meanwhile finish.
    pub fn hold(&mut self, ms: u64) {
        self.advance(self.now + ms);
    }
}
