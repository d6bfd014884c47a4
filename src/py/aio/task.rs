//! Tasks and futures: creating a task, `Task.__step` (running a task's frames until
//! it suspends or ends, as CPython's does), what a suspension waits on, and completing
//! and cancelling futures (their callbacks go through the ready queue).

use super::future::{Future, State, Task, TaskRef, Waiting};
use super::runtime::{Callback, R};
use super::AioObject;
use crate::py::code::{CodeKind, Instr};
use crate::py::value::*;
use crate::py::vm::{Exit, FrameKind, Vm, Wait};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

impl Vm {
    pub fn new_task(&mut self, coro: Value, name: Option<Rc<str>>) -> R<TaskRef> {
        if let Value::Object(o) = &coro {
            if let Object::Gen(g) = &**o {
                g.borrow_mut().awaited = true;
            }
        }
        if self.aio.tasks.len() >= self.limits.max_tasks {
            return Err(self.stop(format!(
                "the program created more than {} tasks",
                crate::sim::metrics::format_count(self.limits.max_tasks as u64)
            )));
        }
        self.aio.task_counter += 1;
        let id = self.aio.rec.tasks.len() as u32;
        let parent = self.aio.current.as_ref().map(|t| t.id);
        let (coro_name, call) = match &coro {
            Value::Object(o) => match &**o {
                Object::Gen(g) => {
                    let g = g.borrow();
                    let call = (id < MAX_CALLS).then(|| g.frames.first().map(call_text));
                    (g.code.name.clone(), call.flatten())
                }
                _ => ("?".into(), None),
            },
            _ => ("?".into(), None),
        };
        let t = self.aio.time;
        let named = (self.aio.task_counter, name.clone());
        self.aio
            .rec
            .task_created(t, id, (&coro_name, call), parent, named);
        let task = Rc::new(Task {
            fut: Future::default(),
            id,
            name: RefCell::new(name),
            number: self.aio.task_counter,
            coro,
            frames: RefCell::new(Vec::new()),
            started: Cell::new(false),
            must_cancel: Cell::new(false),
            cancel_requests: Cell::new(0),
            waiting: RefCell::new(Waiting::Nothing),
            gen: Cell::new(0),
        });
        self.aio.tasks.push(task.clone());
        self.schedule_step(&task, Value::None, None);
        Ok(task)
    }

    pub fn schedule_step(&mut self, task: &TaskRef, value: Value, exc: Option<Value>) {
        let t = self.aio.time;
        self.aio.rec.scheduled(t, task.id);
        self.aio.call_soon(Callback::Step {
            task: task.clone(),
            value,
            exc,
        });
    }

    /// Completes a future and schedules its callbacks.
    pub fn future_finish(&mut self, fut: &Future, fut_value: &Value) {
        // A done future cannot be cancelled: its hook (a gather, which refers back to
        // it) goes, so the two do not keep each other alive.
        fut.cancel_hook.borrow_mut().take();
        let callbacks = std::mem::take(&mut *fut.callbacks.borrow_mut());
        for cb in callbacks {
            self.schedule_callback(cb, fut_value.clone());
        }
    }

    /// `fut.add_done_callback(cb)`: called soon if the future is already done.
    pub(super) fn add_done_callback(&mut self, fut_value: &Value, cb: Value) {
        let Some(fut) = super::future_of(fut_value) else {
            return;
        };
        if fut.done() {
            self.schedule_callback(cb, fut_value.clone());
        } else {
            fut.callbacks.borrow_mut().push(cb);
        }
    }

    pub(super) fn schedule_callback(&mut self, cb: Value, fut_value: Value) {
        if let Value::Object(o) = &cb {
            if let Object::Aio(AioObject::Wakeup(task)) = &**o {
                let t = self.aio.time;
                self.aio.rec.scheduled(t, task.id);
                self.aio.call_soon(Callback::Wakeup {
                    task: task.clone(),
                    fut: fut_value,
                });
                return;
            }
        }
        self.aio.call_soon(Callback::Call {
            func: cb,
            args: vec![fut_value],
            cancelled: Rc::new(Cell::new(false)),
        });
    }

    pub fn set_result(&mut self, fut_value: &Value, v: Value) -> R<()> {
        let fut = super::future_of(fut_value).ok_or_else(|| self.type_error("not a future"))?;
        if fut.done() {
            return Err(self.new_exc(&self.types.invalid_state_error.clone(), "invalid state"));
        }
        *fut.result.borrow_mut() = v;
        fut.state.set(State::Finished);
        self.future_finish(fut, fut_value);
        Ok(())
    }

