//! A program run a step at a time by a driver, one turn of its loop a call, two ways:
//! - live ([`SteppedRun::live`]): its loop turned as the host's real time passes,
//!   instead of jumping a virtual clock. The browser driver (`crate::live::python`)
//!   calls [`SteppedRun::step`] and waits in between, as asyncio's `select` waits, for
//!   the next timer or a request's answer;
//! - on the virtual clock ([`SteppedRun::new`]), [`SteppedRun::run_while`] a slice at
//!   a time, so that the app can draw between slices of a big run
//!   (`crate::ui::running::Running`). It runs exactly as [`super::run::run_source_with`]
//!   does: the same trace, output and ending (`tests/py_stepped.rs`).
//!
//! Pure Rust like the rest of the interpreter. `run_until_complete` cannot return to
//! the driver inside a call, so in a stepped run it suspends the program's own frames
//! (`Wait::RunLoop`) and `step` turns the loop until the future is done, then resumes
//! them with its outcome.

use super::aio::host::Host;
use super::aio::runtime::Turn;
use super::ast::SyntaxError;
use super::run::{finish, prepare, Options, RunOutput};
use super::value::Value;
use super::vm::{Exit, Frame, Vm, Wait};
use crate::sim::trace::Trace;
use std::rc::Rc;

/// What one step did.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Step {
    /// The program or one turn of its loop ran; step again.
    Ran,
    /// Nothing to run until the host's clock reaches this time in ms (the next timer
    /// or worker thread), or, with `None`, until a request is answered.
    Idle(Option<f64>),
    /// The program ended: [`SteppedRun::finish`] says how.
    Over,
}

pub struct SteppedRun {
    vm: Vm,
    /// The program's module and the frames it called.
    frames: Vec<Frame>,
    /// The future of the `run_until_complete` the frames wait for.
    waiting: Option<Value>,
    /// How the program ended, once it has.
    result: Option<Result<Value, Value>>,
    /// The loop's time when it went idle, to record the wait when it wakes.
    idle_since: Option<f64>,
}

impl SteppedRun {
    /// The program compiled and ready to run live, with `host` as its outside world.
    pub fn live(src: &str, host: Rc<dyn Host>) -> Result<SteppedRun, SyntaxError> {
        let mut run = SteppedRun::new(src, Options::default())?;
        run.vm.aio.host = Some(host);
        run.vm.sync_clock();
        Ok(run)
    }

    /// The program compiled and ready to run on the virtual clock, as `opts` say.
    pub fn new(src: &str, opts: Options) -> Result<SteppedRun, SyntaxError> {
        let (mut vm, code) = prepare(src, opts)?;
        vm.aio.stepped = true;
        let frames = vm.module_frames(code);
        Ok(SteppedRun {
            vm,
            frames,
            waiting: None,
            result: None,
            idle_since: None,
        })
    }

    /// On the virtual clock: runs until the program ends (true) or `go_on`, asked after
    /// each callback of the loop with the instructions run since this call, says to stop
    /// (false; the rest of a turn cut short runs first on the next call).
    pub fn run_while(&mut self, mut go_on: impl FnMut(u64) -> bool) -> bool {
        let from = self.vm.instructions;
        let mut go_on = move |n: u64| go_on(n - from);
        loop {
            match self.step_within(&mut go_on) {
                Step::Over => return true,
                // The virtual clock jumps to any timer: idle means nothing is left. The
                // clock did not move, so there is no idle wait to record.
                Step::Idle(_) => {
                    self.idle_since = None;
                    self.deadlock();
                }
                Step::Ran if !go_on(self.vm.instructions) => return false,
                Step::Ran => {}
            }
        }
    }

    /// The machine, to read the program's state (`crate::py::inspect`).
    pub(crate) fn vm_mut(&mut self) -> &mut Vm {
        &mut self.vm
    }

    /// Events recorded so far, and the clock's time in ms: how far the run has got.
    pub fn reached(&self) -> (usize, f64) {
        (self.vm.aio.rec.events.len(), self.vm.aio.time * 1000.0)
    }

