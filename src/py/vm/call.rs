//! Calls: binding arguments to parameters, pushing a Python function's frame (or making
//! its generator or coroutine), calling builtins and classes, and calling back into
//! Python from Rust (`call_value` runs a nested loop until the call returns).

use super::frame::{Frame, FrameKind, GenState};
use super::{Exit, Vm, R};
use crate::py::code::{Code, CodeKind};
use crate::py::value::*;
use std::cell::RefCell;
use std::rc::Rc;

pub type Kwargs = Vec<(Rc<str>, Value)>;

/// The namespace of a module value.
pub(super) fn module_dict(v: &Value) -> Option<&Rc<RefCell<Dict>>> {
    match v {
        Value::Object(o) => match &**o {
            Object::Module(m) => Some(&m.dict),
            _ => None,
        },
        _ => None,
    }
}

/// A builtin that `call_value` would call as it is, with these positional arguments:
/// not bound, not a method of a built-in type, not `super()` (which reads the frame).
pub(super) fn is_plain(b: &Builtin, args: &[Value]) -> bool {
    use crate::py::builtins::{call_bound_method, call_unbound_method};
    let super_call = args.is_empty() && &*b.name == "super";
    let method = std::ptr::fn_addr_eq(b.func, call_unbound_method as BuiltinFn)
        || std::ptr::fn_addr_eq(b.func, call_bound_method as BuiltinFn);
    b.bound.is_none() && !super_call && !method
}

impl Vm {
    /// Calls `func` from the running code: a Python function's frame goes on `frames`
    /// (the loop runs it next); anything else runs now and its result is pushed.
    pub(super) fn call_into(
        &mut self,
        frames: &mut Vec<Frame>,
        func: Value,
        args: Vec<Value>,
        kwargs: Kwargs,
    ) -> R<()> {
        if let Value::Builtin(b) = &func {
            if args.is_empty() && b.bound.is_none() && &*b.name == "super" {
                let v = self.super_of_frame(frames)?;
                push_top(frames, v);
                return Ok(());
            }
        }
        if let Value::Function(f) = &func {
            let frame = self.bind(f, args, kwargs)?;
            if f.code.kind == CodeKind::Function {
                frames.push(frame);
                return self.check_depth(frames);
            }
            let gen = self.make_gen(frame);
            push_top(frames, gen);
            return Ok(());
        }
        if let Value::Object(o) = &func {
            if let Object::Method { func: inner, recv } = &**o {
                if let Value::Function(_) = inner {
                    let mut all = Vec::with_capacity(args.len() + 1);
                    all.push(recv.clone());
                    all.extend(args);
                    return self.call_into(frames, inner.clone(), all, kwargs);
                }
            }
        }
        let v = self.call_value(&func, args, kwargs)?;
        push_top(frames, v);
        Ok(())
    }

    /// `recv.name(args)` from the running code (a module's function is called by the
    /// loop itself, through `module_dict`).
    pub(super) fn call_method_into(
        &mut self,
        frames: &mut Vec<Frame>,
        recv: Value,
        name: &str,
        args: Vec<Value>,
    ) -> R<()> {
        if let Value::Instance(inst) = &recv {
            let key = Key(Value::str(name));
            let own = inst.dict.borrow().get(&key).cloned();
            if own.is_none() {
                if let Some(Value::Function(f)) = inst.class.lookup(name) {
                    let mut all = Vec::with_capacity(args.len() + 1);
                    all.push(recv.clone());
                    all.extend(args);
                    return self.call_into(frames, Value::Function(f), all, Vec::new());
                }
            }
        }
        if let Value::Object(o) = &recv {
            if let Object::Module(m) = &**o {
                let f = m.dict.borrow().get(&Name(name)).cloned();
                return match f {
                    Some(f) => self.call_into(frames, f, args, Vec::new()),
                    None => Err(self.attribute_error(&recv, name)),
                };
            }
        }
        if let Some(r) = self.builtin_method(&recv, name, &args)? {
            push_top(frames, r);
            return Ok(());
        }
        let m = self.getattr(&recv, name)?;
        self.call_into(frames, m, args, Vec::new())
    }

