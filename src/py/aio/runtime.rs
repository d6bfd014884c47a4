//! The event loop, as CPython's `BaseEventLoop._run_once` runs it, on a virtual clock:
//! due timers join the ready queue (FIFO), the callbacks that were ready when the
//! iteration began run in order, and when nothing is ready the clock jumps to the next
//! timer. Timers are a binary heap ordered by due time, ties in the order they were
//! armed: with a real clock two timers are never due at the same instant, so creation
//! order is what CPython shows.

use super::future::{Future, State, Task, TaskRef, Waiting};
use super::record::Recorder;
use super::AioObject;
use crate::py::value::*;
use crate::py::vm::{Exit, Frame, FrameKind, Vm, Wait};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

/// A callback on the ready queue (a `Handle` in CPython).
#[derive(Debug, Clone)]
pub enum Callback {
    /// `Task.__step`, resuming with a value or throwing an exception into the task.
    Step {
        task: TaskRef,
        value: Value,
        exc: Option<Value>,
    },
    /// `Task.__wakeup(fut)`: reads the future's outcome and steps the task.
    Wakeup { task: TaskRef, fut: Value },
    /// The timer of `asyncio.sleep`: its future gets its result.
    SleepDone { task: TaskRef, gen: u32 },
    /// `call_soon(func, *args)` / `call_later`: `cancelled` is the handle's flag.
    Call {
        func: Value,
        args: Vec<Value>,
        cancelled: Rc<Cell<bool>>,
    },
    /// An executor job ended: its future gets the thread's outcome.
    JobDone {
        fut: Value,
        outcome: Result<Value, Value>,
    },
}

/// A due time as a key that sorts as the time does (any float, even negative).
fn time_key(when: f64) -> u64 {
    let b = when.to_bits();
    if (b as i64) < 0 {
        !b
    } else {
        b | 1 << 63
    }
}

/// Timers by due time; those due at the same instant in the order they were armed (with
/// a real clock two timers are never due at the same instant, so creation order is what
/// CPython shows). A bucket per instant: a fan-out of sleeps arms thousands of timers
/// due together.
#[derive(Default)]
struct Timers {
    buckets: std::collections::BTreeMap<u64, (f64, VecDeque<Callback>)>,
}

impl Timers {
    fn push(&mut self, when: f64, cb: Callback) {
        self.buckets
            .entry(time_key(when))
            .or_insert_with(|| (when, VecDeque::new()))
            .1
            .push_back(cb);
    }

    /// The due time of the first timer not cancelled (cancelled ones at the head are
    /// dropped, as CPython drops them).
    fn next_live(&mut self) -> Option<f64> {
        loop {
            let mut entry = self.buckets.first_entry()?;
            let (when, bucket) = entry.get_mut();
            while bucket.front().is_some_and(is_cancelled) {
                bucket.pop_front();
            }
            if bucket.is_empty() {
                entry.remove();
                continue;
            }
            return Some(*when);
        }
    }

    /// Removes the bucket due first if it is due before `end`.
    fn pop_due(&mut self, end: f64) -> Option<VecDeque<Callback>> {
        let entry = self.buckets.first_entry()?;
        if entry.get().0 >= end {
            return None;
        }
        Some(entry.remove().1)
    }
}

/// A worker thread of the default executor running a job.
#[derive(Debug)]
pub struct Thread {
    pub frames: Vec<Frame>,
    pub fut: Value,
    /// When its `time.sleep` ends, in ns.
    pub wake_at: i64,
    /// The executor it belongs to.
    pub pool: Pool,
}

/// An executor: its number (0 is the loop's default one) and its size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pool {
    pub id: usize,
    pub max_workers: usize,
}

/// A job waiting for a free worker of its pool.
#[derive(Debug)]
pub struct Job {
    pub func: Value,
    pub args: Vec<Value>,
    pub fut: Value,
    pub pool: Pool,
}

