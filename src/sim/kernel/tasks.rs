//! Tasks: creating one, its end (the result and who waits for it), awaiting and
//! cancelling it. A task's hot state is a 24-byte [`TaskSlot`]; who waits for it and
//! then its result live in the cold [`TaskEnd`].

use super::waits::Wait;
use super::{LoopState, ResourceState, TaskResult, Wake};
use crate::sim::events::NO_STEP;
use crate::sim::trace::{Callback, EventKind, Ms, Reason, StepId, TaskId, TaskInfo, TaskLabel};
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Waiter {
    Task(TaskId, u32),
    Gather(u32),
}

/// Who waits for a task: usually one gather or one task, kept inline (no allocation).
pub(super) enum Waiters {
    None,
    One(Waiter),
    Many(Vec<Waiter>),
}

/// A task's end: who waits for it while it runs, then its result.
pub(super) enum TaskEnd {
    Running(Waiters),
    Done(TaskResult),
}

impl TaskEnd {
    /// A new task's end. Keep it a constant: built on the stack, it is written in narrow
    /// stores and read back in wide loads, a store-forwarding stall (BENCHMARKS.md).
    const RUNNING: TaskEnd = TaskEnd::Running(Waiters::None);
}

impl Waiters {
    /// Keep inlined: a `Waiter` passed by reference is a store-forwarding stall.
    #[inline]
    pub(super) fn push(&mut self, waiter: Waiter) {
        match self {
            Waiters::None => *self = Waiters::One(waiter),
            Waiters::One(first) => *self = Waiters::Many(vec![*first, waiter]),
            Waiters::Many(all) => all.push(waiter),
        }
    }

    fn remove(&mut self, waiter: Waiter) {
        match self {
            Waiters::None => {}
            Waiters::One(w) => {
                if *w == waiter {
                    *self = Waiters::None;
                }
            }
            Waiters::Many(all) => all.retain(|w| *w != waiter),
        }
    }
}

/// The hot part of a task (24 bytes, touched at every event); who waits for it and its
/// result live in [`LoopState::ends`].
pub struct TaskSlot {
    pub wait: Wait,
    /// Bumped at every suspension, so that stale timers and waiters are ignored.
    pub gen: u32,
    /// The step the task is at, for events the loop records about it ([`Self::at`]):
    /// its id, or [`NO_STEP`] for none, as an event stores it.
    at: u32,
    /// What the task's last wait ended with, until the task takes it: the wake's
    /// [`Wake::to_bits`], or [`NO_WAKE`].
    wake: u32,
    pub cancel_requested: bool,
    pub started: bool,
    /// The task has a result (in [`LoopState::ends`]).
    pub done: bool,
}

const _: () = assert!(std::mem::size_of::<TaskSlot>() == 24);

/// [`TaskSlot::wake`] when the task has no wake to take.
const NO_WAKE: u32 = u32::MAX;

impl TaskSlot {
    const NEW: TaskSlot = TaskSlot {
        wait: Wait::None,
        gen: 0,
        at: NO_STEP,
        wake: NO_WAKE,
        cancel_requested: false,
        started: false,
        done: false,
    };

    /// The step the task is at, if it has begun one.
    #[inline(always)]
    pub fn at(&self) -> Option<StepId> {
        (self.at != NO_STEP).then_some(self.at)
    }

    #[inline(always)]
    pub fn set_at(&mut self, step: StepId) {
        self.at = step;
    }

    #[inline(always)]
    pub(super) fn set_wake(&mut self, wake: Option<Wake>) {
        self.wake = wake.map_or(NO_WAKE, Wake::to_bits);
    }

    #[inline(always)]
    pub(super) fn take_wake(&mut self) -> Option<Wake> {
        let bits = std::mem::replace(&mut self.wake, NO_WAKE);
        (bits != NO_WAKE).then(|| Wake::from_bits(bits))
    }

    /// True while the task still waits on the wait of generation `gen` (a callback
    /// for an older wait, one that was cancelled or has ended, is stale).
    #[inline(always)]
    pub(super) fn waits(&self, gen: u32) -> bool {
        self.gen == gen && self.wait != Wait::None
    }
}

impl LoopState {
    /// Registers a new task for `coroutine` (an index into the program's coroutines, or
    /// `None` for main) and schedules its first step. The caller supplies the future.
    pub fn create_task(
        &mut self,
        coroutine: Option<usize>,
        parent: Option<TaskId>,
    ) -> Option<TaskId> {
        if self.tasks.len() >= self.limits.max_tasks {
            self.stop(format!(
                "the scenario created more than {} tasks.",
                self.limits.max_tasks
            ));
            return None;
        }
        let id = TaskId(self.tasks.len() as u32);
        let (coroutine, number) = match coroutine {
            None => (Rc::from("main"), 1),
            Some(c) => {
                self.name_counts[c] += 1;
                (self.coroutine_names[c].clone(), self.name_counts[c])
            }
        };
        self.infos.push(TaskInfo {
            coroutine,
            number,
            parent,
            label: TaskLabel::Coroutine,
            call: None,
        });
        self.tasks.push(TaskSlot::NEW);
        self.ends.push(TaskEnd::RUNNING);
        self.alive += 1;
        self.emit(id, EventKind::Created { parent });
        self.schedule_step(id);
        Some(id)
    }

    /// Makes room for `n` more tasks (a gather about to wrap its items), so that the
    /// task tables grow once instead of doubling their way up.
    pub fn reserve_tasks(&mut self, n: usize) {
        let n = n.min(self.limits.max_tasks.saturating_sub(self.tasks.len()));
        self.tasks.reserve(n);
        self.ends.reserve(n);
        self.infos.reserve(n);
        self.spawned.reserve(n);
    }

