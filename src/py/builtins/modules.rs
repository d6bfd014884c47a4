//! The modules a program can import: `asyncio` (native loop plus the Python prelude),
//! `time` and `random` on the virtual clock and the run's seed, `functools`,
//! `contextlib`, `json`, `concurrent.futures`, `typing`, `sys`, `math`.

use super::{builtin, float_arg, int_arg, kwarg, Kwargs, R};
use crate::py::code::Code;
use crate::py::value::*;
use crate::py::vm::{module, Vm};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Every importable module, for the "No module named" message.
pub const KNOWN: &[&str] = &[
    "asyncio",
    "time",
    "random",
    "functools",
    "contextlib",
    "json",
    "concurrent",
    "concurrent.futures",
    "typing",
    "sys",
    "math",
    "inspect",
    "aiohttp",
    "uvloop",
    "operator",
    "__future__",
];

/// The natives that are part of asyncio's public names (the rest serve the prelude).
const PUBLIC_NATIVES: &[&str] = &[
    "sleep",
    "gather",
    "create_task",
    "ensure_future",
    "get_running_loop",
    "get_event_loop",
    "new_event_loop",
    "set_event_loop",
    "wrap_future",
    "current_task",
    "all_tasks",
    "iscoroutine",
    "iscoroutinefunction",
    "isfuture",
];

const ASYNCIO_PRELUDE: &[(&str, &str)] = &[
    ("asyncio/tasks.py", include_str!("../aio/prelude/tasks.py")),
    ("asyncio/locks.py", include_str!("../aio/prelude/locks.py")),
    (
        "asyncio/queues.py",
        include_str!("../aio/prelude/queues.py"),
    ),
    (
        "asyncio/timeouts.py",
        include_str!("../aio/prelude/timeouts.py"),
    ),
    (
        "asyncio/taskgroups.py",
        include_str!("../aio/prelude/taskgroups.py"),
    ),
    (
        "asyncio/runners.py",
        include_str!("../aio/prelude/runners.py"),
    ),
];

