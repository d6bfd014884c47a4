//! The machine that runs [`Code`]: a loop over the instructions of the top frame of a
//! stack of frames. Python calls push a frame instead of recursing in Rust, so deep
//! Python recursion costs no Rust stack, and a task suspends by returning from the loop
//! with its frames left as they are.

mod attr;
mod blocks;
mod call;
pub mod exc;
mod exec;
pub mod frame;
mod function;
mod fused;
mod iter;
pub mod ops;
pub mod repr;
mod types;

use super::code::Code;
use super::value::*;
pub use attr::{module, norm_index};
pub use call::GenStep;
pub use frame::{Frame, FrameKind, GenState};
pub use ops::{range_len, range_len_exact, set_items};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
pub use types::Types;

/// What ended a run of the loop.
#[derive(Debug)]
pub enum Exit {
    /// The base frame returned.
    Return(Value),
    /// An exception escaped the base frame.
    Raise(Value),
    /// The base frame (a generator) yielded.
    Yield(Value),
    /// The top frame awaits something that is not ready: the task must wait.
    Suspend(Wait),
}

/// What a suspended task waits for.
#[derive(Debug)]
pub enum Wait {
    /// A future or task (an `AioObject`) to be done.
    Future(Value),
    /// `asyncio.sleep(delay, result)`: `delay` seconds, then `result`.
    Sleep { delay: f64, result: Value },
    /// `time.sleep` in an executor thread.
    ThreadSleep(f64),
    /// A live run's executor thread used up its switch interval: the loop takes a turn
    /// before it goes on.
    ThreadSwitch,
    /// A live run's `run_until_complete(fut)`: the program's frames wait while the
    /// loop runs until `fut` is done (`crate::py::stepped`).
    RunLoop(Value),
    /// A bare `yield` reaching the task from a generator it awaits (an `__await__`
    /// written with `yield`, `sleep(0)`), as CPython's `Task.__step` takes it: `None`
    /// gives the loop a turn, a future is waited for (the task then resumes with `None`),
    /// anything else is "Task got bad yield". Driven by hand, the value goes to `send()`.
    Yield(Value),
}

/// Safety limits: a runaway program ends with a message, never hangs or exhausts memory.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    /// Instructions executed in the whole run.
    pub max_instructions: u64,
    /// Frames on one task's stack (Python's recursion limit).
    pub max_frames: usize,
    /// Nested runs from builtins (`sorted` calling a key, `repr` calling `__repr__`).
    pub max_nesting: u32,
    /// Items in one list, string length... (checked where sizes are multiplied).
    pub max_items: usize,
    pub max_tasks: usize,
    pub max_events: usize,
    /// Virtual time, in seconds.
    pub max_time: f64,
    /// Instructions one task may run without giving the loop back.
    pub max_slice: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_instructions: 200_000_000,
            max_frames: 1000,
            max_nesting: 40,
            max_items: 2_000_000,
            max_tasks: 200_000,
            max_events: 4_000_000,
            max_time: 24.0 * 3600.0,
            max_slice: 20_000_000,
        }
    }
}

/// The interpreter: the modules, the built-in types, what was printed, and the asyncio
/// runtime of the `asyncio.run` in progress.
pub struct Vm {
    pub types: Types,
    pub builtins: Rc<RefCell<Dict>>,
    pub modules: HashMap<String, Value>,
    pub main_globals: Rc<RefCell<Dict>>,
    pub stdout: String,
    pub limits: Limits,
    pub instructions: u64,
    pub nesting: u32,
    /// Set when a limit is hit: the run ends with this message.
    pub stopped: Option<String>,
    pub aio: super::aio::Runtime,
    /// Deterministic randomness, seeded per run.
    pub rng: fastrand::Rng,
    /// Lines of the program, for tracebacks.
    pub source: Rc<str>,
    /// The module of the coroutine functions that wrap an awaitable in a coroutine
    /// (`Vm::wrapped`), made when first needed.
    pub await_wrappers: Option<Rc<RefCell<Dict>>>,
    /// Objects with `__hash__` used as keys, by hash (see `Vm::key`).
    pub interned_keys: HashMap<i64, Vec<Value>>,
    /// The program's coroutine objects, to report those never awaited.
    pub coroutines: Vec<Value>,
    /// A run stepped line by line: what its `Line` instructions report to.
    pub lines: Option<Box<crate::py::lines::Tracer>>,
}

type R<T> = Result<T, Value>;

/// A run leaves reference cycles that counting alone never frees (a function and the
/// module globals that hold it, a task and the gather waiting for it): a program run
/// again and again in one page would grow its memory each time. Dropping the machine
/// breaks them.
impl Drop for Vm {
    fn drop(&mut self) {
        self.aio.clear();
        for c in self.coroutines.drain(..) {
            if let Value::Object(o) = &c {
                if let Object::Gen(g) = &**o {
                    g.borrow_mut().frames.clear();
                }
            }
        }
        for m in self.modules.values() {
            if let Value::Object(o) = m {
                if let Object::Module(m) = &**o {
                    m.dict.borrow_mut().clear();
                }
            }
        }
        self.main_globals.borrow_mut().clear();
        self.interned_keys.clear();
        self.await_wrappers = None;
    }
}

