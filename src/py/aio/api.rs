//! The native half of the `asyncio` module and the methods of futures, tasks, the loop,
//! handles and thread pools. The Python half is `prelude/*.py`.

use super::cost::LoopKind;
use super::executor::Pool;
use super::future::State;
use super::runtime::Callback;
use super::{aio_value, future_of, task_of, AioObject, R};
use crate::py::builtins::{builtin, check_kwargs, float_arg, kwarg, Kwargs};
use crate::py::value::*;
use crate::py::vm::Vm;
use std::cell::Cell;
use std::rc::Rc;

/// The native functions, as `_native` inside the prelude.
pub fn natives() -> Vec<(&'static str, Value)> {
    let mut natives = vec![
        ("sleep", builtin("sleep", sleep)),
        ("create_task", builtin("create_task", create_task)),
        ("ensure_future", builtin("ensure_future", ensure_future)),
        ("gather", builtin("gather", super::gather::gather)),
        (
            "get_running_loop",
            builtin("get_running_loop", get_running_loop),
        ),
        ("get_event_loop", builtin("get_event_loop", get_event_loop)),
        ("new_event_loop", builtin("new_event_loop", new_event_loop)),
        (
            "set_event_loop",
            builtin("set_event_loop", |_, _, _| Ok(Value::None)),
        ),
        ("current_task", builtin("current_task", current_task)),
        ("all_tasks", builtin("all_tasks", all_tasks)),
        ("Future", builtin("Future", new_future)),
        ("iscoroutine", builtin("iscoroutine", iscoroutine)),
        (
            "iscoroutinefunction",
            builtin("iscoroutinefunction", iscoroutinefunction),
        ),
        ("isfuture", builtin("isfuture", isfuture)),
        (
            "run_until_complete",
            builtin("run_until_complete", run_until_complete),
        ),
        ("loop_open", builtin("loop_open", loop_open)),
        ("loop_policy", builtin("loop_policy", loop_policy)),
        ("running", builtin("running", running)),
        ("label", builtin("label", label)),
        ("pending_jobs", builtin("pending_jobs", pending_jobs)),
        (
            "ThreadPoolExecutor",
            builtin("ThreadPoolExecutor", thread_pool),
        ),
        ("wrap_future", builtin("wrap_future", wrap_future)),
        (
            "executor_idle",
            builtin("executor_idle", |vm, _, _| Ok(vm.executor_idle())),
        ),
        (
            "loop_object",
            builtin("loop_object", |vm, _, _| Ok(vm.loop_value())),
        ),
        ("alive_tasks", builtin("alive_tasks", alive_tasks)),
        ("note", builtin("note", note)),
        (
            "set_thread_call",
            builtin("set_thread_call", |vm, a, _| {
                vm.aio.thread_call = a.into_iter().next();
                Ok(Value::None)
            }),
        ),
    ];
    natives.extend(super::resources::natives());
    natives
}