    pub fn set_exception(&mut self, fut_value: &Value, e: Value) -> R<()> {
        let fut = super::future_of(fut_value).ok_or_else(|| self.type_error("not a future"))?;
        if fut.done() {
            return Err(self.new_exc(&self.types.invalid_state_error.clone(), "invalid state"));
        }
        let e = match &e {
            Value::Class(_) => self.call_value(&e, vec![], vec![])?,
            _ => e,
        };
        if crate::py::vm::exc::is_instance(&e, &self.types.stop_iteration.clone()) {
            return Err(self.type_error(
                "StopIteration interacts badly with generators and cannot be raised into a Future",
            ));
        }
        *fut.exception.borrow_mut() = Some(e);
        fut.state.set(State::Finished);
        self.future_finish(fut, fut_value);
        Ok(())
    }

    /// `Future.cancel(msg)`.
    pub fn future_cancel(&mut self, fut_value: &Value, msg: Option<Value>) -> bool {
        let Some(fut) = super::future_of(fut_value) else {
            return false;
        };
        if let Some(task) = super::task_of(fut_value) {
            return self.task_cancel(&task, msg);
        }
        if fut.done() {
            return false;
        }
        let hook = fut.cancel_hook.borrow().clone();
        if let Some(Value::Object(o)) = &hook {
            if let Object::Aio(AioObject::Gather(g)) = &**o {
                return self.gather_cancel(g, msg);
            }
        }
        if let Some(hook) = hook {
            let msg = msg.unwrap_or_default();
            return match self.call_value(&hook, vec![msg], vec![]) {
                Ok(v) => self.truthy(&v).unwrap_or(false),
                Err(_) => false,
            };
        }
        fut.state.set(State::Cancelled);
        *fut.cancel_message.borrow_mut() = msg;
        self.future_finish(fut, fut_value);
        true
    }

    /// `Task.cancel(msg)`.
    pub fn task_cancel(&mut self, task: &TaskRef, msg: Option<Value>) -> bool {
        if task.fut.done() {
            return false;
        }
        task.cancel_requests.set(task.cancel_requests.get() + 1);
        let waiting = task.waiting.borrow().clone();
        match waiting {
            Waiting::Future(f) => {
                if self.future_cancel(&f, msg.clone()) {
                    return true;
                }
            }
            Waiting::Sleep { .. } => {
                // The sleep's future is cancelled: its wake-up throws CancelledError.
                *task.waiting.borrow_mut() = Waiting::Nothing;
                let exc = self.cancelled_error(msg);
                let t = self.aio.time;
                self.aio.rec.scheduled(t, task.id);
                self.aio.call_soon(Callback::Step {
                    task: task.clone(),
                    value: Value::None,
                    exc: Some(exc),
                });
                return true;
            }
            Waiting::Nothing => {}
        }
        task.must_cancel.set(true);
        *task.fut.cancel_message.borrow_mut() = msg;
        true
    }

    pub fn cancelled_error(&self, msg: Option<Value>) -> Value {
        match msg {
            Some(m) if !m.is_none() => {
                self.exc_with_args(&self.types.cancelled_error.clone(), vec![m])
            }
            _ => self.new_exc(&self.types.cancelled_error.clone(), ""),
        }
    }

