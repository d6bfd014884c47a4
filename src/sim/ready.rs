//! The ready queue (asyncio's `_ready`), stored as runs of callbacks of one kind.
//!
//! Callbacks queued one after another of the same kind share one [`Batch`]: the timers
//! of one due time arrive as one run, and the steps they wake are queued as one run.
//! The loop runs a batch in a tight loop instead of one queue operation per callback;
//! the order is exactly that of a plain FIFO of single callbacks.

use super::kernel::Wake;
use super::trace::{Callback, TaskId};
use std::collections::VecDeque;

/// A timer, I/O completion or executor result whose callback ends `task`'s wait (when
/// `gen` is still its wait's generation).
///
/// Two plain integers (16 bytes): every sleep builds one on its hot path, and a struct
/// of several fields was assembled on the stack and copied out with loads spanning
/// several stores, which stall (a failed store-to-load forward) for as long as the
/// rest of the sleep takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resolve {
    /// The task in the low half, the generation in the high half.
    wait: u64,
    /// The callback ([`Callback::code`]) in the top three bits, the wake
    /// ([`Wake::to_bits`]) below.
    how: u32,
}

const WAKE_BITS: u32 = 29;

impl Resolve {
    #[inline(always)]
    pub fn new(task: TaskId, gen: u32, callback: Callback, wake: Wake) -> Resolve {
        Resolve {
            wait: task.0 as u64 | (gen as u64) << 32,
            how: callback.code() << WAKE_BITS | wake.to_bits(),
        }
    }

    #[inline(always)]
    pub fn task(&self) -> TaskId {
        TaskId(self.wait as u32)
    }

    /// The generation of the task's wait this ends.
    #[inline(always)]
    pub fn gen(&self) -> u32 {
        (self.wait >> 32) as u32
    }

    #[inline(always)]
    pub fn callback(&self) -> Callback {
        Callback::from_code(self.how >> WAKE_BITS)
    }

    #[inline(always)]
    pub fn wake(&self) -> Wake {
        Wake::from_bits(self.how & ((1 << WAKE_BITS) - 1))
    }
}

/// A run of queued callbacks of one kind, oldest first.
pub enum Batch {
    /// Each task's next step (asyncio's `Task.__step`).
    Steps(Vec<TaskId>),
    /// Callbacks that end waits: timers, I/O, executor results.
    Resolves(Vec<Resolve>),
    /// `_GatheringFuture`'s done callbacks: (gather, child that finished).
    GatherChildren(Vec<(u32, TaskId)>),
}

impl Batch {
    /// How many callbacks the batch holds.
    pub fn len(&self) -> usize {
        match self {
            Batch::Steps(v) => v.len(),
            Batch::Resolves(v) => v.len(),
            Batch::GatherChildren(v) => v.len(),
        }
    }
}

/// The FIFO of callbacks ready to run.
#[derive(Default)]
pub struct ReadyQueue {
    /// Closed batches, oldest first.
    batches: VecDeque<Batch>,
    /// The newest batch, still taking callbacks of its kind; it follows `batches`.
    open: Option<Batch>,
    spare_steps: Vec<Vec<TaskId>>,
    spare_resolves: Vec<Vec<Resolve>>,
}

impl ReadyQueue {
    /// Closes the batches queued so far: the current turn runs exactly these, and what
    /// is queued meanwhile starts a new batch.
    pub fn seal(&mut self) {
        if let Some(batch) = self.open.take() {
            self.batches.push_back(batch);
        }
    }

    /// Number of closed batches (those a turn runs).
    pub fn batches(&self) -> usize {
        self.batches.len()
    }