fn sleep(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> R<Value> {
    let (delay, result) = sleep_args(vm, &args, &kwargs)?;
    Ok(aio_value(AioObject::Sleep { delay, result }))
}

/// Is this builtin `asyncio.sleep`?
pub fn is_sleep(b: &Builtin) -> bool {
    std::ptr::fn_addr_eq(b.func, sleep as BuiltinFn)
}

/// `asyncio.sleep(delay, result)`'s delay in seconds and result, checked.
#[inline]
pub fn sleep_args(vm: &Vm, args: &[Value], kwargs: &[(Rc<str>, Value)]) -> R<(f64, Value)> {
    check_kwargs(vm, kwargs, "sleep", &["delay", "result"])?;
    let delay = match args.first().or_else(|| kwarg(kwargs, "delay")) {
        Some(Value::Float(d)) => *d,
        Some(v) => float_arg(vm, v, "sleep() delay")?,
        None => float_arg(vm, &Value::None, "sleep() delay")?,
    };
    if delay.is_nan() {
        return Err(vm.value_error("Invalid delay: NaN (not a number)"));
    }
    let result = args
        .get(1)
        .or_else(|| kwarg(kwargs, "result"))
        .cloned()
        .unwrap_or_default();
    Ok((delay, result))
}

fn running_loop(vm: &Vm) -> R<()> {
    if vm.aio.running {
        Ok(())
    } else {
        Err(vm.new_exc(&vm.types.runtime_error.clone(), "no running event loop"))
    }
}

fn create_task(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> R<Value> {
    check_kwargs(vm, &kwargs, "create_task", &["name", "context"])?;
    if !vm.aio.open {
        return Err(vm.new_exc(&vm.types.runtime_error.clone(), "no running event loop"));
    }
    let coro = vm.as_coroutine(args.first().cloned().unwrap_or_default())?;
    let is_coro = matches!(&coro, Value::Object(o) if matches!(&**o, Object::Gen(g) if g.borrow().code.kind == crate::py::code::CodeKind::Coroutine));
    if !is_coro {
        let r = vm.repr_of(&coro)?;
        return Err(vm.type_error(&format!("a coroutine was expected, got {r}")));
    }
    let name = match kwarg(&kwargs, "name") {
        None | Some(Value::None) => None,
        Some(v) => Some(vm.str_of(v)?.into()),
    };
    let task = vm.new_task(coro, name)?;
    Ok(aio_value(AioObject::Task(task)))
}

pub(super) fn ensure_future(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> R<Value> {
    let v = args.first().cloned().unwrap_or_default();
    if future_of(&v).is_some() {
        return Ok(v);
    }
    let awaitable = match &v {
        Value::Object(o) => matches!(&**o, Object::Gen(_) | Object::Aio(AioObject::Sleep { .. })),
        Value::Instance(_) => vm.lookup_special(&v, "__await__").is_some(),
        _ => false,
    };
    if !awaitable {
        return Err(vm.type_error("An asyncio.Future, a coroutine or an awaitable is required"));
    }
    let coro = match v {
        Value::Instance(_) => vm.wrapped("_wrap_awaitable", v)?,
        v => v,
    };
    create_task(vm, vec![coro], kwargs)
}

fn get_running_loop(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> R<Value> {
    running_loop(vm)?;
    Ok(vm.loop_value())
}

fn get_event_loop(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> R<Value> {
    if vm.aio.running {
        return get_running_loop(vm, args, kwargs);
    }
    new_event_loop(vm, args, kwargs)
}

fn new_event_loop(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> R<Value> {
    if !args.is_empty() || !kwargs.is_empty() {
        return Err(vm.type_error("new_event_loop() takes no arguments"));
    }
    loop_open(vm, vec![Value::Bool(true)], kwargs)?;
    Ok(vm.loop_value())
}

fn current_task(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> R<Value> {
    running_loop(vm)?;
    Ok(match &vm.aio.current {
        Some(t) => aio_value(AioObject::Task(t.clone())),
        None => Value::None,
    })
}

fn all_tasks(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> R<Value> {
    running_loop(vm)?;
    let tasks: Vec<Value> = vm
        .aio
        .tasks
        .iter()
        .filter(|t| !t.fut.done())
        .map(|t| aio_value(AioObject::Task(t.clone())))
        .collect();
    vm.make_set(tasks)
}

/// `asyncio.wrap_future(f)`: Looplab's executor futures are asyncio futures already.
fn wrap_future(_: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    Ok(args.first().cloned().unwrap_or_default())
}

fn alive_tasks(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> R<Value> {
    let tasks: Vec<Value> = vm
        .aio
        .tasks
        .iter()
        .filter(|t| !t.fut.done())
        .map(|t| aio_value(AioObject::Task(t.clone())))
        .collect();
    Ok(Value::list(tasks))
}

fn note(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    if let Some(Value::Str(s)) = args.first() {
        vm.aio.rec.note(s.to_string());
    }
    Ok(Value::None)
}

fn new_future(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> R<Value> {
    Ok(vm.new_future())
}

fn iscoroutine(_: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let yes = match args.first() {
        Some(Value::Object(o)) => match &**o {
            Object::Gen(g) => g.borrow().code.kind == crate::py::code::CodeKind::Coroutine,
            Object::Aio(AioObject::Sleep { .. }) => true,
            _ => false,
        },
        _ => false,
    };
    Ok(Value::Bool(yes))
}

fn iscoroutinefunction(_: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    Ok(Value::Bool(
        matches!(args.first(), Some(Value::Function(f)) if f.code.kind == crate::py::code::CodeKind::Coroutine),
    ))
}

fn isfuture(_: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    Ok(Value::Bool(
        args.first().is_some_and(|v| future_of(v).is_some()),
    ))
}

fn run_until_complete(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let fut = args.first().cloned().unwrap_or_default();
    vm.run_until_complete(fut)
}

/// `_native.loop_open(open, kind=None)`: the runner's loop opens (as `kind`, `'asyncio'`
/// or `'uvloop'`; by default what the policy makes) or closes.
fn loop_open(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let open = match args.first() {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    vm.aio.open = open;
    if open {
        vm.aio.kind = loop_kind(vm, args.get(1))?.unwrap_or(vm.aio.policy);
        vm.aio.default_pool = Pool {
            id: 0,
            max_workers: default_workers(),
        };
    }
    Ok(Value::None)
}

/// `_native.loop_policy(kind)`: the kind of loop `asyncio.run` makes from now on.
fn loop_policy(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    vm.aio.policy = loop_kind(vm, args.first())?.unwrap_or_default();
    Ok(Value::None)
}

/// A loop kind a prelude names; `None` for none.
fn loop_kind(vm: &mut Vm, name: Option<&Value>) -> R<Option<LoopKind>> {
    match name {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => match LoopKind::named(s) {
            Some(k) => Ok(Some(k)),
            None => Err(vm.value_error(&format!("no event loop named {s:?}"))),
        },
        Some(_) => Err(vm.type_error("a loop kind is a str")),
    }
}

/// CPython's default executor size, `min(32, os.cpu_count() + 4)`.
fn default_workers() -> usize {
    32.min(std::thread::available_parallelism().map_or(1, |n| n.get()) + 4)
}

fn running(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> R<Value> {
    Ok(Value::Bool(vm.aio.running))
}

/// `_native.label(fut, "Lock.acquire", lock)`: what a future stands for, for the trace,
/// and the lock, semaphore or queue it waits on, if any.
fn label(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    if let (Some(f), Some(Value::Str(s))) = (args.first().and_then(future_of), args.get(1)) {
        *f.label.borrow_mut() = Some(s.clone());
        if let Some(r) = super::resources::resource_of(vm, args.get(2)) {
            f.set_resource(r);
        }
    }
    Ok(args.first().cloned().unwrap_or_default())
}

fn pending_jobs(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> R<Value> {
    Ok(Value::Int(
        (vm.aio.threads.len() + vm.aio.job_queue.len()) as i64,
    ))
}

fn thread_pool(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> R<Value> {
    let max_workers = match args.first().or_else(|| kwarg(&kwargs, "max_workers")) {
        None | Some(Value::None) => default_workers(),
        Some(v) => {
            let n = crate::py::builtins::int_arg(vm, v, "max_workers")?;
            if n <= 0 {
                return Err(vm.value_error("max_workers must be greater than 0"));
            }
            n as usize
        }
    };
    vm.aio.pools += 1;
    let id = vm.aio.pools;
    Ok(aio_value(AioObject::Pool(Pool { id, max_workers })))
}

const FUTURE_METHODS: &[&str] = &[
    "result",
    "exception",
    "done",
    "cancelled",
    "cancel",
    "add_done_callback",
    "remove_done_callback",
    "set_result",
    "set_exception",
    "get_loop",
    "__await__",
];
const TASK_METHODS: &[&str] = &[
    "get_name",
    "set_name",
    "get_coro",
    "uncancel",
    "cancelling",
    "print_stack",
    "get_stack",
];
const LOOP_METHODS: &[&str] = &[
    "time",
    "call_soon",
    "call_later",
    "call_at",
    "create_future",
    "create_task",
    "run_in_executor",
    "set_default_executor",
    "run_until_complete",
    "is_running",
    "is_closed",
    "call_soon_threadsafe",
    "set_debug",
    "get_debug",
    "slow_callback_duration",
    "close",
    "stop",
    "run_forever",
];

impl Vm {
    /// The event loop object: one per program, so `loop is asyncio.get_running_loop()`.
    pub fn loop_value(&mut self) -> Value {
        self.aio
            .loop_object
            .get_or_insert_with(|| aio_value(AioObject::Loop))
            .clone()
    }

    /// `asyncio.sleep(...)` is a coroutine in CPython; Looplab's is a lighter awaitable,
    /// turned into a coroutine named `sleep` where one is needed (`create_task`).
    pub fn as_coroutine(&mut self, v: Value) -> R<Value> {
        let is_sleep =
            matches!(&v, Value::Object(o) if matches!(&**o, Object::Aio(AioObject::Sleep { .. })));
        if !is_sleep {
            return Ok(v);
        }
        self.wrapped("sleep", v)
    }

    /// `awaitable` in a new coroutine of the wrapper called `name`, which awaits it:
    /// `sleep` ([`Vm::as_coroutine`]) or `_wrap_awaitable` (an object with `__await__`
    /// made a task, as CPython's `ensure_future` does).
    fn wrapped(&mut self, name: &str, awaitable: Value) -> R<Value> {
        let module = match &self.await_wrappers {
            Some(m) => m.clone(),
            None => {
                let code = crate::py::builtins::modules::compiled(
                    "asyncio/wrappers.py",
                    "async def sleep(awaitable):\n    return await awaitable\n\n\
                     async def _wrap_awaitable(awaitable):\n    return await awaitable\n",
                );
                let globals = std::rc::Rc::new(std::cell::RefCell::new(Dict::default()));
                let mut f = crate::py::vm::Frame::new(code, globals.clone());
                f.namespace = Some(globals.clone());
                self.run_nested(f)?;
                self.await_wrappers = Some(globals.clone());
                globals
            }
        };
        let func = module.borrow().get(&Key(Value::str(name))).cloned();
        self.call_value(&func.unwrap_or_default(), vec![awaitable], vec![])
    }

    pub fn new_future(&mut self) -> Value {
        aio_value(AioObject::Future(Box::default()))
    }

    pub fn aio_has_method(&self, a: &AioObject, name: &str) -> bool {
        match a {
            AioObject::Future(_) => FUTURE_METHODS.contains(&name),
            AioObject::Task(_) => FUTURE_METHODS.contains(&name) || TASK_METHODS.contains(&name),
            AioObject::Loop => LOOP_METHODS.contains(&name),
            AioObject::Handle { when, .. } => {
                matches!(name, "cancel" | "cancelled") || (name == "when" && when.is_some())
            }
            AioObject::Pool { .. } => {
                matches!(name, "__enter__" | "__exit__" | "shutdown" | "submit")
            }
            AioObject::Sleep { .. } => matches!(name, "close" | "send" | "__await__"),
            _ => false,
        }
    }

    pub fn aio_method(
        &mut self,
        a: &AioObject,
        recv: &Value,
        name: &str,
        args: &[Value],
        kwargs: &Kwargs,
    ) -> R<Option<Value>> {
        if !self.aio_has_method(a, name) {
            return Ok(None);
        }
        let a0 = args.first().cloned().unwrap_or_default();
        match a {
            AioObject::Future(_) | AioObject::Task(_) => {
                self.future_method(recv, name, args, kwargs)
            }
            AioObject::Loop => self.loop_method(name, args, kwargs).map(Some),
            AioObject::Handle { cancelled, when } => Ok(Some(match name {
                "cancel" => {
                    cancelled.set(true);
                    Value::None
                }
                "when" => Value::Float(when.unwrap_or_default()),
                _ => Value::Bool(cancelled.get()),
            })),
            AioObject::Pool(pool) => Ok(Some(match name {
                "__enter__" => recv.clone(),
                "__exit__" | "shutdown" => {
                    // Shutting a pool down waits for its jobs, holding the loop's thread.
                    self.block_while(|vm| vm.has_jobs(|p, _| p.id == pool.id))?;
                    Value::None
                }
                _ => {
                    let func = a0;
                    let fut = self.new_future();
                    if let Some(f) = future_of(&fut) {
                        *f.label.borrow_mut() = Some("executor".into());
                        f.concurrent.set(true);
                    }
                    let args = args.get(1..).map(|a| a.to_vec()).unwrap_or_default();
                    self.submit_job(func, args, fut.clone(), *pool)?;
                    fut
                }
            })),
            AioObject::Sleep { .. } if name == "__await__" => {
                Ok(Some(crate::py::builtins::await_iter(recv)))
            }
            AioObject::Sleep { .. } => Ok(Some(Value::None)),
            _ => Ok(None),
        }
    }

    fn future_method(
        &mut self,
        recv: &Value,
        name: &str,
        args: &[Value],
        kwargs: &Kwargs,
    ) -> R<Option<Value>> {
        let fut = future_of(recv).ok_or_else(|| self.type_error("not a future"))?;
        let a0 = args.first().cloned().unwrap_or_default();
        let task = task_of(recv);
        if fut.concurrent.get() && matches!(name, "result" | "exception") {
            self.wait_for_job(recv)?;
        }
        Ok(Some(match name {
            "result" => return self.future_result(recv).map(Some),
            "exception" => match fut.state.get() {
                State::Pending => {
                    return Err(self.new_exc(
                        &self.types.invalid_state_error.clone(),
                        "Exception is not set.",
                    ))
                }
                State::Cancelled => return Err(self.make_cancelled_error(fut)),
                State::Finished => {
                    fut.retrieved.set(true);
                    fut.exception.borrow().clone().unwrap_or_default()
                }
            },
            "done" => Value::Bool(fut.done()),
            "cancelled" => Value::Bool(fut.state.get() == State::Cancelled),
            "cancel" => {
                let msg = args.first().or_else(|| kwarg(kwargs, "msg")).cloned();
                Value::Bool(self.future_cancel(recv, msg))
            }
            "add_done_callback" => {
                self.add_done_callback(recv, a0);
                Value::None
            }
            "remove_done_callback" => {
                let before = fut.callbacks.borrow().len();
                fut.callbacks
                    .borrow_mut()
                    .retain(|c| !c.is(&a0) && !crate::py::value::key_eq(c, &a0));
                Value::Int((before - fut.callbacks.borrow().len()) as i64)
            }
            "set_result" if task.is_none() => {
                self.set_result(recv, a0)?;
                Value::None
            }
            "set_exception" if task.is_none() => {
                self.set_exception(recv, a0)?;
                Value::None
            }
            "set_result" | "set_exception" => {
                return Err(self.new_exc(
                    &self.types.runtime_error.clone(),
                    &format!("Task does not support {name}() operation"),
                ))
            }
            "get_loop" => self.loop_value(),
            "get_name" => Value::Str(task.map(|t| t.name()).unwrap_or_else(|| "".into())),
            "set_name" => {
                if let Some(t) = task {
                    let n: Rc<str> = self.str_of(&a0)?.into();
                    *t.name.borrow_mut() = Some(n.clone());
                    self.aio.rec.renamed(t.id, n);
                }
                Value::None
            }
            "get_coro" => task.map(|t| t.coro.clone()).unwrap_or_default(),
            "uncancel" => {
                let t = task.ok_or_else(|| self.type_error("not a task"))?;
                let n = t.cancel_requests.get().saturating_sub(1);
                t.cancel_requests.set(n);
                if n == 0 {
                    t.must_cancel.set(false);
                }
                Value::Int(n as i64)
            }
            "cancelling" => Value::Int(task.map_or(0, |t| t.cancel_requests.get()) as i64),
            "get_stack" => Value::list(Vec::new()),
            "print_stack" => Value::None,
            "__await__" => crate::py::builtins::await_iter(recv),
            _ => return Ok(None),
        }))
    }

    fn loop_method(&mut self, name: &str, args: &[Value], kwargs: &Kwargs) -> R<Value> {
        let a0 = args.first().cloned().unwrap_or_default();
        Ok(match name {
            "time" => {
                self.sync_clock();
                Value::Float(self.aio.time)
            }
            "call_soon" | "call_soon_threadsafe" => {
                let flag = Rc::new(Cell::new(false));
                self.aio.call_soon(Callback::Call {
                    func: a0,
                    args: args[1..].to_vec(),
                    cancelled: flag.clone(),
                });
                aio_value(AioObject::Handle {
                    cancelled: flag,
                    when: None,
                })
            }
            "call_later" | "call_at" => {
                let t = float_arg(self, &a0, "delay")?;
                let when = if name == "call_later" {
                    self.aio.time + t
                } else {
                    t
                };
                let flag = Rc::new(Cell::new(false));
                let func = args.get(1).cloned().unwrap_or_default();
                self.aio.call_at(
                    when,
                    Callback::Call {
                        func,
                        args: args.get(2..).map(|a| a.to_vec()).unwrap_or_default(),
                        cancelled: flag.clone(),
                    },
                );
                aio_value(AioObject::Handle {
                    cancelled: flag,
                    when: Some(when),
                })
            }
            "create_future" => self.new_future(),
            "create_task" => create_task(self, args.to_vec(), kwargs.clone())?,
            "run_in_executor" => {
                let pool = match args.first() {
                    Some(Value::Object(o)) => match &**o {
                        Object::Aio(AioObject::Pool(p)) => *p,
                        _ => self.aio.default_pool,
                    },
                    _ => self.aio.default_pool,
                };
                let fut = self.new_future();
                if let Some(f) = future_of(&fut) {
                    *f.label.borrow_mut() = Some("executor".into());
                }
                let func = args.get(1).cloned().unwrap_or_default();
                let args = args.get(2..).map(|a| a.to_vec()).unwrap_or_default();
                self.submit_job(func, args, fut.clone(), pool)?;
                fut
            }
            "set_default_executor" => {
                if let Value::Object(o) = &a0 {
                    if let Object::Aio(AioObject::Pool(p)) = &**o {
                        self.aio.default_pool = *p;
                    }
                }
                Value::None
            }
            "run_until_complete" => self.run_until_complete(a0)?,
            "is_running" => Value::Bool(self.aio.running),
            "is_closed" => Value::Bool(!self.aio.open),
            "close" => {
                self.aio.open = false;
                Value::None
            }
            "stop" => {
                self.stop_loop();
                Value::None
            }
            "run_forever" => {
                return Err(self.new_exc(
                    &self.types.not_implemented_error.clone(),
                    "loop.run_forever() is not supported: use asyncio.run(main())",
                ))
            }
            "get_debug" => Value::Bool(false),
            _ => Value::None,
        })
    }
}
