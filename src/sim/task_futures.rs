//! [`TaskFutures`]: the tasks' futures, stored in one vector rather than boxed one by
//! one, so that creating a task allocates nothing (a gather of 10,000 coroutines made
//! 10,000 allocations and as many frees) and polling one calls its future directly.

use super::coroutine::{Cx, Flow};
use super::kernel::{LoopState, Unwind};
use super::trace::TaskId;
use std::cell::RefMut;
use std::rc::Rc;
use std::task::{Context, Poll};

/// What a task's future ends with.
pub type TaskOutput = Result<Flow, Unwind>;

/// The futures of a run's tasks, indexed by [`TaskId`].
pub trait TaskFutures {
    /// Creates the futures of new tasks, each running its coroutine, in order: their
    /// ids follow on from the number of futures so far.
    fn spawn(&mut self, cx: &Rc<Cx>, tasks: &[(TaskId, usize)]);

    /// The number of tasks whose futures were created.
    fn len(&self) -> usize;

    /// Polls `task`'s future with the loop's state `k`, borrowed from `cx`, and gives
    /// the borrow back. If the future ends, its output goes to `ended` and it is
    /// dropped; a future that has ended is not polled again. (An out-parameter, so that
    /// the common case, a future that suspends, moves no output about.)
    fn poll<'a>(
        &mut self,
        task: TaskId,
        cx: &'a Rc<Cx>,
        k: RefMut<'a, LoopState>,
        context: &mut Context<'_>,
        ended: &mut Option<TaskOutput>,
    ) -> RefMut<'a, LoopState>;
}

/// A task's future, polled with the loop's state already borrowed: simple steps run in
/// that borrow, and a future that runs a compound step releases it while the step's
/// own futures borrow the state themselves.
pub trait Resume {
    fn resume<'a>(
        &mut self,
        cx: &'a Rc<Cx>,
        k: RefMut<'a, LoopState>,
        context: &mut Context<'_>,
    ) -> (RefMut<'a, LoopState>, Poll<TaskOutput>);
}

/// [`TaskFutures`] for futures of type `F`, made by `make`. The vector may move them
/// as it grows: a task's future keeps what must not move behind a `Box`.
pub struct Arena<F, M> {
    /// Each task's future; `None` once it has ended.
    futures: Vec<Option<F>>,
    make: M,
}

impl<F, M> Arena<F, M>
where
    F: Resume,
    M: Fn(&Cx, usize) -> F,
{
    pub fn new(make: M) -> Arena<F, M> {
        Arena {
            futures: Vec::new(),
            make,
        }
    }
}

impl<F, M> TaskFutures for Arena<F, M>
where
    F: Resume,
    M: Fn(&Cx, usize) -> F,
{
    fn spawn(&mut self, cx: &Rc<Cx>, tasks: &[(TaskId, usize)]) {
        debug_assert!(tasks
            .first()
            .is_none_or(|(id, _)| id.index() == self.futures.len()));
        let make = &self.make;
        self.futures.extend(
            tasks
                .iter()
                .map(|&(_, coroutine)| Some(make(cx, coroutine))),
        );
    }

    fn len(&self) -> usize {
        self.futures.len()
    }

    #[inline]
    fn poll<'a>(
        &mut self,
        task: TaskId,
        cx: &'a Rc<Cx>,
        k: RefMut<'a, LoopState>,
        context: &mut Context<'_>,
        ended: &mut Option<TaskOutput>,
    ) -> RefMut<'a, LoopState> {
        let Some(Some(future)) = self.futures.get_mut(task.index()) else {
            return k;
        };
        let (k, poll) = future.resume(cx, k, context);
        if let Poll::Ready(output) = poll {
            *ended = Some(output);
            self.futures[task.index()] = None;
        }
        k
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::kernel::{Limits, LoopState};
    use std::cell::{Cell, RefCell};
    use std::task::Waker;

    /// A future that is pending `polls` times, then ends; it counts its drops.
    struct Countdown {
        polls: u32,
        drops: Rc<Cell<u32>>,
    }

    impl Resume for Countdown {
        fn resume<'a>(
            &mut self,
            _: &'a Rc<Cx>,
            k: RefMut<'a, LoopState>,
            _: &mut Context<'_>,
        ) -> (RefMut<'a, LoopState>, Poll<TaskOutput>) {
            if self.polls == 0 {
                return (k, Poll::Ready(Ok(Flow::Next)));
            }
            self.polls -= 1;
            (k, Poll::Pending)
        }
    }

    /// Polls `task` in a borrow of `cx`'s loop state, as the loop does.
    fn poll<F: Resume, M: Fn(&Cx, usize) -> F>(
        arena: &mut Arena<F, M>,
        cx: &Rc<Cx>,
        task: usize,
    ) -> Option<TaskOutput> {
        let mut context = Context::from_waker(Waker::noop());
        let k = cx.k.borrow_mut();
        let mut ended = None;
        drop(arena.poll(TaskId(task as u32), cx, k, &mut context, &mut ended));
        ended
    }

    impl Drop for Countdown {
        fn drop(&mut self) {
            self.drops.set(self.drops.get() + 1);
        }
    }

    fn cx() -> Rc<Cx> {
        let scenario = crate::sim::presets::preset("three-fetches").expect("a preset");
        let prog = Rc::new(scenario.validate().expect("a valid preset"));
        let k = Rc::new(RefCell::new(LoopState::new(
            prog.clone(),
            Limits::default(),
        )));
        Rc::new(Cx { k, prog })
    }

    #[test]
    fn futures_are_dropped_when_they_end() {
        let drops = Rc::new(Cell::new(0));
        let counter = drops.clone();
        // Task i is pending i % 3 times.
        let mut arena = Arena::new(move |_, i| Countdown {
            polls: (i % 3) as u32,
            drops: counter.clone(),
        });
        let cx = cx();
        let n = 300;
        let tasks: Vec<(TaskId, usize)> = (0..n).map(|i| (TaskId(i as u32), i)).collect();
        arena.spawn(&cx, &tasks[..n / 2]);
        arena.spawn(&cx, &tasks[n / 2..]);
        assert_eq!(arena.len(), n);
        let mut ended = 0;
        for _ in 0..3 {
            for t in 0..n {
                if poll(&mut arena, &cx, t).is_some() {
                    ended += 1;
                }
            }
        }
        assert_eq!(ended, n, "every future ends once");
        assert_eq!(drops.get(), n as u32, "and is dropped when it ends");
        assert!(poll(&mut arena, &cx, 0).is_none());
        assert!(poll(&mut arena, &cx, n).is_none());
    }

    #[test]
    fn unfinished_futures_are_dropped_with_the_arena() {
        let drops = Rc::new(Cell::new(0));
        let counter = drops.clone();
        let mut arena = Arena::new(move |_, _| Countdown {
            polls: 5,
            drops: counter.clone(),
        });
        let cx = cx();
        let tasks: Vec<(TaskId, usize)> = (0..257).map(|i| (TaskId(i as u32), i)).collect();
        arena.spawn(&cx, &tasks);
        drop(arena);
        assert_eq!(drops.get(), 257);
    }
}
