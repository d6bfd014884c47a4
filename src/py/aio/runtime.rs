//! The event loop, as CPython's `BaseEventLoop._run_once` runs it, on a virtual clock:
//! due timers join the ready queue (FIFO), the callbacks that were ready when the
//! iteration began run in order, and when nothing is ready the clock jumps to the next
//! timer (`timers.rs` keeps them by due time). A live run (`crate::py::stepped`) reads the
//! host's clock instead and idles until the next timer is due.

use super::cost::LoopKind;
use super::executor::{Job, Pool, Thread};
use super::future::{State, TaskRef, Waiting};
use super::record::Recorder;
use super::timers::Timers;
use super::AioObject;
use crate::py::value::*;
use crate::py::vm::Vm;
use crate::sim::trace::{TaskId, WaitEdge};
use std::cell::Cell;
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
    /// The prelude's `_call_in_thread(func, *args)`: a builtin handed to an executor
    /// (`run_in_executor(None, time.sleep, 1)`) runs in a worker through its frame.
    pub thread_call: Option<Value>,
    /// How many executors the program made (each gets its number).
    pub pools: usize,
    /// The code running is a worker thread's.
    pub in_thread: bool,
    /// A live run's worker thread running Python: when it must let the loop run, by the
    /// host's clock, and the nesting its code runs at (a builtin's nested run is never
    /// cut).
    pub thread_slice: Option<(f64, u32)>,
    /// What the code that called a builtin waits for once the call returns: a worker
    /// thread's `time.sleep`, or a live run's `run_until_complete`.
    pub suspend: Option<crate::py::vm::Wait>,
    /// The loop as a value, made once.
    pub loop_object: Option<Value>,
    /// Futures waiting for the executor to have nothing left to do.
    pub idle_waiters: Vec<Value>,
    /// The line the last task to run suspended at, to name in a limit's message.
    pub last_line: u32,
    /// A live run's outside world; `None` on the virtual clock.
    pub host: Option<Rc<dyn super::host::Host>>,
    /// The run is turned by a driver (`crate::py::stepped`): the program's own
    /// `run_until_complete` hands the loop to it instead of turning it to the end.
    pub stepped: bool,
    /// A live run's requests in flight, by id: the future each answers.
    pub requests: Vec<Option<Value>>,
    /// The loop running: asyncio's own or uvloop's.
    pub kind: LoopKind,
    /// The kind of loop `asyncio.run` makes (`uvloop.install()` sets it).
    pub policy: LoopKind,
    /// Each callback moves the virtual clock on by what it costs `kind` (`cost.rs`).
    pub loop_cost: bool,
    /// Callbacks run, cancelled ones not counted (as CPython skips them).
    pub callbacks: u64,
    /// Callbacks of the loop's current iteration still to run, when a stepped run cut it
    /// short (`Vm::run_turn`).
    pub turn_left: usize,
}

/// What one iteration of the loop did.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Turn {
    /// Callbacks ran (maybe none, if only the clock moved).
    Ran,
    /// Some of the iteration's callbacks ran; the next call runs the rest.
    Cut,
    /// Nothing is ready: the next timer or worker thread is due at this time in ns, or
    /// nothing is due (a live run may still wait for a request).
    Idle(Option<i64>),
}

impl Runtime {
    /// Drops everything the loop holds (tasks with their frames and callbacks, queued
    /// callbacks, timers, threads): reference cycles among them (a task, the gather
    /// waiting for it, the gather's outer future) are never freed by counting alone.
    pub fn clear(&mut self) {
        for t in std::mem::take(&mut self.tasks) {
            t.frames.borrow_mut().clear();
            *t.waiting.borrow_mut() = Waiting::Nothing;
            t.fut.clear();
            if let Value::Object(o) = &t.coro {
                if let Object::Gen(g) = &**o {
                    g.borrow_mut().frames.clear();
                }
            }
        }
        self.ready.clear();
        self.timers.buckets.clear();
        self.threads.clear();
        self.current = None;
        self.idle_waiters.clear();
        self.loop_object = None;
        self.requests.clear();
    }

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

    /// Takes the queued outcome of the executor job whose future is `fut`, if queued.
    pub fn take_job_done(&mut self, fut: &Value) -> Option<Callback> {
        let i = self
            .ready
            .iter()
            .position(|cb| matches!(cb, Callback::JobDone { fut: f, .. } if f.is(fut)))?;
        self.ready.remove(i)
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

pub(super) fn is_cancelled(cb: &Callback) -> bool {
    match cb {
        Callback::Call { cancelled, .. } => cancelled.get(),
        Callback::SleepDone { task, gen } => {
            task.gen.get() != *gen || !matches!(*task.waiting.borrow(), Waiting::Sleep { .. })
        }
        _ => false,
    }
}

pub(super) type R<T> = Result<T, Value>;

/// ` (line 7)`, to end a limit's message; nothing when the line is not known.
pub fn at_line(line: u32) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(" (line {line})")
    }
}