    pub fn is_done(&self, task: TaskId) -> bool {
        self.tasks[task.index()].done
    }

    /// `task`'s result, once it is done.
    pub fn result(&self, task: TaskId) -> Option<&TaskResult> {
        match &self.ends[task.index()] {
            TaskEnd::Running(_) => None,
            TaskEnd::Done(result) => Some(result),
        }
    }

    /// Who waits for `task`, while it runs.
    pub(super) fn waiters(&mut self, task: TaskId) -> Option<&mut Waiters> {
        match &mut self.ends[task.index()] {
            TaskEnd::Running(waiters) => Some(waiters),
            TaskEnd::Done(_) => None,
        }
    }

    /// What awaiting `task` gives at once, if it is done.
    pub fn result_wake(&mut self, task: TaskId) -> Option<Wake> {
        match self.result(task)? {
            Ok(_) => Some(Wake::Value),
            Err(e) => {
                let e = e.clone();
                Some(self.raise(e))
            }
        }
    }

    /// Records the end of a task and wakes whatever awaits it. Keep it inlined into its
    /// one caller, so that `result` is stored from registers (passed by reference, it
    /// is a store-forwarding stall).
    #[inline(always)]
    pub fn finish(&mut self, task: TaskId, result: TaskResult) {
        let kind = match &result {
            Ok(value) => EventKind::Completed {
                value: self.intern_value(value),
            },
            Err(e) if e.is_cancel() => EventKind::Cancelled,
            Err(e) => EventKind::Failed {
                error: self.intern(&e.describe()),
            },
        };
        self.emit(task, kind);
        self.alive -= 1;
        let slot = &mut self.tasks[task.index()];
        slot.wait = Wait::None;
        slot.done = true;
        let waiters = match std::mem::replace(&mut self.ends[task.index()], TaskEnd::Done(result)) {
            TaskEnd::Running(waiters) => waiters,
            TaskEnd::Done(_) => Waiters::None,
        };
        match waiters {
            Waiters::None => {} // nobody awaits it: no wake to make
            Waiters::One(waiter) => self.wake_waiter(waiter, task),
            Waiters::Many(all) => all.into_iter().for_each(|w| self.wake_waiter(w, task)),
        }
    }

    /// Tells `waiter` that `task`, which it awaits, is done.
    fn wake_waiter(&mut self, waiter: Waiter, task: TaskId) {
        match waiter {
            Waiter::Task(w, gen) => {
                let wake = self.result_wake(task).unwrap_or(Wake::Value);
                self.resolve(w, gen, wake);
            }
            Waiter::Gather(g) => {
                let parent = self.gathers[g as usize].parent;
                self.ready.push_gather_child(g, task);
                self.emit(
                    parent,
                    EventKind::Scheduled {
                        callback: Callback::Gather,
                    },
                );
            }
        }
    }

    /// `await task` on an unfinished task: the current task waits for it.
    pub fn await_task(&mut self, target: TaskId, deadline: Option<u64>) -> u32 {
        let reason = match deadline {
            None => Reason::Task { task: target },
            Some(d) => Reason::WaitFor {
                task: target,
                deadline: d as Ms,
            },
        };
        let gen = self.suspend(Wait::Task(target), reason);
        let me = self.current;
        if let Some(waiters) = self.waiters(target) {
            waiters.push(Waiter::Task(me, gen));
        }
        if let Some(due) = deadline {
            self.push_timer(due, me, gen, Callback::Timer, Wake::TimedOut);
        }
        gen
    }

    /// `task.cancel()`: true if the task will be cancelled (as asyncio's return value).
    pub fn cancel(&mut self, task: TaskId) -> bool {
        let slot = &self.tasks[task.index()];
        if slot.done {
            return false;
        }
        // asyncio cancels the future a task waits on first (Task._fut_waiter).
        let wait = slot.wait;
        match wait {
            Wait::Task(inner) if self.cancel(inner) => return true,
            Wait::Gather(g) if self.cancel_gather(g as usize) => return true,
            _ => {}
        }
        let slot = &mut self.tasks[task.index()];
        slot.cancel_requested = true;
        let wait = slot.wait;
        if wait == Wait::None {
            return true; // not started yet, or already scheduled: cancelled at its step
        }
        let gen = slot.gen;
        self.forget_wait(task, gen, wait);
        let slot = &mut self.tasks[task.index()];
        slot.wait = Wait::None;
        slot.set_wake(None);
        self.schedule_step(task);
        true
    }

    /// Removes a cancelled task from the waiter lists that hold it.
    fn forget_wait(&mut self, task: TaskId, gen: u32, wait: Wait) {
        let entry = (task, gen);
        match wait {
            Wait::Acquire(r) | Wait::QueuePut(r) | Wait::QueueGet(r) => {
                match &mut self.resources[r as usize] {
                    ResourceState::Permits { waiters, .. } => waiters.retain(|w| *w != entry),
                    ResourceState::Queue {
                        putters, getters, ..
                    } => {
                        putters.retain(|w| *w != entry);
                        getters.retain(|w| *w != entry);
                    }
                }
            }
            Wait::Task(target) => {
                if let Some(waiters) = self.waiters(target) {
                    waiters.remove(Waiter::Task(task, gen));
                }
            }
            Wait::Executor => self
                .executor_queue
                .retain(|j| j.task != task || j.gen != gen),
            // Timers and I/O are ignored when they come due (their generation is stale).
            Wait::None | Wait::Timer | Wait::Io | Wait::Gather(_) => {}
        }
    }
}
