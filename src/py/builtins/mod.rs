//! The builtins module (`print`, `len`, `sorted`...), the constructors of the built-in
//! types (`int("3")`, `list(gen)`), and the importable modules ([`modules`]).

mod constructors;
mod functions;
mod json;
mod methods;
pub mod modules;
mod packages;
mod strings;

use super::value::*;
use super::vm::Vm;
use std::rc::Rc;

pub use functions::is_instance_of;
pub use methods::{call_bound_method, call_unbound_method, has_method};

type R<T> = Result<T, Value>;
pub type Kwargs = Vec<(Rc<str>, Value)>;

/// CPython's builtins that Looplab lacks: naming one is refused as not provided, not
/// as a `NameError` (which would say Python has no such name).
pub const NOT_PROVIDED: &[&str] = &[
    "__build_class__",
    "__import__",
    "ascii",
    "breakpoint",
    "bytearray",
    "bytes",
    "compile",
    "complex",
    "copyright",
    "credits",
    "exit",
    "globals",
    "help",
    "license",
    "locals",
    "memoryview",
    "quit",
    "BlockingIOError",
    "BufferError",
    "BytesWarning",
    "ChildProcessError",
    "EncodingWarning",
    "EnvironmentError",
    "FileExistsError",
    "FloatingPointError",
    "FutureWarning",
    "IOError",
    "ImportWarning",
    "IndentationError",
    "InterruptedError",
    "IsADirectoryError",
    "NotADirectoryError",
    "PendingDeprecationWarning",
    "ProcessLookupError",
    "ReferenceError",
    "ResourceWarning",
    "SyntaxError",
    "SyntaxWarning",
    "SystemError",
    "TabError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeTranslateError",
    "UnicodeWarning",
];

/// A builtin function value.
pub fn builtin(name: &str, func: BuiltinFn) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name: name.into(),
        func,
        bound: None,
    }))
}

/// Fills the builtins module and registers the importable modules.
/// What `__await__()` of a coroutine, future, task or `asyncio.sleep()` returns.
pub fn await_iter(awaitable: &Value) -> Value {
    Value::object(Object::Iter(std::cell::RefCell::new(Iter::Await(
        awaitable.clone(),
    ))))
}

pub fn install(vm: &mut Vm) {
    let mut d = Dict::default();
    for c in &vm.types.all {
        d.insert(Key(Value::Str(c.name.clone())), Value::Class(c.clone()));
    }
    for (name, f) in functions::FUNCTIONS {
        d.insert(Key(Value::str(name)), builtin(name, *f));
    }
    d.insert(Key(Value::str("None")), Value::None);
    d.insert(Key(Value::str("Ellipsis")), Value::Ellipsis);
    d.insert(Key(Value::str("NotImplemented")), Value::NotImplemented);
    d.insert(Key(Value::str("__name__")), Value::str("builtins"));
    *vm.builtins.borrow_mut() = d;
    modules::install(vm);
}

/// The `i`th argument, or a `TypeError` naming the function.
pub fn arg<'a>(vm: &Vm, args: &'a [Value], i: usize, func: &str) -> R<&'a Value> {
    args.get(i).ok_or_else(|| {
        vm.type_error(&format!(
            "{func}() missing required argument (pos {})",
            i + 1
        ))
    })
}

/// A keyword argument's value, if given.
pub fn kwarg<'a>(kwargs: &'a [(Rc<str>, Value)], name: &str) -> Option<&'a Value> {
    kwargs.iter().find(|(k, _)| &**k == name).map(|(_, v)| v)
}

/// Refuses keyword arguments other than `allowed`.
pub fn check_kwargs(vm: &Vm, kwargs: &[(Rc<str>, Value)], func: &str, allowed: &[&str]) -> R<()> {
    match kwargs.iter().find(|(k, _)| !allowed.contains(&&**k)) {
        Some((k, _)) => Err(vm.type_error(&format!(
            "{func}() got an unexpected keyword argument '{k}'"
        ))),
        None => Ok(()),
    }
}

/// An int argument.
pub fn int_arg(vm: &Vm, v: &Value, what: &str) -> R<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        other => Err(vm.type_error(&format!(
            "{what} must be an integer, not '{}'",
            vm.type_name(other)
        ))),
    }
}

/// A number argument as seconds (`sleep(0.5)`, `timeout=1`).
pub fn float_arg(vm: &Vm, v: &Value, what: &str) -> R<f64> {
    match v.as_number() {
        Some(n) => Ok(n.to_f64()),
        None => Err(vm.type_error(&format!(
            "{what} must be a number, not '{}'",
            vm.type_name(v)
        ))),
    }
}
