//! Records a program's run as the [`Trace`] the timeline draws: the same events the
//! step simulation records, with a task's "step" being the source line it ran or waited
//! at.

use crate::sim::trace::{
    Callback, EventKind, Events, Outcome, Reason, ResourceInfo, StepId, StepInfo, TaskId, TaskInfo,
    TaskLabel, TaskListId, TextId, Trace, WaitEdge,
};
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

    /// A task made: `number` is asyncio's task counter (`Task-3`), `name` the one given.
    pub fn task_created(
        &mut self,
        t: f64,
        id: u32,
        coroutine: &Rc<str>,
        parent: Option<u32>,
        (number, name): (u32, Option<Rc<str>>),
    ) {
        self.tasks.push(TaskInfo {
            coroutine: coroutine.clone(),
            number,
            parent: parent.map(TaskId),
            label: name.map_or(TaskLabel::Numbered, TaskLabel::Named),
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

    /// A task waits on a future: another task, gather's children, an executor job, or
    /// what the future is labelled for.
    pub fn suspended_future(
        &mut self,
        t: f64,
        id: u32,
        on: Option<u32>,
        label: Option<Rc<str>>,
        children: &[u32],
        line: u32,
    ) {
        let step = self.step(line);
        let reason = match (on, label.as_deref()) {
            (Some(task), _) => Reason::Task { task: TaskId(task) },
            (None, Some("gather")) if !children.is_empty() => {
                self.task_lists
                    .push(children.iter().map(|c| TaskId(*c)).collect());
                Reason::Gather {
                    tasks: TaskListId(self.task_lists.len() as u32 - 1),
                }
            }
            (None, Some("executor")) => Reason::Executor,
            (None, label) => Reason::Acquire {
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
            executor_workers: 0,
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
            executor_workers: 0,
            events: self.events,
            texts: self.texts,
            task_lists: self.task_lists,
            end: ms(end),
            outcome,
        }
    }
}
