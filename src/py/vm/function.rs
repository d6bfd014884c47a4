//! What the dispatch loop leans on: functions and generators made from code, frames
//! with their cells, global look-up, and the errors of names and unpacking.

use super::{Frame, GenState, Vm, R};
use crate::py::aio::State;
use crate::py::code::{Code, CodeKind};
use crate::py::value::*;
use std::cell::RefCell;
use std::rc::Rc;

impl Vm {
    /// A container may hold at most `Limits::max_items` items: a program that grows
    /// one without end is stopped with a `MemoryError` before it exhausts the page.
    pub fn check_size(&self, len: usize) -> R<()> {
        if len > self.limits.max_items {
            return Err(self.too_big(len));
        }
        Ok(())
    }

    /// A string may be at most `Limits::max_items` × 8 bytes long (16 MB by default).
    pub fn check_text(&self, bytes: usize) -> R<()> {
        let max = self.limits.max_items.saturating_mul(8);
        if bytes > max {
            return Err(self.new_exc(
                &self.types.memory_error.clone(),
                &format!(
                    "a string grew past {max} characters ({bytes}): Looplab stops programs that use this much memory"
                ),
            ));
        }
        Ok(())
    }

    pub fn too_big(&self, len: usize) -> Value {
        self.new_exc(
            &self.types.memory_error.clone(),
            &format!(
                "a list grew past {} items ({len}): Looplab stops programs that use this much memory",
                self.limits.max_items
            ),
        )
    }

    pub(super) fn check_unpack(&self, got: usize, want: usize, starred: bool) -> R<()> {
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

    /// `LoadGlobal` of name `i` of `code`: globals, then builtins, each through the
    /// name's position hint.
    pub(super) fn load_global_at(
        &self,
        globals: &Rc<RefCell<Dict>>,
        code: &Code,
        i: u32,
    ) -> R<Value> {
        if let Some(v) = code.lookup(&globals.borrow(), i) {
            return Ok(v.clone());
        }
        if let Some(v) = code.lookup(&self.builtins.borrow(), i) {
            return Ok(v.clone());
        }
        self.load_global(globals, &code.names[i as usize])
    }

    pub(super) fn load_global(&self, globals: &Rc<RefCell<Dict>>, name: &Rc<str>) -> R<Value> {
        let key = Name(name);
        if let Some(v) = globals.borrow().get(&key) {
            return Ok(v.clone());
        }
        if let Some(v) = self.builtins.borrow().get(&key) {
            return Ok(v.clone());
        }
        if crate::py::builtins::NOT_PROVIDED.contains(&&**name) {
            return Err(self.new_exc(
                &self.types.not_implemented_error.clone(),
                &format!("Looplab does not provide Python's builtin '{name}'"),
            ));
        }
        Err(self.name_error(name, false))
    }

    pub(super) fn unbound_local(&self, name: &str) -> Value {
        self.new_exc(
            &self.types.unbound_local_error.clone(),
            &format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }

    pub(super) fn name_error(&self, name: &str, free: bool) -> Value {
        let msg = if free {
            format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope")
        } else {
            format!("name '{name}' is not defined")
        };
        self.new_exc(&self.types.name_error.clone(), &msg)
    }

    pub(super) fn make_function(&self, f: &mut Frame, code: Rc<Code>, flags: u8) -> Value {
        use crate::py::code::make_flags::*;
        let closure = if flags & CLOSURE != 0 {
            super::call::cells_of(&f.pop())
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
            code: code.clone(),
            frames: vec![frame],
            started: false,
            finished: false,
            awaited: code.kind != CodeKind::Coroutine,
        })));
        if code.kind == CodeKind::Coroutine && &*code.filename == crate::py::code::PROGRAM_FILE {
            self.coroutines.push(gen.clone());
        }
        gen
    }

    /// What CPython writes to stderr when the objects are collected: coroutines never
    /// awaited, tasks whose exception nobody retrieved.
    pub fn warnings(&mut self) -> Vec<String> {
        let mut out = Vec::new();
        // Once per coroutine function, as CPython's warnings filter prints a warning once
        // per text and place: 80,000 coroutines never awaited make one line, not 80,000.
        let mut warned = std::collections::HashSet::new();
        for c in std::mem::take(&mut self.coroutines) {
            if let Value::Object(o) = &c {
                if let Object::Gen(g) = &**o {
                    let g = g.borrow();
                    // Only one never started: close(), throw() and send() each take a
                    // coroutine out of that state in CPython too.
                    let unstarted = !g.awaited && !g.started && !g.finished;
                    if unstarted && warned.insert(g.code.qualname.clone()) {
                        out.push(format!(
                            "RuntimeWarning: coroutine '{}' was never awaited",
                            g.code.qualname
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
