//! Running a whole program: parse, compile, run, and what came of it, as `looplab-run`
//! reports it and the UI shows it.

use super::aio::cost::LoopKind;
use super::ast::{Module, SyntaxError};
use super::code::Code;
use super::value::Value;
use super::vm::{Limits, Vm};
use crate::sim::trace::{Outcome, Trace};
use std::rc::Rc;

/// How a program ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// It ran to its end.
    Completed,
    /// An exception escaped.
    Exception,
    /// Tasks wait for each other (or for nothing) and no timer is left.
    Deadlock,
    /// A safety limit stopped it (a loop that never yields, too many tasks...).
    Limit,
    /// A live run stopped by the user.
    Stopped,
    /// A live run still going (what it did so far).
    Running,
}

impl Ending {
    pub fn as_str(self) -> &'static str {
        match self {
            Ending::Completed => "completed",
            Ending::Exception => "exception",
            Ending::Deadlock => "deadlock",
            Ending::Limit => "limit",
            Ending::Stopped => "stopped",
            Ending::Running => "running",
        }
    }
}

/// How a program is run: its safety limits, and whether the loop's own cost is counted
/// (each callback moves the virtual clock on: `crate::py::aio::cost`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Options {
    pub limits: Limits,
    pub loop_cost: bool,
}

impl From<Limits> for Options {
    fn from(limits: Limits) -> Options {
        Options {
            limits,
            loop_cost: false,
        }
    }
}

impl Options {
    /// The default limits, the loop's cost counted or not.
    pub fn costed(loop_cost: bool) -> Options {
        Options {
            loop_cost,
            ..Options::default()
        }
    }
}

/// What a run produced.
pub struct RunOutput {
    pub ending: Ending,
    /// Virtual time when the program ended, in ms.
    pub virtual_ms: f64,
    pub stdout: String,
    /// `ValueError: boom` for an escaped exception; the limit's or deadlock's message.
    pub exception: Option<String>,
    /// The Python traceback of an escaped exception.
    pub traceback: Option<String>,
    /// What CPython would write to stderr besides (exceptions in callbacks...).
    pub stderr: String,
    pub trace: Trace,
    /// The loop the program ran on last (asyncio's own or uvloop's).
    pub loop_kind: LoopKind,
    /// Callbacks the loop ran.
    pub callbacks: u64,
}

/// Runs a program's text; a syntax error or refused construct is an `Err`.
pub fn run_source(src: &str) -> Result<RunOutput, SyntaxError> {
    run_source_with(src, Options::default())
}

pub fn run_source_with(src: &str, opts: Options) -> Result<RunOutput, SyntaxError> {
    let (mut vm, code) = prepare(src, opts)?;
    let result = vm.run_module(code);
    Ok(finish(vm, result, false))
}

/// The program compiled, and a machine to run it.
pub(super) fn prepare(src: &str, opts: Options) -> Result<(Vm, Rc<Code>), SyntaxError> {
    prepare_with(src, opts, super::compile::compile_module)
}

/// [`prepare`], the program compiled by `compile`.
pub(super) fn prepare_with(
    src: &str,
    opts: Options,
    compile: fn(&Module) -> Result<Rc<Code>, SyntaxError>,
) -> Result<(Vm, Rc<Code>), SyntaxError> {
    let ast = super::parser::parse(src)?;
    let code = compile(&ast)?;
    let mut vm = Vm::new(src, opts.limits);
    vm.aio.loop_cost = opts.loop_cost;
    vm.aio.rec.lines = src.lines().map(str::to_string).collect();
    vm.aio.rec.functions = code.line_functions();
    Ok((vm, code))
}

/// What came of a run that ended with `result` (or was `stopped` by the user).
pub(super) fn finish(mut vm: Vm, result: Result<Value, Value>, stopped: bool) -> RunOutput {
    let (ending, exception, traceback) = match result {
        _ if stopped => (Ending::Stopped, None, None),
        Ok(_) => (Ending::Completed, None, None),
        Err(e) => match vm.stopped.clone() {
            Some(message) => {
                if vm.aio.rec.deadlock.is_some() {
                    (Ending::Deadlock, Some(message), None)
                } else {
                    (Ending::Limit, Some(name_the_line(message, &e)), None)
                }
            }
            None => {
                if super::vm::exc::is_instance(&e, &vm.types.system_exit.clone()) {
                    (Ending::Completed, None, None)
                } else {
                    let text = vm.describe_exception(&e);
                    let tb = vm.format_traceback(&e);
                    (Ending::Exception, Some(text), Some(tb))
                }
            }
        },
    };
    let virtual_ms = vm.aio.time * 1000.0;
    let outcome = match ending {
        Ending::Completed => Outcome::Completed {
            value: String::new(),
        },
        Ending::Exception => Outcome::Failed {
            error: exception.clone().unwrap_or_default(),
        },
        Ending::Deadlock => {
            let waits = vm.aio.rec.deadlock.clone().unwrap_or_default();
            Outcome::Deadlock {
                cycle: crate::sim::kernel::find_cycle(&waits),
                waits,
            }
        }
        Ending::Limit => Outcome::LimitExceeded {
            message: exception.clone().unwrap_or_default(),
        },
        Ending::Stopped | Ending::Running => Outcome::Stopped,
    };
    let warnings = vm.warnings();
    let mut rec = std::mem::take(&mut vm.aio.rec);
    rec.notes.extend(warnings);
    let stderr = rec.notes.join("\n");
    let trace = rec.finish(vm.aio.time, outcome);
    RunOutput {
        ending,
        virtual_ms,
        stdout: std::mem::take(&mut vm.stdout),
        exception,
        traceback,
        stderr,
        trace,
        loop_kind: vm.aio.kind,
        callbacks: vm.aio.callbacks,
    }
}

/// A limit's message ends with the line it was met at (the innermost line of the
/// program in the stack it stopped), unless it names one already.
fn name_the_line(message: String, stopped: &super::value::Value) -> String {
    if message.contains("(line ") {
        return message;
    }
    let line = super::vm::exc::state(stopped).and_then(|s| {
        let s = s.borrow();
        s.traceback
            .iter()
            .rev()
            .find(|t| &*t.file == super::code::PROGRAM_FILE)
            .map(|t| t.line)
    });
    match line {
        Some(n) => format!("{message}{}", super::aio::runtime::at_line(n)),
        None => message,
    }
}
