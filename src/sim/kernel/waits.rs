//! Suspending a task and ending its wait. Each suspension bumps the task's generation,
//! so a callback for an older wait (cancelled, or already ended) is stale and ignored.

use super::{Exception, LoopState, Unwind, Wake};
use crate::sim::events::Ticks;
use crate::sim::ready::Resolve;
use crate::sim::trace::{Callback, EventKind, Reason, StepId, TaskId};

/// What a suspended task waits on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wait {
    None,
    Timer,
    Io,
    Task(TaskId),
    Gather(u32),
    Acquire(u32),
    QueuePut(u32),
    QueueGet(u32),
    Executor,
}

impl LoopState {
    #[inline]
    pub fn schedule_step(&mut self, task: TaskId) {
        self.ready.push_step(task);
        self.emit(
            task,
            EventKind::Scheduled {
                callback: Callback::Step,
            },
        );
    }

    /// Marks the current task suspended on `wait`, returning the wait's generation.
    #[inline]
    pub fn suspend(&mut self, wait: Wait, reason: Reason) -> u32 {
        let t = self.now_ticks;
        self.suspend_at(t, wait, reason)
    }

    /// [`Self::suspend`] with the current time `t` in ticks.
    #[inline(always)]
    fn suspend_at(&mut self, t: Ticks, wait: Wait, reason: Reason) -> u32 {
        let (task, at, gen) = self.mark_suspended(wait);
        self.push_event(t, task, at, EventKind::Suspended { reason });
        gen
    }

    /// Marks the current task waiting on `wait`, under a new generation: the task,
    /// its step and the generation, for the `Suspended` event the caller records.
    #[inline(always)]
    pub(super) fn mark_suspended(&mut self, wait: Wait) -> (TaskId, Option<StepId>, u32) {
        let task = self.current;
        let slot = &mut self.tasks[task.index()];
        slot.gen += 1;
        slot.wait = wait;
        (task, slot.at(), slot.gen)
    }

    /// Ends `task`'s wait with `wake` and schedules its step, unless the wait is stale.
    pub fn resolve(&mut self, task: TaskId, gen: u32, wake: Wake) -> bool {
        let woken = self.end_wait(task, gen, wake);
        if woken {
            self.schedule_step(task);
        }
        woken
    }

    /// [`Self::resolve`] by `callback`, which just ran: one `Woke` event records both the
    /// callback and the step it schedules; a stale wait records the callback (`Fired`).
    #[inline]
    pub fn resolve_by(&mut self, callback: Callback, task: TaskId, gen: u32, wake: Wake) {
        let t = self.now_ticks;
        self.resolve_at(t, callback, task, gen, wake);
    }

    /// [`Self::resolve_by`] at the current time `t` in ticks.
    #[inline(always)]
    fn resolve_at(&mut self, t: Ticks, callback: Callback, task: TaskId, gen: u32, wake: Wake) {
        let woken = self.end_wait(task, gen, wake);
        let at = self.tasks[task.index()].at();
        let kind = if woken {
            self.ready.push_step(task);
            EventKind::Woke { callback }
        } else {
            EventKind::Fired { callback }
        };
        self.push_event(t, task, at, kind);
    }

    /// Runs a batch of callbacks that end waits, in order (stopping if the run must).
    pub fn run_resolves(&mut self, resolves: &[Resolve]) {
        let t = self.now_ticks;
        for r in resolves {
            self.resolve_at(t, r.callback(), r.task(), r.gen(), r.wake());
            if self.abort.is_some() {
                break;
            }
        }
    }

    /// Ends `task`'s wait with `wake`; false if the wait is stale.
    #[inline]
    fn end_wait(&mut self, task: TaskId, gen: u32, wake: Wake) -> bool {
        let slot = &mut self.tasks[task.index()];
        if !slot.waits(gen) || slot.done {
            return false;
        }
        slot.wait = Wait::None;
        slot.set_wake(Some(wake));
        true
    }

    /// The current task's wake value after it is polled again; `Err` if it was
    /// cancelled meanwhile (the wake it would have had is returned for roll-back).
    #[inline]
    pub fn take_wake(&mut self) -> Result<Wake, Option<Wake>> {
        let slot = &mut self.tasks[self.current.index()];
        let wake = slot.take_wake();
        if slot.cancel_requested {
            slot.cancel_requested = false;
            return Err(wake);
        }
        wake.ok_or(None)
    }

    /// What the current task's wait ended with, as its coroutine sees it after being
    /// polled again: `Ok` for a value, else the exception it raises (`CancelledError`
    /// if the task was cancelled meanwhile).
    #[inline(always)]
    pub fn take_value(&mut self) -> Result<(), Unwind> {
        match self.take_wake() {
            Ok(wake) => self.unwrap_wake(wake),
            Err(_) => Err(Exception::cancelled().into()),
        }
    }
}
