//! Methods of the built-in types (`str.split`, `list.append`, `dict.get`...) and their
//! constructors (`int("3")`, `list(gen)`, `dict(a=1)`).

use super::{int_arg, kwarg, Kwargs, R};
use crate::py::value::*;
use crate::py::vm::Vm;
use std::cell::RefCell;
use std::rc::Rc;

const STR_METHODS: &[&str] = &[
    "split",
    "rsplit",
    "join",
    "strip",
    "lstrip",
    "rstrip",
    "replace",
    "upper",
    "lower",
    "title",
    "capitalize",
    "swapcase",
    "startswith",
    "endswith",
    "find",
    "rfind",
    "index",
    "rindex",
    "count",
    "format",
    "center",
    "ljust",
    "rjust",
    "zfill",
    "isdigit",
    "isalpha",
    "isalnum",
    "isspace",
    "isupper",
    "islower",
    "isnumeric",
    "isdecimal",
    "isidentifier",
    "splitlines",
    "partition",
    "rpartition",
    "removeprefix",
    "removesuffix",
    "casefold",
    "expandtabs",
    "translate",
];
const LIST_METHODS: &[&str] = &[
    "append", "extend", "insert", "pop", "remove", "index", "count", "sort", "reverse", "clear",
    "copy",
];
const DICT_METHODS: &[&str] = &[
    "get",
    "keys",
    "values",
    "items",
    "pop",
    "popitem",
    "setdefault",
    "update",
    "clear",
    "copy",
];
const SET_METHODS: &[&str] = &[
    "add",
    "remove",
    "discard",
    "pop",
    "clear",
    "update",
    "union",
    "intersection",
    "difference",
    "symmetric_difference",
    "issubset",
    "issuperset",
    "isdisjoint",
    "copy",
];

/// Does the built-in value `v` have a method `name`?
pub fn has_method(vm: &Vm, v: &Value, name: &str) -> bool {
    match v {
        Value::Str(_) => STR_METHODS.contains(&name),
        Value::List(_) => LIST_METHODS.contains(&name),
        Value::Dict(_) => DICT_METHODS.contains(&name),
        Value::Set(_) | Value::FrozenSet(_) => SET_METHODS.contains(&name),
        Value::Tuple(_) => matches!(name, "index" | "count"),
        Value::Int(_) | Value::Bool(_) => matches!(name, "bit_length" | "conjugate"),
        Value::Float(_) => matches!(name, "is_integer" | "as_integer_ratio"),
        Value::Object(o) => match &**o {
            Object::Gen(g) => {
                (name == "__await__"
                    && g.borrow().code.kind == crate::py::code::CodeKind::Coroutine)
                    || matches!(
                        name,
                        "send"
                            | "close"
                            | "throw"
                            | "__anext__"
                            | "__aiter__"
                            | "__next__"
                            | "__iter__"
                            | "aclose"
                            | "asend"
                            | "athrow"
                    )
            }
            Object::Iter(_) => matches!(name, "__next__" | "__iter__"),
            Object::Aio(a) => vm.aio_has_method(a, name),
            _ => false,
        },
        _ => false,
    }
}

