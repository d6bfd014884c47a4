//! The dispatch loop: runs the instructions of the top frame of a task's stack.

use super::call::{is_plain, module_dict, push_top};
use super::fused;
use super::{exc, frame, iter, ops, Exit, Frame, FrameKind, Vm, R};
use crate::py::code::Instr;
use crate::py::compile::CELL_REF;
use crate::py::value::*;

impl Vm {
    pub(super) fn run_frames(
        &mut self,
        frames: &mut Vec<Frame>,
        base: usize,
        budget: &mut u64,
    ) -> R<Exit> {
        loop {
            let Some(f) = frames.last_mut() else {
                return Ok(Exit::Return(Value::None));
            };
            let code = f.code.clone();
            // Runs instructions of this frame until it calls, returns or yields.
            loop {
                *budget += 1;
                if *budget & 0xfff == 0 {
                    self.instructions += 0x1000;
                    if self.instructions > self.limits.max_instructions {
                        return Err(self.stop(format!(
                            "the program ran {} million instructions without finishing \
                             (line {}): is there a loop that never ends?",
                            self.limits.max_instructions / 1_000_000,
                            f.code.pos(f.ip as usize).line
                        )));
                    }
                    if crate::py::aio::executor::thread_switch_due(self) {
                        return Ok(Exit::Suspend(super::Wait::ThreadSwitch));
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
                    Instr::LoadConst(i) => {
                        if !fused::const_op(f, &code, i) {
                            f.stack.push(code.consts[i as usize].clone());
                        }
                    }
                    Instr::LoadFast(i) => {
                        let v = &f.locals[i as usize];
                        if let Value::Unbound = v {
                            return Err(self.unbound_local(&code.locals[i as usize]));
                        }
                        match fused::local_const_op(&code, f.ip, v) {
                            Some(r) => {
                                f.push(r);
                                f.ip += 2;
                            }
                            None => f.stack.push(v.clone()),
                        }
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
                        let v = self.load_global_at(&f.globals, &code, i)?;
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
                        push_top(frames, v);
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
                        push_top(frames, v);
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
                        let Some(b) = fused::number_op(f, op) else {
                            continue;
                        };
                        let a = f.pop();
                        let v = self.binary(op, &a, &b)?;
                        push_top(frames, v);
                        break;
                    }
                    Instr::Inplace(op) => {
                        let Some(b) = fused::number_op(f, op) else {
                            continue;
                        };
                        let a = f.pop();
                        let v = self.inplace(op, &a, &b)?;
                        push_top(frames, v);
                        break;
                    }
                    Instr::Unary(op) => {
                        let a = f.pop();
                        let v = self.unary(op, &a)?;
                        push_top(frames, v);
                        break;
                    }
                    Instr::Compare(op) => {
                        let b = f.pop();
                        if let Some(a) = f.stack.last_mut() {
                            if let Some(v) = ops::fast_compare(op, a, &b) {
                                ops::replace_number(a, Value::Bool(v));
                                ops::forget_number(b);
                                continue;
                            }
                        }
                        let a = f.pop();
                        let v = self.compare(op, &a, &b)?;
                        push_top(frames, Value::Bool(v));
                        break;
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
                    Instr::BuildSet(_)
                    | Instr::BuildMap(_)
                    | Instr::ListExtend(_)
                    | Instr::SetAdd(_)
                    | Instr::SetUpdate(_)
                    | Instr::MapAdd(_)
                    | Instr::DictUpdate(_)
                    | Instr::FormatValue { .. }
                    | Instr::UnpackSequence(_)
                    | Instr::UnpackEx { .. } => {
                        self.collection_instr(frames, instr)?;
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
                            let len = l.borrow().len();
                            if len >= self.limits.max_items {
                                return Err(self.too_big(len));
                            }
                            l.borrow_mut().push(v);
                        }
                    }
                    Instr::ListToTuple => {
                        let v = f.pop();
                        if let Value::List(l) = v {
                            let items = std::mem::take(&mut *l.borrow_mut());
                            f.push(Value::tuple(items));
                        }
                    }
                    Instr::Jump(t) => fused::jump(f, &code, t),
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
                        push_top(frames, it);
                        break;
                    }
                    Instr::ForIter(exit) => {
                        if let Some(item) = iter::range_next(f.top()) {
                            fused::for_item(f, &code, item, exit);
                            continue;
                        }
                        if let Some(gen) = ops::resumable_generator(f.top()) {
                            // The generator's frame runs on this stack.
                            let mut g = gen.borrow_mut();
                            if g.finished || g.frames.is_empty() {
                                drop(g);
                                f.stack.pop();
                                f.ip = exit;
                                continue;
                            }
                            let mut gf = g.frames.pop().expect("frame");
                            if g.started {
                                gf.push(Value::None);
                            }
                            g.started = true;
                            drop(g);
                            gf.kind = FrameKind::ForIter {
                                gen: f.top().clone(),
                                exit,
                            };
                            frames.push(gf);
                            self.check_depth(frames)?;
                            break;
                        }
                        // `next` runs any `__next__` on a stack of its own.
                        let item = self.next(f.top())?;
                        fused::for_item(f, &code, item, exit);
                    }
                    Instr::GetAIter => {
                        let v = f.pop();
                        let it = self.call_method(&v, "__aiter__", vec![])?;
                        push_top(frames, it);
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
                        if let Some(wait) = self.aio.suspend.take() {
                            return Ok(Exit::Suspend(wait));
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
                        if let Some(wait) = self.aio.suspend.take() {
                            return Ok(Exit::Suspend(wait));
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
                        if let Some(wait) = self.aio.suspend.take() {
                            return Ok(Exit::Suspend(wait));
                        }
                        break;
                    }
                    Instr::CallMethod { name, argc } => {
                        let at = f.stack.len() - argc as usize;
                        if let Some(exit) = self.await_sleep_call(f, &code, name, at)? {
                            return Ok(exit);
                        }
                        let args = f.stack.split_off(at);
                        let recv = f.pop();
                        match module_dict(&recv) {
                            Some(dict) => {
                                let func = code.lookup(&dict.borrow(), name).cloned();
                                let Some(func) = func else {
                                    return Err(
                                        self.attribute_error(&recv, &code.names[name as usize])
                                    );
                                };
                                match func {
                                    // A module's builtin (`math.sqrt(x)`): runs now, on
                                    // this frame's stack.
                                    Value::Builtin(b) if is_plain(&b, &args) => {
                                        let v = (b.func)(self, args, Vec::new())?;
                                        f.push(v);
                                    }
                                    func => self.call_into(frames, func, args, Vec::new())?,
                                }
                            }
                            None => {
                                let name = &code.names[name as usize];
                                self.call_method_into(frames, recv, name, args)?;
                            }
                        }
                        if let Some(wait) = self.aio.suspend.take() {
                            return Ok(Exit::Suspend(wait));
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
                        push_top(frames, class);
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
                    Instr::YieldFrom => {
                        let sent = f.pop();
                        let sub = f.top().clone();
                        if let Some(inner) = awaited_by(&sub) {
                            // `yield from x.__await__()` (in an `__await__`) is `await x`.
                            f.pop();
                            let a = self.awaitable(inner)?;
                            if let Some(exit) = self.await_value(frames, a)? {
                                return Ok(exit);
                            }
                            break;
                        }
                        let step = match &sub {
                            Value::Object(o) if matches!(&**o, Object::Gen(_)) => {
                                self.gen_send(&sub, sent)?
                            }
                            _ => match self.next(&sub)? {
                                Some(v) => super::GenStep::Yield(v),
                                None => super::GenStep::Return(Value::None),
                            },
                        };
                        let f = frames.last_mut().expect("frame");
                        match step {
                            super::GenStep::Return(r) => {
                                f.stack.pop();
                                f.push(r);
                                break;
                            }
                            super::GenStep::Yield(v) => {
                                // Yield it, and come back here with what is sent.
                                f.ip -= 1;
                                f.push(v);
                                if let Some(exit) = self.yield_top(frames, base)? {
                                    return Ok(exit);
                                }
                                break;
                            }
                        }
                    }
                    Instr::YieldValue => {
                        if let Some(exit) = self.yield_top(frames, base)? {
                            return Ok(exit);
                        }
                        break;
                    }
                    Instr::Nop => {}
                    Instr::Line => self.line_reached(f.line())?,
                    Instr::GetAwaitable => {
                        // `awaitable` runs any `__await__` on a stack of its own, so this
                        // frame stays on top.
                        let v = f.pop();
                        let a = self.awaitable(v)?;
                        // `await x`: the `Await` that follows runs now.
                        if let Some(Instr::Await) = code.instrs.get(f.ip as usize) {
                            f.ip += 1;
                            if let Some(exit) = self.await_value(frames, a)? {
                                return Ok(exit);
                            }
                            break;
                        }
                        f.push(a);
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
                    Instr::ExcMatch
                    | Instr::ExcGroupMatch
                    | Instr::ImportName(_)
                    | Instr::ImportFrom(_)
                    | Instr::BeforeWith { .. }
                    | Instr::CallExit => {
                        self.block_instr(frames, &code, instr)?;
                        break;
                    }
                    Instr::ExcGroupReraise => {
                        let rest = f.pop();
                        f.handling.pop();
                        if !rest.is_none() {
                            return Err(rest);
                        }
                    }
                }
            }
        }
    }

    /// Yields the value on top of the top frame (a generator's): to the `for` loop or
    /// `await anext()` that resumed it on this stack, or out of the run (`Some`) when
    /// the generator is the base frame.
    fn yield_top(&mut self, frames: &mut Vec<Frame>, base: usize) -> R<Option<Exit>> {
        let v = frames.last_mut().map(Frame::pop).unwrap_or_default();
        if frames.len() - 1 == base {
            return Ok(Some(Exit::Yield(v)));
        }
        if let Some(FrameKind::Await(_)) = frames.last().map(|f| &f.kind) {
            // A generator awaited (an `__await__` with `yield`): the value goes to the
            // task, or to whoever drives the coroutine by hand; the frames stay.
            return Ok(Some(Exit::Suspend(super::Wait::Yield(v))));
        }
        let mut done = frames.pop().expect("frame");
        let kind = std::mem::replace(&mut done.kind, FrameKind::Call);
        let parent = frames.last_mut().expect("frame");
        match kind {
            FrameKind::ForIter { gen, .. } | FrameKind::Anext(gen) => {
                parent.push(v);
                if let Value::Object(o) = &gen {
                    if let Object::Gen(g) = &**o {
                        g.borrow_mut().frames.push(done);
                    }
                }
                Ok(None)
            }
            FrameKind::Close => Err(self.new_exc(
                &self.types.runtime_error.clone(),
                "async generator ignored GeneratorExit",
            )),
            _ => Err(self.new_exc(
                &self.types.runtime_error.clone(),
                "yield inside a coroutine: use an async generator",
            )),
        }
    }
}

/// The awaitable inside what `__await__()` returned (`Iter::Await`), if `v` is that.
fn awaited_by(v: &Value) -> Option<Value> {
    let Value::Object(o) = v else { return None };
    let Object::Iter(it) = &**o else { return None };
    match &*it.borrow() {
        Iter::Await(inner) => Some(inner.clone()),
        _ => None,
    }
}