    /// Calls `recv.name(args)` to the end.
    pub fn call_method(&mut self, recv: &Value, name: &str, args: Vec<Value>) -> R<Value> {
        if let Some(r) = self.builtin_method(recv, name, &args)? {
            return Ok(r);
        }
        let m = self.getattr(recv, name)?;
        self.call_value(&m, args, vec![])
    }

    /// Calls any callable to the end, running Python code in a nested loop.
    pub fn call_value(&mut self, func: &Value, args: Vec<Value>, kwargs: Kwargs) -> R<Value> {
        match func {
            Value::Function(f) => {
                let frame = self.bind(f, args, kwargs)?;
                if f.code.kind != CodeKind::Function {
                    return Ok(self.make_gen(frame));
                }
                self.run_nested(frame)
            }
            Value::Builtin(b) => {
                if std::ptr::fn_addr_eq(
                    b.func,
                    crate::py::builtins::call_unbound_method as BuiltinFn,
                ) {
                    let mut args = args;
                    if args.is_empty() {
                        return Err(self.type_error(&format!(
                            "unbound method {}() needs an argument",
                            b.name
                        )));
                    }
                    let recv = args.remove(0);
                    return match self.builtin_method_kw(&recv, &b.name, &args, &kwargs)? {
                        Some(v) => Ok(v),
                        None => Err(self.attribute_error(&recv, &b.name)),
                    };
                }
                if std::ptr::fn_addr_eq(b.func, crate::py::builtins::call_bound_method as BuiltinFn)
                {
                    let recv = b.bound.clone().unwrap_or_default();
                    return match self.builtin_method_kw(&recv, &b.name, &args, &kwargs)? {
                        Some(v) => Ok(v),
                        None => Err(self.attribute_error(&recv, &b.name)),
                    };
                }
                let args = match &b.bound {
                    Some(recv) => {
                        let mut all = Vec::with_capacity(args.len() + 1);
                        all.push(recv.clone());
                        all.extend(args);
                        all
                    }
                    None => args,
                };
                (b.func)(self, args, kwargs)
            }
            Value::Class(c) => self.instantiate(c, args, kwargs),
            Value::Object(o) => match &**o {
                Object::Method { func, recv } => {
                    let mut all = Vec::with_capacity(args.len() + 1);
                    all.push(recv.clone());
                    all.extend(args);
                    self.call_value(&func.clone(), all, kwargs)
                }
                _ => Err(self.not_callable(func)),
            },
            Value::Instance(_) => match self.lookup_special(func, "__call__") {
                Some(m) => {
                    let mut all = Vec::with_capacity(args.len() + 1);
                    all.push(func.clone());
                    all.extend(args);
                    self.call_value(&m, all, kwargs)
                }
                None => Err(self.not_callable(func)),
            },
            _ => Err(self.not_callable(func)),
        }
    }

    fn not_callable(&self, v: &Value) -> Value {
        let hint = match v {
            Value::Object(o) if matches!(&**o, Object::Gen(_)) => {
                " (a coroutine object: call the function once, e.g. `await work()`, not `work()()`)"
            }
            _ => "",
        };
        self.type_error(&format!(
            "'{}' object is not callable{hint}",
            self.type_name(v)
        ))
    }

    /// Runs one frame to its end in a nested loop.
    pub fn run_nested(&mut self, mut frame: Frame) -> R<Value> {
        if self.nesting >= self.limits.max_nesting {
            return Err(self.new_exc(
                &self.types.recursion_error.clone(),
                "maximum recursion depth exceeded",
            ));
        }
        frame.kind = FrameKind::Base;
        self.nesting += 1;
        let mut frames = vec![frame];
        let exit = self.run(&mut frames, 0);
        self.nesting -= 1;
        match exit {
            Exit::Return(v) => Ok(v),
            Exit::Raise(e) => Err(e),
            Exit::Yield(_) => Err(self.new_exc(
                &self.types.runtime_error.clone(),
                "yield from a function called by a builtin",
            )),
            Exit::Suspend(_) => Err(self.new_exc(
                &self.types.runtime_error.clone(),
                "cannot await here: this code was called from a builtin (a key function, \
                 __repr__, __init__...), which cannot wait for the event loop",
            )),
        }
    }

