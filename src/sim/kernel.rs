//! The event loop's state: tasks, the ready queue of callbacks, timers, the executor
//! pool, resources and the trace being recorded. [`super::event_loop`] drives it; the
//! coroutine interpreter ([`super::coroutine`]) calls into it while a task runs.
//!
//! Wake-ups follow CPython's asyncio: a finished wait first appends a callback (timer,
//! I/O, executor, gather child) to the ready queue; running that callback appends the
//! waiting task's step; the step runs the task. Resources hand over as in CPython 3.12.

use super::events::{Ticks, MAX_TICKED_MS, NO_STEP, TICKS_PER_MS};
use super::host::{Completion, Host, Request};
use super::program::{NameMap, Program};
use super::ready::{Batch, ReadyQueue, Resolve};
use super::trace::{
    Callback, EventKind, Events, Ms, Reason, StepId, TaskId, TaskInfo, TaskListId, TextId, WaitEdge,
};
use std::cell::RefCell;
use std::cmp::{Ordering, Reverse};
use std::collections::{BTreeMap, BinaryHeap, VecDeque};
use std::rc::Rc;

/// How many of the newest exceptions [`LoopState::raise`] looks through for an equal one.
const RECENT_EXCEPTIONS: usize = 8;

/// Most events the trace reserves room for up front (more grow it as usual).
const MAX_RESERVED_EVENTS: usize = 1 << 20;

/// A virtual time in ticks: whole ms times sixteen, without a detour through floating
/// point.
#[inline(always)]
fn virtual_ticks(t: u64) -> Ticks {
    (t.min(MAX_TICKED_MS) as u32) * TICKS_PER_MS
}

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

/// What a task ends with: the value it returned, or the exception it raised.
pub type TaskResult = Result<Rc<str>, Exception>;

/// A Python exception travelling through the coroutines.
#[derive(Clone, Debug, PartialEq)]
pub struct Exception {
    pub kind: Rc<str>,
    pub message: Rc<str>,
}

impl Exception {
    pub fn new(kind: &str, message: &str) -> Exception {
        Exception {
            kind: kind.into(),
            message: message.into(),
        }
    }

    pub fn cancelled() -> Exception {
        Exception::new("CancelledError", "")
    }

    pub fn is_cancel(&self) -> bool {
        &*self.kind == "CancelledError"
    }

    /// `ValueError: bad input`, or just `ValueError`.
    pub fn describe(&self) -> String {
        if self.message.is_empty() {
            self.kind.to_string()
        } else {
            format!("{}: {}", self.kind, self.message)
        }
    }
}

/// Why a coroutine stopped early: a Python exception, or the run being aborted.
#[derive(Clone, Debug, PartialEq)]
pub enum Unwind {
    Raise(Exception),
    Abort,
}

impl From<Exception> for Unwind {
    fn from(e: Exception) -> Self {
        Unwind::Raise(e)
    }
}

/// What a finished wait hands back to the suspended coroutine.
///
/// A value carries no payload: no coroutine ever reads the value of what it awaited
/// (only a task's own return value is recorded, in its `Completed` event), so the hot
/// path neither builds nor clones one. `Copy` and 8 bytes: an exception is kept in the
/// loop's table ([`LoopState::raise`]) and named by its index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wake {
    Value,
    Raise(ExceptionId),
    /// A `wait_for` deadline passed.
    TimedOut,
}

/// An exception in [`LoopState`]'s table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionId(u32);

impl Wake {
    /// The wake as one number below 2^29, for a timer's entry ([`Resolve`]): a value 0,
    /// a timeout 1, an exception its id plus 2 (ids stay far below 2^29: a run adds at
    /// most one per step, and stops after [`Limits::max_steps`]).
    #[inline(always)]
    pub fn to_bits(self) -> u32 {
        match self {
            Wake::Value => 0,
            Wake::TimedOut => 1,
            Wake::Raise(ExceptionId(id)) => id + 2,
        }
    }

