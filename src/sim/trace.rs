//! The trace: the one record of a run, shared by the virtual-clock and the live runner.
//!
//! Events are small, flat and `Copy` (`{t, task, step, kind}`): texts (urls, printed
//! text, return values, errors) are ids into [`Trace::texts`] and a gather's children an
//! id into [`Trace::task_lists`]. The trace stores them packed in 16 bytes each
//! ([`Events`]), so recording one is a plain write and dropping a trace of a million
//! events frees two blocks. Spans, snapshots and metrics
//! are derived from the events by pure queries (see `spans`, `snapshot`, `metrics`).

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::rc::Rc;

pub use super::events::Events;

/// Milliseconds since the start of the run (virtual or `performance.now()`).
pub type Ms = f64;

/// Index of a task in [`Trace::tasks`]. `TaskId::LOOP` is the event loop's own lane.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TaskId(pub u32);

impl TaskId {
    pub const LOOP: TaskId = TaskId(u32::MAX);
    pub const MAIN: TaskId = TaskId(0);

    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Index of a step in [`Trace::steps`] (pre-order over every coroutine's steps).
pub type StepId = u32;

/// Index of a text in [`Trace::texts`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextId(pub u32);

/// Index of a list of tasks in [`Trace::task_lists`] (a gather's children).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TaskListId(pub u32);

/// What a task is waiting for while suspended. (Read from JSON by `trace_de.rs`.)
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "on")]
pub enum Reason {
    /// `asyncio.sleep`, due at `until`.
    Sleep { until: Ms },
    /// An HTTP request to `url` in flight, due at `until`.
    Fetch { url: TextId, until: Ms },
    /// Awaiting another task.
    Task { task: TaskId },
    /// Awaiting another task under `wait_for`, which times out at `deadline`.
    WaitFor { task: TaskId, deadline: Ms },
    /// Awaiting `gather` over the tasks of `Trace::task_lists[tasks]`.
    Gather { tasks: TaskListId },
    /// Waiting for a permit of a semaphore, or for a lock.
    Acquire { resource: u32 },
    /// `queue.put` on a full queue.
    QueuePut { resource: u32 },
    /// `queue.get` on an empty queue.
    QueueGet { resource: u32 },
    /// `run_in_executor`: a worker thread does the work.
    Executor,
    /// `async for`: waiting for the async iterator's next item, due at `until`.
    Stream { until: Ms },
}

/// A callback on the loop's ready queue (asyncio's `_ready` deque of handles).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Callback {
    /// Run the task's next step (`Task.__step` / `__wakeup`).
    Step,
    /// A timer came due (sleep, stream item or `wait_for` deadline).
    Timer,
    /// A fetch's response arrived.
    Io,
    /// An executor job finished (`call_soon_threadsafe`).
    Executor,
    /// One of a gather's children finished.
    Gather,
}

impl Callback {
    /// The callback as a small number (0 to 4), as [`super::events::Events`] and the
    /// ready queue's timer entries store it.
    #[inline(always)]
    pub fn code(self) -> u32 {
        match self {
            Callback::Step => 0,
            Callback::Timer => 1,
            Callback::Io => 2,
            Callback::Executor => 3,
            Callback::Gather => 4,
        }
    }

    /// The inverse of [`Self::code`] (a code past 4 reads as `Gather`).
    #[inline(always)]
    pub fn from_code(code: u32) -> Callback {
        match code {
            0 => Callback::Step,
            1 => Callback::Timer,
            2 => Callback::Io,
            3 => Callback::Executor,
            _ => Callback::Gather,
        }
    }

    /// Every kind of callback, in declaration order.
    #[cfg(test)]
    pub const ALL: [Callback; 5] = [
        Callback::Step,
        Callback::Timer,
        Callback::Io,
        Callback::Executor,
        Callback::Gather,
    ];
}