    /// `super()` in a method: the class whose dict holds the running function's code,
    /// and the method's first argument.
    fn super_of_frame(&mut self, frames: &[Frame]) -> R<Value> {
        let f = frames
            .last()
            .ok_or_else(|| self.type_error("super(): no arguments"))?;
        let recv = f
            .locals
            .first()
            .cloned()
            .or_else(|| f.cells.first().map(|c| c.borrow().clone()))
            .filter(|v| !matches!(v, Value::Unbound))
            .ok_or_else(|| {
                self.new_exc(&self.types.runtime_error.clone(), "super(): no arguments")
            })?;
        let start = match &recv {
            Value::Class(c) => c.clone(),
            Value::Instance(i) => i.class.clone(),
            _ => {
                return Err(self.new_exc(
                    &self.types.runtime_error.clone(),
                    "super(): __class__ cell not found",
                ))
            }
        };
        let code = &f.code;
        let owns = |c: &Rc<Class>| {
            c.dict.borrow().values().any(|v| match v {
                Value::Function(func) => Rc::ptr_eq(&func.code, code),
                Value::Object(o) => match &**o {
                    Object::ClassMethod(Value::Function(func))
                    | Object::StaticMethod(Value::Function(func)) => Rc::ptr_eq(&func.code, code),
                    Object::Property { get, set } => [get, set].iter().any(
                        |x| matches!(x, Value::Function(func) if Rc::ptr_eq(&func.code, code)),
                    ),
                    _ => false,
                },
                _ => false,
            })
        };
        let class = std::iter::once(start.clone())
            .chain(start.mro.iter().cloned())
            .find(|c| owns(c))
            .ok_or_else(|| {
                self.new_exc(
                    &self.types.runtime_error.clone(),
                    "super(): __class__ cell not found",
                )
            })?;
        Ok(Value::object(Object::Super { class, recv }))
    }

    /// Throws `exc` into a generator at its `yield` (`gen.throw`, `gen.close`): the next
    /// item it yields, `None` if it ends.
    pub fn gen_throw(&mut self, gen: &Value, exc: Value) -> R<Option<Value>> {
        let Some(state) = gen_state(gen) else {
            return Err(exc);
        };
        {
            let mut g = state.borrow_mut();
            if g.finished || !g.started {
                g.finished = true;
                g.frames.clear();
                return Err(exc);
            }
        }
        self.resume_gen(state, Err(exc)).map(GenStep::yielded)
    }

    /// Resumes a generator to its next item from Rust (`next(gen)`, `list(gen)`).
    pub fn gen_next(&mut self, gen: &Value) -> R<Option<Value>> {
        let Some(state) = gen_state(gen) else {
            return Ok(None);
        };
        if state.borrow().finished {
            return Ok(None);
        }
        self.resume_gen(state, Ok(Value::None))
            .map(GenStep::yielded)
    }

    /// `gen.send(value)`: what it yields next, or what it returns.
    pub fn gen_send(&mut self, gen: &Value, value: Value) -> R<GenStep> {
        let Some(state) = gen_state(gen) else {
            return Err(self.type_error("send() needs a generator"));
        };
        {
            let g = state.borrow();
            if g.finished {
                return Ok(GenStep::Return(Value::None));
            }
            if !g.started && !value.is_none() {
                drop(g);
                return Err(
                    self.type_error("can't send non-None value to a just-started generator")
                );
            }
        }
        self.resume_gen(state, Ok(value))
    }

