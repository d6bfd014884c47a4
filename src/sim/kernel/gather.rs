//! `asyncio.gather`: the parent waits until its children are done (CPython's
//! `_GatheringFuture`), or until the first to fail unless it returns exceptions.

use super::tasks::Waiter;
use super::waits::Wait;
use super::{Exception, LoopState, Wake};
use crate::sim::trace::{Callback, EventKind, Reason, TaskId, TaskListId};

pub struct GatherState {
    pub parent: TaskId,
    parent_gen: u32,
    pub children: Vec<TaskId>,
    finished: usize,
    return_exceptions: bool,
    pub done: bool,
    cancel_requested: bool,
}

impl LoopState {
    /// `gather(children)`: the current task waits until they are done.
    pub fn gather(&mut self, children: Vec<TaskId>, return_exceptions: bool) -> u32 {
        let g = self.gathers.len();
        let tasks = TaskListId(self.task_lists.len() as u32);
        self.task_lists.push(children.clone());
        let gen = self.suspend(Wait::Gather(g as u32), Reason::Gather { tasks });
        let parent = self.current;
        for &child in &children {
            if self.is_done(child) {
                self.ready.push_gather_child(g as u32, child);
                self.emit(
                    parent,
                    EventKind::Scheduled {
                        callback: Callback::Gather,
                    },
                );
            } else {
                if let Some(waiters) = self.waiters(child) {
                    waiters.push(Waiter::Gather(g as u32));
                }
            }
        }
        self.gathers.push(GatherState {
            parent,
            parent_gen: gen,
            children,
            finished: 0,
            return_exceptions,
            done: false,
            cancel_requested: false,
        });
        gen
    }

    /// Runs a batch of gather children's done callbacks, in order (stopping if the run
    /// must).
    pub fn run_gather_children(&mut self, children: &[(u32, TaskId)]) {
        for &(gather, child) in children {
            self.gather_child_done(gather as usize, child);
            if self.abort.is_some() {
                break;
            }
        }
    }

    /// `_GatheringFuture`'s done callback for one child, as in CPython.
    pub fn gather_child_done(&mut self, g: usize, child: TaskId) {
        let state = &mut self.gathers[g];
        state.finished += 1;
        let (parent, gen) = (state.parent, state.parent_gen);
        match self.gather_outcome(g, child) {
            Some(wake) => {
                self.gathers[g].done = true;
                self.resolve_by(Callback::Gather, parent, gen, wake);
            }
            None => self.emit(
                parent,
                EventKind::Fired {
                    callback: Callback::Gather,
                },
            ),
        }
    }

    /// What gather `g` hands its parent now that `child` finished; `None` while it
    /// still waits (or once it is over).
    fn gather_outcome(&mut self, g: usize, child: TaskId) -> Option<Wake> {
        let state = &self.gathers[g];
        if state.done {
            return None;
        }
        if !state.return_exceptions {
            if let Some(Err(_)) = self.result(child) {
                return self.result_wake(child);
            }
        }
        if state.finished < state.children.len() {
            return None;
        }
        if state.cancel_requested {
            return Some(self.raise(Exception::cancelled()));
        }
        // The list of the children's results is the gather's value; no coroutine reads
        // the value it awaited, so it is not built.
        Some(Wake::Value)
    }

    pub(super) fn cancel_gather(&mut self, g: usize) -> bool {
        if self.gathers[g].done {
            return false;
        }
        let children = self.gathers[g].children.clone();
        let mut any = false;
        for child in children {
            any |= self.cancel(child);
        }
        if any {
            self.gathers[g].cancel_requested = true;
        }
        any
    }
}
