//! The event loop's state: tasks, the ready queue of callbacks, timers, the executor
//! pool, resources and the trace being recorded. [`super::event_loop`] drives it; the
//! coroutine interpreter ([`super::coroutine`]) calls into it while a task runs.
//!
//! Wake-ups follow CPython's asyncio: a finished wait first appends a callback (timer,
//! I/O, executor, gather child) to the ready queue; running that callback appends the
//! waiting task's step; the step runs the task. Resources hand over as in CPython 3.12.
//!
//! One room per part of the loop, each an `impl LoopState` block over the one struct
//! defined here: `wake.rs` (what a wait ends with, exceptions), `tasks.rs` (creating,
//! finishing, awaiting, cancelling), `waits.rs` (suspending a task, ending its wait),
//! `clock.rs` (the loop's time), `timers.rs` (timers and I/O by due time, a turn's due
//! callbacks), `executor.rs` (worker threads, requests),
//! `gather.rs`, `resources.rs` (semaphores, locks, queues), `record.rs` (writing the
//! trace) and `deadlock.rs` (the waits-for graph).

mod clock;
mod deadlock;
mod executor;
mod gather;
mod record;
mod resources;
mod tasks;
mod timers;
mod waits;
mod wake;

pub use deadlock::find_cycle;
pub use gather::GatherState;
pub use resources::ResourceState;
pub use tasks::TaskSlot;
pub use waits::Wait;
pub use wake::{Exception, ExceptionId, TaskResult, Unwind, Wake};

use super::events::{Events, Ticks};
use super::program::{NameMap, Program};
use super::ready::{ReadyQueue, Resolve};
use super::trace::{StepId, TaskId, TaskInfo, TextId};
use executor::{Due, Job};
use std::cell::RefCell;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, VecDeque};
use std::rc::Rc;
use tasks::TaskEnd;

/// Most events the trace reserves room for up front (more grow it as usual).
const MAX_RESERVED_EVENTS: usize = 1 << 20;

/// Safety limits that end a runaway scenario with a clear outcome.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    pub max_tasks: usize,
    pub max_events: usize,
    /// Steps executed (a step inside a loop counts once per iteration).
    pub max_steps: u64,
    /// Virtual time, in ms.
    pub max_time_ms: u64,
    /// Nested `await coroutine()` calls and nested blocks (Python's recursion limit;
    /// lower, as each level costs stack while the task is polled, and wasm's is 1 MiB).
    pub max_depth: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_tasks: 20_000,
            max_events: 2_000_000,
            max_steps: 2_000_000,
            max_time_ms: 24 * 3_600_000,
            max_depth: 64,
        }
    }
}

pub type Shared = Rc<RefCell<LoopState>>;

/// The loop's state. Its methods are spread over this module's rooms, by what they
/// touch (see the module's doc).
pub struct LoopState {
    pub prog: Rc<Program>,
    pub limits: Limits,
    /// Virtual time in ms; set only through [`Self::set_now`], which keeps
    /// [`Self::now_ticks`] with it.
    pub now: u64,
    /// [`Self::now`] in ticks, as events are stamped (most are stamped now).
    now_ticks: Ticks,
    pub current: TaskId,
    pub tasks: Vec<TaskSlot>,
    /// Each task's end: who waits for it, then its result (cold: read when it ends or
    /// someone awaits it).
    ends: Vec<TaskEnd>,
    pub infos: Vec<TaskInfo>,
    pub ready: ReadyQueue,
    /// Timers and I/O completions bucketed by due time, FIFO within a bucket (the
    /// order a heap keyed by due time and insertion order would give).
    timers: BTreeMap<u64, Vec<Resolve>>,
    /// The bucket timers were last pushed to, kept out of `timers`: consecutive timers
    /// usually share their due time, so most pushes skip the map's search. It joins the
    /// map (after the map's entries of that time) before the map is read.
    hot: Option<(u64, Vec<Resolve>)>,
    executor_done: BinaryHeap<Reverse<Due>>,
    seq: u64,
    pub gathers: Vec<GatherState>,
    pub resources: Vec<ResourceState>,
    workers: Vec<Option<Job>>,
    executor_queue: VecDeque<Job>,
    pub events: Events,
    /// The most events [`Self::events`] may store: the limit on events, less the
    /// `Woke` copies it holds without storing them ([`Events::push_woke`]). Checked
    /// at every event, against the events stored, which the push reads anyway.
    max_stored: usize,
    /// [`Self::run_due_timers`] may run a turn (off only to test it against the
    /// general path).
    pub single_pass: bool,
    /// Texts the events refer to ([`super::trace::Trace::texts`]), each once.
    pub texts: Vec<String>,
    text_ids: NameMap<u32>,
    /// Gathers' children as the events refer to them ([`super::trace::Trace::task_lists`]).
    pub task_lists: Vec<Vec<TaskId>>,
    /// New tasks (their coroutines), whose futures the loop creates after the poll.
    pub spawned: Vec<(TaskId, usize)>,
    /// Set when a safety limit ends the run.
    pub abort: Option<String>,
    /// Exceptions that waits end with ([`Wake::Raise`]).
    exceptions: Vec<Exception>,
    steps_run: u64,
    rng: fastrand::Rng,
    pub none: Rc<str>,
    /// [`Self::none`]'s text id, once interned.
    none_text: Option<TextId>,
    name_counts: Vec<u32>,
    /// Each coroutine's name, shared by the tasks that run it.
    coroutine_names: Vec<Rc<str>>,
    /// Tasks not yet done.
    alive: usize,
}