/// What happened. (Read from JSON by `trace_de.rs`, with its [`Event`].)
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum EventKind {
    /// The task object exists (`create_task`, `gather` wrapping, or main).
    Created {
        parent: Option<TaskId>,
    },
    /// A callback for this task was appended to the ready queue.
    Scheduled {
        callback: Callback,
    },
    /// A non-step callback for this task ran (popped from the ready queue) and left the
    /// task waiting (its wait was over already, or a gather still waits for children).
    Fired {
        callback: Callback,
    },
    /// A non-step callback for this task ran and ended its wait: the task's step was
    /// appended to the ready queue (`Fired` and `Scheduled { Step }` in one event).
    Woke {
        callback: Callback,
    },
    Started,
    Resumed,
    Suspended {
        reason: Reason,
    },
    /// Blocking work begins: the loop is held for `ms`.
    ComputeStart {
        ms: Ms,
    },
    ComputeEnd,
    /// A permit or lock is now held by the task.
    Acquired {
        resource: u32,
    },
    Released {
        resource: u32,
    },
    /// An item went into or out of a queue; `size` is the queue's length after.
    QueuePut {
        resource: u32,
        size: u32,
    },
    QueueGet {
        resource: u32,
        size: u32,
    },
    /// An executor worker starts or ends this task's job.
    ExecutorStart {
        worker: u32,
    },
    ExecutorEnd {
        worker: u32,
    },
    Print {
        text: TextId,
    },
    /// A `wait_for` deadline passed: the awaited task is being cancelled.
    TimedOut,
    Completed {
        value: TextId,
    },
    Failed {
        error: TextId,
    },
    Cancelled,
    /// One iteration of the loop begins with `ready` callbacks to run.
    Tick {
        ready: u32,
    },
    /// Nothing was ready: the clock jumped forward to the next due timer or completion.
    IdleJump {
        from: Ms,
    },
}

/// One thing that happened, at time `t`, to `task`, while it ran [`Event::step`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Event {
    pub t: Ms,
    pub task: TaskId,
    /// The step, or [`NO_STEP`] (kept out of an `Option` so the event stays small).
    #[serde(skip_serializing_if = "is_no_step")]
    step: StepId,
    #[serde(flatten)]
    pub kind: EventKind,
}

/// [`Event::step`] of an event outside any step (the loop's own, a task not started).
const NO_STEP: StepId = StepId::MAX;

fn is_no_step(step: &StepId) -> bool {
    *step == NO_STEP
}

impl Event {
    pub fn new(t: Ms, task: TaskId, step: Option<StepId>, kind: EventKind) -> Event {
        Event {
            t,
            task,
            step: step.unwrap_or(NO_STEP),
            kind,
        }
    }

    /// The step the task was at, if any.
    pub fn step(&self) -> Option<StepId> {
        (self.step != NO_STEP).then_some(self.step)
    }
}

/// A task as the trace knows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TaskInfo {
    /// The coroutine the task runs (`main` for main's task).
    pub coroutine: Rc<str>,
    /// Which of its coroutine's tasks this is, counting from 1 (see [`TaskInfo::name`]).
    pub number: u32,
    pub parent: Option<TaskId>,
    /// How the task is named when shown.
    #[serde(default, skip_serializing_if = "TaskLabel::is_coroutine")]
    pub label: TaskLabel,
    /// A program's task: the call of its coroutine with the argument values it got,
    /// `fetch('/api/users/1.json', 1.0)` (short values only; others as `…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call: Option<Rc<str>>,
}

/// How a task is named: after its coroutine (the step language), or as Python names it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum TaskLabel {
    /// `worker`, then `worker #2`, ...: `number` counts the coroutine's tasks.
    #[default]
    Coroutine,
    /// Python's default name, `Task-N`: `number` is asyncio's task counter.
    Numbered,
    /// A name the program gave (`create_task(..., name=...)`, `set_name`).
    Named(Rc<str>),
}

impl TaskLabel {
    pub fn is_coroutine(&self) -> bool {
        matches!(self, TaskLabel::Coroutine)
    }
}

impl TaskInfo {
    /// Display name: the coroutine's name for its first task, then `worker #2`,
    /// `worker #3`, ...; a Python task's `Task-3` or the name it was given. Made when
    /// shown, so that a run of 10,000 tasks does not build 10,000 strings.
    pub fn name(&self) -> Cow<'_, str> {
        match &self.label {
            TaskLabel::Named(name) => Cow::Borrowed(name),
            TaskLabel::Numbered => Cow::Owned(format!("Task-{}", self.number)),
            TaskLabel::Coroutine if self.number <= 1 => Cow::Borrowed(&self.coroutine),
            TaskLabel::Coroutine => Cow::Owned(format!("{} #{}", self.coroutine, self.number)),
        }
    }

    /// True for a task named as Python names it, whose name does not say its coroutine.
    pub fn is_python(&self) -> bool {
        !self.label.is_coroutine()
    }
}

/// A step as the trace knows it, for labels and source links.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StepInfo {
    /// The coroutine the step is in (a program's: the function the line is in).
    pub coroutine: String,
    /// e.g. `await asyncio.sleep(1.0)`.
    pub label: String,
    /// A program's step is a source line: its number (0 for a scenario's step).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub line: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// A shared resource as the trace knows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResourceInfo {
    pub name: String,
    /// `semaphore`, `lock` or `queue`.
    pub kind: String,
    /// Permits of a semaphore (1 for a lock), maxsize of a queue (0: unbounded).
    pub capacity: u32,
}