pub fn install(vm: &mut Vm) {
    let t = &vm.types;
    let classes = |names: &[&Rc<Class>]| -> Vec<(&'static str, Value)> {
        names
            .iter()
            .map(|c| (leak_name(&c.name), Value::Class((*c).clone())))
            .collect()
    };
    let mut asyncio_items = classes(&[
        &t.cancelled_error,
        &t.invalid_state_error,
        &t.queue_empty,
        &t.queue_full,
        &t.broken_barrier_error,
    ]);
    asyncio_items.push(("TimeoutError", Value::Class(t.timeout_error.clone())));
    asyncio_items.push(("Future", Value::Class(t.future.clone())));
    asyncio_items.push(("Task", Value::Class(t.task.clone())));
    let natives = crate::py::aio::api::natives();
    for (name, v) in &natives {
        if PUBLIC_NATIVES.contains(name) {
            asyncio_items.push((name, v.clone()));
        }
    }
    let native_module = module("_native", natives);
    asyncio_items.push(("_native", native_module));
    let asyncio = module("asyncio", asyncio_items);
    run_prelude(vm, &asyncio, ASYNCIO_PRELUDE);
    vm.modules.insert("asyncio".into(), asyncio);

    let functools = module("functools", vec![]);
    run_prelude(
        vm,
        &functools,
        &[("functools.py", include_str!("lib/functools.py"))],
    );
    vm.modules.insert("functools".into(), functools);
    // `from __future__ import annotations`: every feature is already on.
    let future = module(
        "__future__",
        [
            "annotations",
            "division",
            "print_function",
            "generator_stop",
        ]
        .iter()
        .map(|n| (*n, Value::Bool(true)))
        .collect(),
    );
    vm.modules.insert("__future__".into(), future);
    let operator = module("operator", vec![]);
    run_prelude(
        vm,
        &operator,
        &[("operator.py", include_str!("lib/operator.py"))],
    );
    vm.modules.insert("operator".into(), operator);
    let contextlib = module("contextlib", vec![]);
    run_prelude(
        vm,
        &contextlib,
        &[("contextlib.py", include_str!("lib/contextlib.py"))],
    );
    vm.modules.insert("contextlib".into(), contextlib);

    let time = module(
        "time",
        vec![
            ("sleep", builtin("sleep", time_sleep)),
            ("time", builtin("time", time_time)),
            ("monotonic", builtin("monotonic", time_clock)),
            ("perf_counter", builtin("perf_counter", time_clock)),
            ("process_time", builtin("process_time", time_clock)),
            ("monotonic_ns", builtin("monotonic_ns", time_clock_ns)),
            ("perf_counter_ns", builtin("perf_counter_ns", time_clock_ns)),
            ("time_ns", builtin("time_ns", time_time_ns)),
        ],
    );
    vm.modules.insert("time".into(), time);
    let random = module(
        "random",
        vec![
            ("seed", builtin("seed", random_seed)),
            ("random", builtin("random", random_random)),
            ("uniform", builtin("uniform", random_uniform)),
            ("randint", builtin("randint", random_randint)),
            ("randrange", builtin("randrange", random_randrange)),
            ("choice", builtin("choice", random_choice)),
            ("shuffle", builtin("shuffle", random_shuffle)),
            ("sample", builtin("sample", random_sample)),
        ],
    );
    vm.modules.insert("random".into(), random);
    let json = module(
        "json",
        vec![
            ("dumps", builtin("dumps", super::json::dumps)),
            ("loads", builtin("loads", super::json::loads)),
            (
                "JSONDecodeError",
                Value::Class(vm.types.json_decode_error.clone()),
            ),
        ],
    );
    vm.modules.insert("json".into(), json);
    let pool = crate::py::aio::api::natives()
        .into_iter()
        .find(|(n, _)| *n == "ThreadPoolExecutor")
        .map(|(_, v)| v)
        .unwrap_or_default();
    let futures = module(
        "concurrent.futures",
        vec![
            ("ThreadPoolExecutor", pool),
            ("TimeoutError", Value::Class(vm.types.timeout_error.clone())),
            (
                "CancelledError",
                Value::Class(vm.types.cancelled_error.clone()),
            ),
        ],
    );
    vm.modules.insert(
        "concurrent".into(),
        module("concurrent", vec![("futures", futures.clone())]),
    );
    vm.modules.insert("concurrent.futures".into(), futures);
    let typing = module(
        "typing",
        vec![
            ("TypeVar", builtin("TypeVar", |_, _, _| Ok(Value::None))),
            ("TYPE_CHECKING", Value::Bool(false)),
        ],
    );
    run_prelude(vm, &typing, &[("typing.py", include_str!("lib/typing.py"))]);
    vm.modules.insert("typing".into(), typing);
    let sys = module(
        "sys",
        vec![
            ("version", Value::str("3.12.1 (Looplab)")),
            (
                "version_info",
                Value::tuple(vec![Value::Int(3), Value::Int(12), Value::Int(1)]),
            ),
            ("platform", Value::str("looplab")),
            ("exit", builtin("exit", sys_exit)),
            (
                "getrecursionlimit",
                builtin("getrecursionlimit", |vm, _, _| {
                    Ok(Value::Int(vm.limits.max_frames as i64))
                }),
            ),
        ],
    );
    vm.modules.insert("sys".into(), sys);
    let math = module(
        "math",
        vec![
            ("pi", Value::Float(std::f64::consts::PI)),
            ("e", Value::Float(std::f64::consts::E)),
            ("inf", Value::Float(f64::INFINITY)),
            ("nan", Value::Float(f64::NAN)),
            ("sqrt", builtin("sqrt", |vm, a, _| math1(vm, &a, f64::sqrt))),
            ("exp", builtin("exp", |vm, a, _| math1(vm, &a, f64::exp))),
            ("log", builtin("log", |vm, a, _| math1(vm, &a, f64::ln))),
            ("log2", builtin("log2", |vm, a, _| math1(vm, &a, f64::log2))),
            (
                "log10",
                builtin("log10", |vm, a, _| math1(vm, &a, f64::log10)),
            ),
            ("fabs", builtin("fabs", |vm, a, _| math1(vm, &a, f64::abs))),
            (
                "floor",
                builtin("floor", |vm, a, _| math_int(vm, &a, f64::floor)),
            ),
            (
                "ceil",
                builtin("ceil", |vm, a, _| math_int(vm, &a, f64::ceil)),
            ),
            ("isclose", builtin("isclose", math_isclose)),
        ],
    );
    vm.modules.insert("math".into(), math);
    let natives = crate::py::aio::api::natives();
    let native = |name: &str| {
        natives
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let inspect = module(
        "inspect",
        vec![
            ("iscoroutinefunction", native("iscoroutinefunction")),
            ("iscoroutine", native("iscoroutine")),
            (
                "isawaitable",
                builtin("isawaitable", |vm, a, _| {
                    let v = a.first().cloned().unwrap_or_default();
                    Ok(Value::Bool(vm.awaitable(v).is_ok()))
                }),
            ),
            (
                "isfunction",
                builtin("isfunction", |_, a, _| {
                    Ok(Value::Bool(matches!(a.first(), Some(Value::Function(_)))))
                }),
            ),
            (
                "isclass",
                builtin("isclass", |_, a, _| {
                    Ok(Value::Bool(matches!(a.first(), Some(Value::Class(_)))))
                }),
            ),
        ],
    );
    vm.modules.insert("inspect".into(), inspect);
    super::packages::install(vm);
}

/// A class name as a `'static` key (the built-in classes live as long as the program).
fn leak_name(name: &str) -> &'static str {
    match name {
        "CancelledError" => "CancelledError",
        "InvalidStateError" => "InvalidStateError",
        "QueueEmpty" => "QueueEmpty",
        "QueueFull" => "QueueFull",
        _ => "BrokenBarrierError",
    }
}