    /// Runs a generator's frame in a nested loop from its `yield` (sending `Ok(value)`,
    /// or throwing `Err(exc)`) to its next `yield` (`Some`) or its end (`None`).
    fn resume_gen(&mut self, state: &RefCell<GenState>, send: R<Value>) -> R<GenStep> {
        let mut frames = {
            let mut g = state.borrow_mut();
            let mut frames = std::mem::take(&mut g.frames);
            // Its frames: its own, and those of what it awaits when it yielded from an
            // `__await__` (`Wait::Yield`). What is sent goes to the innermost.
            let Some(frame) = frames.last_mut() else {
                return Err(self.value_error("generator already executing"));
            };
            if let (true, Ok(v)) = (g.started, &send) {
                frame.push(v.clone());
            }
            frames[0].kind = FrameKind::Base;
            g.started = true;
            frames
        };
        self.nesting += 1;
        let exit = match send {
            Err(exc) => match self.unwind(&mut frames, 0, exc) {
                Some(exit) => exit,
                None => self.run(&mut frames, 0),
            },
            Ok(_) => self.run(&mut frames, 0),
        };
        self.nesting -= 1;
        match exit {
            Exit::Yield(v) => {
                state.borrow_mut().frames = frames;
                Ok(GenStep::Yield(v))
            }
            Exit::Return(v) => {
                state.borrow_mut().finished = true;
                Ok(GenStep::Return(v))
            }
            Exit::Raise(e) => {
                state.borrow_mut().finished = true;
                Err(e)
            }
            Exit::Suspend(super::Wait::Yield(v)) => {
                state.borrow_mut().frames = frames;
                Ok(GenStep::Yield(v))
            }
            Exit::Suspend(_) => {
                // CPython would hand the awaited future to the caller of send(); Looplab
                // suspends only tasks on its own loop.
                state.borrow_mut().finished = true;
                Err(self.new_exc(
                    &self.types.not_implemented_error.clone(),
                    "a coroutine driven by hand (send(), next() or a generator's yield \
                     from) cannot wait for asyncio here: await it, or make it a task",
                ))
            }
        }
    }

