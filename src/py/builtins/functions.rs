//! The builtin functions (`print`, `len`, `sorted`, ...) and the constructors of the
//! built-in types.

use super::{arg, check_kwargs, int_arg, kwarg, Kwargs, R};
use crate::py::value::*;
use crate::py::vm::Vm;
use std::cell::RefCell;
use std::rc::Rc;

pub const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("print", print),
    ("len", len),
    ("range", range),
    ("sorted", sorted),
    ("sum", sum),
    ("min", min),
    ("max", max),
    ("abs", abs),
    ("round", round),
    ("isinstance", isinstance),
    ("issubclass", issubclass),
    ("repr", repr),
    ("any", any),
    ("all", all),
    ("enumerate", enumerate),
    ("zip", zip),
    ("map", map),
    ("filter", filter),
    ("next", next),
    ("iter", iter),
    ("reversed", reversed),
    ("id", id),
    ("hash", hash),
    ("callable", callable),
    ("getattr", getattr),
    ("setattr", setattr),
    ("hasattr", hasattr),
    ("delattr", delattr),
    ("super", super_),
    ("divmod", divmod),
    ("pow", pow),
    ("hex", hex),
    ("bin", bin),
    ("oct", oct),
    ("chr", chr),
    ("ord", ord),
    ("format", format),
    ("anext", anext),
    ("aiter", aiter),
    ("vars", vars),
    ("dir", dir),
    ("input", refuse_input),
    ("open", refuse_open),
    ("eval", refuse_eval),
    ("exec", refuse_eval),
];

fn print(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> R<Value> {
    check_kwargs(vm, &kwargs, "print", &["sep", "end", "flush", "file"])?;
    let text = |vm: &mut Vm, name: &str, default: &str| -> R<String> {
        match kwarg(&kwargs, name) {
            None | Some(Value::None) => Ok(default.to_string()),
            Some(Value::Str(s)) => Ok(s.to_string()),
            Some(other) => Err(vm.type_error(&format!(
                "{name} must be None or a string, not {}",
                vm.type_name(other)
            ))),
        }
    };
    let sep = text(vm, "sep", " ")?;
    let end = text(vm, "end", "\n")?;
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str_of(a)?);
    }
    out.push_str(&end);
    vm.write_stdout(&out);
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let v = arg(vm, &args, 0, "len")?;
    let n = match v {
        Value::Str(s) => s.chars().count(),
        Value::Tuple(t) => t.len(),
        Value::List(l) => l.borrow().len(),
        Value::Dict(d) => d.borrow().len(),
        Value::Set(s) => s.borrow().len(),
        Value::FrozenSet(s) => s.len(),
        Value::Object(o) => match &**o {
            Object::Range { start, stop, step } => {
                let n = crate::py::vm::range_len_exact(*start, *stop, *step);
                if n > i64::MAX as i128 {
                    return Err(vm.new_exc(
                        &vm.types.overflow_error.clone(),
                        "Python int too large to convert to C ssize_t",
                    ));
                }
                n as usize
            }
            Object::Aio(a) => return vm.aio_len(a),
            _ => return Err(no_len(vm, v)),
        },
        Value::Instance(_) => match vm.lookup_special(v, "__len__") {
            Some(m) => return vm.call_value(&m, vec![v.clone()], vec![]),
            None => return Err(no_len(vm, v)),
        },
        _ => return Err(no_len(vm, v)),
    };
    Ok(Value::Int(n as i64))
}

fn no_len(vm: &Vm, v: &Value) -> Value {
    vm.type_error(&format!(
        "object of type '{}' has no len()",
        vm.type_name(v)
    ))
}

fn range(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let ints: Vec<i64> = args
        .iter()
        .map(|a| match a {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            other => Err(vm.type_error(&format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(other)
            ))),
        })
        .collect::<R<_>>()?;
    let (start, stop, step) = match ints[..] {
        [stop] => (0, stop, 1),
        [start, stop] => (start, stop, 1),
        [start, stop, step] => (start, stop, step),
        _ => {
            return Err(vm.type_error(&format!(
                "range expected at most 3 arguments, got {}",
                args.len()
            )))
        }
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::object(Object::Range { start, stop, step }))
}

