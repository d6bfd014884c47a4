//! Executors: worker threads that run jobs on the virtual clock (a `time.sleep` in a
//! worker takes virtual time while the loop goes on), pools with their sizes, and
//! `time.sleep` on the loop's thread, which blocks the loop. In a live run a worker's
//! `time.sleep` is a real timer the loop waits for beside its own.

use super::runtime::{secs_ns, Callback, Runtime, R};
use crate::py::value::*;
use crate::py::vm::{Exit, Frame, FrameKind, Vm, Wait};

/// CPython's `sys.getswitchinterval()`: how long a thread holds the GIL while another
/// thread (the loop's) waits for it.
const SWITCH_INTERVAL_MS: f64 = 5.0;

/// A live run's worker thread running Python must hand the loop a turn: it has run
/// for the switch interval, and not inside a builtin's nested run. Checked every few
/// thousand instructions.
pub(crate) fn thread_switch_due(vm: &Vm) -> bool {
    match (&vm.aio.thread_slice, &vm.aio.host) {
        (Some((ends_ms, nesting)), Some(host)) => {
            *nesting == vm.nesting && host.now_ms() >= *ends_ms
        }
        _ => false,
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
    /// Its number in the trace: the lowest no other running thread has.
    pub worker: u32,
    /// The task that submitted the job, which the trace credits with it.
    pub task: Option<u32>,
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
    pub task: Option<u32>,
}

impl Vm {
    pub(super) fn next_thread_wake(&self) -> Option<i64> {
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
            self.aio.thread_slice = self
                .aio
                .host
                .as_ref()
                .map(|h| (h.now_ms() + SWITCH_INTERVAL_MS, self.nesting));
            let exit = self.run(&mut thread.frames, 0);
            self.aio.thread_slice = None;
            self.aio.in_thread = was;
            match exit {
                Exit::Suspend(Wait::ThreadSleep(secs)) => {
                    thread.wake_at = self.aio.now_ns + secs_ns(secs);
                    self.aio.threads.insert(i, thread);
                }
                Exit::Suspend(Wait::ThreadSwitch) => {
                    thread.wake_at = self.aio.now_ns;
                    self.aio.threads.insert(i, thread);
                    return Ok(());
                }
                Exit::Return(v) => self.job_done(thread, Ok(v)),
                Exit::Raise(e) => {
                    if self.stopped.is_some() {
                        return Err(e);
                    }
                    self.job_done(thread, Err(e))
                }
                Exit::Suspend(_) | Exit::Yield(_) => {
                    let e = self.new_exc(
                        &self.types.runtime_error.clone(),
                        "an executor job cannot await",
                    );
                    self.job_done(thread, Err(e))
                }
            }
        }
    }

    fn job_done(&mut self, thread: Thread, outcome: Result<Value, Value>) {
        if let Some(task) = thread.task {
            let t = self.aio.time;
            self.aio.rec.executor_job(t, task, thread.worker, false);
        }
        let fut = thread.fut;
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

    /// `func(*args)` submitted to `pool` by the running task; `fut` gets its outcome.
    pub(super) fn submit_job(
        &mut self,
        func: Value,
        args: Vec<Value>,
        fut: Value,
        pool: Pool,
    ) -> R<()> {
        let task = self.aio.current.as_ref().map(|t| t.id);
        self.start_job(Job {
            func,
            args,
            fut,
            pool,
            task,
        })
    }

    /// Starts a job on a worker thread of its pool, or queues it if the pool is busy (it
    /// first runs when the loop next waits).
    fn start_job(&mut self, job: Job) -> R<()> {
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
            task,
        } = job;
        let is_python = |f: &Value| matches!(f, Value::Function(f) if f.code.kind == crate::py::code::CodeKind::Function);
        // Anything else (a builtin such as `time.sleep`, a bound method, a class) runs
        // in the worker too, called from the prelude's `_call_in_thread` frame, as
        // CPython's thread calls it: never on the loop's thread.
        let (func, args) = match self.aio.thread_call.clone() {
            Some(call) if !is_python(&func) && is_python(&call) => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(func);
                all.extend(args);
                (call, all)
            }
            _ => (func, args),
        };
        let frame = match &func {
            Value::Function(f) if is_python(&func) => {
                let mut frame = self.bind(f, args, vec![])?;
                frame.kind = FrameKind::Base;
                frame
            }
            _ => {
                // Before the prelude has run (never in a program): at once, on the
                // loop's thread.
                let outcome = self.call_value(&func, args, vec![]);
                self.aio.call_soon(Callback::JobDone { fut, outcome });
                return Ok(());
            }
        };
        let threads = &self.aio.threads;
        let worker = (0..)
            .find(|w| threads.iter().all(|t| t.worker != *w))
            .unwrap_or_default();
        if let Some(task) = task {
            let t = self.aio.time;
            self.aio.rec.executor_job(t, task, worker, true);
        }
        self.aio.threads.push(Thread {
            frames: vec![frame],
            fut,
            wake_at: self.aio.now_ns,
            pool,
            worker,
            task,
        });
        Ok(())
    }

    /// Is a job running or queued whose pool and future pass `of`?
    pub(super) fn has_jobs(&self, of: impl Fn(Pool, &Value) -> bool) -> bool {
        self.aio.threads.iter().any(|t| of(t.pool, &t.fut))
            || self.aio.job_queue.iter().any(|j| of(j.pool, &j.fut))
    }

    /// Holds the loop's thread while `busy`, the worker threads running meanwhile.
    pub(super) fn block_while(&mut self, busy: impl Fn(&Vm) -> bool) -> R<()> {
        while busy(self) {
            let Some(next) = self.next_thread_wake() else {
                break;
            };
            let secs = (next - self.aio.now_ns).max(0) as f64 / 1e9;
            self.block_loop(secs)?;
            self.run_threads()?;
        }
        Ok(())
    }

    /// `result()` of an `executor.submit` future waits for its job, as the caller's
    /// thread does in CPython (the loop's thread is held meanwhile); the outcome is the
    /// future's at once, not when the loop next runs.
    pub(super) fn wait_for_job(&mut self, fut: &Value) -> R<()> {
        self.block_while(|vm| vm.has_jobs(|_, f| f.is(fut)))?;
        match self.aio.take_job_done(fut) {
            Some(done) => self.run_callback(done),
            None => Ok(()),
        }
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
            self.hold_until(w);
            self.run_threads()?;
        }
        self.hold_until(end);
        Ok(())
    }
}
