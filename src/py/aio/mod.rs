//! asyncio on the virtual clock. The loop, futures, tasks and `gather` are native
//! ([`runtime`], [`future`], `gather`); the primitives built on them (wait_for, locks,
//! queues, TaskGroup...) are Python in `prelude/`, written after CPython's
//! `Lib/asyncio`, one file a room, so they behave as CPython's do callback for callback.

pub mod api;
pub mod cost;
pub mod executor;
pub mod future;
mod gather;
pub mod host;
pub mod record;
mod resources;
pub mod runtime;
mod task;
mod timers;

use crate::py::code::CodeKind;
use crate::py::value::*;
use crate::py::vm::{Exit, Frame, FrameKind, Vm, Wait};
pub use future::{Future, State, Task, TaskRef};
pub use runtime::Runtime;
use std::cell::Cell;
use std::rc::Rc;

/// asyncio's objects, as values.
#[derive(Debug)]
pub enum AioObject {
    Future(Box<Future>),
    Task(TaskRef),
    /// `asyncio.sleep(delay, result)`, not yet awaited.
    Sleep {
        delay: f64,
        result: Value,
    },
    /// A task's `__wakeup`, as a future's done callback.
    Wakeup(TaskRef),
    /// `run_until_complete`'s callback that stops the loop.
    StopLoop,
    /// A `gather`: its children's done callback and its outer future's cancel hook.
    Gather(Rc<gather::Gather>),
    /// `agen.__anext__()`, `aclose()` or `athrow(exc)`, not yet awaited.
    Anext {
        gen: Value,
        close: bool,
        throw: Option<Value>,
    },
    /// The event loop.
    Loop,
    /// What `call_soon`/`call_later` return: `cancel()` sets the flag; a timer's has
    /// its due time.
    Handle {
        cancelled: Rc<Cell<bool>>,
        when: Option<f64>,
    },
    /// `concurrent.futures.ThreadPoolExecutor(max_workers=n)`.
    Pool(executor::Pool),
}

type R<T> = Result<T, Value>;

/// The future inside a future or task value.
pub fn future_of(v: &Value) -> Option<&Future> {
    match v {
        Value::Object(o) => match &**o {
            Object::Aio(AioObject::Future(f)) => Some(f),
            Object::Aio(AioObject::Task(t)) => Some(&t.fut),
            _ => None,
        },
        _ => None,
    }
}