impl Vm {
    pub fn new(source: &str, limits: Limits) -> Vm {
        let types = Types::new();
        let builtins = Rc::new(RefCell::new(Dict::default()));
        let main_globals = Rc::new(RefCell::new(Dict::default()));
        let mut vm = Vm {
            types,
            builtins,
            modules: HashMap::new(),
            main_globals,
            stdout: String::new(),
            limits,
            instructions: 0,
            nesting: 0,
            stopped: None,
            aio: super::aio::Runtime::default(),
            rng: fastrand::Rng::with_seed(0),
            source: source.into(),
            await_wrappers: None,
            interned_keys: HashMap::new(),
            coroutines: Vec::new(),
            lines: None,
        };
        super::builtins::install(&mut vm);
        let name = Key(Value::str("__name__"));
        vm.main_globals
            .borrow_mut()
            .insert(name, Value::str("__main__"));
        vm
    }

    /// Runs a module's code to its end.
    pub fn run_module(&mut self, code: Rc<Code>) -> R<Value> {
        let mut frames = self.module_frames(code);
        let exit = self.run(&mut frames, 0);
        self.module_result(exit)
    }

    /// The frames of the program's module, about to run.
    pub fn module_frames(&self, code: Rc<Code>) -> Vec<Frame> {
        let mut f = Frame::new(code, self.main_globals.clone());
        f.namespace = Some(self.main_globals.clone());
        f.kind = FrameKind::Base;
        vec![f]
    }

    /// How the module's run ended.
    pub fn module_result(&mut self, exit: Exit) -> R<Value> {
        match exit {
            Exit::Return(v) => Ok(v),
            Exit::Raise(e) => Err(e),
            Exit::Yield(_) | Exit::Suspend(_) => Err(self.new_exc(
                &self.types.runtime_error.clone(),
                "await outside a running event loop",
            )),
        }
    }

    /// Runs the frames above `base` until the frame at `base` returns, yields or raises,
    /// or the top frame must wait.
    pub fn run(&mut self, frames: &mut Vec<Frame>, base: usize) -> Exit {
        // Instructions since the count was last added to `self.instructions`: carried
        // across handled exceptions, so a loop that raises and catches is counted too.
        let mut budget: u64 = 0;
        let exit = loop {
            match self.run_frames(frames, base, &mut budget) {
                Ok(exit) => break exit,
                Err(e) => {
                    if let Some(exit) = self.unwind(frames, base, e) {
                        break exit;
                    }
                }
            }
        };
        self.instructions += budget & 0xfff;
        exit
    }

    /// Finds a handler for `exc`, from the top frame down to `base`; `None` when one
    /// was found and the run goes on.
    pub fn unwind(&mut self, frames: &mut Vec<Frame>, base: usize, exc: Value) -> Option<Exit> {
        let uncatchable = self.stopped.is_some();
        // An exception raised while another is handled has it as its context.
        let handled = frames[base.min(frames.len())..]
            .iter()
            .rev()
            .find_map(|f| f.handling.last());
        exc::set_context(&exc, handled);
        loop {
            let f = frames.last_mut()?;
            self.add_traceback(&exc, f);
            if !uncatchable {
                if let Some(h) = f.handlers.pop() {
                    f.stack.truncate(h.depth as usize);
                    f.handling.truncate(h.handling as usize);
                    f.handling.push(exc.clone());
                    f.stack.push(exc);
                    f.ip = h.target;
                    return None;
                }
            }
            let f = frames.pop()?;
            if uncatchable {
                self.unwound(&f);
            }
            self.frame_ended(&f);
            if let FrameKind::Close = f.kind {
                // Closing an async generator: its GeneratorExit ends the close quietly.
                if exc::is_instance(&exc, &self.types.generator_exit)
                    || exc::is_instance(&exc, &self.types.stop_async_iteration)
                {
                    if let Some(parent) = frames.last_mut() {
                        parent.push(Value::None);
                    }
                    return None;
                }
            }
            if frames.len() == base {
                return Some(Exit::Raise(exc));
            }
            if let FrameKind::Anext(_) = f.kind {
                if exc::is_instance(&exc, &self.types.stop_async_iteration) {
                    let e = self.new_exc(
                        &self.types.runtime_error.clone(),
                        "async generator raised StopAsyncIteration",
                    );
                    return self.unwind(frames, base, e);
                }
            }
        }
    }

    pub(super) fn add_traceback(&self, exc: &Value, f: &Frame) {
        if let Some(state) = exc::state(exc) {
            state.borrow_mut().traceback.insert(
                0,
                TracebackEntry {
                    file: f.code.filename.clone(),
                    func: f.code.name.clone(),
                    line: f.line(),
                },
            );
        }
    }

    /// Marks a generator or coroutine whose frame ended as finished.
    pub(super) fn frame_ended(&self, f: &Frame) {
        match &f.kind {
            FrameKind::Await(g) | FrameKind::ForIter { gen: g, .. } | FrameKind::Anext(g) => {
                if let Value::Object(o) = g {
                    if let Object::Gen(state) = &**o {
                        state.borrow_mut().finished = true;
                    }
                }
            }
            FrameKind::Call | FrameKind::Base | FrameKind::Close => {}
        }
    }

    /// Raises a limit's message: it cannot be caught, so the run ends with it.
    pub fn stop(&mut self, message: String) -> Value {
        let e = self.new_exc(&self.types.limit_error.clone(), &message);
        self.stopped.get_or_insert(message);
        e
    }
}