thread_local! {
    /// The prelude's code, compiled once per thread: the editor runs a program on each
    /// edit, and parsing and compiling the prelude is most of a small run's time.
    static COMPILED: RefCell<HashMap<&'static str, Rc<Code>>> = RefCell::new(HashMap::new());
}

/// The code of a prelude file (written by Looplab, so it always compiles).
pub fn compiled(name: &'static str, src: &'static str) -> Rc<Code> {
    COMPILED.with(|cache| {
        cache
            .borrow_mut()
            .entry(name)
            .or_insert_with(|| {
                crate::py::parser::parse(src)
                    .and_then(|ast| crate::py::compile::compile_file(&ast, name))
                    .unwrap_or_else(|e| panic!("the prelude {name} does not compile: {e}"))
            })
            .clone()
    })
}

/// Runs prelude files into a module's namespace.
pub(super) fn run_prelude(vm: &mut Vm, m: &Value, files: &[(&'static str, &'static str)]) {
    let Value::Object(o) = m else { return };
    let Object::Module(module) = &**o else { return };
    for (name, src) in files {
        let globals = module.dict.clone();
        let mut f = crate::py::vm::Frame::new(compiled(name, src), globals.clone());
        f.namespace = Some(globals);
        if let Err(e) = vm.run_nested(f) {
            let text = vm.describe_exception(&e);
            panic!("the prelude {name} failed: {text}");
        }
    }
}

fn time_sleep(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let secs = float_arg(vm, args.first().unwrap_or(&Value::Int(0)), "sleep length")?;
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if vm.aio.in_thread {
        vm.aio.suspend = Some(crate::py::vm::Wait::ThreadSleep(secs));
    } else {
        vm.block_loop(secs)?;
    }
    Ok(Value::None)
}

/// `time.time()`: a fixed epoch (2023-11-14) plus virtual time, so runs repeat.
const EPOCH: f64 = 1_700_000_000.0;

