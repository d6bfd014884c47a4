//! Timers and I/O completions, bucketed by due time (FIFO within a bucket), and the
//! part of a turn that moves the due ones onto the ready queue.

use super::clock::virtual_ticks;
use super::waits::Wait;
use super::{LoopState, Wake};
use crate::sim::ready::{Batch, Resolve};
use crate::sim::trace::{Callback, EventKind, TaskId};
use std::cmp::Reverse;

impl LoopState {
    /// Registers a sleep of the current task (its timer, or for `sleep(0)` its step).
    #[inline(always)]
    pub fn arm_sleep(&mut self, ms: u64, stream: bool) {
        let (t, until) = (self.now_ticks, virtual_ticks(self.now + ms));
        let (task, at, gen) = self.mark_suspended(Wait::Timer);
        if self.room_for_event() {
            self.events.push_sleep(t, task, at, stream, until);
        }
        if ms == 0 {
            // asyncio.sleep(0) yields once: the task goes to the back of the queue.
            self.resolve(task, gen, Wake::Value);
        } else {
            let due = self.now + ms;
            self.push_timer(due, task, gen, Callback::Timer, Wake::Value);
        }
    }

    #[inline(always)]
    pub fn push_timer(&mut self, due: u64, task: TaskId, gen: u32, callback: Callback, wake: Wake) {
        let entry = Resolve::new(task, gen, callback, wake);
        if let Some((hot_due, bucket)) = &mut self.hot {
            if *hot_due == due {
                bucket.push(entry);
                return;
            }
        }
        self.push_timer_bucket(due, entry);
    }

    /// [`Self::push_timer`] to a due time other than the hot bucket's.
    #[inline(never)]
    fn push_timer_bucket(&mut self, due: u64, entry: Resolve) {
        self.flush_hot();
        let mut bucket = self.ready.spare_resolves();
        bucket.push(entry);
        self.hot = Some((due, bucket));
    }

    /// Moves the hot bucket into the map, after the timers already there for its time.
    pub(super) fn flush_hot(&mut self) {
        let Some((due, mut bucket)) = self.hot.take() else {
            return;
        };
        match self.timers.entry(due) {
            std::collections::btree_map::Entry::Vacant(slot) => {
                slot.insert(bucket);
            }
            std::collections::btree_map::Entry::Occupied(mut slot) => {
                slot.get_mut().append(&mut bucket);
                self.ready.recycle_resolves(bucket);
            }
        }
    }

    /// When the next timer, I/O completion or executor job is due. Cancelled timers at
    /// the head of the heap are dropped first, as asyncio's `_run_once` does.
    pub fn next_due(&mut self) -> Option<u64> {
        self.flush_hot();
        let mut t = None;
        while let Some(entry) = self.timers.first_entry() {
            // A stale timer stays stale (a new wait bumps the generation), so a bucket
            // with a live timer is kept whole: its stale ones are skipped when it is due.
            let tasks = &self.tasks;
            let live = entry
                .get()
                .iter()
                .any(|e| tasks[e.task().index()].waits(e.gen()));
            if live {
                t = Some(*entry.key());
                break;
            }
            self.ready.recycle_resolves(entry.remove());
        }
        let e = self.executor_done.peek().map(|Reverse(d)| d.due);
        match (t, e) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Runs a whole turn in one pass over its timers, in the common case: nothing is
    /// ready but the timers of one due time. Such a turn runs exactly those timers'
    /// callbacks, so the trace is written as the general path writes it
    /// ([`Self::collect_due`], the turn's `Tick`, [`Self::run_resolves`]): each live
    /// timer's `Scheduled` event, then the `Tick`, then each callback's `Woke` event
    /// (repeating the `Scheduled` ones), with the steps queued in the same order. A
    /// task has at most one live timer (one per wait), so no callback of the pass
    /// touches a timer after it. False, with nothing done, when the turn needs the
    /// general path: a callback already ready, no timer due or those of several due
    /// times, or a trace too full to take the turn's events. Called after
    /// [`Self::catch_up`].
    pub fn run_due_timers(&mut self) -> bool {
        if !self.single_pass || !self.ready.is_empty() {
            return false;
        }
        let mut due = self.timers.range(..=self.now);
        let (Some((&time, bucket)), None) = (due.next(), due.next()) else {
            return false;
        };
        // Room for every event of the turn, so that none can reach the limit.
        if self.events.len() + 2 * bucket.len() >= self.limits.max_events {
            return false;
        }
        let Some(mut bucket) = self.timers.remove(&time) else {
            return false;
        };
        let t = self.now_ticks;
        let first = self.events.len();
        // The woken steps, gathered in a vector of the loop's own and queued at the end
        // as one batch (the queue is empty).
        let mut steps = self.ready.spare_steps();
        steps.reserve(bucket.len());
        let (tasks, events) = (&mut self.tasks, &mut self.events);
        for r in &bucket {
            let (task, callback) = (r.task(), r.callback());
            let slot = &mut tasks[task.index()];
            if !slot.waits(r.gen()) {
                continue; // a cancelled wait
            }
            slot.wait = Wait::None;
            slot.set_wake(Some(r.wake()));
            events.push_at(t, task, slot.at(), EventKind::Scheduled { callback });
            steps.push(task);
        }
        let live = steps.len() as u32;
        bucket.clear();
        self.ready.recycle_resolves(bucket);
        if live == 0 {
            self.ready.recycle(Batch::Steps(steps));
            return false; // every timer was stale: the turn is idle, as on the general path
        }
        self.ready.push_steps(steps);
        self.events
            .push_at(t, TaskId::LOOP, None, EventKind::Tick { ready: live });
        self.events.push_woke(first..first + live as usize);
        self.max_stored -= live as usize;
        true
    }

    /// What a turn does before it looks at what is due: executor jobs done by now
    /// finish (their callbacks join the ready queue), and the hot timer bucket joins
    /// the map.
    pub fn catch_up(&mut self) {
        self.advance(self.now);
        self.flush_hot();
    }

    /// Moves every timer and I/O completion due by now onto the ready queue. Called
    /// after [`Self::catch_up`].
    pub fn collect_due(&mut self) {
        let t = self.now_ticks;
        while let Some(entry) = self.timers.first_entry() {
            if *entry.key() > self.now {
                break;
            }
            let mut bucket = entry.remove();
            // The bucket's timers join the queue as one run; stale ones are dropped.
            let mut live = 0;
            for i in 0..bucket.len() {
                let r = &bucket[i];
                let slot = &self.tasks[r.task().index()];
                if !slot.waits(r.gen()) {
                    continue; // a cancelled wait
                }
                let (task, at, callback) = (r.task(), slot.at(), r.callback());
                self.push_event(t, task, at, EventKind::Scheduled { callback });
                if live != i {
                    bucket.swap(live, i);
                }
                live += 1;
            }
            bucket.truncate(live);
            self.ready.push_resolves(bucket);
        }
    }
}
