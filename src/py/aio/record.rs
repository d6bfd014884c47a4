//! Records a program's run as the [`Trace`] the timeline draws: the same events the
//! step simulation records, with a task's "step" being the source line it ran or waited
//! at.

use super::future::Future;
use crate::sim::trace::{
    Callback, EventKind, Events, Outcome, Reason, ResourceInfo, StepId, StepInfo, TaskId, TaskInfo,
    TaskLabel, TaskListId, TextId, Trace, WaitEdge,
};
use rustc_hash::FxHashMap;
use std::rc::Rc;

#[derive(Default)]
pub struct Recorder {
    pub tasks: Vec<TaskInfo>,
    pub events: Events,
    texts: Vec<String>,
    steps: Vec<StepInfo>,
    resources: Vec<ResourceInfo>,
    /// The step of each source line, by line number.
    step_of_line: Vec<Option<StepId>>,
    /// Lines of the program, for step labels.
    pub lines: Vec<String>,
    /// The function each line of the program is in, by line number.
    pub functions: Vec<Option<Rc<str>>>,
    /// Messages CPython writes to stderr (exceptions in callbacks, warnings).
    pub notes: Vec<String>,
    /// Who waited for what when the run deadlocked.
    pub deadlock: Option<Vec<WaitEdge>>,
    task_lists: Vec<Vec<TaskId>>,
    /// The program's locks, semaphores and queues, and its executor workers.
    objects: Objects,
}

/// What the trace needs to know of the program's locks, semaphores and queues (made by
/// the prelude's Python, which reports to `super::resources`) and executor workers.
#[derive(Default)]
struct Objects {
    /// Each object's resource, by the object's identity. Every such object registers
    /// when it is made, so an identity a dead one had is registered anew.
    resource_of: FxHashMap<usize, u32>,
    /// How many the program made of each class, to number them (`Lock 2`).
    made: FxHashMap<Rc<str>, u32>,
    /// Who holds the permits of each lock or semaphore, oldest first (by resource).
    holders: Vec<Vec<u32>>,
    /// How many executor workers ever ran a job at once: the ones the trace shows.
    workers: u32,
}

fn ms(t: f64) -> f64 {
    t * 1000.0
}

impl Recorder {
    #[inline]
    fn push(&mut self, t: f64, task: u32, step: Option<StepId>, kind: EventKind) {
        self.events
            .push_at(Events::ticks_of(ms(t)), TaskId(task), step, kind);
    }

    /// A text's id: the last text's again when it repeats (every task of a gather
    /// completing with `None`), so a long run does not store one copy per event.
    fn text(&mut self, s: &str) -> TextId {
        if self.texts.last().is_some_and(|last| last == s) {
            return TextId(self.texts.len() as u32 - 1);
        }
        self.texts.push(s.to_string());
        TextId(self.texts.len() as u32 - 1)
    }

    /// The step standing for a source line (one per line, labelled with its text).
    #[inline]
    fn step(&mut self, line: u32) -> Option<StepId> {
        if line == 0 {
            return None;
        }
        if let Some(Some(s)) = self.step_of_line.get(line as usize) {
            return Some(*s);
        }
        self.new_step(line)
    }

    /// The first event at `line` makes its step.
    fn new_step(&mut self, line: u32) -> Option<StepId> {
        let label = self
            .lines
            .get(line as usize - 1)
            .map_or(String::new(), |l| l.trim().to_string());
        let function = self
            .functions
            .get(line as usize)
            .and_then(Option::as_deref)
            .unwrap_or("<module>");
        self.steps.push(StepInfo {
            coroutine: function.to_string(),
            label,
            line,
        });
        let id = self.steps.len() as StepId - 1;
        if self.step_of_line.len() <= line as usize {
            self.step_of_line.resize(line as usize + 1, None);
        }
        self.step_of_line[line as usize] = Some(id);
        Some(id)
    }

    /// A task made: `number` is asyncio's task counter (`Task-3`), `name` the one given,
    /// `call` its coroutine's call with its argument values.
    pub fn task_created(
        &mut self,
        t: f64,
        id: u32,
        (coroutine, call): (&Rc<str>, Option<Rc<str>>),
        parent: Option<u32>,
        (number, name): (u32, Option<Rc<str>>),
    ) {
        self.tasks.push(TaskInfo {
            coroutine: coroutine.clone(),
            number,
            parent: parent.map(TaskId),
            label: name.map_or(TaskLabel::Numbered, TaskLabel::Named),
            call,
        });
        self.push(
            t,
            id,
            None,
            EventKind::Created {
                parent: parent.map(TaskId),
            },
        );
    }

