//! The machine that runs [`Code`]: a loop over the instructions of the top frame of a
//! stack of frames. Python calls push a frame instead of recursing in Rust, so deep
//! Python recursion costs no Rust stack, and a task suspends by returning from the loop
//! with its frames left as they are.

mod attr;
mod call;
pub mod exc;
pub mod frame;
pub mod ops;
pub mod repr;
mod types;

use super::aio::State;
use super::code::{Code, CodeKind, Instr};
use super::compile::CELL_REF;
use super::value::*;
pub use attr::{module, norm_index};
pub use frame::{Frame, FrameKind, GenState};
pub use ops::{range_len, set_items};
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
}

/// Safety limits: a runaway program ends with a message, never hangs or exhausts memory.
#[derive(Clone, Copy, Debug)]
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
            max_nesting: 120,
            max_items: 10_000_000,
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
    /// The coroutine function that wraps `asyncio.sleep` for `create_task`.
    pub sleep_coroutine: Option<Value>,
    /// Objects with `__hash__` used as keys, by hash (see `Vm::key`).
    pub interned_keys: HashMap<i64, Vec<Value>>,
    /// The program's coroutine objects, to report those never awaited.
    pub coroutines: Vec<Value>,
}

type R<T> = Result<T, Value>;

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
            sleep_coroutine: None,
            interned_keys: HashMap::new(),
            coroutines: Vec::new(),
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
        let mut f = Frame::new(code, self.main_globals.clone());
        f.namespace = Some(self.main_globals.clone());
        f.kind = FrameKind::Base;
        let mut frames = vec![f];
        match self.run(&mut frames, 0) {
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
        loop {
            let result = self.run_frames(frames, base);
            match result {
                Ok(exit) => return exit,
                Err(e) => {
                    if let Some(exit) = self.unwind(frames, base, e) {
                        return exit;
                    }
                }
            }
        }
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

    fn add_traceback(&self, exc: &Value, f: &Frame) {
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
    fn frame_ended(&self, f: &Frame) {
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

    fn run_frames(&mut self, frames: &mut Vec<Frame>, base: usize) -> R<Exit> {
        let mut budget: u64 = 0;
        loop {
            let Some(f) = frames.last_mut() else {
                return Ok(Exit::Return(Value::None));
            };
            let code = f.code.clone();
            // Runs instructions of this frame until it calls, returns or yields.
            loop {
                budget += 1;
                if budget & 0xfff == 0 {
                    self.instructions += 0x1000;
                    if self.instructions > self.limits.max_instructions {
                        return Err(self.stop(format!(
                            "the program ran {} million instructions without finishing \
                             (line {}): is there a loop that never ends?",
                            self.limits.max_instructions / 1_000_000,
                            f.code.pos(f.ip as usize).line
                        )));
                    }
                    if self.aio.slice_exceeded(self.instructions, &self.limits) {
                        return Err(self.stop(format!(
                            "a task ran {} million instructions without an await (line {}): \
                             it never yields to the event loop, so nothing else can run. \
                             Add `await asyncio.sleep(0)` inside the loop.",
                            self.limits.max_slice / 1_000_000,
                            f.code.pos(f.ip as usize).line
                        )));
                    }
                }
                let Some(&instr) = code.instrs.get(f.ip as usize) else {
                    return Ok(Exit::Return(Value::None));
                };
                f.ip += 1;
                match instr {
                    Instr::Nop => {}
                    Instr::LoadConst(i) => f.stack.push(code.consts[i as usize].clone()),
                    Instr::LoadFast(i) => {
                        let v = &f.locals[i as usize];
                        if let Value::Unbound = v {
                            return Err(self.unbound_local(&code.locals[i as usize]));
                        }
                        f.stack.push(v.clone());
                    }
                    Instr::StoreFast(i) => {
                        let v = f.pop();
                        f.locals[i as usize] = v;
                    }
                    Instr::DeleteFast(i) => {
                        if let Value::Unbound = f.locals[i as usize] {
                            return Err(self.unbound_local(&code.locals[i as usize]));
                        }
                        f.locals[i as usize] = Value::Unbound;
                    }
                    Instr::LoadDeref(i) => {
                        if i & CELL_REF != 0 {
                            let cell = f.cells[(i & !CELL_REF) as usize].clone();
                            f.push(Value::object(Object::Cell(cell)));
                        } else {
                            let v = f.cells[i as usize].borrow().clone();
                            if let Value::Unbound = v {
                                let name = code.cells[i as usize].clone();
                                return Err(self.name_error(&name, true));
                            }
                            f.push(v);
                        }
                    }
                    Instr::StoreDeref(i) => {
                        let v = f.pop();
                        *f.cells[i as usize].borrow_mut() = v;
                    }
                    Instr::DeleteDeref(i) => {
                        *f.cells[i as usize].borrow_mut() = Value::Unbound;
                    }
                    Instr::LoadGlobal(i) => {
                        let name = &code.names[i as usize];
                        let v = self.load_global(&f.globals, name)?;
                        f.push(v);
                    }
                    Instr::StoreGlobal(i) => {
                        let v = f.pop();
                        let name = code.names[i as usize].clone();
                        f.globals.borrow_mut().insert(Key(Value::Str(name)), v);
                    }
                    Instr::DeleteGlobal(i) => {
                        let name = code.names[i as usize].clone();
                        if f.globals
                            .borrow_mut()
                            .shift_remove(&Key(Value::Str(name.clone())))
                            .is_none()
                        {
                            return Err(self.name_error(&name, false));
                        }
                    }
                    Instr::LoadName(i) => {
                        let name = &code.names[i as usize];
                        let key = Name(name);
                        let found = f
                            .namespace
                            .as_ref()
                            .and_then(|ns| ns.borrow().get(&key).cloned());
                        let v = match found {
                            Some(v) => v,
                            None => self.load_global(&f.globals, name)?,
                        };
                        f.push(v);
                    }
                    Instr::StoreName(i) => {
                        let v = f.pop();
                        let key = Key(Value::Str(code.names[i as usize].clone()));
                        let ns = f.namespace.clone().unwrap_or_else(|| f.globals.clone());
                        ns.borrow_mut().insert(key, v);
                    }
                    Instr::DeleteName(i) => {
                        let name = code.names[i as usize].clone();
                        let ns = f.namespace.clone().unwrap_or_else(|| f.globals.clone());
                        if ns
                            .borrow_mut()
                            .shift_remove(&Key(Value::Str(name.clone())))
                            .is_none()
                        {
                            return Err(self.name_error(&name, false));
                        }
                    }
                    Instr::LoadAttr(i) => {
                        let obj = f.pop();
                        let v = self.getattr(&obj, &code.names[i as usize])?;
                        call::push_top(frames, v);
                        break;
                    }
                    Instr::StoreAttr(i) => {
                        let obj = f.pop();
                        let v = f.pop();
                        self.setattr(&obj, &code.names[i as usize], v)?;
                    }
                    Instr::DeleteAttr(i) => {
                        let obj = f.pop();
                        self.delattr(&obj, &code.names[i as usize])?;
                    }
                    Instr::Subscr => {
                        let index = f.pop();
                        let obj = f.pop();
                        let v = self.getitem(&obj, &index)?;
                        call::push_top(frames, v);
                        break;
                    }
                    Instr::StoreSubscr => {
                        let index = f.pop();
                        let obj = f.pop();
                        let v = f.pop();
                        self.setitem(&obj, index, v)?;
                        break;
                    }
                    Instr::DeleteSubscr => {
                        let index = f.pop();
                        let obj = f.pop();
                        self.delitem(&obj, &index)?;
                    }
                    Instr::Binary(op) => {
                        let b = f.pop();
                        let a = f.pop();
                        let v = match ops::fast_binary(op, &a, &b) {
                            Some(v) => v,
                            None => {
                                let v = self.binary(op, &a, &b)?;
                                call::push_top(frames, v);
                                break;
                            }
                        };
                        f.push(v);
                    }
                    Instr::Inplace(op) => {
                        let b = f.pop();
                        let a = f.pop();
                        let v = match ops::fast_binary(op, &a, &b) {
                            Some(v) => v,
                            None => {
                                let v = self.inplace(op, &a, &b)?;
                                call::push_top(frames, v);
                                break;
                            }
                        };
                        f.push(v);
                    }
                    Instr::Unary(op) => {
                        let a = f.pop();
                        let v = self.unary(op, &a)?;
                        call::push_top(frames, v);
                        break;
                    }
                    Instr::Compare(op) => {
                        let b = f.pop();
                        let a = f.pop();
                        let v = match ops::fast_compare(op, &a, &b) {
                            Some(v) => v,
                            None => {
                                let v = self.compare(op, &a, &b)?;
                                call::push_top(frames, Value::Bool(v));
                                break;
                            }
                        };
                        f.push(Value::Bool(v));
                    }
                    Instr::Pop => {
                        f.stack.pop();
                    }
                    Instr::Dup => {
                        let v = f.top().clone();
                        f.push(v);
                    }
                    Instr::Dup2 => {
                        let n = f.stack.len();
                        if n >= 2 {
                            let a = f.stack[n - 2].clone();
                            let b = f.stack[n - 1].clone();
                            f.push(a);
                            f.push(b);
                        }
                    }
                    Instr::Rot2 => {
                        let n = f.stack.len();
                        if n >= 2 {
                            f.stack.swap(n - 1, n - 2);
                        }
                    }
                    Instr::Rot3 => {
                        let v = f.pop();
                        let n = f.stack.len();
                        f.stack.insert(n.saturating_sub(2), v);
                    }
                    Instr::BuildTuple(n) => {
                        let items = f.stack.split_off(f.stack.len() - n as usize);
                        f.push(Value::tuple(items));
                    }
                    Instr::BuildList(n) => {
                        let items = f.stack.split_off(f.stack.len() - n as usize);
                        f.push(Value::list(items));
                    }
                    Instr::BuildSet(n) => {
                        let items = f.stack.split_off(f.stack.len() - n as usize);
                        let set = self.make_set(items)?;
                        call::push_top(frames, set);
                        break;
                    }
                    Instr::BuildMap(n) => {
                        let items = f.stack.split_off(f.stack.len() - 2 * n as usize);
                        let mut d = Dict::default();
                        let mut it = items.into_iter();
                        while let (Some(k), Some(v)) = (it.next(), it.next()) {
                            let k = self.key(k)?;
                            d.insert(k, v);
                        }
                        call::push_top(frames, Value::dict(d));
                        break;
                    }
                    Instr::BuildSlice(n) => {
                        let step = if n == 3 { f.pop() } else { Value::None };
                        let stop = f.pop();
                        let start = f.pop();
                        f.push(Value::object(Object::Slice { start, stop, step }));
                    }
                    Instr::BuildString(n) => {
                        let parts = f.stack.split_off(f.stack.len() - n as usize);
                        let mut s = String::new();
                        for p in &parts {
                            if let Value::Str(p) = p {
                                s.push_str(p);
                            }
                        }
                        f.push(Value::Str(s.into()));
                    }
                    Instr::ListAppend(n) => {
                        let v = f.pop();
                        let at = f.stack.len() - n as usize;
                        if let Value::List(l) = &f.stack[at] {
                            l.borrow_mut().push(v);
                        }
                    }
                    Instr::ListExtend(n) => {
                        let v = f.pop();
                        let at = f.stack.len() - n as usize;
                        let target = f.stack[at].clone();
                        let items = self.collect(&v)?;
                        if let Value::List(l) = target {
                            l.borrow_mut().extend(items);
                        }
                        break;
                    }
                    Instr::SetAdd(n) => {
                        let v = f.pop();
                        let at = f.stack.len() - n as usize;
                        let target = f.stack[at].clone();
                        let k = self.key(v)?;
                        if let Value::Set(s) = target {
                            s.borrow_mut().insert(k);
                        }
                        break;
                    }
                    Instr::SetUpdate(n) => {
                        let v = f.pop();
                        let at = f.stack.len() - n as usize;
                        let target = f.stack[at].clone();
                        let items = self.collect(&v)?;
                        if let Value::Set(s) = target {
                            for i in items {
                                let k = self.key(i)?;
                                s.borrow_mut().insert(k);
                            }
                        }
                        break;
                    }
                    Instr::MapAdd(n) => {
                        let v = f.pop();
                        let k = f.pop();
                        let at = f.stack.len() - n as usize;
                        let target = f.stack[at].clone();
                        let k = self.key(k)?;
                        if let Value::Dict(d) = target {
                            d.borrow_mut().insert(k, v);
                        }
                        break;
                    }
                    Instr::DictUpdate(n) => {
                        let v = f.pop();
                        let at = f.stack.len() - n as usize;
                        let target = f.stack[at].clone();
                        self.dict_update(&target, &v)?;
                        break;
                    }
                    Instr::ListToTuple => {
                        let v = f.pop();
                        if let Value::List(l) = v {
                            let items = std::mem::take(&mut *l.borrow_mut());
                            f.push(Value::tuple(items));
                        }
                    }
                    Instr::FormatValue { conversion, spec } => {
                        let spec = if spec { f.pop() } else { Value::None };
                        let v = f.pop();
                        let s = self.format_value(&v, conversion, &spec)?;
                        call::push_top(frames, s);
                        break;
                    }
                    Instr::UnpackSequence(n) => {
                        let v = f.pop();
                        let items = match &v {
                            Value::Tuple(t) if t.len() == n as usize => t.to_vec(),
                            _ => {
                                let items = self.collect(&v)?;
                                self.check_unpack(items.len(), n as usize, false)?;
                                items
                            }
                        };
                        let f = frames.last_mut().expect("frame");
                        f.stack.extend(items.into_iter().rev());
                        break;
                    }
                    Instr::UnpackEx { before, after } => {
                        let v = f.pop();
                        let mut items = self.collect(&v)?;
                        self.check_unpack(items.len(), (before + after) as usize, true)?;
                        let tail = items.split_off(items.len() - after as usize);
                        let middle = items.split_off(before as usize);
                        let f = frames.last_mut().expect("frame");
                        f.stack.extend(tail.into_iter().rev());
                        f.push(Value::list(middle));
                        f.stack.extend(items.into_iter().rev());
                        break;
                    }
                    Instr::Jump(t) => f.ip = t,
                    Instr::PopJumpIfFalse(t) => {
                        let v = f.pop();
                        let truth = match v {
                            Value::Bool(b) => b,
                            v => self.truthy(&v)?,
                        };
                        let f = frames.last_mut().expect("frame");
                        if !truth {
                            f.ip = t;
                        }
                        break;
                    }
                    Instr::PopJumpIfTrue(t) => {
                        let v = f.pop();
                        let truth = match v {
                            Value::Bool(b) => b,
                            v => self.truthy(&v)?,
                        };
                        let f = frames.last_mut().expect("frame");
                        if truth {
                            f.ip = t;
                        }
                        break;
                    }
                    Instr::JumpIfFalseOrPop(t) => {
                        let v = f.top().clone();
                        let truth = self.truthy(&v)?;
                        let f = frames.last_mut().expect("frame");
                        if truth {
                            f.stack.pop();
                        } else {
                            f.ip = t;
                        }
                        break;
                    }
                    Instr::JumpIfTrueOrPop(t) => {
                        let v = f.top().clone();
                        let truth = self.truthy(&v)?;
                        let f = frames.last_mut().expect("frame");
                        if truth {
                            f.ip = t;
                        } else {
                            f.stack.pop();
                        }
                        break;
                    }
                    Instr::GetIter => {
                        let v = f.pop();
                        let it = self.iter(&v)?;
                        call::push_top(frames, it);
                        break;
                    }
                    Instr::ForIter(exit) => {
                        let it = f.top().clone();
                        if let Some(gen) = ops::resumable_generator(&it) {
                            // The generator's frame runs on this stack.
                            let mut g = gen.borrow_mut();
                            if g.finished || g.frame.is_none() {
                                drop(g);
                                f.stack.pop();
                                f.ip = exit;
                                continue;
                            }
                            let mut gf = g.frame.take().expect("frame");
                            if g.started {
                                gf.push(Value::None);
                            }
                            g.started = true;
                            drop(g);
                            gf.kind = FrameKind::ForIter { gen: it, exit };
                            frames.push(*gf);
                            self.check_depth(frames)?;
                            break;
                        }
                        match self.next(&it)? {
                            Some(v) => {
                                call::push_top(frames, v);
                            }
                            None => {
                                let f = frames.last_mut().expect("frame");
                                f.stack.pop();
                                f.ip = exit;
                            }
                        }
                        break;
                    }
                    Instr::GetAIter => {
                        let v = f.pop();
                        let it = self.call_method(&v, "__aiter__", vec![])?;
                        call::push_top(frames, it);
                        break;
                    }
                    Instr::EndAsyncFor => {
                        let exc = f.pop();
                        if exc::is_instance(&exc, &self.types.stop_async_iteration) {
                            f.stack.pop();
                            f.handling.pop();
                        } else {
                            f.handling.pop();
                            return Err(exc);
                        }
                    }
                    Instr::Call(argc) => {
                        let args = f.stack.split_off(f.stack.len() - argc as usize);
                        let func = f.pop();
                        self.call_into(frames, func, args, Vec::new())?;
                        if let Some(secs) = self.aio.thread_sleep.take() {
                            return Ok(Exit::Suspend(Wait::ThreadSleep(secs)));
                        }
                        break;
                    }
                    Instr::CallKw { argc, names } => {
                        let mut args = f.stack.split_off(f.stack.len() - argc as usize);
                        let func = f.pop();
                        let Value::Tuple(names) = &code.consts[names as usize] else {
                            break;
                        };
                        let kw_values = args.split_off(args.len() - names.len());
                        let kwargs = names
                            .iter()
                            .zip(kw_values)
                            .map(|(n, v)| (n.as_str().unwrap_or("").into(), v))
                            .collect();
                        self.call_into(frames, func, args, kwargs)?;
                        if let Some(secs) = self.aio.thread_sleep.take() {
                            return Ok(Exit::Suspend(Wait::ThreadSleep(secs)));
                        }
                        break;
                    }
                    Instr::CallEx { kwargs } => {
                        let kw = if kwargs { f.pop() } else { Value::None };
                        let args = f.pop();
                        let func = f.pop();
                        let args = match args {
                            Value::Tuple(t) => t.to_vec(),
                            other => self.collect(&other)?,
                        };
                        let kwargs = self.kwargs_of(&kw)?;
                        self.call_into(frames, func, args, kwargs)?;
                        if let Some(secs) = self.aio.thread_sleep.take() {
                            return Ok(Exit::Suspend(Wait::ThreadSleep(secs)));
                        }
                        break;
                    }
                    Instr::CallMethod { name, argc } => {
                        let args = f.stack.split_off(f.stack.len() - argc as usize);
                        let recv = f.pop();
                        let name = code.names[name as usize].clone();
                        self.call_method_into(frames, recv, &name, args)?;
                        if let Some(secs) = self.aio.thread_sleep.take() {
                            return Ok(Exit::Suspend(Wait::ThreadSleep(secs)));
                        }
                        break;
                    }
                    Instr::MakeFunction { code: k, flags } => {
                        let Value::Code(c) = &code.consts[k as usize] else {
                            break;
                        };
                        let func = self.make_function(f, c.clone(), flags);
                        f.push(func);
                    }
                    Instr::MakeClass { code: k, bases } => {
                        let Value::Code(c) = &code.consts[k as usize] else {
                            break;
                        };
                        let c = c.clone();
                        let closure = f.pop();
                        let bases = f.stack.split_off(f.stack.len() - bases as usize);
                        let globals = f.globals.clone();
                        let class = self.make_class(c, bases, closure, globals)?;
                        call::push_top(frames, class);
                        break;
                    }
                    Instr::Return => {
                        let v = f.pop();
                        let done = frames.pop().expect("frame");
                        self.frame_ended(&done);
                        if frames.len() == base {
                            return Ok(Exit::Return(v));
                        }
                        let parent = frames.last_mut().expect("frame");
                        match done.kind {
                            FrameKind::ForIter { exit, .. } => {
                                parent.stack.pop();
                                parent.ip = exit;
                            }
                            FrameKind::Anext(_) => {
                                return Err(
                                    self.new_exc(&self.types.stop_async_iteration.clone(), "")
                                );
                            }
                            FrameKind::Close => parent.push(Value::None),
                            FrameKind::Call | FrameKind::Await(_) | FrameKind::Base => {
                                parent.push(v)
                            }
                        }
                        break;
                    }
                    Instr::YieldValue => {
                        let v = f.pop();
                        if frames.len() - 1 == base {
                            return Ok(Exit::Yield(v));
                        }
                        let mut done = frames.pop().expect("frame");
                        let kind = std::mem::replace(&mut done.kind, FrameKind::Call);
                        let parent = frames.last_mut().expect("frame");
                        match kind {
                            FrameKind::ForIter { gen, .. } | FrameKind::Anext(gen) => {
                                parent.push(v);
                                if let Value::Object(o) = &gen {
                                    if let Object::Gen(g) = &**o {
                                        g.borrow_mut().frame = Some(Box::new(done));
                                    }
                                }
                            }
                            FrameKind::Close => {
                                return Err(self.new_exc(
                                    &self.types.runtime_error.clone(),
                                    "async generator ignored GeneratorExit",
                                ))
                            }
                            _ => {
                                return Err(self.new_exc(
                                    &self.types.runtime_error.clone(),
                                    "yield inside a coroutine: use an async generator",
                                ))
                            }
                        }
                        break;
                    }
                    Instr::GetAwaitable => {
                        let v = f.pop();
                        let a = self.awaitable(v)?;
                        call::push_top(frames, a);
                        break;
                    }
                    Instr::Await => {
                        let a = f.pop();
                        if let Some(exit) = self.await_value(frames, a)? {
                            return Ok(exit);
                        }
                        break;
                    }
                    Instr::SetupExcept(t) | Instr::SetupFinally(t) => {
                        f.handlers.push(frame::Handler {
                            target: t,
                            depth: f.stack.len() as u32,
                            handling: f.handling.len() as u32,
                        });
                    }
                    Instr::PopBlock => {
                        f.handlers.pop();
                    }
                    Instr::Raise(n) => {
                        return Err(match n {
                            0 => match f.handling.last() {
                                Some(e) => e.clone(),
                                None => self.new_exc(
                                    &self.types.runtime_error.clone(),
                                    "No active exception to reraise",
                                ),
                            },
                            1 => {
                                let e = f.pop();
                                self.make_exception(e, None)?
                            }
                            _ => {
                                let cause = f.pop();
                                let e = f.pop();
                                self.make_exception(e, Some(cause))?
                            }
                        });
                    }
                    Instr::Reraise => {
                        let e = f.pop();
                        f.handling.pop();
                        if let Value::Instance(i) = &e {
                            // The traceback already holds this frame.
                            if let Some(s) = &i.exc {
                                let mut s = s.borrow_mut();
                                if s.traceback.first().is_some_and(|t| t.func == code.name) {
                                    s.traceback.remove(0);
                                }
                            }
                        }
                        return Err(e);
                    }
                    Instr::PopExcept => {
                        f.handling.pop();
                    }
                    Instr::ExcMatch => {
                        let t = f.pop();
                        let e = f.top().clone();
                        let m = self.exc_matches(&e, &t)?;
                        call::push_top(frames, Value::Bool(m));
                        break;
                    }
                    Instr::ExcGroupMatch => {
                        let t = f.pop();
                        let e = f.pop();
                        let (rest, matched) = self.split_group(&e, &t)?;
                        let f = frames.last_mut().expect("frame");
                        f.push(rest);
                        f.push(matched);
                        break;
                    }
                    Instr::ExcGroupReraise => {
                        let rest = f.pop();
                        f.handling.pop();
                        if !rest.is_none() {
                            return Err(rest);
                        }
                    }
                    Instr::ImportName(i) => {
                        let name = code.names[i as usize].clone();
                        let m = self.import(&name)?;
                        call::push_top(frames, m);
                        break;
                    }
                    Instr::ImportFrom(i) => {
                        let m = f.top().clone();
                        let name = code.names[i as usize].clone();
                        let v = self.import_from(&m, &name)?;
                        call::push_top(frames, v);
                        break;
                    }
                    Instr::BeforeWith { is_async } => {
                        let cm = f.pop();
                        let (enter, exit) = if is_async {
                            ("__aenter__", "__aexit__")
                        } else {
                            ("__enter__", "__exit__")
                        };
                        let exit_m = self.getattr(&cm, exit).map_err(|_| {
                            self.type_error(&format!(
                                "'{}' object does not support the {}context manager protocol",
                                self.type_name(&cm),
                                if is_async { "asynchronous " } else { "" }
                            ))
                        })?;
                        call::push_top(frames, exit_m);
                        self.call_method_into(frames, cm, enter, vec![])?;
                        break;
                    }
                    Instr::CallExit => {
                        let e = f.pop();
                        let exit = f.pop();
                        let args = if e.is_none() {
                            vec![Value::None, Value::None, Value::None]
                        } else {
                            vec![self.type_of(&e), e, Value::None]
                        };
                        self.call_into(frames, exit, args, Vec::new())?;
                        break;
                    }
                }
            }
        }
    }

    fn check_unpack(&self, got: usize, want: usize, starred: bool) -> R<()> {
        if starred && got < want {
            return Err(self.value_error(&format!(
                "not enough values to unpack (expected at least {want}, got {got})"
            )));
        }
        if !starred && got < want {
            return Err(self.value_error(&format!(
                "not enough values to unpack (expected {want}, got {got})"
            )));
        }
        if !starred && got > want {
            return Err(self.value_error(&format!("too many values to unpack (expected {want})")));
        }
        Ok(())
    }

    pub fn check_depth(&mut self, frames: &[Frame]) -> R<()> {
        if frames.len() > self.limits.max_frames {
            return Err(self.new_exc(
                &self.types.recursion_error.clone(),
                "maximum recursion depth exceeded",
            ));
        }
        Ok(())
    }

    fn load_global(&self, globals: &Rc<RefCell<Dict>>, name: &Rc<str>) -> R<Value> {
        let key = Name(name);
        if let Some(v) = globals.borrow().get(&key) {
            return Ok(v.clone());
        }
        if let Some(v) = self.builtins.borrow().get(&key) {
            return Ok(v.clone());
        }
        Err(self.name_error(name, false))
    }

    fn unbound_local(&self, name: &str) -> Value {
        self.new_exc(
            &self.types.unbound_local_error.clone(),
            &format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }

    fn name_error(&self, name: &str, free: bool) -> Value {
        let msg = if free {
            format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope")
        } else {
            format!("name '{name}' is not defined")
        };
        self.new_exc(&self.types.name_error.clone(), &msg)
    }

    fn make_function(&self, f: &mut Frame, code: Rc<Code>, flags: u8) -> Value {
        use super::code::make_flags::*;
        let closure = if flags & CLOSURE != 0 {
            match f.pop() {
                Value::Tuple(t) => t
                    .iter()
                    .filter_map(|c| match c {
                        Value::Object(o) => match &**o {
                            Object::Cell(c) => Some(c.clone()),
                            _ => None,
                        },
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            }
        } else {
            Vec::new()
        };
        let kw_defaults = if flags & KW_DEFAULTS != 0 {
            match f.pop() {
                Value::Dict(d) => d
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.0.as_str().unwrap_or("").into(), v.clone()))
                    .collect(),
                _ => Vec::new(),
            }
        } else {
            Vec::new()
        };
        let defaults = if flags & DEFAULTS != 0 {
            match f.pop() {
                Value::Tuple(t) => t.to_vec(),
                _ => Vec::new(),
            }
        } else {
            Vec::new()
        };
        Value::Function(Rc::new(Function {
            code,
            globals: f.globals.clone(),
            defaults,
            kw_defaults,
            closure,
            attrs: RefCell::new(Dict::default()),
        }))
    }

    /// A new frame for `code` with its cells made (captured locals get fresh cells;
    /// free variables are the closure's).
    pub fn frame_for(&self, func: &Function) -> Frame {
        let mut f = Frame::new(func.code.clone(), func.globals.clone());
        let own = func.code.cells.len() - func.code.free as usize;
        let mut cells = Vec::with_capacity(func.code.cells.len());
        for _ in 0..own {
            cells.push(Rc::new(RefCell::new(Value::Unbound)));
        }
        cells.extend(func.closure.iter().cloned());
        f.cells = cells;
        f
    }

    /// Moves arguments bound to captured parameters into their cells.
    pub fn fill_cells(f: &mut Frame) {
        for &(ci, li) in f.code.cell_locals.iter() {
            let v = std::mem::take(&mut f.locals[li as usize]);
            *f.cells[ci as usize].borrow_mut() = v;
        }
    }

    /// A generator, coroutine or async generator object over a frame.
    pub fn make_gen(&mut self, frame: Frame) -> Value {
        let code = frame.code.clone();
        let gen = Value::object(Object::Gen(RefCell::new(GenState {
            kind: code.kind,
            name: code.name.clone(),
            qualname: code.qualname.clone(),
            frame: Some(Box::new(frame)),
            started: false,
            finished: false,
            awaited: code.kind != CodeKind::Coroutine,
        })));
        if code.kind == CodeKind::Coroutine && &*code.filename == "main.py" {
            self.coroutines.push(gen.clone());
        }
        gen
    }

    /// What CPython writes to stderr when the objects are collected: coroutines never
    /// awaited, tasks whose exception nobody retrieved.
    pub fn warnings(&mut self) -> Vec<String> {
        let mut out = Vec::new();
        for c in std::mem::take(&mut self.coroutines) {
            if let Value::Object(o) = &c {
                if let Object::Gen(g) = &**o {
                    let g = g.borrow();
                    if !g.awaited {
                        out.push(format!(
                            "RuntimeWarning: coroutine '{}' was never awaited",
                            g.qualname
                        ));
                    }
                }
            }
        }
        for t in self.aio.tasks.clone() {
            let exc = t.fut.exception.borrow().clone();
            if let (Some(e), false, State::Finished) =
                (exc, t.fut.retrieved.get(), t.fut.state.get())
            {
                let task = Value::object(Object::Aio(crate::py::aio::AioObject::Task(t.clone())));
                let r = self.repr_of(&task).unwrap_or_default();
                let tb = self.format_traceback(&e);
                out.push(format!(
                    "Task exception was never retrieved\nfuture: {r}\n{}",
                    tb.trim_end()
                ));
            }
        }
        out
    }
}