fn time_time(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> R<Value> {
    vm.sync_clock();
    Ok(Value::Float(EPOCH + vm.aio.time))
}

fn time_time_ns(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> R<Value> {
    vm.sync_clock();
    Ok(Value::Int(EPOCH as i64 * 1_000_000_000 + vm.aio.now_ns))
}

fn time_clock(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> R<Value> {
    vm.sync_clock();
    Ok(Value::Float(vm.aio.time))
}

fn time_clock_ns(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> R<Value> {
    vm.sync_clock();
    Ok(Value::Int(vm.aio.now_ns))
}

fn random_seed(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let seed = match args.first() {
        Some(Value::Int(i)) => *i as u64,
        Some(Value::None) | None => 0,
        Some(other) => {
            let s = vm.repr_of(other)?;
            s.bytes()
                .fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(b as u64))
        }
    };
    vm.rng = fastrand::Rng::with_seed(seed);
    Ok(Value::None)
}

fn random_random(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> R<Value> {
    Ok(Value::Float(vm.rng.f64()))
}

fn random_uniform(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let a = float_arg(vm, args.first().unwrap_or(&Value::Int(0)), "a")?;
    let b = float_arg(vm, args.get(1).unwrap_or(&Value::Int(1)), "b")?;
    Ok(Value::Float(a + (b - a) * vm.rng.f64()))
}

fn random_randint(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let a = int_arg(vm, args.first().unwrap_or(&Value::Int(0)), "a")?;
    let b = int_arg(vm, args.get(1).unwrap_or(&Value::Int(0)), "b")?;
    if b < a {
        return Err(vm.value_error(&format!("empty range in randrange({a}, {})", b + 1)));
    }
    Ok(Value::Int(vm.rng.i64(a..=b)))
}

fn random_randrange(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let ints: Vec<i64> = args
        .iter()
        .map(|a| int_arg(vm, a, "randrange() argument"))
        .collect::<R<_>>()?;
    let (start, stop, step) = match ints[..] {
        [stop] => (0, stop, 1),
        [start, stop] => (start, stop, 1),
        [start, stop, step] => (start, stop, step),
        _ => return Err(vm.type_error("randrange expected 1 to 3 arguments")),
    };
    let n = crate::py::vm::range_len(start, stop, step);
    if n <= 0 {
        return Err(vm.value_error(&format!("empty range in randrange({start}, {stop})")));
    }
    Ok(Value::Int(start + step * vm.rng.i64(0..n)))
}

fn random_choice(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let items = vm.collect(args.first().unwrap_or(&Value::None))?;
    if items.is_empty() {
        return Err(vm.new_exc(
            &vm.types.index_error.clone(),
            "Cannot choose from an empty sequence",
        ));
    }
    let i = vm.rng.usize(0..items.len());
    Ok(items[i].clone())
}

fn random_shuffle(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    if let Some(Value::List(l)) = args.first() {
        let mut items = l.borrow_mut();
        for i in (1..items.len()).rev() {
            let j = vm.rng.usize(0..=i);
            items.swap(i, j);
        }
    }
    Ok(Value::None)
}

fn random_sample(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> R<Value> {
    let mut items = vm.collect(args.first().unwrap_or(&Value::None))?;
    let k = args
        .get(1)
        .or_else(|| kwarg(&kwargs, "k"))
        .cloned()
        .unwrap_or_default();
    let k = int_arg(vm, &k, "k")?;
    if k < 0 || k as usize > items.len() {
        return Err(vm.value_error("Sample larger than population or is negative"));
    }
    for i in 0..k as usize {
        let j = vm.rng.usize(i..items.len());
        items.swap(i, j);
    }
    items.truncate(k as usize);
    Ok(Value::list(items))
}

fn sys_exit(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    Err(vm.exc_with_args(&vm.types.system_exit.clone(), args))
}

fn math1(vm: &mut Vm, args: &[Value], f: fn(f64) -> f64) -> R<Value> {
    let x = float_arg(vm, args.first().unwrap_or(&Value::Int(0)), "x")?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(vm.value_error("math domain error"));
    }
    Ok(Value::Float(r))
}

fn math_int(vm: &mut Vm, args: &[Value], f: fn(f64) -> f64) -> R<Value> {
    match args.first() {
        Some(Value::Int(i)) => Ok(Value::Int(*i)),
        Some(v) => {
            let x = float_arg(vm, v, "x")?;
            super::functions::float_to_int(vm, f(x))
        }
        None => Err(vm.type_error("missing argument")),
    }
}

fn math_isclose(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> R<Value> {
    let a = float_arg(vm, args.first().unwrap_or(&Value::Int(0)), "a")?;
    let b = float_arg(vm, args.get(1).unwrap_or(&Value::Int(0)), "b")?;
    let rel = match kwarg(&kwargs, "rel_tol") {
        Some(v) => float_arg(vm, v, "rel_tol")?,
        None => 1e-9,
    };
    let abs = match kwarg(&kwargs, "abs_tol") {
        Some(v) => float_arg(vm, v, "abs_tol")?,
        None => 0.0,
    };
    Ok(Value::Bool(
        a == b || (a - b).abs() <= (rel * a.abs().max(b.abs())).max(abs),
    ))
}