    /// `task.set_name(name)`: the lanes show the new name.
    pub fn renamed(&mut self, id: u32, name: Rc<str>) {
        if let Some(info) = self.tasks.get_mut(id as usize) {
            info.label = TaskLabel::Named(name);
        }
    }

    pub fn scheduled(&mut self, t: f64, id: u32) {
        self.push(
            t,
            id,
            None,
            EventKind::Scheduled {
                callback: Callback::Step,
            },
        );
    }

    #[inline]
    pub fn woke(&mut self, t: f64, id: u32) {
        self.push(
            t,
            id,
            None,
            EventKind::Woke {
                callback: Callback::Timer,
            },
        );
    }

    pub fn started(&mut self, t: f64, id: u32, line: u32) {
        let step = self.step(line);
        self.push(t, id, step, EventKind::Started);
    }

    #[inline]
    pub fn resumed(&mut self, t: f64, id: u32, line: u32) {
        let step = self.step(line);
        self.push(t, id, step, EventKind::Resumed);
    }

    #[inline]
    pub fn suspended_sleep(&mut self, t: f64, id: u32, until: f64, line: u32) {
        let step = self.step(line);
        let (at, until) = (Events::ticks_of(ms(t)), Events::ticks_of(ms(until)));
        self.events.push_sleep(at, TaskId(id), step, false, until);
    }

    /// A task waits on a future: another task, gather's children, an executor job, a
    /// lock, semaphore or queue of the program, or what the future is labelled for.
    pub fn suspended_future(&mut self, t: f64, id: u32, on: Option<u32>, fut: &Future, line: u32) {
        let step = self.step(line);
        let label = fut.label.borrow();
        let reason = match (on, fut.resource(), label.as_deref()) {
            (Some(task), ..) => Reason::Task { task: TaskId(task) },
            (None, Some(resource), Some("Queue.put")) => Reason::QueuePut { resource },
            (None, Some(resource), Some("Queue.get")) => Reason::QueueGet { resource },
            (None, Some(resource), _) => Reason::Acquire { resource },
            (None, None, Some("gather")) if !fut.children.borrow().is_empty() => {
                let tasks = fut.children.borrow().iter().map(|c| TaskId(*c)).collect();
                self.task_lists.push(tasks);
                Reason::Gather {
                    tasks: TaskListId(self.task_lists.len() as u32 - 1),
                }
            }
            (None, None, Some("executor")) => Reason::Executor,
            (None, None, label) => Reason::Acquire {
                resource: self.resource(label.unwrap_or("a future")),
            },
        };
        self.push(t, id, step, EventKind::Suspended { reason });
    }

    /// The resource standing for what a future is for (`Lock.acquire`, `gather`).
    fn resource(&mut self, name: &str) -> u32 {
        match self.resources.iter().position(|r| r.name == name) {
            Some(i) => i as u32,
            None => {
                let kind = name.split('.').next().unwrap_or(name).to_lowercase();
                self.resources.push(ResourceInfo {
                    name: name.to_string(),
                    kind,
                    capacity: 0,
                });
                self.resources.len() as u32 - 1
            }
        }
    }

    /// A lock, semaphore or queue the program made (`object` its identity) becomes a
    /// resource named as a learner can tell it apart, its variable's name being
    /// unknown: `Lock 1`, `Semaphore 2 (3 permits)`, `Queue 1 (maxsize 2)`.
    pub fn new_resource(&mut self, object: usize, class: Rc<str>, kind: &str, capacity: u32) {
        let made = self.objects.made.entry(class.clone()).or_default();
        *made += 1;
        let name = match kind {
            "semaphore" if capacity == 1 => format!("{class} {made} (1 permit)"),
            "semaphore" => format!("{class} {made} ({capacity} permits)"),
            "queue" if capacity > 0 => format!("{class} {made} (maxsize {capacity})"),
            _ => format!("{class} {made}"),
        };
        self.resources.push(ResourceInfo {
            name,
            kind: kind.to_string(),
            capacity,
        });
        let r = self.resources.len() as u32 - 1;
        self.objects.resource_of.insert(object, r);
    }

    /// What resource `r` is called (`Lock 2`) and who holds it longest (a lock's
    /// holder; a semaphore's oldest permit), for a deadlock's words.
    pub fn held(&self, r: u32) -> (Option<&str>, Option<u32>) {
        let name = self
            .resources
            .get(r as usize)
            .map(|info| info.name.as_str());
        let holder = self.objects.holders.get(r as usize).and_then(|h| h.first());
        (name, holder.copied())
    }