    /// Runs the program until it starts its loop or ends, or one turn of the loop.
    pub fn step(&mut self) -> Step {
        self.step_within(&mut |_| true)
    }

    /// [`Self::step`], the turn of the loop cut short when `go_on` says so (asked after
    /// each callback with the machine's count of instructions: `Vm::run_turn`).
    fn step_within(&mut self, go_on: &mut dyn FnMut(u64) -> bool) -> Step {
        if self.result.is_some() {
            return Step::Over;
        }
        let Some(fut) = self.waiting.clone() else {
            let exit = self.vm.run(&mut self.frames, 0);
            return self.exited(exit);
        };
        if let Some(from) = self.idle_since.take() {
            self.vm.sync_clock();
            let to = self.vm.aio.time;
            self.vm.aio.rec.idle_jump(from, to);
        }
        match self.vm.run_turn(go_on) {
            Ok(Turn::Cut) => Step::Ran,
            Ok(_) if self.vm.loop_stopping() => {
                let r = self.vm.end_run(&fut, Ok(()));
                self.resume(r)
            }
            Ok(Turn::Ran) => Step::Ran,
            Ok(Turn::Idle(due)) => {
                self.idle_since = Some(self.vm.aio.time);
                Step::Idle(due.map(|ns| ns as f64 / 1e6))
            }
            Err(e) => {
                let r = self.vm.end_run(&fut, Err(e));
                self.resume(r)
            }
        }
    }

    /// Nothing is due and no request is in flight: the loop can never run again.
    /// The program's `run_until_complete` raises the deadlock, as on the virtual clock.
    pub fn deadlock(&mut self) {
        if let Some(fut) = self.waiting.clone() {
            let e = self.vm.deadlock();
            let r = self.vm.end_run(&fut, Err(e));
            self.resume(r);
        }
    }

    /// Requests sent and not answered yet.
    pub fn requests_pending(&self) -> usize {
        self.vm.requests_pending()
    }

    /// The host answered request `id`.
    pub fn fetched(&mut self, id: u32, body: Result<String, String>) {
        if let Err(e) = self.vm.fetched(id, body) {
            self.result.get_or_insert(Err(e));
        }
    }

    /// The trace recorded so far.
    pub fn trace_so_far(&self) -> Trace {
        self.vm.aio.rec.so_far(self.vm.aio.time)
    }

    /// What the run did so far: its printed text and trace, its ending `Running`.
    pub fn progress(&self) -> RunOutput {
        RunOutput {
            ending: super::run::Ending::Running,
            virtual_ms: self.vm.aio.time * 1000.0,
            stdout: self.vm.stdout.clone(),
            exception: None,
            traceback: None,
            stderr: self.vm.aio.rec.notes.join("\n"),
            trace: self.trace_so_far(),
            loop_kind: self.vm.aio.kind,
            callbacks: self.vm.aio.callbacks,
        }
    }

    /// What came of the run; `stopped` if the user stopped it before it ended.
    pub fn finish(self, stopped: bool) -> RunOutput {
        let stopped = stopped && self.result.is_none();
        let result = self.result.unwrap_or(Ok(Value::None));
        finish(self.vm, result, stopped)
    }

    /// The loop ran until its future was done: the program's frames go on with its
    /// outcome, in place of the value the suspended call left.
    fn resume(&mut self, r: Result<Value, Value>) -> Step {
        self.waiting = None;
        if let Some(top) = self.frames.last_mut() {
            top.pop();
        }
        match r {
            Ok(v) => {
                if let Some(top) = self.frames.last_mut() {
                    top.push(v);
                }
                Step::Ran
            }
            Err(e) => match self.vm.unwind(&mut self.frames, 0, e) {
                Some(exit) => self.exited(exit),
                None => Step::Ran,
            },
        }
    }

    fn exited(&mut self, exit: Exit) -> Step {
        match exit {
            Exit::Suspend(Wait::RunLoop(fut)) => {
                self.waiting = Some(fut);
                Step::Ran
            }
            exit => {
                self.result = Some(self.vm.module_result(exit));
                Step::Over
            }
        }
    }
}