pub fn task_of(v: &Value) -> Option<TaskRef> {
    match v {
        Value::Object(o) => match &**o {
            Object::Aio(AioObject::Task(t)) => Some(t.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// A task's coroutine as its repr shows it: `<main() running at main.py:7>` (the line
/// its own frame is at; the `def` line before it starts), `<boom() done, defined at
/// main.py:4>`. While the task runs, its frames are on the machine's stack, not here: no
/// line is shown then.
fn coro_description(task: &Task) -> String {
    let Value::Object(o) = &task.coro else {
        return "<?>".into();
    };
    let Object::Gen(g) = &**o else {
        return "<?>".into();
    };
    let g = g.borrow();
    let (name, file) = (&g.code.qualname, &g.code.filename);
    if g.finished {
        return format!("<{name}() done, defined at {file}:{}>", g.code.first_line);
    }
    let frames = task.frames.borrow();
    match frames.first() {
        Some(f) => format!("<{name}() running at {file}:{}>", f.line()),
        None if task.started.get() => format!("<{name}() running>"),
        None => format!("<{name}() running at {file}:{}>", g.code.first_line),
    }
}

pub fn aio_value(a: AioObject) -> Value {
    Value::object(Object::Aio(a))
}

impl Vm {
    /// What `print` writes goes to the program's output and into the trace.
    pub fn write_stdout(&mut self, text: &str) {
        self.stdout.push_str(text);
        let t = self.aio.time;
        let task = self.aio.current.as_ref().map(|t| t.id);
        self.aio.rec.print(t, task, text);
    }

    /// `await v`'s first half: checks that `v` can be awaited.
    pub fn awaitable(&mut self, v: Value) -> R<Value> {
        let ok = match &v {
            Value::Object(o) => match &**o {
                Object::Gen(g) => {
                    let mut g = g.borrow_mut();
                    match g.code.kind {
                        crate::py::code::CodeKind::Coroutine => {
                            if g.started || g.finished {
                                drop(g);
                                return Err(self.new_exc(
                                    &self.types.runtime_error.clone(),
                                    "cannot reuse already awaited coroutine",
                                ));
                            }
                            g.awaited = true;
                            true
                        }
                        _ => false,
                    }
                }
                Object::Aio(
                    AioObject::Future(_)
                    | AioObject::Task(_)
                    | AioObject::Sleep { .. }
                    | AioObject::Anext { .. },
                ) => true,
                _ => false,
            },
            Value::Instance(_) => match self.lookup_special(&v, "__await__") {
                Some(m) => {
                    let r = self.call_value(&m, vec![v], vec![])?;
                    return self.awaited_through(r);
                }
                None => false,
            },
            _ => false,
        };
        if ok {
            Ok(v)
        } else {
            Err(self.not_awaitable(&v))
        }
    }

    /// What `await` awaits when an object's `__await__` returned `r`: the awaitable of
    /// another object's `__await__()`, or a generator, whose frame the task runs (what it
    /// yields goes to the task: `Wait::Yield`). CPython also takes an iterator of another
    /// kind; Looplab refuses that.
    fn awaited_through(&mut self, r: Value) -> R<Value> {
        let iterator = match &r {
            Value::Object(o) => match &**o {
                Object::Iter(it) => {
                    if let Iter::Await(inner) = &*it.borrow() {
                        let inner = inner.clone();
                        return self.awaitable(inner);
                    }
                    true
                }
                Object::Gen(g) => match g.borrow().code.kind {
                    CodeKind::Coroutine => {
                        return Err(self.type_error("__await__() returned a coroutine"))
                    }
                    CodeKind::AsyncGenerator => false,
                    _ => return Ok(r.clone()),
                },
                _ => false,
            },
            Value::Instance(_) => self.lookup_special(&r, "__next__").is_some(),
            _ => false,
        };
        if iterator {
            return Err(self.new_exc(
                &self.types.not_implemented_error.clone(),
                "an __await__ returning an iterator other than a generator is not supported: \
                 write __await__ as a generator (with yield), or return another awaitable's \
                 __await__(), as in `return asyncio.sleep(1).__await__()`",
            ));
        }
        Err(self.type_error(&format!(
            "__await__() returned non-iterator of type '{}'",
            self.type_name(&r)
        )))
    }

    fn not_awaitable(&self, v: &Value) -> Value {
        let hint = match v {
            Value::Function(f) if f.code.is_async() => {
                " (it is an async function: call it, as in `await f()`)"
            }
            Value::None => " (did a function forget to return its coroutine or task?)",
            _ => "",
        };
        self.type_error(&format!(
            "object {} can't be used in 'await' expression{hint}",
            self.type_name(v)
        ))
    }

    /// `await a`: a coroutine's frame goes on the stack; a pending future suspends the
    /// task; a done one gives its result at once.
    pub fn await_value(&mut self, frames: &mut Vec<Frame>, a: Value) -> R<Option<Exit>> {
        let Value::Object(o) = &a else {
            return Err(self.not_awaitable(&a));
        };
        match &**o {
            Object::Gen(g) => {
                let frame = {
                    let mut g = g.borrow_mut();
                    g.started = true;
                    g.frames.pop()
                };
                let Some(mut frame) = frame else {
                    return Err(self.new_exc(
                        &self.types.runtime_error.clone(),
                        "cannot reuse already awaited coroutine",
                    ));
                };
                frame.kind = FrameKind::Await(a.clone());
                frames.push(frame);
                self.check_depth(frames)?;
                Ok(None)
            }
            Object::Aio(AioObject::Sleep { delay, result }) => {
                self.await_sleep(*delay, result.clone()).map(Some)
            }
            Object::Aio(AioObject::Future(_) | AioObject::Task(_)) => {
                let fut = future_of(&a).ok_or_else(|| self.type_error("not a future"))?;
                if fut.done() {
                    let v = self.future_result(&a)?;
                    if let Some(f) = frames.last_mut() {
                        f.push(v);
                    }
                    return Ok(None);
                }
                if self.aio.current.is_none() {
                    return Err(
                        self.new_exc(&self.types.runtime_error.clone(), "no running event loop")
                    );
                }
                Ok(Some(Exit::Suspend(Wait::Future(a.clone()))))
            }
            Object::Aio(AioObject::Anext { gen, close, throw }) => {
                self.await_anext(frames, gen, *close, throw.clone())
            }
            _ => Err(self.not_awaitable(&a)),
        }
    }

    /// `await asyncio.sleep(delay, result)`: the task suspends.
    #[inline]
    pub fn await_sleep(&mut self, delay: f64, result: Value) -> R<Exit> {
        if delay <= 0.0 && result.is_none() && !self.aio.in_thread {
            // CPython's `sleep(0)` is a bare `yield`: it needs no loop, and a coroutine
            // driven by hand gets `None` from `send()`.
            return Ok(Exit::Suspend(Wait::Yield(Value::None)));
        }
        if self.aio.current.is_none() || self.aio.in_thread {
            return Err(self.new_exc(&self.types.runtime_error.clone(), "no running event loop"));
        }
        Ok(Exit::Suspend(Wait::Sleep { delay, result }))
    }

    fn await_anext(
        &mut self,
        frames: &mut Vec<Frame>,
        gen: &Value,
        close: bool,
        throw: Option<Value>,
    ) -> R<Option<Exit>> {
        let Value::Object(o) = gen else {
            return Ok(None);
        };
        let Object::Gen(g) = &**o else {
            return Ok(None);
        };
        let mut state = g.borrow_mut();
        if close {
            // Closing: a started generator's `finally` blocks run with GeneratorExit.
            if state.finished || !state.started {
                state.finished = true;
                state.frames.clear();
                drop(state);
                if let Some(f) = frames.last_mut() {
                    f.push(Value::None);
                }
                return Ok(None);
            }
            let Some(mut frame) = state.frames.pop() else {
                return Ok(None);
            };
            state.finished = true;
            drop(state);
            frame.kind = FrameKind::Close;
            frames.push(frame);
            let exit = self.new_exc(&self.types.generator_exit.clone(), "");
            let base = frames.len() - 1;
            return match self.unwind(frames, base, exit) {
                Some(Exit::Raise(e)) => Err(e),
                _ => Ok(None),
            };
        }
        if let Some(exc) = throw {
            let Some(mut frame) = state.frames.pop() else {
                return Err(self.new_exc(
                    &self.types.runtime_error.clone(),
                    "athrow(): asynchronous generator is already running",
                ));
            };
            if state.finished || !state.started {
                state.finished = true;
                drop(state);
                return Err(exc);
            }
            drop(state);
            frame.kind = FrameKind::Anext(gen.clone());
            frames.push(frame);
            let base = frames.len() - 1;
            return match self.unwind(frames, base, exc) {
                Some(Exit::Raise(e)) => Err(e),
                _ => Ok(None),
            };
        }
        if state.finished {
            drop(state);
            return Err(self.new_exc(&self.types.stop_async_iteration.clone(), ""));
        }
        let Some(mut frame) = state.frames.pop() else {
            drop(state);
            return Err(self.new_exc(
                &self.types.runtime_error.clone(),
                "anext(): asynchronous generator is already running",
            ));
        };
        if state.started {
            frame.push(Value::None);
        }
        state.started = true;
        drop(state);
        frame.kind = FrameKind::Anext(gen.clone());
        frames.push(frame);
        Ok(None)
    }

    /// `agen.__anext__()`, `agen.aclose()`, `agen.athrow(exc)`.
    pub fn anext_awaitable(&mut self, gen: &Value, close: bool, throw: Option<Value>) -> Value {
        aio_value(AioObject::Anext {
            gen: gen.clone(),
            close,
            throw,
        })
    }

    /// `super()` with no arguments, inside a method: the class that defines the running
    /// method and its first argument.
    pub fn zero_arg_super(&mut self) -> R<Value> {
        Err(self.new_exc(&self.types.runtime_error.clone(), "super(): no arguments"))
    }

    pub fn aio_type(&self, a: &AioObject) -> Value {
        match a {
            AioObject::Task(_) => Value::Class(self.types.task.clone()),
            AioObject::Future(_) => Value::Class(self.types.future.clone()),
            _ => Value::Class(self.types.object.clone()),
        }
    }

    pub fn aio_len(&mut self, _a: &AioObject) -> R<Value> {
        Err(self.type_error("object has no len()"))
    }

    pub fn aio_repr(&mut self, a: &AioObject, v: &Value) -> R<String> {
        Ok(match a {
            AioObject::Task(t) => {
                let state = match t.fut.state.get() {
                    State::Pending => "pending",
                    State::Cancelled => "cancelled",
                    State::Finished => "finished",
                };
                let coro = coro_description(t);
                let mut s = format!("<Task {state} name='{}' coro={coro}", t.name());
                if t.fut.state.get() == State::Finished {
                    match t.fut.exception.borrow().clone() {
                        Some(e) => s.push_str(&format!(" exception={}", self.repr_of(&e)?)),
                        None => {
                            let r = t.fut.result.borrow().clone();
                            s.push_str(&format!(" result={}", self.repr_of(&r)?));
                        }
                    }
                }
                s.push('>');
                s
            }
            AioObject::Future(f) => {
                let class = match f.label.borrow().as_deref() {
                    Some("gather") => "_GatheringFuture",
                    _ => "Future",
                };
                match f.state.get() {
                    State::Pending => format!("<{class} pending>"),
                    State::Cancelled => format!("<{class} cancelled>"),
                    State::Finished => match f.exception.borrow().clone() {
                        Some(e) => format!("<{class} finished exception={}>", self.repr_of(&e)?),
                        None => {
                            let r = f.result.borrow().clone();
                            format!("<{class} finished result={}>", self.repr_of(&r)?)
                        }
                    },
                }
            }
            AioObject::Sleep { .. } => {
                format!("<coroutine object sleep at 0x{:x}>", v.identity())
            }
            AioObject::Loop => {
                "<_UnixSelectorEventLoop running=True closed=False debug=False>".into()
            }
            _ => format!("<object at 0x{:x}>", v.identity()),
        })
    }

    pub fn aio_attr(&mut self, a: &AioObject, _obj: &Value, name: &str) -> R<Option<Value>> {
        Ok(match (a, name) {
            (AioObject::Pool(pool), "_max_workers") => Some(Value::Int(pool.max_workers as i64)),
            _ => None,
        })
    }
}