impl Vm {
    pub(super) fn run_callback(&mut self, cb: Callback) -> R<()> {
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
                let waiting = std::mem::replace(&mut *task.waiting.borrow_mut(), Waiting::Nothing);
                if let Waiting::Sleep { result, .. } = waiting {
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
                    match &**o {
                        Object::Aio(AioObject::StopLoop) => {
                            self.stop_loop();
                            return Ok(());
                        }
                        Object::Aio(AioObject::Gather(g)) => {
                            let fut = args.into_iter().next().unwrap_or_default();
                            return self.gather_child_done(g, &fut);
                        }
                        _ => {}
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
            State::Cancelled => Err(self.make_cancelled_error(fut)),
            State::Finished => {
                fut.retrieved.set(true);
                match &*fut.exception.borrow() {
                    Some(e) => Err(e.clone()),
                    None => Ok(fut.result.borrow().clone()),
                }
            }
        }
    }

    /// `Future._make_cancelled_error`: the `CancelledError` a cancelled task ended
    /// with, the first time it is asked for; then a new one with the cancel message.
    pub fn make_cancelled_error(&mut self, fut: &super::Future) -> Value {
        if let Some(e) = fut.exception.borrow_mut().take() {
            return e;
        }
        let msg = fut.cancel_message.borrow().clone();
        self.cancelled_error(msg)
    }

    /// One iteration of the loop (`_run_once`). On the virtual clock it never idles
    /// while a timer is armed: the clock jumps to it. A live run's clock is the host's,
    /// so it returns `Idle` until the host's time reaches the next timer.
    pub fn run_once(&mut self) -> R<Turn> {
        self.run_turn(&mut |_| true)
    }

    /// [`Self::run_once`], cut short after a callback when `go_on`, asked with the
    /// instructions run so far, says so (`Turn::Cut`): the next call runs the rest of
    /// the iteration, so the run is the same however it is cut. A big program's run in
    /// slices is cut so: one iteration can run 10,000 callbacks.
    pub fn run_turn(&mut self, go_on: &mut dyn FnMut(u64) -> bool) -> R<Turn> {
        if self.aio.turn_left == 0 {
            if let Some(idle) = self.begin_turn()? {
                return Ok(idle);
            }
        }
        while self.aio.turn_left > 0 {
            self.aio.turn_left -= 1;
            let Some(cb) = self.aio.ready.pop_front() else {
                self.aio.turn_left = 0;
                break;
            };
            if is_cancelled(&cb) {
                continue;
            }
            if let Err(e) = self.run_ready(cb) {
                self.aio.turn_left = 0;
                return Err(e);
            }
            if self.aio.turn_left > 0 && !go_on(self.instructions) {
                return Ok(Turn::Cut);
            }
        }
        Ok(Turn::Ran)
    }

    /// The start of an iteration: the "select" (the clock jumps to what is due next on
    /// the virtual clock; `Some(Idle)` if nothing is, or a live run must wait), worker
    /// threads and due timers, and how many callbacks it runs.
    fn begin_turn(&mut self) -> R<Option<Turn>> {
        self.sync_clock();
        if self.aio.ready.is_empty() && !self.aio.stopping {
            let timer = self.aio.next_timer_live().map(deadline_ns);
            let thread = self.next_thread_wake();
            let target = match (timer, thread) {
                (Some(a), Some(b)) => a.min(b),
                (Some(a), None) => a,
                (None, Some(b)) => b,
                (None, None) => return Ok(Some(Turn::Idle(None))),
            };
            if target > self.aio.now_ns && self.aio.host.is_some() {
                return Ok(Some(Turn::Idle(Some(target))));
            }
            // The "select": the clock jumps, and worker threads due by then run.
            if target > self.aio.now_ns {
                let from = self.aio.time;
                self.aio.set_ns(target);
                if self.aio.time > self.limits.max_time {
                    let line = self
                        .aio
                        .timers
                        .first_task_line()
                        .unwrap_or(self.aio.last_line);
                    return Err(self.stop(format!(
                        "virtual time passed {} hours{}",
                        self.limits.max_time / 3600.0,
                        at_line(line)
                    )));
                }
                self.aio.rec.idle_jump(from, self.aio.time);
            }
        }
        self.run_threads()?;
        let end = self.aio.time + 1e-9;
        while let Some(mut bucket) = self.aio.timers.pop_due(end) {
            let ready = &mut self.aio.ready;
            ready.extend(bucket.drain(..).filter(|cb| !is_cancelled(cb)));
            self.aio.timers.recycle(bucket);
        }
        let n = self.aio.ready.len();
        let t = self.aio.time;
        self.aio.rec.tick(t, n as u32);
        self.aio.turn_left = n;
        Ok(None)
    }

    /// Runs one callback of the iteration, then counts what it cost.
    fn run_ready(&mut self, cb: Callback) -> R<()> {
        self.aio.callbacks += 1;
        self.run_callback(cb)?;
        if self.aio.loop_cost && self.aio.host.is_none() {
            let ns = self.aio.now_ns + self.aio.kind.callback_ns();
            self.aio.set_ns(ns);
        }
        if self.aio.rec.events.len() > self.limits.max_events {
            return Err(self.stop(format!(
                "the run recorded more than {} events{}",
                self.limits.max_events,
                at_line(self.aio.last_line)
            )));
        }
        Ok(())
    }

    /// `loop.run_until_complete(fut)`: runs the loop until `fut` is done. A stepped run
    /// (live, or on the virtual clock a slice at a time) does not turn it here: the
    /// program's frames suspend instead (`Wait::RunLoop`), and `SteppedRun` turns the
    /// loop. A nested call (inside `sorted()`, a `__repr__` or a worker thread) cannot
    /// suspend those frames: on the virtual clock it turns the loop here, as an unstepped
    /// run does; live, where that would mean waiting for real time, it is refused.
    pub fn run_until_complete(&mut self, fut: Value) -> R<Value> {
        let nested = self.nesting > 0 || self.aio.in_thread;
        if nested && self.aio.host.is_some() {
            return Err(self.new_exc(
                &self.types.runtime_error.clone(),
                "a live run starts the event loop only from the program's own code \
                 (not inside sorted(), map() or a __repr__): call asyncio.run(main()) there",
            ));
        }
        let fut = self.begin_run(fut)?;
        if self.aio.stepped && !nested {
            self.aio.suspend = Some(crate::py::vm::Wait::RunLoop(fut));
            return Ok(Value::None);
        }
        let r = loop {
            match self.run_once() {
                Ok(_) if self.aio.stopping => break Ok(()),
                Ok(Turn::Ran | Turn::Cut) => {}
                Ok(Turn::Idle(_)) => break Err(self.deadlock()),
                Err(e) => break Err(e),
            }
        };
        self.end_run(&fut, r)
    }

    /// The start of `run_until_complete`: `fut` as a future (a coroutine becomes a
    /// task), the loop running, and a callback that stops it once `fut` is done.
    fn begin_run(&mut self, fut: Value) -> R<Value> {
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
        Ok(fut)
    }

    /// Has the loop run until the future of `run_until_complete` is done?
    pub fn loop_stopping(&self) -> bool {
        self.aio.stopping
    }

    /// The end of `run_until_complete`: the loop stops, and `fut`'s outcome is its
    /// value (or the error `r` that ended the loop).
    pub fn end_run(&mut self, fut: &Value, r: R<()>) -> R<Value> {
        self.aio.running = false;
        self.aio.stopping = false;
        r?;
        self.future_result(fut)
    }

    /// Called by the `StopLoop` callback.
    pub fn stop_loop(&mut self) {
        self.aio.stopping = true;
    }

    /// What a task waiting on `fut` waits for, in words, and who holds it: a lock,
    /// semaphore or queue of the program by its name (`Lock 2.acquire()`) with its
    /// holder, else what the future is labelled for.
    fn waits_on(&self, fut: Option<&super::future::Future>) -> (String, Option<TaskId>) {
        let label = fut.and_then(|f| f.label.borrow().clone());
        match (fut.and_then(|f| f.resource()), label.as_deref()) {
            (Some(r), Some(label)) => {
                let (name, holder) = self.aio.rec.held(r);
                let call = label.rsplit('.').next().unwrap_or(label);
                let on = format!("{}.{call}()", name.unwrap_or("a lock"));
                (on, holder.map(TaskId))
            }
            (_, Some(label)) => (label.to_string(), None),
            (_, None) => ("a future nothing will complete".to_string(), None),
        }
    }

    /// No callback is ready, no timer is armed and no worker runs: the tasks still alive
    /// wait for each other, or for something nothing will do. The run ends, and the
    /// trace says who waits for what (and the cycle, if there is one).
    pub fn deadlock(&mut self) -> Value {
        let mut edges = Vec::new();
        for t in &self.aio.tasks {
            if t.fut.done() {
                continue;
            }
            let (on, holder) = match &*t.waiting.borrow() {
                Waiting::Future(f) => match super::task_of(f) {
                    Some(other) => (format!("task {}", other.name()), Some(TaskId(other.id))),
                    None => self.waits_on(super::future_of(f)),
                },
                _ => ("nothing".to_string(), None),
            };
            edges.push(WaitEdge {
                task: TaskId(t.id),
                on,
                holder,
            });
        }
        let words: Vec<String> = edges
            .iter()
            .map(|e| {
                let name = self.aio.tasks[e.task.index()].name();
                match e.holder.filter(|_| !e.on.starts_with("task ")) {
                    Some(h) => {
                        let holder = self.aio.tasks[h.index()].name();
                        format!("{name} waits for {}, held by {holder}", e.on)
                    }
                    None => format!("{name} waits for {}", e.on),
                }
            })
            .collect();
        let msg = format!(
            "deadlock: no task can ever run again ({})",
            if words.is_empty() {
                "nothing is waiting".to_string()
            } else {
                words.join("; ")
            }
        );
        self.aio.rec.deadlock = Some(edges);
        self.stop(msg)
    }
}