    /// Runs one step of a task: its frames until it suspends or ends.
    pub(super) fn task_step(&mut self, task: &TaskRef, value: Value, exc: Option<Value>) -> R<()> {
        if task.fut.done() {
            return Ok(());
        }
        let mut exc = exc;
        if task.must_cancel.get() {
            if !exc
                .as_ref()
                .is_some_and(|e| crate::py::vm::exc::is_instance(e, &self.types.cancelled_error))
            {
                let msg = task.fut.cancel_message.borrow().clone();
                exc = Some(self.cancelled_error(msg));
            }
            task.must_cancel.set(false);
        }
        *task.waiting.borrow_mut() = Waiting::Nothing;
        let mut frames = std::mem::take(&mut *task.frames.borrow_mut());
        if !task.started.get() {
            task.started.set(true);
            // The task runs on the coroutine's own frame vector.
            if let Value::Object(o) = &task.coro {
                if let Object::Gen(g) = &**o {
                    let mut g = g.borrow_mut();
                    g.started = true;
                    frames = std::mem::take(&mut g.frames);
                }
            }
            let Some(frame) = frames.last_mut() else {
                return Err(self.new_exc(
                    &self.types.runtime_error.clone(),
                    "cannot reuse already awaited coroutine",
                ));
            };
            frame.kind = FrameKind::Base;
            let t = self.aio.time;
            let line = program_line(&frames, true);
            self.aio.rec.started(t, task.id, line);
        } else {
            let t = self.aio.time;
            let line = program_line(&frames, false);
            self.aio.rec.resumed(t, task.id, line);
        }
        let prev = self.aio.current.replace(task.clone());
        self.aio.slice_start = self.instructions;
        let exit = match exc {
            Some(e) => match self.unwind(&mut frames, 0, e) {
                Some(exit) => exit,
                None => self.run(&mut frames, 0),
            },
            None => {
                if let Some(top) = frames.last_mut() {
                    if top.ip > 0 {
                        // The await's result, or nothing when the next instruction
                        // would drop it (`await x` as a statement).
                        if let Some(Instr::Pop) = top.code.instrs.get(top.ip as usize) {
                            top.ip += 1;
                        } else {
                            top.push(value);
                        }
                    }
                }
                self.run(&mut frames, 0)
            }
        };
        self.aio.current = prev;
        let t = self.aio.time;
        let task_value = || Value::object(Object::Aio(AioObject::Task(task.clone())));
        match exit {
            Exit::Return(v) => {
                self.gen_finished(&task.coro);
                if task.must_cancel.get() {
                    task.must_cancel.set(false);
                    task.fut.state.set(State::Cancelled);
                    self.aio.rec.cancelled(t, task.id);
                    self.future_finish(&task.fut, &task_value());
                } else {
                    let text = self.repr_of(&v).unwrap_or_default();
                    self.aio.rec.completed(t, task.id, &text);
                    *task.fut.result.borrow_mut() = v;
                    task.fut.state.set(State::Finished);
                    self.future_finish(&task.fut, &task_value());
                }
            }
            Exit::Raise(e) => {
                self.gen_finished(&task.coro);
                if self.stopped.is_some() {
                    return Err(e);
                }
                if crate::py::vm::exc::is_instance(&e, &self.types.cancelled_error.clone()) {
                    // As `super().cancel()` in CPython's `Task.__step`: the error is kept
                    // for `_make_cancelled_error`, the message is not.
                    task.fut.state.set(State::Cancelled);
                    *task.fut.exception.borrow_mut() = Some(e);
                    *task.fut.cancel_message.borrow_mut() = None;
                    self.aio.rec.cancelled(t, task.id);
                } else {
                    let text = self.describe_exception(&e);
                    self.aio.rec.failed(t, task.id, &text);
                    *task.fut.exception.borrow_mut() = Some(e);
                    task.fut.state.set(State::Finished);
                }
                self.future_finish(&task.fut, &task_value());
            }
            Exit::Yield(_) => {
                return Err(self.new_exc(
                    &self.types.runtime_error.clone(),
                    "a coroutine yielded a value: use an async generator",
                ))
            }
            Exit::Suspend(wait) => {
                let line = program_line(&frames, false);
                *task.frames.borrow_mut() = frames;
                task.gen.set(task.gen.get().wrapping_add(1));
                self.suspend(task, wait, line)?;
            }
        }
        Ok(())
    }

    fn gen_finished(&self, coro: &Value) {
        if let Value::Object(o) = coro {
            if let Object::Gen(g) = &**o {
                g.borrow_mut().finished = true;
            }
        }
    }