/// Sorts values by Python's `<`, stable, with an optional key.
pub fn sort_values(vm: &mut Vm, items: Vec<Value>, key: &Value, reverse: bool) -> R<Vec<Value>> {
    let keys: Vec<Value> = if key.is_none() {
        items.clone()
    } else {
        items
            .iter()
            .map(|i| vm.call_value(key, vec![i.clone()], vec![]))
            .collect::<R<_>>()?
    };
    // Python compares with `<` alone; an error stops the comparisons and is raised.
    let mut err = None;
    let idx = crate::sort::stable_order(items.len(), &mut |a, b| {
        let (a, b) = if reverse { (b, a) } else { (a, b) };
        if err.is_some() {
            return false;
        }
        match vm.compare(crate::py::ast::CmpOp::Lt, &keys[a], &keys[b]) {
            Ok(r) => r,
            Err(e) => {
                err = Some(e);
                false
            }
        }
    });
    if let Some(e) = err {
        return Err(e);
    }
    Ok(idx.into_iter().map(|i| items[i].clone()).collect())
}

fn sorted(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> R<Value> {
    check_kwargs(vm, &kwargs, "sorted", &["key", "reverse"])?;
    let items = vm.collect(arg(vm, &args, 0, "sorted")?)?;
    let key = kwarg(&kwargs, "key").cloned().unwrap_or(Value::None);
    let reverse = match kwarg(&kwargs, "reverse") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    Ok(Value::list(sort_values(vm, items, &key, reverse)?))
}

fn sum(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> R<Value> {
    let it = vm.iter(arg(vm, &args, 0, "sum")?)?;
    let mut total = args
        .get(1)
        .or_else(|| kwarg(&kwargs, "start"))
        .cloned()
        .unwrap_or(Value::Int(0));
    if let Value::Str(_) = total {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    // Floats add with Neumaier's compensation, as CPython 3.12's sum does
    // (`sum([0.1] * 10) == 1.0`).
    let mut compensation = 0.0f64;
    while let Some(v) = vm.next(&it)? {
        if let (Value::Float(t), Some(x)) = (&total, v.as_number()) {
            let (t, x) = (*t, x.to_f64());
            let s = t + x;
            compensation += if t.abs() >= x.abs() {
                (t - s) + x
            } else {
                (x - s) + t
            };
            total = Value::Float(s);
            continue;
        }
        if let Value::Float(t) = total {
            total = Value::Float(t + compensation);
            compensation = 0.0;
        }
        total = vm.binary(crate::py::ast::BinOp::Add, &total, &v)?;
    }
    if let Value::Float(t) = total {
        if compensation != 0.0 && compensation.is_finite() {
            total = Value::Float(t + compensation);
        }
    }
    Ok(total)
}

fn min_max(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs, name: &str, want_less: bool) -> R<Value> {
    check_kwargs(vm, &kwargs, name, &["key", "default"])?;
    let items = if args.len() == 1 {
        vm.collect(&args[0])?
    } else {
        args
    };
    let key = kwarg(&kwargs, "key").cloned().unwrap_or(Value::None);
    let mut best: Option<(Value, Value)> = None;
    for v in items {
        let k = if key.is_none() {
            v.clone()
        } else {
            vm.call_value(&key, vec![v.clone()], vec![])?
        };
        let better = match &best {
            None => true,
            Some((bk, _)) => {
                let op = if want_less {
                    crate::py::ast::CmpOp::Lt
                } else {
                    crate::py::ast::CmpOp::Gt
                };
                vm.compare(op, &k, bk)?
            }
        };
        if better {
            best = Some((k, v));
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match kwarg(&kwargs, "default") {
            Some(d) => Ok(d.clone()),
            None => Err(vm.value_error(&format!("{name}() iterable argument is empty"))),
        },
    }
}

fn min(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> R<Value> {
    min_max(vm, args, kwargs, "min", true)
}

fn max(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> R<Value> {
    min_max(vm, args, kwargs, "max", false)
}

fn abs(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    match arg(vm, &args, 0, "abs")? {
        Value::Int(i) => i.checked_abs().map(Value::Int).ok_or_else(|| vm.overflow()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        other => match vm.lookup_special(other, "__abs__") {
            Some(m) => vm.call_value(&m, vec![other.clone()], vec![]),
            None => Err(vm.type_error(&format!(
                "bad operand type for abs(): '{}'",
                vm.type_name(other)
            ))),
        },
    }
}

fn round(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> R<Value> {
    let x = arg(vm, &args, 0, "round")?.clone();
    let nd = args.get(1).or_else(|| kwarg(&kwargs, "ndigits")).cloned();
    match (x, nd) {
        (Value::Int(i), None | Some(Value::None)) => Ok(Value::Int(i)),
        (Value::Int(i), Some(n)) => {
            let n = int_arg(vm, &n, "ndigits")?;
            if n >= 0 {
                return Ok(Value::Int(i));
            }
            // Rounded to 10**-n, half to even, computed wide; 10**19 and more rounds
            // every 64-bit int to 0.
            let Some(p) = u32::try_from(n.unsigned_abs())
                .ok()
                .and_then(|e| 10i128.checked_pow(e))
            else {
                return Ok(Value::Int(0));
            };
            let (q, r) = ((i as i128).div_euclid(p), (i as i128).rem_euclid(p));
            let up = 2 * r > p || (2 * r == p && q % 2 != 0);
            let rounded = (q + up as i128) * p;
            i64::try_from(rounded)
                .map(Value::Int)
                .map_err(|_| vm.overflow())
        }
        (Value::Float(f), None | Some(Value::None)) => {
            float_to_int(vm, crate::py::format::round_half_even(f))
        }
        (Value::Float(f), Some(n)) => {
            let n = int_arg(vm, &n, "ndigits")?;
            Ok(Value::Float(crate::py::format::round_float(f, n)))
        }
        (Value::Bool(b), _) => Ok(Value::Int(b as i64)),
        (other, _) => Err(vm.type_error(&format!(
            "type {} doesn't define __round__ method",
            vm.type_name(&other)
        ))),
    }
}

/// A whole float as an int, or `OverflowError` past 64 bits.
pub fn float_to_int(vm: &Vm, f: f64) -> R<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if !f.is_finite() {
        return Err(vm.new_exc(
            &vm.types.overflow_error.clone(),
            "cannot convert float infinity to integer",
        ));
    }
    if !(-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&f) {
        return Err(vm.overflow());
    }
    Ok(Value::Int(f as i64))
}

/// `isinstance(v, classes)`.
pub fn is_instance_of(vm: &Vm, v: &Value, classes: &Value) -> R<bool> {
    match classes {
        Value::Class(c) => {
            if Rc::ptr_eq(c, &vm.types.object) {
                return Ok(true);
            }
            match vm.type_of(v) {
                Value::Class(t) => Ok(t.is_subclass(c)
                    || (Rc::ptr_eq(c, &vm.types.int) && matches!(v, Value::Bool(_)))),
                _ => Ok(false),
            }
        }
        Value::Tuple(t) => {
            for c in t.iter() {
                if is_instance_of(vm, v, c)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")),
    }
}

fn isinstance(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let v = arg(vm, &args, 0, "isinstance")?;
    let c = arg(vm, &args, 1, "isinstance")?;
    is_instance_of(vm, v, c).map(Value::Bool)
}

fn issubclass(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let (Some(Value::Class(a)), Some(b)) = (args.first(), args.get(1)) else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    let check = |b: &Value| matches!(b, Value::Class(b) if a.is_subclass(b));
    Ok(Value::Bool(match b {
        Value::Tuple(t) => t.iter().any(check),
        b => check(b),
    }))
}

fn repr(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let v = arg(vm, &args, 0, "repr")?.clone();
    Ok(Value::Str(vm.repr_of(&v)?.into()))
}

fn any(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let it = vm.iter(arg(vm, &args, 0, "any")?)?;
    while let Some(v) = vm.next(&it)? {
        if vm.truthy(&v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let it = vm.iter(arg(vm, &args, 0, "all")?)?;
    while let Some(v) = vm.next(&it)? {
        if !vm.truthy(&v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn iter_obj(i: Iter) -> Value {
    Value::object(Object::Iter(RefCell::new(i)))
}

fn enumerate(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> R<Value> {
    let inner = vm.iter(arg(vm, &args, 0, "enumerate")?)?;
    let start = match args.get(1).or_else(|| kwarg(&kwargs, "start")) {
        Some(v) => int_arg(vm, v, "start")?,
        None => 0,
    };
    Ok(iter_obj(Iter::Enumerate {
        inner,
        count: start,
    }))
}

fn zip(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> R<Value> {
    let inners = args.iter().map(|a| vm.iter(a)).collect::<R<Vec<_>>>()?;
    let strict = match kwarg(&kwargs, "strict") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if inners.is_empty() {
        return Ok(iter_obj(Iter::Done));
    }
    Ok(iter_obj(Iter::Zip { inners, strict }))
}

fn map(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let func = arg(vm, &args, 0, "map")?.clone();
    let inners = args[1..]
        .iter()
        .map(|a| vm.iter(a))
        .collect::<R<Vec<_>>>()?;
    if inners.is_empty() {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    Ok(iter_obj(Iter::Map { func, inners }))
}

fn filter(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let func = arg(vm, &args, 0, "filter")?.clone();
    let inner = vm.iter(arg(vm, &args, 1, "filter")?)?;
    Ok(iter_obj(Iter::Filter { func, inner }))
}

fn next(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let it = arg(vm, &args, 0, "next")?.clone();
    match vm.next(&it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.new_exc(&vm.types.stop_iteration.clone(), "")),
        },
    }
}

fn iter(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let v = arg(vm, &args, 0, "iter")?.clone();
    if let Some(sentinel) = args.get(1) {
        return Ok(iter_obj(Iter::Callable {
            func: v,
            sentinel: sentinel.clone(),
        }));
    }
    vm.iter(&v)
}

fn reversed(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let v = arg(vm, &args, 0, "reversed")?.clone();
    let seq = match &v {
        Value::List(_) | Value::Tuple(_) | Value::Str(_) => v.clone(),
        Value::Object(o) if matches!(&**o, Object::Range { .. }) => Value::list(vm.collect(&v)?),
        Value::Dict(d) => Value::list(d.borrow().keys().map(|k| k.0.clone()).collect()),
        Value::Instance(_) if vm.lookup_special(&v, "__reversed__").is_some() => {
            let m = vm.lookup_special(&v, "__reversed__").unwrap_or_default();
            return vm.call_value(&m, vec![v.clone()], vec![]);
        }
        other => {
            return Err(vm.type_error(&format!(
                "'{}' object is not reversible",
                vm.type_name(other)
            )))
        }
    };
    let n = match &seq {
        Value::List(l) => l.borrow().len(),
        Value::Tuple(t) => t.len(),
        Value::Str(s) => s.chars().count(),
        _ => 0,
    };
    Ok(iter_obj(Iter::Reversed { seq, index: n }))
}

fn id(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let v = arg(vm, &args, 0, "id")?;
    Ok(Value::Int(v.identity() as i64))
}

fn hash(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    use std::hash::{Hash, Hasher};
    let v = arg(vm, &args, 0, "hash")?.clone();
    if let Some(h) = vm.lookup_special(&v, "__hash__").filter(|h| !h.is_none()) {
        return vm.call_value(&h, vec![v], vec![]);
    }
    let k = vm.key(v.clone())?;
    if let Value::Int(i) = v {
        return Ok(Value::Int(i));
    }
    let mut h = std::collections::hash_map::DefaultHasher::new();
    k.hash(&mut h);
    Ok(Value::Int(h.finish() as i64 >> 1))
}

fn callable(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let v = arg(vm, &args, 0, "callable")?;
    Ok(Value::Bool(match v {
        Value::Function(_) | Value::Builtin(_) | Value::Class(_) => true,
        Value::Object(o) => matches!(&**o, Object::Method { .. }),
        Value::Instance(_) => vm.lookup_special(v, "__call__").is_some(),
        _ => false,
    }))
}

fn attr_name(vm: &Vm, args: &[Value], func: &str) -> R<Rc<str>> {
    match args.get(1) {
        Some(Value::Str(s)) => Ok(s.clone()),
        _ => Err(vm.type_error(&format!("{func}(): attribute name must be string"))),
    }
}

fn getattr(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let obj = arg(vm, &args, 0, "getattr")?.clone();
    let name = attr_name(vm, &args, "getattr")?;
    match vm.getattr(&obj, &name) {
        Ok(v) => Ok(v),
        Err(e) => match args.get(2) {
            Some(d) if crate::py::vm::exc::is_instance(&e, &vm.types.attribute_error.clone()) => {
                Ok(d.clone())
            }
            _ => Err(e),
        },
    }
}

fn setattr(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let obj = arg(vm, &args, 0, "setattr")?.clone();
    let name = attr_name(vm, &args, "setattr")?;
    let v = arg(vm, &args, 2, "setattr")?.clone();
    vm.setattr(&obj, &name, v)?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let obj = arg(vm, &args, 0, "hasattr")?.clone();
    let name = attr_name(vm, &args, "hasattr")?;
    match vm.getattr(&obj, &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if crate::py::vm::exc::is_instance(&e, &vm.types.attribute_error.clone()) => {
            Ok(Value::Bool(false))
        }
        Err(e) => Err(e),
    }
}

fn delattr(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let obj = arg(vm, &args, 0, "delattr")?.clone();
    let name = attr_name(vm, &args, "delattr")?;
    vm.delattr(&obj, &name)?;
    Ok(Value::None)
}

fn super_(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    match (args.first(), args.get(1)) {
        (Some(Value::Class(c)), Some(recv)) => Ok(Value::object(Object::Super {
            class: c.clone(),
            recv: recv.clone(),
        })),
        _ => vm.zero_arg_super(),
    }
}

fn divmod(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let a = arg(vm, &args, 0, "divmod")?.clone();
    let b = arg(vm, &args, 1, "divmod")?.clone();
    let q = vm.binary(crate::py::ast::BinOp::FloorDiv, &a, &b)?;
    let r = vm.binary(crate::py::ast::BinOp::Mod, &a, &b)?;
    Ok(Value::tuple(vec![q, r]))
}

fn pow(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let a = arg(vm, &args, 0, "pow")?.clone();
    let b = arg(vm, &args, 1, "pow")?.clone();
    if let (Value::Int(base), Value::Int(exp), Some(Value::Int(m))) = (&a, &b, args.get(2)) {
        // Modular power, computed wide so the intermediate results never overflow.
        if *m == 0 {
            return Err(vm.value_error("pow() 3rd argument cannot be 0"));
        }
        if *exp < 0 {
            return Err(vm.value_error(
                "pow() negative exponent with a modulus is not supported in Looplab",
            ));
        }
        let modulus = (*m as i128).abs();
        let (mut result, mut base, mut exp) = (1i128, (*base as i128).rem_euclid(modulus), *exp);
        while exp > 0 {
            if exp & 1 == 1 {
                result = result * base % modulus;
            }
            base = base * base % modulus;
            exp >>= 1;
        }
        let r = if *m < 0 && result != 0 {
            result + *m as i128
        } else {
            result
        };
        return Ok(Value::Int(r as i64));
    }
    let p = vm.binary(crate::py::ast::BinOp::Pow, &a, &b)?;
    match args.get(2) {
        Some(m) => vm.binary(crate::py::ast::BinOp::Mod, &p, m),
        None => Ok(p),
    }
}

fn radix(vm: &mut Vm, args: &[Value], func: &str, prefix: &str, base: u32) -> R<Value> {
    let i = int_arg(vm, arg(vm, args, 0, func)?, "argument")?;
    let digits = crate::py::format::int_to_base(i.unsigned_abs() as i64, base);
    let sign = if i < 0 { "-" } else { "" };
    Ok(Value::Str(format!("{sign}{prefix}{digits}").into()))
}

fn hex(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    radix(vm, &args, "hex", "0x", 16)
}

fn bin(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    radix(vm, &args, "bin", "0b", 2)
}

fn oct(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    radix(vm, &args, "oct", "0o", 8)
}

fn chr(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let i = int_arg(vm, arg(vm, &args, 0, "chr")?, "argument")?;
    let c = u32::try_from(i)
        .ok()
        .and_then(char::from_u32)
        .ok_or_else(|| vm.value_error("chr() arg not in range(0x110000)"))?;
    Ok(Value::Str(c.to_string().into()))
}

fn ord(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    match arg(vm, &args, 0, "ord")? {
        Value::Str(s) if s.chars().count() == 1 => {
            Ok(Value::Int(s.chars().next().map_or(0, |c| c as i64)))
        }
        Value::Str(s) => Err(vm.type_error(&format!(
            "ord() expected a character, but string of length {} found",
            s.chars().count()
        ))),
        other => Err(vm.type_error(&format!(
            "ord() expected string of length 1, but {} found",
            vm.type_name(other)
        ))),
    }
}

fn format(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let v = arg(vm, &args, 0, "format")?.clone();
    let spec = args
        .get(1)
        .and_then(|s| s.as_str())
        .unwrap_or("")
        .to_string();
    Ok(Value::Str(vm.format(&v, &spec)?.into()))
}

fn anext(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let v = arg(vm, &args, 0, "anext")?.clone();
    vm.call_method(&v, "__anext__", vec![])
}

fn aiter(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let v = arg(vm, &args, 0, "aiter")?.clone();
    vm.call_method(&v, "__aiter__", vec![])
}

fn vars(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    match args.first() {
        Some(Value::Instance(i)) => Ok(Value::dict(i.dict.borrow().clone())),
        _ => Err(vm.type_error("vars() argument must have __dict__ attribute")),
    }
}

fn dir(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let mut names: Vec<String> = Vec::new();
    let mut add = |d: &Dict| {
        for k in d.keys() {
            if let Value::Str(s) = &k.0 {
                if !names.iter().any(|n| n == &**s) {
                    names.push(s.to_string());
                }
            }
        }
    };
    match args.first() {
        Some(Value::Instance(i)) => {
            add(&i.dict.borrow());
            add(&i.class.dict.borrow());
            for c in &i.class.mro {
                add(&c.dict.borrow());
            }
        }
        Some(Value::Class(c)) => {
            add(&c.dict.borrow());
            for m in &c.mro {
                add(&m.dict.borrow());
            }
        }
        Some(Value::Object(o)) => {
            if let Object::Module(m) = &**o {
                add(&m.dict.borrow());
            }
        }
        Some(_) => {}
        None => add(&vm.main_globals.borrow()),
    }
    crate::sort::sort(&mut names);
    Ok(Value::list(names.iter().map(|n| Value::str(n)).collect()))
}

fn refuse_input(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> R<Value> {
    Err(vm.new_exc(
        &vm.types.not_implemented_error.clone(),
        "input() is not available in Looplab: programs run without a keyboard; \
         put the value in a variable instead",
    ))
}

fn refuse_open(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> R<Value> {
    Err(vm.new_exc(
        &vm.types.not_implemented_error.clone(),
        "open() is not available in Looplab: there are no files; \
         put the data in a string or list instead",
    ))
}

fn refuse_eval(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> R<Value> {
    Err(vm.new_exc(
        &vm.types.not_implemented_error.clone(),
        "eval() and exec() are not available in Looplab: write the code in the program",
    ))
}
