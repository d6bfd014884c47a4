//! [`TaskFutures`]: the tasks' futures, stored in one vector rather than boxed one by
//! one, so that creating a task allocates nothing (a gather of 10,000 coroutines made
//! 10,000 allocations and as many frees) and polling one calls its future directly.

use super::coroutine::{Cx, Flow};
use super::kernel::Unwind;
use super::trace::TaskId;
use std::future::Future;
use std::pin::Pin;
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

    /// Polls `task`'s future; `None` if it has ended (its future is dropped when it
    /// does). The caller must not hold the loop's state borrowed: the future borrows
    /// it itself.
    fn poll(&mut self, task: TaskId, context: &mut Context<'_>) -> Option<Poll<TaskOutput>>;
}

/// The futures of a live run, whose loop is kept by a type that can name it.
impl TaskFutures for Box<dyn TaskFutures> {
    fn spawn(&mut self, cx: &Rc<Cx>, tasks: &[(TaskId, usize)]) {
        (**self).spawn(cx, tasks)
    }

    fn len(&self) -> usize {
        (**self).len()
    }

    fn poll(&mut self, task: TaskId, context: &mut Context<'_>) -> Option<Poll<TaskOutput>> {
        (**self).poll(task, context)
    }
}

/// [`TaskFutures`] for futures of type `F`, made by `make`. The futures are `Unpin`
/// (a task's future keeps what must not move behind a `Box`), so the vector may move
/// them as it grows.
pub struct Arena<F, M> {
    /// Each task's future; `None` once it has ended.
    futures: Vec<Option<F>>,
    make: M,
}

impl<F, M> Arena<F, M>
where
    F: Future<Output = TaskOutput> + Unpin,
    M: Fn(Rc<Cx>, usize) -> F,
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
    F: Future<Output = TaskOutput> + Unpin,
    M: Fn(Rc<Cx>, usize) -> F,
{
    fn spawn(&mut self, cx: &Rc<Cx>, tasks: &[(TaskId, usize)]) {
        debug_assert!(tasks
            .first()
            .is_none_or(|(id, _)| id.index() == self.futures.len()));
        let make = &self.make;
        self.futures.extend(
            tasks
                .iter()
                .map(|&(_, coroutine)| Some(make(cx.clone(), coroutine))),
        );
    }

    fn len(&self) -> usize {
        self.futures.len()
    }

    #[inline]
    fn poll(&mut self, task: TaskId, context: &mut Context<'_>) -> Option<Poll<TaskOutput>> {
        let slot = self.futures.get_mut(task.index())?;
        let poll = Pin::new(slot.as_mut()?).poll(context);
        if poll.is_ready() {
            *slot = None;
        }
        Some(poll)
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

    impl Future for Countdown {
        type Output = TaskOutput;

        fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<TaskOutput> {
            if self.polls == 0 {
                return Poll::Ready(Ok(Flow::Next));
            }
            self.polls -= 1;
            Poll::Pending
        }
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
        let mut context = Context::from_waker(Waker::noop());
        let mut ended = 0;
        for _ in 0..3 {
            for t in 0..n {
                if let Some(Poll::Ready(_)) = arena.poll(TaskId(t as u32), &mut context) {
                    ended += 1;
                }
            }
        }
        assert_eq!(ended, n, "every future ends once");
        assert_eq!(drops.get(), n as u32, "and is dropped when it ends");
        assert!(arena.poll(TaskId(0), &mut context).is_none());
        assert!(arena.poll(TaskId(n as u32), &mut context).is_none());
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