    /// The inverse of [`Self::to_bits`].
    #[inline(always)]
    pub fn from_bits(bits: u32) -> Wake {
        match bits {
            0 => Wake::Value,
            1 => Wake::TimedOut,
            id => Wake::Raise(ExceptionId(id - 2)),
        }
    }
}

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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Waiter {
    Task(TaskId, u32),
    Gather(u32),
}

/// Who waits for a task: usually one gather or one task, kept inline (no allocation).
enum Waiters {
    None,
    One(Waiter),
    Many(Vec<Waiter>),
}

/// A task's end: who waits for it while it runs, then its result.
enum TaskEnd {
    Running(Waiters),
    Done(TaskResult),
}

impl TaskEnd {
    /// A new task's end. A constant, so that pushing it copies it from memory that was
    /// not just written: built on the stack, its bytes were written in 8-byte pieces
    /// and read back in 16-byte ones, which stalls the load (most of `create_task`'s
    /// time).
    const RUNNING: TaskEnd = TaskEnd::Running(Waiters::None);
}

impl Waiters {
    /// Inlined: a `Waiter` passed by reference is written in 4-byte pieces and read
    /// in 8-byte ones, a stalled load (most of a gather's cost per child).
    #[inline]
    fn push(&mut self, waiter: Waiter) {
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
    fn set_wake(&mut self, wake: Option<Wake>) {
        self.wake = wake.map_or(NO_WAKE, Wake::to_bits);
    }

    #[inline(always)]
    fn take_wake(&mut self) -> Option<Wake> {
        let bits = std::mem::replace(&mut self.wake, NO_WAKE);
        (bits != NO_WAKE).then(|| Wake::from_bits(bits))
    }

    /// True while the task still waits on the wait of generation `gen` (a callback
    /// for an older wait, one that was cancelled or has ended, is stale).
    #[inline(always)]
    fn waits(&self, gen: u32) -> bool {
        self.gen == gen && self.wait != Wait::None
    }
}

/// An executor job end, due at `due`.
struct Due {
    due: u64,
    seq: u64,
    what: DueKind,
}

enum DueKind {
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

pub struct GatherState {
    pub parent: TaskId,
    parent_gen: u32,
    pub children: Vec<TaskId>,
    finished: usize,
    return_exceptions: bool,
    pub done: bool,
    cancel_requested: bool,
}

#[derive(Clone, Copy)]
struct Job {
    task: TaskId,
    gen: u32,
    ms: u64,
}

pub enum ResourceState {
    Permits {
        available: u32,
        holders: Vec<TaskId>,
        waiters: VecDeque<(TaskId, u32)>,
    },
    Queue {
        items: VecDeque<Rc<str>>,
        maxsize: u32,
        putters: VecDeque<(TaskId, u32)>,
        getters: VecDeque<(TaskId, u32)>,
    },
}

pub type Shared = Rc<RefCell<LoopState>>;

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
    /// The outside world of a live run; `None` on the virtual clock.
    pub host: Option<Rc<dyn Host>>,
}

impl LoopState {
    pub fn new(prog: Rc<Program>, limits: Limits) -> LoopState {
        let scenario = &prog.scenario;
        let resources = scenario
            .resources
            .iter()
            .map(|r| match r.kind {
                super::scenario::ResourceKind::Semaphore { permits } => ResourceState::Permits {
                    available: permits,
                    holders: Vec::new(),
                    waiters: VecDeque::new(),
                },
                super::scenario::ResourceKind::Lock => ResourceState::Permits {
                    available: 1,
                    holders: Vec::new(),
                    waiters: VecDeque::new(),
                },
                super::scenario::ResourceKind::Queue { maxsize } => ResourceState::Queue {
                    items: VecDeque::new(),
                    maxsize,
                    putters: VecDeque::new(),
                    getters: VecDeque::new(),
                },
            })
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
            host: None,
            prog,
        }
    }

    // ---- recording -------------------------------------------------------------

    #[inline(always)]
    pub fn emit_at(&mut self, t: u64, task: TaskId, kind: EventKind) {
        let t = self.ticks(t);
        self.emit_stamped(t, task, kind);
    }