impl LoopState {
    pub fn new(prog: Rc<Program>, limits: Limits) -> LoopState {
        let scenario = &prog.scenario;
        let resources = scenario
            .resources
            .iter()
            .map(|r| ResourceState::new(r.kind))
            .collect();
        LoopState {
            limits,
            now: 0,
            now_ticks: 0,
            current: TaskId::MAIN,
            tasks: Vec::new(),
            ends: Vec::new(),
            infos: Vec::new(),
            ready: ReadyQueue::default(),
            timers: BTreeMap::new(),
            hot: None,
            executor_done: BinaryHeap::new(),
            seq: 0,
            gathers: Vec::new(),
            resources,
            workers: vec![None; scenario.executor_workers as usize],
            executor_queue: VecDeque::new(),
            single_pass: true,
            // Reserved from the program's estimate: growing a Vec of tens of MB by
            // doubling copies it repeatedly and faults in twice the memory it needs.
            // Capped (at 1 Mi events, 16 MiB) as wasm commits what it reserves.
            events: Events::with_capacity(
                prog.event_estimate()
                    .min(limits.max_events)
                    .clamp(1024, MAX_RESERVED_EVENTS),
            ),
            max_stored: limits.max_events,
            texts: Vec::new(),
            text_ids: NameMap::default(),
            task_lists: Vec::new(),
            spawned: Vec::new(),
            abort: None,
            exceptions: Vec::new(),
            steps_run: 0,
            rng: fastrand::Rng::with_seed(scenario.seed),
            none: "None".into(),
            none_text: None,
            name_counts: vec![0; prog.scenario.coroutines.len() + 1],
            coroutine_names: scenario
                .coroutines
                .iter()
                .map(|c| c.name.as_str().into())
                .collect(),
            alive: 0,
            prog,
        }
    }

    /// Ends the run at the next opportunity with a LimitExceeded outcome.
    pub fn stop(&mut self, message: String) {
        if self.abort.is_none() {
            self.abort = Some(message);
        }
    }

    /// Called by the interpreter before each step; false once the run must stop.
    pub fn begin_step(&mut self, step: StepId) -> bool {
        self.tasks[self.current.index()].set_at(step);
        self.steps_run += 1;
        if self.steps_run > self.limits.max_steps {
            self.too_many_steps();
        }
        self.abort.is_none()
    }

    #[cold]
    #[inline(never)]
    fn too_many_steps(&mut self) {
        self.stop(format!(
            "the scenario ran more than {} steps; is a loop endless?",
            self.limits.max_steps
        ));
    }

    /// The number of tasks not yet done.
    pub fn alive(&self) -> usize {
        self.alive
    }

    /// True once every task is done and no worker thread is busy: `asyncio.run` returns.
    pub fn finished(&self) -> bool {
        self.alive == 0 && self.workers.iter().all(Option::is_none)
    }
}