/// A built-in type's method taken from the class (`str.lower`): `call_value` recognises
/// it by address and calls the method named by the builtin on its first argument. Its
/// body must differ from `call_bound_method`'s: the optimiser merges identical
/// functions, and the two would then have one address.
pub fn call_unbound_method(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> R<Value> {
    Err(vm.type_error("unbound built-in method called without its object"))
}

/// The body of a built-in method taken as a value (`f = items.append`): `call_value`
/// recognises it and calls the method named by the builtin on its bound receiver.
pub fn call_bound_method(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> R<Value> {
    Err(vm.type_error("bound built-in method called without its object"))
}

impl Vm {
    /// Calls the built-in method `name` of `recv`, if it has one.
    pub fn builtin_method(&mut self, recv: &Value, name: &str, args: &[Value]) -> R<Option<Value>> {
        self.builtin_method_kw(recv, name, args, &Vec::new())
    }

    pub fn builtin_method_kw(
        &mut self,
        recv: &Value,
        name: &str,
        args: &[Value],
        kwargs: &Kwargs,
    ) -> R<Option<Value>> {
        match recv {
            Value::Str(s) => self.str_method(s, name, args, kwargs),
            Value::List(l) => self.list_method(l, name, args, kwargs),
            Value::Dict(d) => self.dict_method(d, name, args),
            Value::Set(_) | Value::FrozenSet(_) => self.set_method(recv, name, args),
            Value::Tuple(t) => match name {
                "count" | "index" => self.seq_count_index(t, name, args).map(Some),
                _ => Ok(None),
            },
            Value::Int(i) if name == "bit_length" => Ok(Some(Value::Int(
                64 - i.unsigned_abs().leading_zeros() as i64,
            ))),
            Value::Float(f) if name == "is_integer" => Ok(Some(Value::Bool(f.fract() == 0.0))),
            Value::Float(f) if name == "as_integer_ratio" => self.as_integer_ratio(*f).map(Some),
            Value::Instance(i) if i.exc.is_some() => self.exception_method(recv, name, args),
            Value::Object(o) => match &**o {
                Object::Gen(_) => self.gen_method(recv, name, args),
                Object::Iter(_) => match name {
                    "__next__" => match self.next(recv)? {
                        Some(v) => Ok(Some(v)),
                        None => Err(self.new_exc(&self.types.stop_iteration.clone(), "")),
                    },
                    "__iter__" => Ok(Some(recv.clone())),
                    _ => Ok(None),
                },
                Object::Aio(a) => self.aio_method(a, recv, name, args, kwargs),
                _ => Ok(None),
            },
            _ => Ok(None),
        }
    }

    /// `f.as_integer_ratio()`: the exact fraction, lowest terms (64-bit parts).
    fn as_integer_ratio(&mut self, f: f64) -> R<Value> {
        if !f.is_finite() {
            return Err(self.new_exc(
                &self.types.overflow_error.clone(),
                "cannot convert Infinity to integer ratio",
            ));
        }
        let bits = f.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i64;
        let mut mant = (bits & ((1 << 52) - 1)) as i128;
        let mut e = if exp == 0 {
            -1074
        } else {
            mant |= 1 << 52;
            exp - 1075
        };
        if mant == 0 {
            return Ok(Value::tuple(vec![Value::Int(0), Value::Int(1)]));
        }
        while mant & 1 == 0 {
            mant >>= 1;
            e += 1;
        }
        let sign = if f < 0.0 { -1 } else { 1 };
        let (num, den) = if e >= 0 {
            (mant.checked_shl(e as u32).filter(|_| e < 64), 1i128)
        } else {
            (Some(mant), if -e < 127 { 1i128 << -e } else { 0 })
        };
        match (
            num.and_then(|n| i64::try_from(n * sign).ok()),
            i64::try_from(den),
        ) {
            (Some(n), Ok(d)) if d > 0 => Ok(Value::tuple(vec![Value::Int(n), Value::Int(d)])),
            _ => Err(self.new_exc(
                &self.types.overflow_error.clone(),
                "the ratio does not fit in 64-bit integers",
            )),
        }
    }

    /// `add_note`, `with_traceback`, and an exception group's `split`/`subgroup`.
    fn exception_method(&mut self, recv: &Value, name: &str, args: &[Value]) -> R<Option<Value>> {
        let a0 = args.first().cloned().unwrap_or_default();
        let state = crate::py::vm::exc::state(recv);
        match name {
            "add_note" => {
                if !matches!(a0, Value::Str(_)) {
                    return Err(self.type_error("note must be a str"));
                }
                if let Some(s) = state {
                    s.borrow_mut().notes.push(a0);
                }
                Ok(Some(Value::None))
            }
            "with_traceback" => Ok(Some(recv.clone())),
            "split" | "subgroup" if state.is_some_and(|s| !s.borrow().group.is_empty()) => {
                let (rest, matched) = self.split_group(recv, &a0)?;
                Ok(Some(if name == "split" {
                    Value::tuple(vec![matched, rest])
                } else {
                    matched
                }))
            }
            _ => Ok(None),
        }
    }

    fn seq_count_index(&mut self, items: &[Value], name: &str, args: &[Value]) -> R<Value> {
        let x = args.first().cloned().unwrap_or_default();
        if name == "count" {
            let mut n = 0;
            for i in items {
                if self.eq(i, &x)? {
                    n += 1;
                }
            }
            return Ok(Value::Int(n));
        }
        for (k, i) in items.iter().enumerate() {
            if self.eq(i, &x)? {
                return Ok(Value::Int(k as i64));
            }
        }
        let r = self.repr_of(&x)?;
        Err(self.value_error(&format!("{r} is not in list")))
    }

    fn list_method(
        &mut self,
        l: &Rc<RefCell<Vec<Value>>>,
        name: &str,
        args: &[Value],
        kwargs: &Kwargs,
    ) -> R<Option<Value>> {
        let a0 = || args.first().cloned().unwrap_or_default();
        match name {
            "append" => {
                self.check_size(l.borrow().len() + 1)?;
                l.borrow_mut().push(a0());
            }
            "extend" => {
                let items = self.collect(&a0())?;
                self.check_size(l.borrow().len() + items.len())?;
                l.borrow_mut().extend(items);
            }
            "insert" => {
                let i = int_arg(self, &a0(), "index")?;
                let mut v = l.borrow_mut();
                let n = v.len() as i64;
                let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
                v.insert(at, args.get(1).cloned().unwrap_or_default());
            }
            "pop" => {
                let mut v = l.borrow_mut();
                if v.is_empty() {
                    return Err(
                        self.new_exc(&self.types.index_error.clone(), "pop from empty list")
                    );
                }
                let i = match args.first() {
                    Some(x) => int_arg(self, x, "index")?,
                    None => -1,
                };
                let at = crate::py::vm::norm_index(i, v.len()).ok_or_else(|| {
                    self.new_exc(&self.types.index_error.clone(), "pop index out of range")
                })?;
                return Ok(Some(v.remove(at)));
            }
            "remove" => {
                let x = a0();
                let items = l.borrow().clone();
                for (i, it) in items.iter().enumerate() {
                    if self.eq(it, &x)? {
                        l.borrow_mut().remove(i);
                        return Ok(Some(Value::None));
                    }
                }
                return Err(self.value_error("list.remove(x): x not in list"));
            }
            "index" | "count" => {
                let items = l.borrow().clone();
                return self.seq_count_index(&items, name, args).map(Some);
            }
            "sort" => {
                let items = std::mem::take(&mut *l.borrow_mut());
                let key = kwarg(kwargs, "key").cloned().unwrap_or(Value::None);
                let reverse = match kwarg(kwargs, "reverse") {
                    Some(v) => self.truthy(v)?,
                    None => false,
                };
                let sorted = super::functions::sort_values(self, items.clone(), &key, reverse);
                match sorted {
                    Ok(s) => *l.borrow_mut() = s,
                    Err(e) => {
                        *l.borrow_mut() = items;
                        return Err(e);
                    }
                }
            }
            "reverse" => l.borrow_mut().reverse(),
            "clear" => l.borrow_mut().clear(),
            "copy" => return Ok(Some(Value::list(l.borrow().clone()))),
            _ => return Ok(None),
        }
        Ok(Some(Value::None))
    }

    fn dict_method(
        &mut self,
        d: &Rc<RefCell<Dict>>,
        name: &str,
        args: &[Value],
    ) -> R<Option<Value>> {
        let a0 = || args.first().cloned().unwrap_or_default();
        Ok(Some(match name {
            "get" => {
                let k = self.key(a0())?;
                let found = d.borrow().get(&k).cloned();
                found.unwrap_or_else(|| args.get(1).cloned().unwrap_or_default())
            }
            "keys" => Value::list(d.borrow().keys().map(|k| k.0.clone()).collect()),
            "values" => Value::list(d.borrow().values().cloned().collect()),
            "items" => Value::list(
                d.borrow()
                    .iter()
                    .map(|(k, v)| Value::tuple(vec![k.0.clone(), v.clone()]))
                    .collect(),
            ),
            "pop" => {
                let k = self.key(a0())?;
                let removed = d.borrow_mut().shift_remove(&k);
                match (removed, args.get(1)) {
                    (Some(v), _) => v,
                    (None, Some(default)) => default.clone(),
                    (None, None) => {
                        return Err(self.exc_with_args(&self.types.key_error.clone(), vec![a0()]))
                    }
                }
            }
            "popitem" => match d.borrow_mut().pop() {
                Some((k, v)) => Value::tuple(vec![k.0, v]),
                None => {
                    return Err(self.new_exc(
                        &self.types.key_error.clone(),
                        "popitem(): dictionary is empty",
                    ))
                }
            },
            "setdefault" => {
                let k = self.key(a0())?;
                let default = args.get(1).cloned().unwrap_or_default();
                d.borrow_mut().entry(k).or_insert(default).clone()
            }
            "update" => {
                if let Some(src) = args.first() {
                    self.dict_update(&Value::Dict(d.clone()), src)?;
                }
                Value::None
            }
            "clear" => {
                d.borrow_mut().clear();
                Value::None
            }
            "copy" => Value::dict(d.borrow().clone()),
            _ => return Ok(None),
        }))
    }

    fn set_method(&mut self, recv: &Value, name: &str, args: &[Value]) -> R<Option<Value>> {
        let a0 = || args.first().cloned().unwrap_or_default();
        let other = |vm: &mut Vm| -> R<Set> {
            let mut s = Set::default();
            for a in args {
                for i in vm.collect(a)? {
                    s.insert(vm.key(i)?);
                }
            }
            Ok(s)
        };
        let mine = crate::py::vm::set_items(recv);
        let wrap = |s: Set| match recv {
            Value::FrozenSet(_) => Value::FrozenSet(Rc::new(s)),
            _ => Value::Set(Rc::new(RefCell::new(s))),
        };
        let mutable = match recv {
            Value::Set(s) => Some(s.clone()),
            _ => None,
        };
        Ok(Some(match (name, mutable) {
            ("add", Some(s)) => {
                let k = self.key(a0())?;
                s.borrow_mut().insert(k);
                Value::None
            }
            ("remove", Some(s)) => {
                let k = self.key(a0())?;
                if !s.borrow_mut().shift_remove(&k) {
                    return Err(self.exc_with_args(&self.types.key_error.clone(), vec![a0()]));
                }
                Value::None
            }
            ("discard", Some(s)) => {
                let k = self.key(a0())?;
                s.borrow_mut().shift_remove(&k);
                Value::None
            }
            ("pop", Some(s)) => match s.borrow_mut().shift_remove_index(0) {
                Some(k) => k.0,
                None => {
                    return Err(self.new_exc(&self.types.key_error.clone(), "pop from an empty set"))
                }
            },
            ("clear", Some(s)) => {
                s.borrow_mut().clear();
                Value::None
            }
            ("update", Some(s)) => {
                let o = other(self)?;
                s.borrow_mut().extend(o);
                Value::None
            }
            ("union", _) => wrap(mine.union(&other(self)?).cloned().collect()),
            ("intersection", _) => wrap(mine.intersection(&other(self)?).cloned().collect()),
            ("difference", _) => wrap(mine.difference(&other(self)?).cloned().collect()),
            ("symmetric_difference", _) => {
                wrap(mine.symmetric_difference(&other(self)?).cloned().collect())
            }
            ("issubset", _) => Value::Bool(mine.is_subset(&other(self)?)),
            ("issuperset", _) => Value::Bool(mine.is_superset(&other(self)?)),
            ("isdisjoint", _) => Value::Bool(mine.is_disjoint(&other(self)?)),
            ("copy", _) => wrap(mine),
            _ => return Ok(None),
        }))
    }

    fn gen_method(&mut self, recv: &Value, name: &str, args: &[Value]) -> R<Option<Value>> {
        match name {
            "__iter__" | "__aiter__" => Ok(Some(recv.clone())),
            "__await__" => Ok(Some(super::await_iter(recv))),
            "__next__" | "send" => {
                let value = if name == "send" {
                    args.first().cloned().unwrap_or_default()
                } else {
                    Value::None
                };
                match self.gen_send(recv, value)? {
                    crate::py::vm::GenStep::Yield(v) => Ok(Some(v)),
                    crate::py::vm::GenStep::Return(r) => {
                        let args = if r.is_none() { vec![] } else { vec![r] };
                        Err(self.exc_with_args(&self.types.stop_iteration.clone(), args))
                    }
                }
            }
            "close" => {
                let e = self.new_exc(&self.types.generator_exit.clone(), "");
                match self.gen_throw(recv, e) {
                    Ok(None) => Ok(Some(Value::None)),
                    Ok(Some(_)) => Err(self.new_exc(
                        &self.types.runtime_error.clone(),
                        "generator ignored GeneratorExit",
                    )),
                    Err(e)
                        if crate::py::vm::exc::is_instance(
                            &e,
                            &self.types.generator_exit.clone(),
                        ) =>
                    {
                        Ok(Some(Value::None))
                    }
                    Err(e) => Err(e),
                }
            }
            "__anext__" | "asend" | "aclose" => {
                Ok(Some(self.anext_awaitable(recv, name == "aclose", None)))
            }
            "athrow" => {
                let e = args.first().cloned().unwrap_or_default();
                let e = self.make_exception(e, None)?;
                Ok(Some(self.anext_awaitable(recv, false, Some(e))))
            }
            "throw" => {
                let e = args.first().cloned().unwrap_or_default();
                let e = self.make_exception(e, None)?;
                match self.gen_throw(recv, e)? {
                    Some(v) => Ok(Some(v)),
                    None => Err(self.new_exc(&self.types.stop_iteration.clone(), "")),
                }
            }
            _ => Ok(None),
        }
    }
}
