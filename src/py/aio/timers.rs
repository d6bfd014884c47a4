//! The loop's timers: by due time, those due at the same instant in the order they were
//! armed.

use super::runtime::{is_cancelled, Callback};
use std::collections::VecDeque;

/// A due time as a key that sorts as the time does (any float, even negative).
fn time_key(when: f64) -> u64 {
    let b = when.to_bits();
    if (b as i64) < 0 {
        !b
    } else {
        b | 1 << 63
    }
}

/// Timers by due time; those due at the same instant in the order they were armed (with
/// a real clock two timers are never due at the same instant, so creation order is what
/// CPython shows). A bucket per instant: a fan-out of sleeps arms thousands of timers
/// due together.
#[derive(Default)]
pub(super) struct Timers {
    pub(super) buckets: std::collections::BTreeMap<u64, (f64, VecDeque<Callback>)>,
    /// Emptied buckets, kept to be reused with their capacity.
    spare: Vec<VecDeque<Callback>>,
}

impl Timers {
    pub(super) fn push(&mut self, when: f64, cb: Callback) {
        let spare = &mut self.spare;
        self.buckets
            .entry(time_key(when))
            .or_insert_with(|| (when, spare.pop().unwrap_or_default()))
            .1
            .push_back(cb);
    }

    /// Takes back a bucket `pop_due` gave, once emptied.
    pub(super) fn recycle(&mut self, mut bucket: VecDeque<Callback>) {
        bucket.clear();
        if self.spare.len() < 16 {
            self.spare.push(bucket);
        }
    }

    /// The due time of the first timer not cancelled (cancelled ones at the head are
    /// dropped, as CPython drops them).
    pub(super) fn next_live(&mut self) -> Option<f64> {
        loop {
            let mut entry = self.buckets.first_entry()?;
            let (when, bucket) = entry.get_mut();
            while bucket.front().is_some_and(is_cancelled) {
                bucket.pop_front();
            }
            if bucket.is_empty() {
                entry.remove();
                continue;
            }
            return Some(*when);
        }
    }

    /// The line the task of the first timer sleeps at, if that timer is a sleep's.
    pub(super) fn first_task_line(&self) -> Option<u32> {
        let (_, (_, bucket)) = self.buckets.first_key_value()?;
        match bucket.front()? {
            Callback::SleepDone { task, .. } => task.frames.borrow().last().map(|f| f.line()),
            _ => None,
        }
    }

    /// Removes the bucket due first if it is due before `end`.
    pub(super) fn pop_due(&mut self, end: f64) -> Option<VecDeque<Callback>> {
        let entry = self.buckets.first_entry()?;
        if entry.get().0 >= end {
            return None;
        }
        Some(entry.remove().1)
    }
}