    /// A frame for calling `f` with these arguments bound to its parameters.
    pub fn bind(&mut self, f: &Function, args: Vec<Value>, kwargs: Kwargs) -> R<Frame> {
        let mut frame = self.frame_for(f);
        let code = &f.code;
        let sig = &code.signature;
        let npos = sig.positional as usize;
        // The common case: exactly the positional parameters, nothing else.
        if kwargs.is_empty() && args.len() == npos && !sig.varargs && sig.kwonly == 0 && !sig.varkw
        {
            for (slot, a) in frame.locals.iter_mut().zip(args) {
                *slot = a;
            }
            Self::fill_cells(&mut frame);
            return Ok(frame);
        }
        let name = &code.name;
        let mut extra = Vec::new();
        for (i, a) in args.into_iter().enumerate() {
            if i < npos {
                frame.locals[i] = a;
            } else {
                extra.push(a);
            }
        }
        let mut varargs_slot = npos + sig.kwonly as usize;
        if sig.varargs {
            frame.locals[varargs_slot] = Value::tuple(std::mem::take(&mut extra));
            varargs_slot += 1;
        } else if !extra.is_empty() {
            let given = npos + extra.len();
            return Err(self.type_error(&format!(
                "{name}() takes {npos} positional argument{} but {given} {} given",
                if npos == 1 { "" } else { "s" },
                if given == 1 { "was" } else { "were" }
            )));
        }
        let mut varkw = Dict::default();
        for (k, v) in kwargs {
            let idx = sig.names[..npos + sig.kwonly as usize]
                .iter()
                .position(|n| *n == k);
            match idx {
                Some(i) if i >= sig.posonly as usize => {
                    if !matches!(frame.locals[i], Value::Unbound) {
                        return Err(self.type_error(&format!(
                            "{name}() got multiple values for argument '{k}'"
                        )));
                    }
                    frame.locals[i] = v;
                }
                _ if sig.varkw => {
                    varkw.insert(Key(Value::Str(k)), v);
                }
                _ => {
                    return Err(self.type_error(&format!(
                        "{name}() got an unexpected keyword argument '{k}'"
                    )))
                }
            }
        }
        if sig.varkw {
            frame.locals[varargs_slot] = Value::dict(varkw);
        }
        // Defaults fill the last positional parameters.
        let first_default = npos - f.defaults.len().min(npos);
        let mut missing = Vec::new();
        for i in 0..npos {
            if matches!(frame.locals[i], Value::Unbound) {
                if i >= first_default {
                    frame.locals[i] = f.defaults[i - first_default].clone();
                } else {
                    missing.push(sig.names[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(&missing_message(name, "positional", &missing)));
        }
        let mut missing_kw = Vec::new();
        for i in npos..npos + sig.kwonly as usize {
            if matches!(frame.locals[i], Value::Unbound) {
                let n = &sig.names[i];
                match f.kw_defaults.iter().find(|(k, _)| k == n) {
                    Some((_, v)) => frame.locals[i] = v.clone(),
                    None => missing_kw.push(n.clone()),
                }
            }
        }
        if !missing_kw.is_empty() {
            return Err(self.type_error(&missing_message(name, "keyword-only", &missing_kw)));
        }
        Self::fill_cells(&mut frame);
        Ok(frame)
    }

    /// `Class(args)`: a new instance, initialised by `__init__`.
    pub fn instantiate(&mut self, c: &Rc<Class>, args: Vec<Value>, kwargs: Kwargs) -> R<Value> {
        if c.base_builtin() != BuiltinType::Object && c.base_builtin() != BuiltinType::BaseException
        {
            if let Some(v) = self.construct_builtin(c, &args, &kwargs)? {
                return Ok(v);
            }
        }
        let mut c = c.clone();
        if Rc::ptr_eq(&c, &self.types.base_exception_group) {
            let members = match args.get(1) {
                Some(v) => self.collect(v)?,
                None => Vec::new(),
            };
            if !members.is_empty()
                && members
                    .iter()
                    .all(|m| super::exc::is_instance(m, &self.types.exception))
            {
                c = self.types.exception_group.clone();
            }
        }
        if Rc::ptr_eq(&c, &self.types.os_error) && args.len() >= 2 {
            // `OSError(errno, msg)` is the subclass for that errno, as in CPython.
            let t = &self.types;
            let sub = match args[0] {
                Value::Int(2) => Some(&t.file_not_found_error),
                Value::Int(13) => Some(&t.permission_error),
                Value::Int(32) => Some(&t.broken_pipe_error),
                Value::Int(103) => Some(&t.connection_aborted_error),
                Value::Int(104) => Some(&t.connection_reset_error),
                Value::Int(110) => Some(&t.timeout_error),
                Value::Int(111) => Some(&t.connection_refused_error),
                _ => None,
            };
            if let Some(sub) = sub {
                c = sub.clone();
            }
        }
        let c = &c;
        let is_exc = c.is_subclass(&self.types.base_exception);
        let inst = Value::Instance(Rc::new(Instance {
            class: c.clone(),
            dict: RefCell::new(Dict::default()),
            exc: is_exc.then(|| {
                RefCell::new(ExcState {
                    args: args.clone(),
                    ..ExcState::default()
                })
            }),
        }));
        if is_exc && c.is_subclass(&self.types.base_exception_group) {
            let items = match args.get(1) {
                Some(v) => self.collect(v)?,
                None => Vec::new(),
            };
            if let Some(s) = super::exc::state(&inst) {
                s.borrow_mut().group = items;
            }
        }
        match c.lookup("__init__") {
            Some(init) => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(inst.clone());
                all.extend(args);
                let r = self.call_value(&init, all, kwargs)?;
                if !r.is_none() {
                    return Err(self.type_error(&format!(
                        "__init__() should return None, not '{}'",
                        self.type_name(&r)
                    )));
                }
            }
            None if !is_exc && (!args.is_empty() || !kwargs.is_empty()) => {
                return Err(self.type_error(&format!("{}() takes no arguments", c.name)));
            }
            None => {}
        }
        Ok(inst)
    }

    /// Runs a class body and makes the class.
    pub fn make_class(
        &mut self,
        body: Rc<Code>,
        bases: Vec<Value>,
        closure: Value,
        globals: Rc<RefCell<Dict>>,
    ) -> R<Value> {
        let mut base_classes = Vec::new();
        for b in &bases {
            match b {
                Value::Class(c) => base_classes.push(c.clone()),
                other => {
                    return Err(self.type_error(&format!(
                        "a class can only inherit from classes, not from '{}'",
                        self.type_name(other)
                    )))
                }
            }
        }
        if base_classes.is_empty() {
            base_classes.push(self.types.object.clone());
        }
        let mro = super::types::c3_mro(&base_classes).map_err(|m| self.type_error(&m))?;
        let ns = Rc::new(RefCell::new(Dict::default()));
        let func = Function {
            code: body.clone(),
            globals: globals.clone(),
            defaults: Vec::new(),
            kw_defaults: Vec::new(),
            closure: cells_of(&closure),
            attrs: RefCell::new(Dict::default()),
        };
        let mut frame = self.frame_for(&func);
        frame.namespace = Some(ns.clone());
        self.run_nested(frame)?;
        let builtin = mro
            .iter()
            .map(|c| c.builtin)
            .find(|b| *b != BuiltinType::Object)
            .map(|_| BuiltinType::Other)
            .unwrap_or(BuiltinType::Other);
        let module = globals
            .borrow()
            .get(&Key(Value::str("__name__")))
            .and_then(|v| v.as_str().map(Rc::from))
            .unwrap_or_else(|| "__main__".into());
        let mut dict = std::mem::take(&mut *ns.borrow_mut());
        let doc = body.doc.clone().map_or(Value::None, Value::Str);
        dict.entry(Key(Value::str("__doc__"))).or_insert(doc);
        Ok(Value::Class(Rc::new(Class {
            name: body.name.clone(),
            qualname: body.qualname.clone(),
            bases: base_classes,
            mro,
            dict: RefCell::new(dict),
            builtin,
            module,
        })))
    }

    /// Keyword arguments from a `**mapping`.
    pub(super) fn kwargs_of(&mut self, v: &Value) -> R<Kwargs> {
        match v {
            Value::None => Ok(Vec::new()),
            Value::Dict(d) => d
                .borrow()
                .iter()
                .map(|(k, v)| match &k.0 {
                    Value::Str(s) => Ok((s.clone(), v.clone())),
                    _ => Err(self.type_error("keywords must be strings")),
                })
                .collect(),
            other => Err(self.type_error(&format!(
                "argument after ** must be a mapping, not {}",
                self.type_name(other)
            ))),
        }
    }
}

fn missing_message(name: &str, kind: &str, missing: &[Rc<str>]) -> String {
    let quoted: Vec<String> = missing.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    format!(
        "{name}() missing {} required {kind} argument{}: {list}",
        missing.len(),
        if missing.len() == 1 { "" } else { "s" }
    )
}

/// What a resumed generator did: yielded a value, or returned one.
pub enum GenStep {
    Yield(Value),
    Return(Value),
}

impl GenStep {
    /// The item a `for` loop or `next()` gets: none once the generator returned.
    pub fn yielded(self) -> Option<Value> {
        match self {
            GenStep::Yield(v) => Some(v),
            GenStep::Return(_) => None,
        }
    }
}

/// The generator state behind a generator, coroutine or async generator value.
fn gen_state(v: &Value) -> Option<&RefCell<GenState>> {
    match v {
        Value::Object(o) => match &**o {
            Object::Gen(g) => Some(g),
            _ => None,
        },
        _ => None,
    }
}

/// The cells of a closure tuple (what `MakeFunction` and `MakeClass` find on the stack).
pub fn cells_of(closure: &Value) -> Vec<Rc<RefCell<Value>>> {
    match closure {
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
}

/// Pushes onto the top frame's stack.
pub fn push_top(frames: &mut [Frame], v: Value) {
    if let Some(f) = frames.last_mut() {
        f.push(v);
    }
}
