//! Work outside the loop: executor jobs on worker threads (each job's end is due at a
//! time, in a heap) and requests.

use super::waits::Wait;
use super::{LoopState, Wake};
use crate::sim::ready::Resolve;
use crate::sim::trace::{Callback, EventKind, TaskId};
use std::cmp::{Ordering, Reverse};

/// An executor job end, due at `due`.
pub(super) struct Due {
    pub(super) due: u64,
    seq: u64,
    pub(super) what: DueKind,
}

pub(super) enum DueKind {
    ExecutorDone { worker: u32 },
}

impl PartialEq for Due {
    fn eq(&self, other: &Self) -> bool {
        (self.due, self.seq) == (other.due, other.seq)
    }
}

impl Eq for Due {}

impl PartialOrd for Due {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Due {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.due, self.seq).cmp(&(other.due, other.seq))
    }
}

#[derive(Clone, Copy)]
pub(super) struct Job {
    pub(super) task: TaskId,
    pub(super) gen: u32,
    ms: u64,
}

impl LoopState {
    fn next_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    /// A uniformly drawn extra latency in `0..=jitter`, from the scenario's seed.
    pub fn jitter(&mut self, jitter: u64) -> u64 {
        if jitter == 0 {
            0
        } else {
            self.rng.u64(0..=jitter)
        }
    }

    /// `run_in_executor`: the job starts on a free worker or queues for one.
    pub fn submit_job(&mut self, ms: u64, gen: u32) {
        let job = Job {
            task: self.current,
            gen,
            ms,
        };
        match self.workers.iter().position(Option::is_none) {
            Some(w) => self.start_job(w, job),
            None => self.executor_queue.push_back(job),
        }
    }

    fn start_job(&mut self, worker: usize, job: Job) {
        self.workers[worker] = Some(job);
        self.emit(
            job.task,
            EventKind::ExecutorStart {
                worker: worker as u32,
            },
        );
        let seq = self.next_seq();
        self.executor_done.push(Reverse(Due {
            due: self.now + job.ms,
            seq,
            what: DueKind::ExecutorDone {
                worker: worker as u32,
            },
        }));
    }

    /// A worker thread finished: it frees itself, takes the next job, and hands the
    /// result to the loop (`call_soon_threadsafe`) if the task still waits for it.
    pub(super) fn executor_done(&mut self, worker: u32) {
        let Some(job) = self.workers[worker as usize].take() else {
            return;
        };
        self.emit(job.task, EventKind::ExecutorEnd { worker });
        if let Some(next) = self.executor_queue.pop_front() {
            self.start_job(worker as usize, next);
        }
        let slot = &self.tasks[job.task.index()];
        if slot.gen == job.gen && slot.wait == Wait::Executor {
            self.ready.push_resolve(Resolve::new(
                job.task,
                job.gen,
                Callback::Executor,
                Wake::Value,
            ));
            self.emit(
                job.task,
                EventKind::Scheduled {
                    callback: Callback::Executor,
                },
            );
        }
    }

    /// A request of the current task (suspended with `gen`): its response is an I/O
    /// callback due after the latency, ending the wait with `wake`.
    pub fn send_request(&mut self, gen: u32, latency_ms: u64, wake: Wake) {
        let due = self.now + latency_ms;
        self.push_timer(due, self.current, gen, Callback::Io, wake);
    }
}