/// The loop's state; one per interpreter, reused by each `asyncio.run`.
#[derive(Default)]
pub struct Runtime {
    /// Inside `run_until_complete`.
    pub running: bool,
    /// Between a runner's start and close (tasks can be created).
    pub open: bool,
    /// Virtual time in seconds, one clock for the whole program: `now_ns` as seconds.
    pub time: f64,
    /// The clock itself, in whole ns (as a monotonic clock reads), so deadlines land
    /// where CPython's do.
    pub now_ns: i64,
    ready: VecDeque<Callback>,
    timers: Timers,
    stopping: bool,
    pub tasks: Vec<TaskRef>,
    pub current: Option<TaskRef>,
    /// `Task-N` names count across runs, as CPython's do.
    pub task_counter: u32,
    pub rec: Recorder,
    /// Instructions when the current task's step began.
    pub slice_start: u64,
    pub threads: Vec<Thread>,
    /// Jobs waiting for a free worker, in the order they were submitted.
    pub job_queue: VecDeque<Job>,
    /// The default executor (`run_in_executor(None, ...)`, `to_thread`).
    pub default_pool: Pool,
    /// How many executors the program made (each gets its number).
    pub pools: usize,
    /// The code running is a worker thread's.
    pub in_thread: bool,
    /// A worker thread called `time.sleep`: it suspends after the call.
    pub thread_sleep: Option<f64>,
    /// Futures waiting for the executor to have nothing left to do.
    pub idle_waiters: Vec<Value>,
}

impl Runtime {
    /// Has the running task run `max_slice` instructions without giving the loop back?
    pub fn slice_exceeded(&self, instructions: u64, limits: &crate::py::vm::Limits) -> bool {
        self.current.is_some() && instructions.saturating_sub(self.slice_start) > limits.max_slice
    }

    pub fn set_ns(&mut self, ns: i64) {
        self.now_ns = ns;
        self.time = ns as f64 / 1e9;
    }

    pub fn call_soon(&mut self, cb: Callback) {
        self.ready.push_back(cb);
    }

    pub fn call_at(&mut self, when: f64, callback: Callback) {
        self.timers.push(when, callback);
    }

    fn next_timer_live(&mut self) -> Option<f64> {
        self.timers.next_live()
    }
}

/// The first whole ns at which a timer due at `when` is ready (CPython runs timers due
/// before `time() + clock resolution`, 1 ns).
fn deadline_ns(when: f64) -> i64 {
    let d = (when * 1e9).round() as i64;
    if d as f64 / 1e9 + 1e-9 <= when {
        d + 1
    } else {
        d
    }
}

/// A sleep of `secs` as ns (at least 1 ns for any positive time).
pub fn secs_ns(secs: f64) -> i64 {
    if secs <= 0.0 {
        0
    } else {
        ((secs * 1e9).round() as i64).max(1)
    }
}

fn is_cancelled(cb: &Callback) -> bool {
    match cb {
        Callback::Call { cancelled, .. } => cancelled.get(),
        Callback::SleepDone { task, gen } => {
            task.gen.get() != *gen || !matches!(*task.waiting.borrow(), Waiting::Sleep { .. })
        }
        _ => false,
    }
}