/// One edge of a deadlock's waits-for graph: `task` waits for `on`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WaitEdge {
    pub task: TaskId,
    /// What it waits on, in words: `lock b (held by Task-3 worker_b)`.
    pub on: String,
    /// The task that could release it, if any.
    pub holder: Option<TaskId>,
}

/// How a run ended. (Read from JSON by `trace_de.rs`.)
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "outcome")]
pub enum Outcome {
    /// `main()` returned.
    Completed { value: String },
    /// `main()` raised; `error` is the exception, e.g. `ValueError: bad input`.
    Failed { error: String },
    /// No task could ever run again. `cycle` names the waits-for cycle if there is one,
    /// otherwise `waits` lists what every stuck task waits for.
    Deadlock {
        cycle: Vec<WaitEdge>,
        waits: Vec<WaitEdge>,
    },
    /// A safety limit (tasks, events, steps, virtual time) ended a runaway scenario.
    LimitExceeded { message: String },
    /// A live run stopped by the user.
    Stopped,
}

impl Outcome {
    /// One sentence for a learner.
    pub fn describe(&self, trace: &Trace) -> String {
        match self {
            Outcome::Completed { .. } => "main() completed.".into(),
            Outcome::Failed { error } => format!("main() raised {error}."),
            Outcome::Deadlock { cycle, waits } => {
                let edges = if cycle.is_empty() { waits } else { cycle };
                let words: Vec<String> = edges
                    .iter()
                    .map(|e| format!("{} waits for {}", trace.task_name(e.task), e.on))
                    .collect();
                let what = if cycle.is_empty() {
                    "Deadlock: no task can run again"
                } else {
                    "Deadlock: the tasks wait for each other in a cycle"
                };
                format!("{what}: {}.", words.join("; "))
            }
            Outcome::LimitExceeded { message } => format!("Stopped: {message}"),
            Outcome::Stopped => "Stopped by the user.".into(),
        }
    }
}

/// The record of one run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Trace {
    pub tasks: Vec<TaskInfo>,
    pub steps: Vec<StepInfo>,
    pub resources: Vec<ResourceInfo>,
    pub executor_workers: u32,
    pub events: Events,
    /// Texts the events refer to by [`TextId`].
    pub texts: Vec<String>,
    /// Lists of tasks the events refer to by [`TaskListId`].
    pub task_lists: Vec<Vec<TaskId>>,
    /// When the run ended.
    pub end: Ms,
    pub outcome: Outcome,
}

impl Trace {
    pub fn task_name(&self, task: TaskId) -> Cow<'_, str> {
        if task == TaskId::LOOP {
            return Cow::Borrowed("event loop");
        }
        self.tasks
            .get(task.index())
            .map_or(Cow::Borrowed("?"), TaskInfo::name)
    }

    /// The text of `id` (empty if the trace has no such text).
    pub fn text(&self, id: TextId) -> &str {
        self.texts.get(id.0 as usize).map_or("", String::as_str)
    }

    /// The tasks of list `id` (empty if the trace has no such list).
    pub fn task_list(&self, id: TaskListId) -> &[TaskId] {
        self.task_lists
            .get(id.0 as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// A short label of a wait, as the timeline draws it inside a segment and the
    /// Chrome export names the span: `await fetch /api/1`, `wait lock_a`.
    pub fn wait_label(&self, reason: &Reason) -> String {
        let resource = |r: &u32| {
            self.resources
                .get(*r as usize)
                .map_or("resource", |r| r.name.as_str())
        };
        match reason {
            Reason::Sleep { .. } => "await sleep".into(),
            Reason::Fetch { url, .. } => format!("await fetch {}", self.text(*url)),
            Reason::Task { task } => format!("await {}", self.task_name(*task)),
            Reason::WaitFor { task, .. } => format!("wait_for {}", self.task_name(*task)),
            Reason::Gather { tasks } => format!("await gather ({})", self.task_list(*tasks).len()),
            Reason::Acquire { resource: r } => format!("wait {}", resource(r)),
            Reason::QueuePut { resource: r } => format!("put: {} full", resource(r)),
            Reason::QueueGet { resource: r } => format!("get: {} empty", resource(r)),
            Reason::Executor => "in executor".into(),
            Reason::Stream { .. } => "async for: next item".into(),
        }
    }

    /// Events of one task, in order.
    pub fn events_of(&self, task: TaskId) -> impl Iterator<Item = Event> + '_ {
        self.events.iter().filter(move |e| e.task == task)
    }

    /// The index of the first event after time `t` (events at `t` are included before it).
    pub fn events_until(&self, t: Ms) -> usize {
        self.events.until(t)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a trace always serializes")
    }

    pub fn from_json(text: &str) -> Result<Trace, String> {
        serde_json::from_str(text).map_err(|e| format!("This is not a Looplab trace: {e}."))
    }
}