    /// The resource of the lock, semaphore or queue whose identity is `object`.
    pub fn resource_of(&self, object: usize) -> Option<u32> {
        self.objects.resource_of.get(&object).copied()
    }

    /// `task` takes a permit of lock or semaphore `r`.
    pub fn acquired(&mut self, t: f64, r: u32, task: u32) {
        let holders = &mut self.objects.holders;
        if holders.len() <= r as usize {
            holders.resize(r as usize + 1, Vec::new());
        }
        holders[r as usize].push(task);
        self.push(t, task, None, EventKind::Acquired { resource: r });
    }

    /// A permit of `r` is given back while `by` runs. Any task may release a lock, and
    /// a semaphore has no owner: the permit is `by`'s if it holds one, else the oldest
    /// holder's (so the holders the trace shows are the permits in use). With no holder
    /// at all (a semaphore given more permits), the event is `by`'s, if a task runs.
    pub fn released(&mut self, t: f64, r: u32, by: Option<u32>) {
        let holder = self.objects.holders.get_mut(r as usize).and_then(|h| {
            let i = h.iter().position(|x| Some(*x) == by).unwrap_or(0);
            (i < h.len()).then(|| h.remove(i))
        });
        if let Some(task) = holder.or(by) {
            self.push(t, task, None, EventKind::Released { resource: r });
        }
    }

    /// An item went into (`put`) or out of queue `resource`, which now holds `size`;
    /// `task` is the one running (the loop's lane for a callback's).
    pub fn queue_moved(&mut self, t: f64, resource: u32, task: Option<u32>, put: bool, size: u32) {
        let kind = if put {
            EventKind::QueuePut { resource, size }
        } else {
            EventKind::QueueGet { resource, size }
        };
        self.push(t, task.unwrap_or(u32::MAX), None, kind);
    }

    /// `task`'s executor job starts (`start`) or ends on `worker` (numbered from 0).
    pub fn executor_job(&mut self, t: f64, task: u32, worker: u32, start: bool) {
        self.objects.workers = self.objects.workers.max(worker + 1);
        let kind = if start {
            EventKind::ExecutorStart { worker }
        } else {
            EventKind::ExecutorEnd { worker }
        };
        self.push(t, task, None, kind);
    }

    pub fn blocked(&mut self, t: f64, id: u32, end: f64) {
        self.push(t, id, None, EventKind::ComputeStart { ms: ms(end - t) });
        self.push(end, id, None, EventKind::ComputeEnd);
    }

    pub fn print(&mut self, t: f64, id: Option<u32>, text: &str) {
        let text = self.text(text);
        self.push(t, id.unwrap_or(u32::MAX), None, EventKind::Print { text });
    }

    pub fn completed(&mut self, t: f64, id: u32, value: &str) {
        let value = self.text(value);
        self.push(t, id, None, EventKind::Completed { value });
    }

    pub fn failed(&mut self, t: f64, id: u32, error: &str) {
        let error = self.text(error);
        self.push(t, id, None, EventKind::Failed { error });
    }

    pub fn cancelled(&mut self, t: f64, id: u32) {
        self.push(t, id, None, EventKind::Cancelled);
    }

    pub fn tick(&mut self, t: f64, ready: u32) {
        self.push(t, u32::MAX, None, EventKind::Tick { ready });
    }

    pub fn idle_jump(&mut self, from: f64, to: f64) {
        self.push(to, u32::MAX, None, EventKind::IdleJump { from: ms(from) });
    }

    pub fn note(&mut self, text: String) {
        self.notes.push(text);
    }

    /// The trace of a live run so far (its outcome `Stopped` until it ends).
    pub fn so_far(&self, end: f64) -> Trace {
        Trace {
            tasks: self.tasks.clone(),
            steps: self.steps.clone(),
            resources: self.resources.clone(),
            executor_workers: self.objects.workers,
            events: self.events.clone(),
            texts: self.texts.clone(),
            task_lists: self.task_lists.clone(),
            end: ms(end),
            outcome: Outcome::Stopped,
        }
    }

    /// The finished trace.
    pub fn finish(self, end: f64, outcome: Outcome) -> Trace {
        Trace {
            tasks: self.tasks,
            steps: self.steps,
            resources: self.resources,
            executor_workers: self.objects.workers,
            events: self.events,
            texts: self.texts,
            task_lists: self.task_lists,
            end: ms(end),
            outcome,
        }
    }
}