type R<T> = Result<T, Value>;

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
                self.limits.max_tasks
            )));
        }
        self.aio.task_counter += 1;
        let name: Rc<str> =
            name.unwrap_or_else(|| format!("Task-{}", self.aio.task_counter).into());
        let id = self.aio.rec.tasks.len() as u32;
        let parent = self.aio.current.as_ref().map(|t| t.id);
        let coro_name = match &coro {
            Value::Object(o) => match &**o {
                Object::Gen(g) => g.borrow().name.clone(),
                _ => "?".into(),
            },
            _ => "?".into(),
        };
        let t = self.aio.time;
        self.aio.rec.task_created(t, id, &coro_name, parent);
        let task = Rc::new(Task {
            fut: Future::default(),
            id,
            name: RefCell::new(name),
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
        let callbacks = std::mem::take(&mut *fut.callbacks.borrow_mut());
        for cb in callbacks {
            self.schedule_callback(cb, fut_value.clone());
        }
    }

    fn schedule_callback(&mut self, cb: Value, fut_value: Value) {
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
    fn task_step(&mut self, task: &TaskRef, value: Value, exc: Option<Value>) -> R<()> {
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
            let frame = match &task.coro {
                Value::Object(o) => match &**o {
                    Object::Gen(g) => {
                        let mut g = g.borrow_mut();
                        g.started = true;
                        g.frame.take()
                    }
                    _ => None,
                },
                _ => None,
            };
            let Some(mut frame) = frame else {
                return Err(self.new_exc(
                    &self.types.runtime_error.clone(),
                    "cannot reuse already awaited coroutine",
                ));
            };
            frame.kind = FrameKind::Base;
            frames.push(*frame);
            let t = self.aio.time;
            let line = frames.last().map_or(0, |f| f.code.first_line);
            self.aio.rec.started(t, task.id, line);
        } else {
            let t = self.aio.time;
            let line = frames.last().map_or(0, |f| f.line());
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
                        top.push(value);
                    }
                }
                self.run(&mut frames, 0)
            }
        };
        self.aio.current = prev;
        let t = self.aio.time;
        let task_value = Value::object(Object::Aio(AioObject::Task(task.clone())));
        match exit {
            Exit::Return(v) => {
                self.gen_finished(&task.coro);
                if task.must_cancel.get() {
                    task.must_cancel.set(false);
                    task.fut.state.set(State::Cancelled);
                    self.aio.rec.cancelled(t, task.id);
                    self.future_finish(&task.fut, &task_value);
                } else {
                    let text = self.repr_of(&v).unwrap_or_default();
                    self.aio.rec.completed(t, task.id, &text);
                    *task.fut.result.borrow_mut() = v;
                    task.fut.state.set(State::Finished);
                    self.future_finish(&task.fut, &task_value);
                }
            }
            Exit::Raise(e) => {
                self.gen_finished(&task.coro);
                if self.stopped.is_some() {
                    return Err(e);
                }
                if crate::py::vm::exc::is_instance(&e, &self.types.cancelled_error.clone()) {
                    task.fut.state.set(State::Cancelled);
                    *task.fut.exception.borrow_mut() = Some(e);
                    self.aio.rec.cancelled(t, task.id);
                } else {
                    let text = self.describe_exception(&e);
                    self.aio.rec.failed(t, task.id, &text);
                    *task.fut.exception.borrow_mut() = Some(e);
                    task.fut.state.set(State::Finished);
                }
                self.future_finish(&task.fut, &task_value);
            }
            Exit::Yield(_) => {
                return Err(self.new_exc(
                    &self.types.runtime_error.clone(),
                    "a coroutine yielded a value: use an async generator",
                ))
            }
            Exit::Suspend(wait) => {
                let line = frames.last().map_or(0, |f| f.line());
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
                        self.aio.call_soon(Callback::Step {
                            task: task.clone(),
                            value: Value::None,
                            exc: Some(e),
                        });
                        return Ok(());
                    }
                }
                let Some(fut) = super::future_of(&f) else {
                    return Err(self.type_error("awaited object is not a future"));
                };
                let on = super::task_of(&f).map(|t| t.id);
                let label = fut.label.borrow().clone();
                self.aio.rec.suspended_future(t, task.id, on, label, line);
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
            Wait::ThreadSleep(_) => {
                return Err(self.new_exc(
                    &self.types.runtime_error.clone(),
                    "time.sleep inside a task is handled by the loop",
                ))
            }
        }
        Ok(())
    }

    fn run_callback(&mut self, cb: Callback) -> R<()> {
        match cb {
            Callback::Step { task, value, exc } => self.task_step(&task, value, exc),
            Callback::Wakeup { task, fut } => {
                let (value, exc) = match self.future_result(&fut) {
                    Ok(v) => (v, None),
                    Err(e) => (Value::None, Some(e)),
                };
                self.task_step(&task, value, exc)
            }
            Callback::SleepDone { task, gen } => {
                if task.gen.get() != gen {
                    return Ok(());
                }
                let waiting = task.waiting.borrow().clone();
                if let Waiting::Sleep { result, .. } = waiting {
                    *task.waiting.borrow_mut() = Waiting::Nothing;
                    let t = self.aio.time;
                    self.aio.rec.woke(t, task.id);
                    self.aio.call_soon(Callback::Step {
                        task: task.clone(),
                        value: result,
                        exc: None,
                    });
                }
                Ok(())
            }
            Callback::Call {
                func,
                args,
                cancelled,
            } => {
                if cancelled.get() {
                    return Ok(());
                }
                if let Value::Object(o) = &func {
                    if let Object::Aio(AioObject::StopLoop) = &**o {
                        self.stop_loop();
                        return Ok(());
                    }
                }
                if let Err(e) = self.call_value(&func, args, vec![]) {
                    if self.stopped.is_some() {
                        return Err(e);
                    }
                    // CPython logs an exception in a callback and goes on.
                    let text = self.format_traceback(&e);
                    self.aio.rec.note(format!("Exception in callback:\n{text}"));
                }
                Ok(())
            }
            Callback::JobDone { fut, outcome } => {
                if super::future_of(&fut).is_some_and(|f| f.done()) {
                    return Ok(());
                }
                match outcome {
                    Ok(v) => self.set_result(&fut, v),
                    Err(e) => self.set_exception(&fut, e),
                }
            }
        }
    }

    /// `fut.result()`.
    pub fn future_result(&mut self, fut_value: &Value) -> R<Value> {
        let Some(fut) = super::future_of(fut_value) else {
            return Err(self.type_error("not a future"));
        };
        match fut.state.get() {
            State::Pending => Err(self.new_exc(
                &self.types.invalid_state_error.clone(),
                "Result is not set.",
            )),
            State::Cancelled => {
                let msg = fut.cancel_message.borrow().clone();
                Err(self.cancelled_error(msg))
            }
            State::Finished => {
                fut.retrieved.set(true);
                match &*fut.exception.borrow() {
                    Some(e) => Err(e.clone()),
                    None => Ok(fut.result.borrow().clone()),
                }
            }
        }
    }

    /// One iteration of the loop (`_run_once`).
    fn run_once(&mut self) -> R<bool> {
        if self.aio.ready.is_empty() && !self.aio.stopping {
            let timer = self.aio.next_timer_live().map(deadline_ns);
            let thread = self.next_thread_wake();
            let target = match (timer, thread) {
                (Some(a), Some(b)) => a.min(b),
                (Some(a), None) => a,
                (None, Some(b)) => b,
                (None, None) => return Ok(false),
            };
            // The "select": the clock jumps, and worker threads due by then run.
            if target > self.aio.now_ns {
                let from = self.aio.time;
                self.aio.set_ns(target);
                if self.aio.time > self.limits.max_time {
                    return Err(self.stop(format!(
                        "virtual time passed {} hours",
                        self.limits.max_time / 3600.0
                    )));
                }
                self.aio.rec.idle_jump(from, self.aio.time);
            }
        }
        self.run_threads()?;
        let end = self.aio.time + 1e-9;
        while let Some(bucket) = self.aio.timers.pop_due(end) {
            let ready = &mut self.aio.ready;
            ready.extend(bucket.into_iter().filter(|cb| !is_cancelled(cb)));
        }
        let n = self.aio.ready.len();
        let t = self.aio.time;
        self.aio.rec.tick(t, n as u32);
        for _ in 0..n {
            let Some(cb) = self.aio.ready.pop_front() else {
                break;
            };
            self.run_callback(cb)?;
            if self.aio.rec.events.len() > self.limits.max_events {
                return Err(self.stop(format!(
                    "the run recorded more than {} events",
                    self.limits.max_events
                )));
            }
        }
        Ok(true)
    }

    /// `loop.run_until_complete(fut)`: runs the loop until `fut` is done.
    pub fn run_until_complete(&mut self, fut: Value) -> R<Value> {
        if self.aio.running {
            return Err(self.new_exc(
                &self.types.runtime_error.clone(),
                "This event loop is already running",
            ));
        }
        let fut = match super::future_of(&fut) {
            Some(_) => fut,
            None => {
                let task = self.new_task(fut, None)?;
                Value::object(Object::Aio(AioObject::Task(task)))
            }
        };
        self.aio.running = true;
        self.aio.stopping = false;
        let stop = Value::object(Object::Aio(AioObject::StopLoop));
        if let Some(f) = super::future_of(&fut) {
            if f.done() {
                self.schedule_callback(stop, fut.clone());
            } else {
                f.callbacks.borrow_mut().push(stop);
            }
        }
        let r = loop {
            match self.run_once() {
                Ok(true) => {
                    if self.aio.stopping {
                        break Ok(());
                    }
                }
                Ok(false) => break Err(self.deadlock()),
                Err(e) => break Err(e),
            }
        };
        self.aio.running = false;
        self.aio.stopping = false;
        r?;
        self.future_result(&fut)
    }

    /// Called by the `StopLoop` callback.
    pub fn stop_loop(&mut self) {
        self.aio.stopping = true;
    }

    fn deadlock(&mut self) -> Value {
        let mut waits = Vec::new();
        for t in &self.aio.tasks {
            if t.fut.done() {
                continue;
            }
            let what = match &*t.waiting.borrow() {
                Waiting::Future(f) => match super::task_of(f) {
                    Some(other) => format!("task {}", other.name.borrow()),
                    None => super::future_of(f)
                        .and_then(|f| f.label.borrow().clone())
                        .map_or("a future that nothing will complete".to_string(), |l| {
                            l.to_string()
                        }),
                },
                _ => "nothing".into(),
            };
            waits.push(format!("{} waits for {what}", t.name.borrow()));
        }
        let msg = format!(
            "deadlock: no task can ever run again ({})",
            if waits.is_empty() {
                "nothing is waiting".to_string()
            } else {
                waits.join("; ")
            }
        );
        self.aio.rec.deadlock = true;
        self.stop(msg)
    }

    fn next_thread_wake(&self) -> Option<i64> {
        self.aio.threads.iter().map(|t| t.wake_at).min()
    }

    /// Runs the worker threads whose sleep has ended by now, in the order they wake.
    pub fn run_threads(&mut self) -> R<()> {
        loop {
            let now = self.aio.now_ns;
            let Some(i) = self
                .aio
                .threads
                .iter()
                .enumerate()
                .filter(|(_, t)| t.wake_at <= now)
                .min_by_key(|(_, t)| t.wake_at)
                .map(|(i, _)| i)
            else {
                return Ok(());
            };
            let mut thread = self.aio.threads.remove(i);
            let was = std::mem::replace(&mut self.aio.in_thread, true);
            let exit = self.run(&mut thread.frames, 0);
            self.aio.in_thread = was;
            match exit {
                Exit::Suspend(Wait::ThreadSleep(secs)) => {
                    thread.wake_at = self.aio.now_ns + secs_ns(secs);
                    self.aio.threads.insert(i, thread);
                }
                Exit::Return(v) => self.job_done(thread.fut, Ok(v)),
                Exit::Raise(e) => {
                    if self.stopped.is_some() {
                        return Err(e);
                    }
                    self.job_done(thread.fut, Err(e))
                }
                Exit::Suspend(_) | Exit::Yield(_) => {
                    let e = self.new_exc(
                        &self.types.runtime_error.clone(),
                        "an executor job cannot await",
                    );
                    self.job_done(thread.fut, Err(e))
                }
            }
        }
    }

    fn job_done(&mut self, fut: Value, outcome: Result<Value, Value>) {
        self.aio.call_soon(Callback::JobDone { fut, outcome });
        // The first queued job whose pool now has a free worker starts.
        let free = |rt: &Runtime, p: Pool| {
            rt.threads.iter().filter(|t| t.pool.id == p.id).count() < p.max_workers.max(1)
        };
        if let Some(i) = self
            .aio
            .job_queue
            .iter()
            .position(|j| free(&self.aio, j.pool))
        {
            if let Some(job) = self.aio.job_queue.remove(i) {
                let _ = self.start_job(job);
            }
        }
        if self.aio.threads.is_empty() && self.aio.job_queue.is_empty() {
            for fut in std::mem::take(&mut self.aio.idle_waiters) {
                self.aio.call_soon(Callback::JobDone {
                    fut,
                    outcome: Ok(Value::None),
                });
            }
        }
    }

    /// A future done once no executor job is left (`shutdown_default_executor`).
    pub fn executor_idle(&mut self) -> Value {
        let fut = self.new_future();
        if self.aio.threads.is_empty() && self.aio.job_queue.is_empty() {
            let _ = self.set_result(&fut, Value::None);
        } else {
            self.aio.idle_waiters.push(fut.clone());
        }
        fut
    }

    /// Starts a job on a worker thread of its pool, or queues it if the pool is busy (it
    /// first runs when the loop next waits).
    pub fn start_job(&mut self, job: Job) -> R<()> {
        let busy = self
            .aio
            .threads
            .iter()
            .filter(|t| t.pool.id == job.pool.id)
            .count();
        if busy >= job.pool.max_workers.max(1) {
            self.aio.job_queue.push_back(job);
            return Ok(());
        }
        let Job {
            func,
            args,
            fut,
            pool,
        } = job;
        let frame = match &func {
            Value::Function(f) if f.code.kind == crate::py::code::CodeKind::Function => {
                let mut frame = self.bind(f, args, vec![])?;
                frame.kind = FrameKind::Base;
                frame
            }
            _ => {
                // A builtin runs at once, taking no time.
                let outcome = self.call_value(&func, args, vec![]);
                self.aio.call_soon(Callback::JobDone { fut, outcome });
                return Ok(());
            }
        };
        self.aio.threads.push(Thread {
            frames: vec![frame],
            fut,
            wake_at: self.aio.now_ns,
            pool,
        });
        Ok(())
    }

    /// `time.sleep(secs)` on the loop's thread: the loop is blocked, and worker threads
    /// go on meanwhile.
    pub fn block_loop(&mut self, secs: f64) -> R<()> {
        let end = self.aio.now_ns + secs_ns(secs);
        if let Some(task) = &self.aio.current {
            let t = self.aio.time;
            let id = task.id;
            self.aio.rec.blocked(t, id, end as f64 / 1e9);
        }
        while let Some(w) = self.next_thread_wake().filter(|w| *w <= end) {
            self.aio.set_ns(self.aio.now_ns.max(w));
            self.run_threads()?;
        }
        self.aio.set_ns(end);
        Ok(())
    }
}