    /// Number of callbacks queued.
    pub fn callbacks(&self) -> usize {
        self.batches.iter().chain(&self.open).map(Batch::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.batches.is_empty() && self.open.is_none()
    }

    /// The oldest closed batch.
    pub fn pop(&mut self) -> Option<Batch> {
        self.batches.pop_front()
    }

    /// Takes back a batch's storage once it ran, to be reused without allocating.
    pub fn recycle(&mut self, batch: Batch) {
        match batch {
            Batch::Steps(mut v) => {
                v.clear();
                self.spare_steps.push(v);
            }
            Batch::Resolves(v) => self.recycle_resolves(v),
            Batch::GatherChildren(_) => {}
        }
    }

    pub fn recycle_resolves(&mut self, mut v: Vec<Resolve>) {
        v.clear();
        self.spare_resolves.push(v);
    }

    /// An empty vector for a run of resolves (a timer bucket).
    pub fn spare_resolves(&mut self) -> Vec<Resolve> {
        self.spare_resolves.pop().unwrap_or_default()
    }

    /// An empty vector for a run of steps ([`Self::push_steps`]).
    pub fn spare_steps(&mut self) -> Vec<TaskId> {
        self.spare_steps.pop().unwrap_or_default()
    }

    /// Queues a run of steps, in order.
    pub fn push_steps(&mut self, mut run: Vec<TaskId>) {
        match &mut self.open {
            _ if run.is_empty() => self.recycle(Batch::Steps(run)),
            Some(Batch::Steps(v)) => {
                v.append(&mut run);
                self.recycle(Batch::Steps(run));
            }
            _ => self.open(Batch::Steps(run)),
        }
    }

    /// Opens `batch` as the newest batch, closing the one before it.
    #[cold]
    fn open(&mut self, batch: Batch) {
        self.seal();
        self.open = Some(batch);
    }

    #[inline]
    pub fn push_step(&mut self, task: TaskId) {
        match &mut self.open {
            Some(Batch::Steps(v)) => v.push(task),
            _ => {
                let mut v = self.spare_steps();
                v.push(task);
                self.open(Batch::Steps(v));
            }
        }
    }

    #[inline]
    pub fn push_resolve(&mut self, resolve: Resolve) {
        match &mut self.open {
            Some(Batch::Resolves(v)) => v.push(resolve),
            _ => {
                let mut v = self.spare_resolves();
                v.push(resolve);
                self.open(Batch::Resolves(v));
            }
        }
    }

    /// Queues a run of resolves (a timer bucket that came due), in order.
    pub fn push_resolves(&mut self, mut run: Vec<Resolve>) {
        match &mut self.open {
            _ if run.is_empty() => self.recycle_resolves(run),
            Some(Batch::Resolves(v)) => {
                v.append(&mut run);
                self.recycle_resolves(run);
            }
            _ => self.open(Batch::Resolves(run)),
        }
    }

    pub fn push_gather_child(&mut self, gather: u32, child: TaskId) {
        match &mut self.open {
            Some(Batch::GatherChildren(v)) => v.push((gather, child)),
            _ => self.open(Batch::GatherChildren(vec![(gather, child)])),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps(batch: Option<Batch>) -> Vec<u32> {
        match batch {
            Some(Batch::Steps(v)) => v.iter().map(|t| t.0).collect(),
            _ => panic!("expected a batch of steps"),
        }
    }

    fn resolve(task: u32) -> Resolve {
        Resolve::new(TaskId(task), 1, Callback::Timer, Wake::Value)
    }

    #[test]
    fn callbacks_of_one_kind_in_a_row_share_a_batch_in_fifo_order() {
        let mut q = ReadyQueue::default();
        q.push_step(TaskId(1));
        q.push_step(TaskId(2));
        q.push_resolve(resolve(3));
        q.push_resolves(vec![resolve(4), resolve(5)]);
        q.push_step(TaskId(6));
        q.push_steps(vec![TaskId(7), TaskId(8)]);
        q.push_steps(Vec::new());
        q.seal();
        assert_eq!((q.batches(), q.callbacks()), (3, 8));
        assert_eq!(steps(q.pop()), [1, 2]);
        match q.pop() {
            Some(Batch::Resolves(v)) => {
                assert_eq!(v.iter().map(|r| r.task().0).collect::<Vec<_>>(), [3, 4, 5])
            }
            _ => panic!("expected the resolves"),
        }
        assert_eq!(steps(q.pop()), [6, 7, 8]);
        assert!(q.is_empty());
        q.push_steps(vec![TaskId(9)]);
        q.seal();
        assert_eq!(
            steps(q.pop()),
            [9],
            "a run of steps opens a batch of its own"
        );
    }

    #[test]
    fn what_is_queued_after_the_seal_waits_for_the_next_turn() {
        let mut q = ReadyQueue::default();
        q.push_step(TaskId(1));
        q.seal();
        // Queued while the turn runs: same kind as the last batch, yet not merged into it.
        q.push_step(TaskId(2));
        assert_eq!((q.batches(), q.callbacks()), (1, 2));
        assert_eq!(steps(q.pop()), [1]);
        assert!(q.pop().is_none(), "the new step is not part of this turn");
        q.seal();
        assert_eq!(steps(q.pop()), [2]);
    }
}
