//! Stepping a run statement by statement, as Python Tutor's "Next" does, down to the
//! statements a task runs between two awaits: the program is compiled with a `Line`
//! instruction where each statement begins (`compile::compile_module_traced`; asyncio's
//! own Python is compiled without, so it is never stepped through), and the machine
//! reports each one to the run's [`Tracer`].
//!
//! A step is where CPython's `sys.settrace` gives a 'line' event (what Python Tutor
//! steps by): each statement that begins a line (statements after a `;`, or on their
//! block's header line, are part of the line's step), the header of a `for` or `while`
//! again at each iteration (and once more when the loop ends), each `except` clause
//! tried, a `with` statement's line again as it is left, a class's line again as its
//! body begins; not `global`/`nonlocal` or a function's docstring, which run nothing.
//! Unlike CPython's trace there is no step inside a lambda or a comprehension, nor
//! where evaluation moves to another line within a statement written on several lines
//! (`tests/py_lines_corpus.rs` compares the steps with CPython's events on the
//! corpus).
//!
//! As for [`inspect_at`](super::inspect::inspect_at), a run is deterministic: the state
//! before step `k` is found by running the program again and stopping at that `Line`,
//! with the limits' stop, which nothing in the program can catch. The running task's
//! frames are on the machine's stack then, not in the task, and the stop unwinds them:
//! the tracer keeps a copy of each frame the stop unwinds, with the task it ran in.

use super::ast::SyntaxError;
use super::code::PROGRAM_FILE;
use super::inspect::{frame_view, read_state, Inspection};
use super::run::prepare_with;
use super::run::Options;
use super::value::Value;
use super::vm::frame::Frame;
use super::vm::Vm;

/// At most this many steps are listed: a longer run is cut there.
pub const MAX_STEPS: usize = 20_000;

/// A statement about to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineStep {
    /// Its 1-based line in the program.
    pub line: u32,
    /// The task running it (its id in the trace); `None` outside any task: the
    /// module's code, a loop callback, a worker thread.
    pub task: Option<u32>,
    /// How many trace events were recorded before it began.
    pub events: usize,
}

/// Every statement a run ran, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct LineSteps {
    pub steps: Vec<LineStep>,
    /// The run went on past [`MAX_STEPS`] statements: the list stops there.
    pub cut: bool,
}

/// What a stepped run's `Line` instructions report to.
pub struct Tracer {
    /// The steps so far.
    steps: Vec<LineStep>,
    /// The index of the step to stop before.
    stop_at: usize,
    /// The step the run stopped before.
    at: Option<LineStep>,
    /// The frames the stop unwound, innermost first, each with the task it ran in
    /// (`None` outside any).
    unwound: Vec<(Option<u32>, Frame)>,
}

/// Every statement `source`'s run runs, up to [`MAX_STEPS`]; a syntax error is an
/// `Err`, as for [`super::run_source`].
pub fn line_steps(source: &str, opts: Options) -> Result<LineSteps, SyntaxError> {
    let tracer = run_traced(source, opts, MAX_STEPS)?.1;
    Ok(LineSteps {
        cut: tracer.at.is_some(),
        steps: tracer.steps,
    })
}

/// The state just before step `step` (0-based, as [`line_steps`] lists them) runs:
/// every task's frames and variables as `inspect_at` reads them (the running task's
/// included), the module's variables, and which statement runs where
/// ([`Inspection::at`]). At the end of the run if it has fewer steps (`at` is `None`).
pub fn inspect_at_line(
    source: &str,
    step: usize,
    opts: Options,
) -> Result<Inspection, SyntaxError> {
    let (mut vm, tracer) = run_traced(source, opts, step)?;
    let mut state = read_state(&mut vm);
    if let Some(at) = tracer.at {
        state.at = Some(at);
        // The unwound frames, outermost first, back where they ran.
        let unwound = tracer.unwound;
        for (task, _) in &unwound {
            if let Some(t) = state.tasks.iter_mut().find(|t| Some(t.task) == *task) {
                t.frames.clear();
            }
        }
        for (task, frame) in unwound.iter().rev() {
            match state.tasks.iter_mut().find(|t| Some(t.task) == *task) {
                Some(t) => t.frames.push(frame_view(&mut vm, frame)),
                // Outside tasks, asyncio's own frames (`asyncio.run`'s) are not the
                // program's to show.
                None if &*frame.code.filename == PROGRAM_FILE => {
                    let view = frame_view(&mut vm, frame);
                    state.outside.push(view)
                }
                None => {}
            }
        }
    }
    Ok(state)
}

/// Runs `source` compiled for stepping, stopping before step `stop_at`; the machine
/// as the run left it, and what its tracer saw.
fn run_traced(source: &str, opts: Options, stop_at: usize) -> Result<(Vm, Tracer), SyntaxError> {
    let compile = super::compile::compile_module_traced;
    let (mut vm, code) = prepare_with(source, opts, compile)?;
    vm.lines = Some(Box::new(Tracer {
        steps: Vec::new(),
        stop_at,
        at: None,
        unwound: Vec::new(),
    }));
    // Stopped before the step, or ended by itself: either way the state is read.
    let _ = vm.run_module(code);
    let tracer = vm.lines.take().expect("the tracer stays for the run");
    Ok((vm, *tracer))
}

impl Vm {
    /// A statement begins at `line`: the run's next step, or the one to stop before.
    pub(crate) fn line_reached(&mut self, line: u32) -> Result<(), Value> {
        let step = LineStep {
            line,
            task: self.running_task(),
            events: self.aio.rec.events.len(),
        };
        let Some(tracer) = self.lines.as_deref_mut() else {
            return Ok(());
        };
        if tracer.steps.len() < tracer.stop_at {
            tracer.steps.push(step);
            return Ok(());
        }
        tracer.at.get_or_insert(step);
        let message = format!("stopped before step {}", tracer.stop_at);
        Err(self.stop(message))
    }

    /// A frame a stop unwinds: a copy is kept when the stop is a line step's, since
    /// the running task's frames live nowhere else.
    pub(crate) fn unwound(&mut self, f: &Frame) {
        let task = self.running_task();
        if let Some(tracer) = self.lines.as_deref_mut() {
            if tracer.at.is_some() {
                tracer.unwound.push((task, f.snapshot()));
            }
        }
    }

    /// The task whose code runs: `None` in the module's code, a loop callback or a
    /// worker thread (which runs while a task waits in `time.sleep`, say).
    fn running_task(&self) -> Option<u32> {
        match &self.aio.current {
            Some(t) if !self.aio.in_thread => Some(t.id),
            _ => None,
        }
    }
}
