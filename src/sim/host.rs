//! What a live run takes from outside the simulation: the real clock, a way to hold
//! the thread, real requests and worker threads. A virtual-clock run has no host; a
//! live run (`crate::live`) plugs the browser in here, so both runs share one kernel,
//! one coroutine interpreter and one [`super::Trace`].

use super::kernel::Wake;
use super::trace::{Ms, TaskId};
use std::rc::Rc;

/// The outside world of a live run. Work it starts ends with a [`Completion`] that the
/// live driver hands to [`super::kernel::LoopState::complete`].
pub trait Host {
    /// Milliseconds since the run began, by the real clock.
    fn now(&self) -> Ms;
    /// Holds the thread for `ms` (blocking work: the page freezes meanwhile).
    fn block(&self, ms: u64);
    /// Sends a request; its response arrives as [`Completion::Io`].
    fn fetch(&self, request: Request);
    /// Runs `ms` of blocking work on executor worker `worker`, off the loop's thread;
    /// its end arrives as [`Completion::Executor`].
    fn run_job(&self, worker: u32, ms: u64);
}

/// A request of a task suspended on I/O.
pub struct Request {
    pub task: TaskId,
    pub gen: u32,
    pub url: Rc<str>,
    /// The scenario's latency: the response arrives no sooner (nor before the real
    /// request is done).
    pub latency_ms: u64,
    /// What the task gets when the response arrives (a scenario's planned failure).
    pub wake: Wake,
}

/// Outside work that finished.
pub enum Completion {
    /// A response arrived, or the request failed (`error`, e.g. the network is down).
    Io {
        task: TaskId,
        gen: u32,
        wake: Wake,
        error: Option<String>,
    },
    /// A worker finished its job.
    Executor { worker: u32 },
}