    /// [`Self::emit_at`] a time in ticks.
    #[inline(always)]
    fn emit_stamped(&mut self, t: Ticks, task: TaskId, kind: EventKind) {
        let step = if task == TaskId::LOOP {
            None
        } else {
            self.tasks[task.index()].at()
        };
        self.push_event(t, task, step, kind);
    }

    /// Appends an event stamped `t` (in ticks, see [`Self::ticks`]), unless the trace is
    /// full (which stops the run).
    #[inline(always)]
    fn push_event(&mut self, t: Ticks, task: TaskId, step: Option<StepId>, kind: EventKind) {
        if self.room_for_event() {
            self.events.push_at(t, task, step, kind);
        }
    }

    /// True if the trace has room for another event; once it is full, the run stops.
    #[inline(always)]
    fn room_for_event(&mut self) -> bool {
        if self.events.stored() >= self.max_stored {
            self.too_many_events();
            return false;
        }
        true
    }

    #[cold]
    #[inline(never)]
    fn too_many_events(&mut self) {
        self.stop(format!(
            "the run recorded more than {} events; is a loop endless?",
            self.limits.max_events
        ));
    }

    /// The id of `text` in the trace's texts, added if new.
    pub fn intern(&mut self, text: &str) -> TextId {
        if let Some(&id) = self.text_ids.get(text) {
            return TextId(id);
        }
        let id = self.texts.len() as u32;
        self.texts.push(text.to_string());
        self.text_ids.insert(text.to_string(), id);
        TextId(id)
    }

    /// [`Self::intern`] for a task's return value, which is most often `None`.
    fn intern_value(&mut self, value: &Rc<str>) -> TextId {
        if !Rc::ptr_eq(value, &self.none) {
            return self.intern(value);
        }
        match self.none_text {
            Some(id) => id,
            None => {
                let id = self.intern(&self.none.clone());
                self.none_text = Some(id);
                id
            }
        }
    }

    /// The trace time of an event at loop time `t`: the real clock in a live run.
    #[inline(always)]
    fn stamp(&self, t: u64) -> Ms {
        match &self.host {
            Some(host) => host.now(),
            // Loop time stays far below 2^63 ms; a signed conversion is one instruction.
            None => t as i64 as Ms,
        }
    }

    /// The current time in trace ms (fractional in a live run).
    pub fn time(&self) -> Ms {
        self.stamp(self.now)
    }

    /// [`Self::stamp`] in the trace's ticks ([`Events`]): on the virtual clock, whole ms
    /// times sixteen, without a detour through floating point.
    #[inline(always)]
    fn ticks(&self, t: u64) -> Ticks {
        match &self.host {
            Some(host) => Events::ticks_of(host.now()),
            None => virtual_ticks(t),
        }
    }

    /// The current time in ticks.
    #[inline(always)]
    fn now_ticks(&self) -> Ticks {
        match &self.host {
            Some(host) => Events::ticks_of(host.now()),
            None => self.now_ticks,
        }
    }

    /// [`Self::emit`] at the current time for a task whose step the caller knows.
    #[inline(always)]
    pub fn emit_for(&mut self, task: TaskId, step: Option<StepId>, kind: EventKind) {
        let t = self.now_ticks();
        self.push_event(t, task, step, kind);
    }

    #[inline(always)]
    pub fn emit(&mut self, task: TaskId, kind: EventKind) {
        let t = self.now_ticks();
        self.emit_stamped(t, task, kind);
    }

    /// A wake that raises `e` in the coroutine. Exceptions are values: one equal to a
    /// recent one shares its entry, so a loop that keeps failing the same way (a
    /// failing fetch under `try`, repeated) does not grow the table.
    pub fn raise(&mut self, e: Exception) -> Wake {
        let recent = self.exceptions.len().saturating_sub(RECENT_EXCEPTIONS);
        let index = match self.exceptions[recent..].iter().rposition(|x| *x == e) {
            Some(i) => recent + i,
            None => {
                self.exceptions.push(e);
                self.exceptions.len() - 1
            }
        };
        Wake::Raise(ExceptionId(index as u32))
    }

