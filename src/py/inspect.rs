//! A program's state at an event of its run, for the frames panel: each task's frames
//! (outermost first, so the chain of awaited coroutines), their local variables, the
//! line each frame is at, and a task's result or exception once done; and the module's
//! variables.
//!
//! A run is deterministic, so the state after `n` events is found by running the
//! program again and stopping after the loop callback that recorded event `n` (the
//! events limit, which nothing can catch): a query like every other view of a run, with
//! nothing recorded per event. A callback runs a task's step from one `await` to the
//! next, so the state is that at the end of the step the event belongs to.

use super::aio::future::{State, Waiting};
use super::aio::task_of;
use super::ast::SyntaxError;
use super::lines::LineStep;
use super::run::Options;
use super::stepped::SteppedRun;
use super::value::{Dict, Value};
use super::vm::frame::Frame;
use super::vm::Vm;
use crate::py::value::Object;
use std::cell::RefCell;

/// How many items of a list or dict, and how deep, a value is drawn.
const MAX_ITEMS: usize = 12;
const MAX_DEPTH: usize = 3;

/// The program's state after some events.
#[derive(Clone, Debug, PartialEq)]
pub struct Inspection {
    /// How many events had happened where the run was stopped (the end of the step that
    /// recorded the event asked for, or the end of the run).
    pub events: usize,
    /// The module's variables (not its functions, classes or imports).
    pub globals: Vec<Var>,
    /// Every task created so far, in order of creation.
    pub tasks: Vec<TaskView>,
    /// At a line step ([`super::lines::inspect_at_line`]): the statement about to run,
    /// and the task running it (its frames are that task's, the innermost at the
    /// statement's line). `None` between events.
    pub at: Option<LineStep>,
    /// At a line step: the program's frames running outside any task, outermost
    /// first: the module's (at its `asyncio.run` while the loop runs) and the functions
    /// it calls, a loop callback's, a worker thread's. Empty between events.
    pub outside: Vec<FrameView>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TaskView {
    /// Its index in the trace (`TaskId`).
    pub task: u32,
    /// `Task-2`, or the name it was given.
    pub name: String,
    pub status: TaskStatus,
    /// Outermost first: the task's coroutine, then each coroutine it awaits.
    pub frames: Vec<FrameView>,
    /// What its innermost `await` waits for (`sleep`, `Task-3`, `Lock.acquire`...).
    pub waiting: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TaskStatus {
    /// Created, not yet run.
    NotStarted,
    /// Suspended at an `await`, or ready to resume; at a line step, also the task
    /// running the statement ([`Inspection::at`] names it).
    Suspended,
    /// Returned: the result's repr.
    Done(String),
    /// Raised: `ValueError('boom')`.
    Failed(String),
    Cancelled,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FrameView {
    /// The function's qualified name (`Fetcher.run`).
    pub function: String,
    /// The 1-based source line it is at.
    pub line: u32,
    pub locals: Vec<Var>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Var {
    pub name: String,
    pub value: ValueView,
    /// It is new or holds another value than at the previous inspection
    /// ([`Inspection::mark_changes`]).
    pub changed: bool,
}

/// A value as the panel draws it: a repr, or a list's items and a dict's entries in
/// boxes, as Python Tutor draws them.
#[derive(Clone, Debug, PartialEq)]
pub enum ValueView {
    Repr(String),
    /// A list, tuple or set: its kind, its first items and how many more there are.
    Items {
        kind: &'static str,
        items: Vec<ValueView>,
        more: usize,
    },
    /// A dict (keys as reprs) or an object's attributes (kind is its class).
    Entries {
        kind: String,
        entries: Vec<(String, ValueView)>,
        more: usize,
    },
}

/// The state of `source`'s run once `events` events have happened, or at its end
/// (`None`); a syntax error is an `Err`, as for [`super::run_source`].
pub fn inspect_at(
    source: &str,
    events: Option<usize>,
    opts: Options,
) -> Result<Inspection, SyntaxError> {
    let mut reading = Inspecting::new(source, events, opts)?;
    Ok(loop {
        if let Some(state) = reading.go_on(|_| true) {
            break state;
        }
    })
}

/// [`inspect_at`] a slice at a time: on a big program, running it again is a sizeable
/// task, and the app draws between slices.
pub struct Inspecting {
    run: SteppedRun,
    /// The state is read before anything runs (after no events).
    at_start: bool,
}

impl Inspecting {
    pub fn new(
        source: &str,
        events: Option<usize>,
        mut opts: Options,
    ) -> Result<Inspecting, SyntaxError> {
        if let Some(n) = events {
            opts.limits.max_events = opts.limits.max_events.min(n.saturating_sub(1));
        }
        Ok(Inspecting {
            run: SteppedRun::new(source, opts)?,
            at_start: events == Some(0),
        })
    }

    /// Runs on while `go_on` says so ([`SteppedRun::run_while`]); the state once the
    /// run is over, stopped by the events limit or ended by itself.
    pub fn go_on(&mut self, go_on: impl FnMut(u64) -> bool) -> Option<Inspection> {
        let over = self.at_start || self.run.run_while(go_on);
        over.then(|| read_state(self.run.vm_mut()))
    }
}

impl Inspection {
    /// Marks the variables that are new or changed since `before`, matched by task (or
    /// outside any), frame (function and depth) and name.
    pub fn mark_changes(&mut self, before: &Inspection) {
        mark(&mut self.globals, Some(&before.globals));
        mark_frames(&mut self.outside, &before.outside);
        // By task, not by a search per task: a run can have 20,000.
        let old: std::collections::HashMap<_, _> =
            before.tasks.iter().map(|t| (t.task, &t.frames)).collect();
        for task in &mut self.tasks {
            let frames = old.get(&task.task).map_or(&[][..], |f| &f[..]);
            mark_frames(&mut task.frames, frames);
        }
    }
}

/// Marks the variables of `frames` against those of the frame at the same depth, of
/// the same function, in `before`.
fn mark_frames(frames: &mut [FrameView], before: &[FrameView]) {
    for (depth, frame) in frames.iter_mut().enumerate() {
        let old_frame = before.get(depth).filter(|f| f.function == frame.function);
        mark(&mut frame.locals, old_frame.map(|f| &f.locals));
    }
}

fn mark(vars: &mut [Var], before: Option<&Vec<Var>>) {
    for var in vars {
        let old = before.and_then(|b| b.iter().find(|v| v.name == var.name));
        var.changed = old.is_none_or(|old| old.value != var.value);
    }
}

pub(super) fn read_state(vm: &mut Vm) -> Inspection {
    let globals = {
        let dict = vm.main_globals.borrow().clone();
        dict.iter()
            .filter_map(|(k, v)| {
                let Value::Str(name) = &k.0 else { return None };
                let shown = !name.starts_with("__")
                    && !matches!(
                        v,
                        Value::Function(_) | Value::Class(_) | Value::Builtin(_) | Value::Object(_)
                    );
                shown.then(|| var(vm, name, v))
            })
            .collect()
    };
    let tasks = vm.aio.tasks.clone();
    let tasks = tasks
        .iter()
        .map(|t| {
            let frames: Vec<Frame> = {
                let own = t.frames.borrow();
                if own.is_empty() {
                    coroutine_frames(&t.coro)
                } else {
                    own.iter().map(Frame::snapshot).collect()
                }
            };
            let status = match t.fut.state.get() {
                State::Cancelled => TaskStatus::Cancelled,
                State::Finished => match t.fut.exception.borrow().clone() {
                    Some(e) => TaskStatus::Failed(repr(vm, &e)),
                    None => {
                        let r = t.fut.result.borrow().clone();
                        TaskStatus::Done(repr(vm, &r))
                    }
                },
                State::Pending if !t.started.get() => TaskStatus::NotStarted,
                State::Pending => TaskStatus::Suspended,
            };
            let waiting = match (&status, &*t.waiting.borrow()) {
                (TaskStatus::Suspended, Waiting::Sleep { .. }) => Some("asyncio.sleep".into()),
                (TaskStatus::Suspended, Waiting::Future(f)) => Some(match task_of(f) {
                    Some(other) => other.name().to_string(),
                    None => super::aio::future_of(f)
                        .and_then(|f| f.label.borrow().clone())
                        .map_or("a future".into(), |l| l.to_string()),
                }),
                _ => None,
            };
            TaskView {
                task: t.id,
                name: t.name().to_string(),
                frames: frames.iter().map(|f| frame_view(vm, f)).collect(),
                status,
                waiting,
            }
        })
        .collect();
    Inspection {
        events: vm.aio.rec.events.len(),
        globals,
        tasks,
        at: None,
        outside: Vec::new(),
    }
}

/// The frame of a coroutine not yet started (its arguments bound), if any.
fn coroutine_frames(coro: &Value) -> Vec<Frame> {
    match coro {
        Value::Object(o) => match &**o {
            Object::Gen(g) => g.borrow().frames.iter().map(Frame::snapshot).collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

pub(super) fn frame_view(vm: &mut Vm, f: &Frame) -> FrameView {
    let code = f.code.clone();
    let mut locals: Vec<Var> = code
        .locals
        .iter()
        .zip(&f.locals)
        .filter(|(_, v)| !matches!(v, Value::Unbound))
        .map(|(name, v)| var(vm, name, v))
        .collect();
    for (name, cell) in code.cells.iter().zip(&f.cells) {
        let v = cell.borrow().clone();
        if !matches!(v, Value::Unbound) && !locals.iter().any(|l| *l.name == **name) {
            locals.push(var(vm, name, &v));
        }
    }
    FrameView {
        function: code.qualname.to_string(),
        line: if f.ip == 0 { code.first_line } else { f.line() },
        locals,
    }
}

fn var(vm: &mut Vm, name: &str, v: &Value) -> Var {
    Var {
        name: name.to_string(),
        value: view(vm, v, 0),
        changed: false,
    }
}

fn repr(vm: &mut Vm, v: &Value) -> String {
    vm.repr_of(v)
        .unwrap_or_else(|_| format!("<{}>", vm.type_name(v)))
}

fn view(vm: &mut Vm, v: &Value, depth: usize) -> ValueView {
    // Only the items drawn are copied out (a list may hold a million).
    let items = |vm: &mut Vm, kind, len: usize, first: Vec<Value>| {
        if depth >= MAX_DEPTH {
            return ValueView::Repr(format!("{kind} of {len}"));
        }
        ValueView::Items {
            kind,
            more: len.saturating_sub(MAX_ITEMS),
            items: first.iter().map(|v| view(vm, v, depth + 1)).collect(),
        }
    };
    match v {
        Value::List(l) => {
            let (len, first) = {
                let l = l.borrow();
                (l.len(), l.iter().take(MAX_ITEMS).cloned().collect())
            };
            items(vm, "list", len, first)
        }
        Value::Tuple(t) => items(
            vm,
            "tuple",
            t.len(),
            t.iter().take(MAX_ITEMS).cloned().collect(),
        ),
        Value::Set(s) => {
            let (len, first) = {
                let s = s.borrow();
                (
                    s.len(),
                    s.iter().take(MAX_ITEMS).map(|k| k.0.clone()).collect(),
                )
            };
            items(vm, "set", len, first)
        }
        Value::Dict(d) => entries(vm, "dict".into(), d, depth, repr),
        Value::Instance(i) if i.exc.is_none() && !i.dict.borrow().is_empty() => {
            let kind = i.class.name.to_string();
            entries(vm, kind, &i.dict, depth, |vm, k| {
                vm.str_of(k).unwrap_or_default()
            })
        }
        Value::Instance(i) if i.exc.is_none() => {
            ValueView::Repr(format!("<{} object>", i.class.name))
        }
        Value::Function(f) => ValueView::Repr(format!("function {}", f.code.qualname)),
        Value::Class(c) => ValueView::Repr(format!("class {}", c.name)),
        other => ValueView::Repr(repr(vm, other)),
    }
}

/// A dict's entries (or an object's attributes), the keys written by `key`. The dict is
/// borrowed only to copy out the entries drawn: writing them may run Python code.
fn entries(
    vm: &mut Vm,
    kind: String,
    dict: &RefCell<Dict>,
    depth: usize,
    key: impl Fn(&mut Vm, &Value) -> String,
) -> ValueView {
    let (len, pairs): (usize, Vec<(Value, Value)>) = {
        let d = dict.borrow();
        let first = d.iter().take(MAX_ITEMS);
        (
            d.len(),
            first.map(|(k, v)| (k.0.clone(), v.clone())).collect(),
        )
    };
    if depth >= MAX_DEPTH {
        return ValueView::Repr(format!("{kind} of {len}"));
    }
    ValueView::Entries {
        kind,
        more: len.saturating_sub(MAX_ITEMS),
        entries: pairs
            .iter()
            .map(|(k, v)| (key(vm, k), view(vm, v, depth + 1)))
            .collect(),
    }
}
