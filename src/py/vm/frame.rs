//! A running function: its code, where it is, its value stack and its variables. A task
//! is a stack of frames (the coroutine, the coroutines it awaits, the functions they
//! call), kept as data, so a task suspends by leaving its frames where they are.

use crate::py::code::Code;
use crate::py::value::{Dict, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// How a frame hands back its result when it ends or yields.
#[derive(Clone, Debug)]
pub enum FrameKind {
    /// A function call: the result goes on the caller's stack.
    Call,
    /// A coroutine being awaited (the `Gen` object is kept to mark it finished).
    Await(Value),
    /// A generator resumed by a `for` loop: a yield gives the loop its item; the end
    /// pops the loop's iterator and jumps to `exit`.
    ForIter { gen: Value, exit: u32 },
    /// An async generator resumed by `await gen.__anext__()`: a yield is the await's
    /// result; the end raises `StopAsyncIteration` in the awaiting frame.
    Anext(Value),
    /// An async generator being closed (`aclose()`): its `GeneratorExit` or its end
    /// resumes the awaiting frame with `None`.
    Close,
    /// Run on its own (a task's coroutine, `next(gen)` from a builtin, the module).
    Base,
}

/// An exception handler set up by `SetupExcept`/`SetupFinally`.
#[derive(Clone, Copy, Debug)]
pub struct Handler {
    pub target: u32,
    /// The value stack's depth to go back to.
    pub depth: u32,
    /// How many exceptions were being handled when it was set up.
    pub handling: u32,
}

#[derive(Debug)]
pub struct Frame {
    pub code: Rc<Code>,
    pub ip: u32,
    pub stack: Vec<Value>,
    pub locals: Vec<Value>,
    pub cells: Vec<Rc<RefCell<Value>>>,
    pub globals: Rc<RefCell<Dict>>,
    /// The namespace of a module or class body (`LoadName`/`StoreName`).
    pub namespace: Option<Rc<RefCell<Dict>>>,
    pub handlers: Vec<Handler>,
    /// Exceptions being handled (`except` and `finally` blocks entered by an exception),
    /// innermost last: a bare `raise` raises the last one.
    pub handling: Vec<Value>,
    pub kind: FrameKind,
}

impl Frame {
    pub fn new(code: Rc<Code>, globals: Rc<RefCell<Dict>>) -> Frame {
        let n = code.locals.len();
        Frame {
            stack: Vec::with_capacity(8),
            locals: vec![Value::Unbound; n],
            cells: Vec::new(),
            globals,
            namespace: None,
            handlers: Vec::new(),
            handling: Vec::new(),
            kind: FrameKind::Call,
            ip: 0,
            code,
        }
    }

    /// A copy of its code, position and variables (without its stack and handlers), to
    /// read after the frame is gone.
    pub fn snapshot(&self) -> Frame {
        let mut copy = Frame::new(self.code.clone(), self.globals.clone());
        copy.ip = self.ip;
        copy.locals = self.locals.clone();
        copy.cells = self.cells.clone();
        copy
    }

    /// The line it is at (of the instruction that last ran).
    pub fn line(&self) -> u32 {
        self.code.pos(self.ip.saturating_sub(1) as usize).line
    }

    pub fn pop(&mut self) -> Value {
        self.stack.pop().unwrap_or_default()
    }

    pub fn top(&self) -> &Value {
        self.stack.last().unwrap_or(&Value::None)
    }

    pub fn push(&mut self, v: Value) {
        self.stack.push(v);
    }
}

/// A generator, coroutine or async generator object.
#[derive(Debug)]
pub struct GenState {
    /// Its function's code: the kind, `__name__` and `__qualname__`.
    pub code: Rc<Code>,
    /// Its frame while suspended (or before it starts), the only item; empty while it
    /// runs or after. A `Vec` so that a resumed generator runs on it and a suspended
    /// one goes back into it without allocating.
    pub frames: Vec<Frame>,
    pub started: bool,
    pub finished: bool,
    /// A coroutine that was awaited or made a task (else "never awaited" is reported).
    pub awaited: bool,
}