    pub fn exception(&self, id: ExceptionId) -> &Exception {
        &self.exceptions[id.0 as usize]
    }

    /// What the coroutine gets from a wait that ended with `wake`.
    pub fn unwrap_wake(&self, wake: Wake) -> Result<(), Unwind> {
        match wake {
            Wake::Value => Ok(()),
            Wake::Raise(id) => Err(self.exception(id).clone().into()),
            Wake::TimedOut => Err(Exception::new("TimeoutError", "").into()),
        }
    }

    /// `task`'s result, once it is done.
    pub fn result(&self, task: TaskId) -> Option<&TaskResult> {
        match &self.ends[task.index()] {
            TaskEnd::Running(_) => None,
            TaskEnd::Done(result) => Some(result),
        }
    }

    /// Who waits for `task`, while it runs.
    fn waiters(&mut self, task: TaskId) -> Option<&mut Waiters> {
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

    // ---- tasks -----------------------------------------------------------------

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

    /// Registers a sleep of the current task (its timer, or for `sleep(0)` its step).
    #[inline(always)]
    pub fn arm_sleep(&mut self, ms: u64, stream: bool) {
        // One look at the clock for the event's time and the due time, both in ticks.
        // Durations are at most an hour (validation), so a signed conversion is exact.
        let (t, until) = match &self.host {
            None => (self.now_ticks, virtual_ticks(self.now + ms)),
            Some(host) => {
                let now = host.now();
                (
                    Events::ticks_of(now),
                    Events::ticks_of(now + ms as i64 as Ms),
                )
            }
        };
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

    /// Marks the current task suspended on `wait`, returning the wait's generation.
    #[inline]
    pub fn suspend(&mut self, wait: Wait, reason: Reason) -> u32 {
        let t = self.now_ticks();
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
    fn mark_suspended(&mut self, wait: Wait) -> (TaskId, Option<StepId>, u32) {
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
        let t = self.now_ticks();
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
        let t = self.now_ticks();
        for r in resolves {
            self.resolve_at(t, r.callback(), r.task(), r.gen(), r.wake());
            if self.abort.is_some() {
                break;
            }
        }
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

    pub fn is_done(&self, task: TaskId) -> bool {
        self.tasks[task.index()].done
    }

    /// Records the end of a task and wakes whatever awaits it. Inlined into its one
    /// caller, so that `result` is stored from registers: passed by reference, it was
    /// written in 8-byte pieces and read back in 16-byte ones, a stalled load.
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

    fn cancel_gather(&mut self, g: usize) -> bool {
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

    // ---- timers, I/O and the executor -------------------------------------------

    fn next_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
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
    fn flush_hot(&mut self) {
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
        if let Some(host) = &self.host {
            host.run_job(worker as u32, job.ms);
            return;
        }
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
    fn executor_done(&mut self, worker: u32) {
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

    /// A request of the current task (suspended with `gen`): a timer due after the
    /// latency on the virtual clock, a real request in a live run.
    pub fn send_request(&mut self, gen: u32, url: Rc<str>, latency_ms: u64, wake: Wake) {
        let task = self.current;
        match &self.host {
            Some(host) => host.fetch(Request {
                task,
                gen,
                url,
                latency_ms,
                wake,
            }),
            None => {
                let due = self.now + latency_ms;
                self.push_timer(due, task, gen, Callback::Io, wake);
            }
        }
    }

    /// Holds the loop for `ms` of blocking work: the clock moves on meanwhile (in a
    /// live run, the thread really is held).
    pub fn hold(&mut self, ms: u64) {
        match self.host.clone() {
            Some(host) => {
                host.block(ms);
                self.sync_clock();
            }
            None => self.advance(self.now + ms),
        }
    }

    /// A live run's loop time catches up with the real clock.
    pub fn sync_clock(&mut self) {
        if let Some(host) = &self.host {
            let real = host.now().max(0.0) as u64;
            self.advance(real);
        }
    }

    /// Outside work of a live run finished: its callback joins the ready queue.
    pub fn complete(&mut self, completion: Completion) {
        match completion {
            Completion::Io {
                task,
                gen,
                wake,
                error,
            } => {
                let wake = match error {
                    Some(message) => self.raise(Exception::new("ConnectionError", &message)),
                    None => wake,
                };
                self.schedule_resolve(task, gen, Callback::Io, wake);
            }
            Completion::Executor { worker } => self.executor_done(worker),
        }
    }

    /// Appends a callback that ends `task`'s wait, unless the wait is stale.
    fn schedule_resolve(&mut self, task: TaskId, gen: u32, callback: Callback, wake: Wake) {
        let slot = &self.tasks[task.index()];
        if !slot.waits(gen) {
            return; // a cancelled wait
        }
        let at = slot.at();
        self.ready
            .push_resolve(Resolve::new(task, gen, callback, wake));
        self.emit_for(task, at, EventKind::Scheduled { callback });
    }

    /// The number of tasks not yet done.
    pub fn alive(&self) -> usize {
        self.alive
    }

    /// True once every task is done and no worker thread is busy: `asyncio.run` returns.
    pub fn finished(&self) -> bool {
        self.alive == 0 && self.workers.iter().all(Option::is_none)
    }

    /// Sets the loop's time (and its time in ticks).
    fn set_now(&mut self, now: u64) {
        self.now = now;
        self.now_ticks = virtual_ticks(now);
    }

    /// Advances the clock to `to`, finishing executor jobs on the way: worker threads
    /// run in parallel with the loop, even while a compute step holds it.
    pub fn advance(&mut self, to: u64) {
        while let Some(Reverse(next)) = self.executor_done.peek() {
            if next.due > to {
                break;
            }
            let Some(Reverse(Due { due, what, .. })) = self.executor_done.pop() else {
                break;
            };
            self.set_now(self.now.max(due));
            let DueKind::ExecutorDone { worker } = what;
            self.executor_done(worker);
        }
        self.set_now(self.now.max(to));
        if self.now > self.limits.max_time_ms {
            self.stop(format!(
                "virtual time passed {} s; does the scenario never end?",
                self.limits.max_time_ms / 1000
            ));
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

    /// Runs a whole turn in one pass over its timers, in the common case on the virtual
    /// clock: nothing is ready but the timers of one due time. Such a turn runs exactly
    /// those timers' callbacks, so the trace is written as the general path writes it
    /// ([`Self::collect_due`], the turn's `Tick`, [`Self::run_resolves`]): each live
    /// timer's `Scheduled` event, then the `Tick`, then each callback's `Woke` event
    /// (repeating the `Scheduled` ones), with the steps queued in the same order. A
    /// task has at most one live timer (one per wait), so no callback of the pass
    /// touches a timer after it. False, with nothing done, when the turn needs the
    /// general path: a live run, a callback already ready, no timer due or those of
    /// several due times, or a trace too full to take the turn's events. Called after
    /// [`Self::catch_up`].
    pub fn run_due_timers(&mut self) -> bool {
        if self.host.is_some() || !self.single_pass || !self.ready.is_empty() {
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
        let t = self.now_ticks();
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
        let t = self.now_ticks();
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

    // ---- gather ------------------------------------------------------------------

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

    // ---- semaphores, locks, queues ---------------------------------------------

    /// Takes a permit at once if free and nobody queues (asyncio's FIFO rule).
    pub fn try_acquire(&mut self, r: u32) -> bool {
        let me = self.current;
        let ResourceState::Permits {
            available,
            holders,
            waiters,
        } = &mut self.resources[r as usize]
        else {
            return false;
        };
        if *available == 0 || !waiters.is_empty() {
            return false;
        }
        *available -= 1;
        holders.push(me);
        self.emit(me, EventKind::Acquired { resource: r });
        true
    }

    pub fn wait_acquire(&mut self, r: u32) -> u32 {
        let gen = self.suspend(Wait::Acquire(r), Reason::Acquire { resource: r });
        let me = self.current;
        if let ResourceState::Permits { waiters, .. } = &mut self.resources[r as usize] {
            waiters.push_back((me, gen));
        }
        gen
    }

    /// Gives back `task`'s permit, handing it to the first waiter (CPython 3.12).
    pub fn release(&mut self, task: TaskId, r: u32) {
        self.emit(task, EventKind::Released { resource: r });
        if let ResourceState::Permits {
            available, holders, ..
        } = &mut self.resources[r as usize]
        {
            if let Some(i) = holders.iter().position(|h| *h == task) {
                holders.remove(i);
            }
            *available += 1;
        }
        self.wake_up_next(r);
    }

    /// `Semaphore._wake_up_next`: the first waiter still waiting takes the permit.
    fn wake_up_next(&mut self, r: u32) {
        loop {
            let next = match &mut self.resources[r as usize] {
                ResourceState::Permits { waiters, .. } => waiters.pop_front(),
                ResourceState::Queue { .. } => None,
            };
            let Some((w, gen)) = next else { return };
            let slot = &self.tasks[w.index()];
            if slot.gen != gen || slot.wait != Wait::Acquire(r) {
                continue;
            }
            if let ResourceState::Permits {
                available, holders, ..
            } = &mut self.resources[r as usize]
            {
                *available -= 1;
                holders.push(w);
            }
            self.emit(w, EventKind::Acquired { resource: r });
            self.resolve(w, gen, Wake::Value);
            return;
        }
    }

    pub fn queue_full(&self, r: u32) -> bool {
        match &self.resources[r as usize] {
            ResourceState::Queue { items, maxsize, .. } => {
                *maxsize > 0 && items.len() >= *maxsize as usize
            }
            ResourceState::Permits { .. } => false,
        }
    }

    pub fn queue_empty(&self, r: u32) -> bool {
        match &self.resources[r as usize] {
            ResourceState::Queue { items, .. } => items.is_empty(),
            ResourceState::Permits { .. } => true,
        }
    }

    /// Suspends the current task as a putter (`put = true`) or a getter of queue `r`.
    pub fn wait_queue(&mut self, r: u32, put: bool) -> u32 {
        let (wait, reason) = if put {
            (Wait::QueuePut(r), Reason::QueuePut { resource: r })
        } else {
            (Wait::QueueGet(r), Reason::QueueGet { resource: r })
        };
        let gen = self.suspend(wait, reason);
        let me = self.current;
        if let ResourceState::Queue {
            putters, getters, ..
        } = &mut self.resources[r as usize]
        {
            if put { putters } else { getters }.push_back((me, gen));
        }
        gen
    }

    /// `Queue._wakeup_next`: wakes the first putter (or getter) still waiting.
    pub fn wakeup_next(&mut self, r: u32, putters: bool) {
        loop {
            let next = match &mut self.resources[r as usize] {
                ResourceState::Queue {
                    putters: p,
                    getters: g,
                    ..
                } => if putters { p } else { g }.pop_front(),
                ResourceState::Permits { .. } => None,
            };
            let Some((task, gen)) = next else { return };
            if self.resolve(task, gen, Wake::Value) {
                return;
            }
        }
    }

    pub fn put_item(&mut self, r: u32, item: Rc<str>) {
        let me = self.current;
        if let ResourceState::Queue { items, .. } = &mut self.resources[r as usize] {
            items.push_back(item);
            let size = items.len() as u32;
            self.emit(me, EventKind::QueuePut { resource: r, size });
        }
        self.wakeup_next(r, false);
    }

    pub fn get_item(&mut self, r: u32) -> Rc<str> {
        let me = self.current;
        let mut item = self.none.clone();
        if let ResourceState::Queue { items, .. } = &mut self.resources[r as usize] {
            if let Some(i) = items.pop_front() {
                item = i;
            }
            let size = items.len() as u32;
            self.emit(me, EventKind::QueueGet { resource: r, size });
        }
        self.wakeup_next(r, true);
        item
    }

    // ---- deadlock ------------------------------------------------------------------

    /// What each unfinished task waits for, as waits-for edges.
    pub fn wait_edges(&self) -> Vec<WaitEdge> {
        let mut edges = Vec::new();
        for (i, slot) in self.tasks.iter().enumerate() {
            if slot.done {
                continue;
            }
            let task = TaskId(i as u32);
            let name = |t: TaskId| self.infos[t.index()].name().into_owned();
            let resource = |r: u32| &self.prog.resources[r as usize];
            let (on, holder) = match slot.wait {
                Wait::Task(t) => (format!("task {}", name(t)), Some(t)),
                Wait::Gather(g) => {
                    let pending = self.gathers[g as usize]
                        .children
                        .iter()
                        .copied()
                        .find(|c| !self.is_done(*c));
                    let words = pending.map_or("gather".into(), |c| {
                        format!("gather (still running: {})", name(c))
                    });
                    (words, pending)
                }
                Wait::Acquire(r) => {
                    let holder = match &self.resources[r as usize] {
                        ResourceState::Permits { holders, .. } => holders.first().copied(),
                        ResourceState::Queue { .. } => None,
                    };
                    let held = holder.map_or(String::new(), |h| format!(" (held by {})", name(h)));
                    (
                        format!("{} {}{held}", resource(r).kind, resource(r).name),
                        holder,
                    )
                }
                Wait::QueueGet(r) => (
                    format!(
                        "an item from queue {} (empty, no producer left)",
                        resource(r).name
                    ),
                    None,
                ),
                Wait::QueuePut(r) => (
                    format!(
                        "room in queue {} (full, no consumer left)",
                        resource(r).name
                    ),
                    None,
                ),
                Wait::None | Wait::Timer | Wait::Io | Wait::Executor => ("nothing".into(), None),
            };
            edges.push(WaitEdge { task, on, holder });
        }
        edges
    }
}

/// Finds a cycle in the waits-for graph, following each task's holder.
pub fn find_cycle(edges: &[WaitEdge]) -> Vec<WaitEdge> {
    let next = |t: TaskId| edges.iter().find(|e| e.task == t);
    for start in edges {
        let mut path: Vec<&WaitEdge> = vec![start];
        while let Some(holder) = path.last().and_then(|e| e.holder) {
            if let Some(pos) = path.iter().position(|e| e.task == holder) {
                return path[pos..].iter().map(|e| (*e).clone()).collect();
            }
            match next(holder) {
                Some(e) => path.push(e),
                None => break,
            }
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{Coroutine, Main, Scenario, StartMode};

    fn state() -> LoopState {
        let scenario = Scenario {
            name: "one".into(),
            coroutines: vec![Coroutine {
                name: "a".into(),
                steps: Vec::new(),
            }],
            main: Main {
                mode: StartMode::Concurrent,
                run: vec!["a".into()],
            },
            resources: Vec::new(),
            executor_workers: 1,
            seed: 0,
            source: None,
        };
        let program = scenario.validate().expect("valid");
        LoopState::new(Rc::new(program), Limits::default())
    }

    #[test]
    fn an_exception_raised_again_shares_its_entry() {
        let mut k = state();
        let failed = || Exception::new("ConnectionError", "fetch /a failed");
        let first = k.raise(failed());
        let other = k.raise(Exception::new("ValueError", "bad"));
        assert_ne!(first, other);
        for _ in 0..1000 {
            assert_eq!(k.raise(failed()), first);
        }
        assert_eq!(k.exceptions.len(), 2, "a repeated failure adds no entry");
        assert_eq!(k.unwrap_wake(first), Err(Unwind::Raise(failed())));
    }

    #[test]
    fn a_timer_entry_gives_back_its_task_wait_callback_and_wake() {
        let callbacks = Callback::ALL;
        let wakes = [
            Wake::Value,
            Wake::TimedOut,
            Wake::Raise(ExceptionId(0)),
            Wake::Raise(ExceptionId((1 << 29) - 3)),
        ];
        for (i, &callback) in callbacks.iter().enumerate() {
            for &wake in &wakes {
                let (task, gen) = (TaskId(u32::MAX - i as u32), u32::MAX - 7);
                let r = Resolve::new(task, gen, callback, wake);
                assert_eq!(
                    (r.task(), r.gen(), r.callback(), r.wake()),
                    (task, gen, callback, wake)
                );
            }
        }
    }
}