    fn suspend(&mut self, task: &TaskRef, wait: Wait, line: u32) -> R<()> {
        let t = self.aio.time;
        self.aio.last_line = line;
        match wait {
            Wait::Sleep { delay, result } => {
                if delay <= 0.0 {
                    // `sleep(0)` is a bare yield: the task's next step is queued now.
                    self.aio.rec.suspended_sleep(t, task.id, t, line);
                    self.schedule_step(task, result, None);
                    return Ok(());
                }
                let when = self.aio.time + delay;
                self.aio.rec.suspended_sleep(t, task.id, when, line);
                *task.waiting.borrow_mut() = Waiting::Sleep {
                    gen: task.gen.get(),
                    result,
                };
                self.aio.call_at(
                    when,
                    Callback::SleepDone {
                        task: task.clone(),
                        gen: task.gen.get(),
                    },
                );
                if task.must_cancel.get() {
                    task.must_cancel.set(false);
                    let msg = task.fut.cancel_message.borrow().clone();
                    self.task_cancel(task, msg);
                    task.cancel_requests
                        .set(task.cancel_requests.get().saturating_sub(1));
                }
            }
            Wait::Future(f) => {
                if let Some(other) = super::task_of(&f) {
                    if Rc::ptr_eq(&other, task) {
                        let r = self.repr_of(&f)?;
                        let e = self.new_exc(
                            &self.types.runtime_error.clone(),
                            &format!("Task cannot await on itself: {r}"),
                        );
                        self.aio.rec.suspended_sleep(t, task.id, t, line);
                        self.schedule_step(task, Value::None, Some(e));
                        return Ok(());
                    }
                }
                let Some(fut) = super::future_of(&f) else {
                    return Err(self.type_error("awaited object is not a future"));
                };
                let on = super::task_of(&f).map(|t| t.id);
                self.aio.rec.suspended_future(t, task.id, on, fut, line);
                fut.callbacks
                    .borrow_mut()
                    .push(Value::object(Object::Aio(AioObject::Wakeup(task.clone()))));
                *task.waiting.borrow_mut() = Waiting::Future(f.clone());
                if task.must_cancel.get() {
                    let msg = task.fut.cancel_message.borrow().clone();
                    if self.future_cancel(&f, msg) {
                        task.must_cancel.set(false);
                    }
                }
            }
            Wait::Yield(v) if v.is_none() => {
                self.aio.rec.suspended_sleep(t, task.id, t, line);
                self.schedule_step(task, Value::None, None);
            }
            Wait::Yield(v) => {
                // CPython's `Task.__step` throws these in at the next turn. (A future is
                // waited for only through `yield from fut.__await__()`, which is `await`.)
                let r = self.repr_of(&v)?;
                let generator = matches!(&v, Value::Object(o)
                    if matches!(&**o, Object::Gen(g) if g.borrow().code.kind == CodeKind::Generator));
                let message = if super::future_of(&v).is_some() || generator {
                    let of = if generator { " for generator" } else { "" };
                    let me =
                        self.repr_of(&Value::object(Object::Aio(AioObject::Task(task.clone()))))?;
                    format!("yield was used instead of yield from{of} in task {me} with {r}")
                } else {
                    format!("Task got bad yield: {r}")
                };
                let e = self.new_exc(&self.types.runtime_error.clone(), &message);
                // The task gave the loop a turn, as for a bare yield; the error comes with
                // its next step.
                self.aio.rec.suspended_sleep(t, task.id, t, line);
                self.schedule_step(task, Value::None, Some(e));
            }
            Wait::ThreadSleep(_) | Wait::ThreadSwitch | Wait::RunLoop(_) => {
                return Err(self.new_exc(
                    &self.types.runtime_error.clone(),
                    "time.sleep and run_until_complete inside a task are handled by the loop",
                ))
            }
        }
        Ok(())
    }
}

/// The program's line a task is at: that of its innermost frame in the program's own
/// code (a wait inside asyncio's Python, `Lock.acquire` say, is at the program's line
/// that called it); 0 if no frame is the program's. `starting`: the `def` line.
fn program_line(frames: &[crate::py::vm::frame::Frame], starting: bool) -> u32 {
    frames
        .iter()
        .rev()
        .find(|f| &*f.code.filename == crate::py::code::PROGRAM_FILE)
        .map_or(0, |f| {
            if starting {
                f.code.first_line
            } else {
                f.line()
            }
        })
}

/// How many tasks' lanes show their call with its arguments: writing them is costly on
/// a run of many small tasks (BENCHMARKS.md), and past a thousand lanes nobody reads
/// them one by one; later tasks show `worker()`.
const MAX_CALLS: u32 = 1_000;

/// The longest argument list a task's call shows before it is cut with `…`.
const MAX_CALL_ARGS: usize = 60;

/// A coroutine's call as its task's lane shows it: `fetch('/api/users/1.json', 1.0)`,
/// read off its frame before it starts (the parameters are its first locals). Values
/// are written without running any of the program's code: numbers, strings (short),
/// booleans and None as Python writes them, anything else as `…`.
fn call_text(frame: &crate::py::vm::Frame) -> Rc<str> {
    use crate::py::format::{float_repr, str_repr};
    let code = &frame.code;
    let sig = &code.signature;
    let shown = (sig.positional + sig.kwonly) as usize;
    let mut args = String::new();
    for (i, value) in frame.locals.iter().take(shown).enumerate() {
        if !args.is_empty() {
            args.push_str(", ");
        }
        if i >= sig.positional as usize {
            args.push_str(&sig.names[i]);
            args.push('=');
        }
        match value {
            Value::None => args.push_str("None"),
            Value::Bool(b) => args.push_str(if *b { "True" } else { "False" }),
            Value::Int(n) => args.push_str(&n.to_string()),
            Value::Float(x) => args.push_str(&float_repr(*x)),
            Value::Str(s) if s.chars().count() <= 32 => args.push_str(&str_repr(s)),
            _ => args.push('…'),
        }
        if args.len() > MAX_CALL_ARGS {
            let cut = (0..=MAX_CALL_ARGS)
                .rev()
                .find(|&i| args.is_char_boundary(i));
            args.truncate(cut.unwrap_or(0));
            args.push('…');
            break;
        }
    }
    format!("{}({args})", code.name).into()
}
