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
        Value::Float(_) => matches!(name, "is_integer"),
        Value::Object(o) => match &**o {
            Object::Gen(_) => matches!(
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
            ),
            Object::Iter(_) => matches!(name, "__next__" | "__iter__"),
            Object::Aio(a) => vm.aio_has_method(a, name),
            _ => false,
        },
        _ => false,
    }
}

/// The body of a built-in method taken as a value (`f = items.append`): `call_value`
/// recognises it and calls the method named by the builtin on its bound receiver.
pub fn call_bound_method(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> R<Value> {
    Err(vm.type_error("built-in method called without its object"))
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

    fn str_method(
        &mut self,
        s: &Rc<str>,
        name: &str,
        args: &[Value],
        kwargs: &Kwargs,
    ) -> R<Option<Value>> {
        let sarg = |vm: &Vm, i: usize| -> R<Option<Rc<str>>> {
            match args.get(i) {
                None | Some(Value::None) => Ok(None),
                Some(Value::Str(x)) => Ok(Some(x.clone())),
                Some(other) => {
                    Err(vm.type_error(&format!("must be str or None, not {}", vm.type_name(other))))
                }
            }
        };
        let text = |t: String| Ok(Some(Value::Str(t.into())));
        let strs = |v: Vec<&str>| Value::list(v.into_iter().map(Value::str).collect());
        match name {
            "split" | "rsplit" => {
                let sep = sarg(self, 0)?
                    .or_else(|| kwarg(kwargs, "sep").and_then(|v| v.as_str().map(Rc::from)));
                let max = match args.get(1).or_else(|| kwarg(kwargs, "maxsplit")) {
                    Some(v) => int_arg(self, v, "maxsplit")?,
                    None => -1,
                };
                let parts: Vec<&str> = match (&sep, max < 0, name == "split") {
                    (Some(sep), _, _) if sep.is_empty() => {
                        return Err(self.value_error("empty separator"))
                    }
                    (Some(sep), true, _) => s.split(&**sep).collect(),
                    (Some(sep), false, true) => s.splitn(max as usize + 1, &**sep).collect(),
                    (Some(sep), false, false) => {
                        let mut v: Vec<&str> = s.rsplitn(max as usize + 1, &**sep).collect();
                        v.reverse();
                        v
                    }
                    (None, true, _) => s.split_whitespace().collect(),
                    (None, false, _) => split_whitespace_n(s, max as usize),
                };
                Ok(Some(strs(parts)))
            }
            "join" => {
                let items = self.collect(args.first().unwrap_or(&Value::None))?;
                let mut out = String::new();
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(s);
                    }
                    match it {
                        Value::Str(x) => out.push_str(x),
                        other => {
                            return Err(self.type_error(&format!(
                                "sequence item {i}: expected str instance, {} found",
                                self.type_name(other)
                            )))
                        }
                    }
                }
                text(out)
            }
            "strip" | "lstrip" | "rstrip" => {
                let chars = sarg(self, 0)?;
                let pred = |c: char| match &chars {
                    Some(cs) => cs.contains(c),
                    None => c.is_whitespace(),
                };
                text(
                    match name {
                        "strip" => s.trim_matches(pred),
                        "lstrip" => s.trim_start_matches(pred),
                        _ => s.trim_end_matches(pred),
                    }
                    .to_string(),
                )
            }
            "replace" => {
                let (Some(a), Some(b)) = (sarg(self, 0)?, sarg(self, 1)?) else {
                    return Err(self.type_error("replace expected at least 2 arguments"));
                };
                let n = match args.get(2) {
                    Some(v) => int_arg(self, v, "count")?,
                    None => -1,
                };
                text(if n < 0 {
                    s.replace(&*a, &b)
                } else {
                    s.replacen(&*a, &b, n as usize)
                })
            }
            "upper" => text(s.to_uppercase()),
            "lower" | "casefold" => text(s.to_lowercase()),
            "swapcase" => text(
                s.chars()
                    .map(|c| {
                        if c.is_uppercase() {
                            c.to_lowercase().to_string()
                        } else {
                            c.to_uppercase().to_string()
                        }
                    })
                    .collect(),
            ),
            "title" => {
                let mut out = String::new();
                let mut prev_letter = false;
                for c in s.chars() {
                    if c.is_alphabetic() {
                        if prev_letter {
                            out.extend(c.to_lowercase());
                        } else {
                            out.extend(c.to_uppercase());
                        }
                        prev_letter = true;
                    } else {
                        out.push(c);
                        prev_letter = false;
                    }
                }
                text(out)
            }
            "capitalize" => {
                let mut cs = s.chars();
                text(match cs.next() {
                    Some(f) => f
                        .to_uppercase()
                        .chain(cs.flat_map(|c| c.to_lowercase()))
                        .collect(),
                    None => String::new(),
                })
            }
            "startswith" | "endswith" => {
                let test = |p: &str| {
                    if name == "startswith" {
                        s.starts_with(p)
                    } else {
                        s.ends_with(p)
                    }
                };
                let r = match args.first() {
                    Some(Value::Str(p)) => test(p),
                    Some(Value::Tuple(t)) => t.iter().any(|p| p.as_str().is_some_and(test)),
                    _ => {
                        return Err(self.type_error(&format!(
                            "{name} first arg must be str or a tuple of str"
                        )))
                    }
                };
                Ok(Some(Value::Bool(r)))
            }
            "find" | "rfind" | "index" | "rindex" => {
                let Some(sub) = sarg(self, 0)? else {
                    return Err(self.type_error("must be str"));
                };
                let found = if name.starts_with('r') {
                    s.rfind(&*sub)
                } else {
                    s.find(&*sub)
                };
                match found {
                    Some(b) => Ok(Some(Value::Int(s[..b].chars().count() as i64))),
                    None if name.contains("find") => Ok(Some(Value::Int(-1))),
                    None => Err(self.value_error("substring not found")),
                }
            }
            "count" => {
                let Some(sub) = sarg(self, 0)? else {
                    return Err(self.type_error("must be str"));
                };
                let n = if sub.is_empty() {
                    s.chars().count() + 1
                } else {
                    s.matches(&*sub).count()
                };
                Ok(Some(Value::Int(n as i64)))
            }
            "format" => self
                .str_format(s, args, kwargs)
                .map(|r| Some(Value::Str(r.into()))),
            "center" | "ljust" | "rjust" => {
                let width =
                    int_arg(self, args.first().unwrap_or(&Value::Int(0)), "width")?.max(0) as usize;
                let fill = match sarg(self, 1)? {
                    Some(f) if f.chars().count() == 1 => f.chars().next().unwrap_or(' '),
                    Some(_) => {
                        return Err(self
                            .type_error("The fill character must be exactly one character long"))
                    }
                    None => ' ',
                };
                let n = s.chars().count();
                if width <= n {
                    return text(s.to_string());
                }
                let pad = width - n;
                let (left, right) = match name {
                    "ljust" => (0, pad),
                    "rjust" => (pad, 0),
                    // CPython puts the odd space on the left when the width is odd... on the right otherwise.
                    _ => {
                        let left = pad / 2 + (pad & width & 1);
                        (left, pad - left)
                    }
                };
                let f = fill.to_string();
                text(format!("{}{s}{}", f.repeat(left), f.repeat(right)))
            }
            "zfill" => {
                let width =
                    int_arg(self, args.first().unwrap_or(&Value::Int(0)), "width")?.max(0) as usize;
                let n = s.chars().count();
                if width <= n {
                    return text(s.to_string());
                }
                let (sign, digits) = match s.chars().next() {
                    Some(c @ ('+' | '-')) => (c.to_string(), &s[1..]),
                    _ => (String::new(), &s[..]),
                };
                text(format!("{sign}{}{digits}", "0".repeat(width - n)))
            }
            "isdigit" | "isnumeric" | "isdecimal" => Ok(Some(Value::Bool(
                !s.is_empty()
                    && s.chars()
                        .all(|c| c.is_ascii_digit() || (name != "isdecimal" && c.is_numeric())),
            ))),
            "isalpha" => Ok(Some(Value::Bool(
                !s.is_empty() && s.chars().all(char::is_alphabetic),
            ))),
            "isalnum" => Ok(Some(Value::Bool(
                !s.is_empty() && s.chars().all(char::is_alphanumeric),
            ))),
            "isspace" => Ok(Some(Value::Bool(
                !s.is_empty() && s.chars().all(char::is_whitespace),
            ))),
            "isupper" => Ok(Some(Value::Bool(
                s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase),
            ))),
            "islower" => Ok(Some(Value::Bool(
                s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_uppercase),
            ))),
            "isidentifier" => Ok(Some(Value::Bool(
                s.chars()
                    .next()
                    .is_some_and(|c| c.is_alphabetic() || c == '_')
                    && s.chars().all(|c| c.is_alphanumeric() || c == '_'),
            ))),
            "splitlines" => Ok(Some(strs(s.lines().collect()))),
            "partition" | "rpartition" => {
                let Some(sep) = sarg(self, 0)? else {
                    return Err(self.type_error("must be str"));
                };
                let found = if name == "partition" {
                    s.find(&*sep)
                } else {
                    s.rfind(&*sep)
                };
                let parts = match found {
                    Some(i) => vec![&s[..i], &sep[..], &s[i + sep.len()..]],
                    None if name == "partition" => vec![&s[..], "", ""],
                    None => vec!["", "", &s[..]],
                };
                Ok(Some(Value::tuple(
                    parts.into_iter().map(Value::str).collect(),
                )))
            }
            "removeprefix" => {
                let p = sarg(self, 0)?.unwrap_or_else(|| "".into());
                text(s.strip_prefix(&*p).unwrap_or(s).to_string())
            }
            "removesuffix" => {
                let p = sarg(self, 0)?.unwrap_or_else(|| "".into());
                text(s.strip_suffix(&*p).unwrap_or(s).to_string())
            }
            "expandtabs" => text(s.replace('\t', "        ")),
            _ => Ok(None),
        }
    }

    /// `"{} and {name:>5}".format(...)`.
    fn str_format(&mut self, s: &str, args: &[Value], kwargs: &Kwargs) -> R<String> {
        let mut out = String::new();
        let mut auto = 0usize;
        let chars: Vec<char> = s.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == '{' && chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            if c == '}' && chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            if c != '{' {
                out.push(c);
                i += 1;
                continue;
            }
            let close = chars[i..].iter().position(|&c| c == '}').map(|p| p + i);
            let Some(close) = close else {
                return Err(self.value_error("Single '{' encountered in format string"));
            };
            let field: String = chars[i + 1..close].iter().collect();
            let (head, spec) = match field.find(':') {
                Some(p) => (&field[..p], &field[p + 1..]),
                None => (&field[..], ""),
            };
            let (head, conv) = match head.find('!') {
                Some(p) => (&head[..p], head[p + 1..].chars().next()),
                None => (head, None),
            };
            let name_end = head.find(['.', '[']).unwrap_or(head.len());
            let (name, rest) = head.split_at(name_end);
            let mut v = if name.is_empty() {
                let v = args.get(auto).cloned();
                auto += 1;
                v.ok_or_else(|| {
                    self.new_exc(
                        &self.types.index_error.clone(),
                        &format!(
                            "Replacement index {} out of range for positional args tuple",
                            auto - 1
                        ),
                    )
                })?
            } else if let Ok(n) = name.parse::<usize>() {
                args.get(n).cloned().ok_or_else(|| {
                    self.new_exc(
                        &self.types.index_error.clone(),
                        &format!("Replacement index {n} out of range for positional args tuple"),
                    )
                })?
            } else {
                kwarg(kwargs, name).cloned().ok_or_else(|| {
                    self.exc_with_args(&self.types.key_error.clone(), vec![Value::str(name)])
                })?
            };
            for part in rest.split_inclusive(['.', '[']).filter(|p| !p.is_empty()) {
                let part = part.trim_end_matches(['.', '[']);
                if part.is_empty() {
                    continue;
                }
                if let Some(idx) = part.strip_suffix(']') {
                    let key = idx
                        .parse::<i64>()
                        .map(Value::Int)
                        .unwrap_or_else(|_| Value::str(idx));
                    v = self.getitem(&v, &key)?;
                } else {
                    v = self.getattr(&v, part)?;
                }
            }
            let conversion = match conv {
                Some('r') => 2,
                Some('s') => 1,
                Some('a') => 3,
                _ => 0,
            };
            let formatted = self.format_value(&v, conversion, &Value::str(spec))?;
            out.push_str(formatted.as_str().unwrap_or(""));
            i = close + 1;
        }
        Ok(out)
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
            "append" => l.borrow_mut().push(a0()),
            "extend" => {
                let items = self.collect(&a0())?;
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
            "__next__" | "send" => match self.gen_next(recv)? {
                Some(v) => Ok(Some(v)),
                None => Err(self.new_exc(&self.types.stop_iteration.clone(), "")),
            },
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

    /// `int(x)`, `str(x)`, `list(x)`... for the built-in types.
    pub fn construct_builtin(
        &mut self,
        c: &Rc<Class>,
        args: &[Value],
        kwargs: &Kwargs,
    ) -> R<Option<Value>> {
        let a0 = args.first();
        Ok(Some(match c.base_builtin() {
            BuiltinType::Int | BuiltinType::Bool if c.builtin == BuiltinType::Bool => {
                Value::Bool(match a0 {
                    Some(v) => self.truthy(v)?,
                    None => false,
                })
            }
            BuiltinType::Int => match (a0, args.get(1)) {
                (None, _) => Value::Int(0),
                (Some(Value::Str(s)), base) => {
                    let base = match base {
                        Some(b) => int_arg(self, b, "base")? as u32,
                        None => 10,
                    };
                    Value::Int(crate::py::format::parse_int(s, base).map_err(|m| self.value_error(&m))?)
                }
                (Some(Value::Int(i)), _) => Value::Int(*i),
                (Some(Value::Bool(b)), _) => Value::Int(*b as i64),
                (Some(Value::Float(f)), _) => {
                    if !f.is_finite() {
                        return Err(self.value_error("cannot convert float NaN or infinity to integer"));
                    }
                    Value::Int(f.trunc() as i64)
                }
                (Some(other), _) => match self.lookup_special(other, "__int__") {
                    Some(m) => self.call_value(&m, vec![other.clone()], vec![])?,
                    None => return Err(self.type_error(&format!(
                        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                        self.type_name(other)
                    ))),
                },
            },
            BuiltinType::Float => match a0 {
                None => Value::Float(0.0),
                Some(Value::Str(s)) => Value::Float(crate::py::format::parse_float(s).map_err(|m| self.value_error(&m))?),
                Some(v) => match v.as_number() {
                    Some(n) => Value::Float(n.to_f64()),
                    None => return Err(self.type_error(&format!(
                        "float() argument must be a string or a real number, not '{}'",
                        self.type_name(v)
                    ))),
                },
            },
            BuiltinType::Str => match a0 {
                None => Value::str(""),
                Some(v) => Value::Str(self.str_of(v)?.into()),
            },
            BuiltinType::List => Value::list(match a0 {
                None => Vec::new(),
                Some(v) => self.collect(v)?,
            }),
            BuiltinType::Tuple => match a0 {
                None => Value::tuple(Vec::new()),
                Some(Value::Tuple(_)) => a0.cloned().unwrap_or_default(),
                Some(v) => Value::tuple(self.collect(v)?),
            },
            BuiltinType::Set => {
                let items = match a0 {
                    None => Vec::new(),
                    Some(v) => self.collect(v)?,
                };
                self.make_set(items)?
            }
            BuiltinType::FrozenSet => {
                let items = match a0 {
                    None => Vec::new(),
                    Some(v) => self.collect(v)?,
                };
                let Value::Set(s) = self.make_set(items)? else {
                    return Ok(None);
                };
                let s = s.borrow().clone();
                Value::FrozenSet(Rc::new(s))
            }
            BuiltinType::Dict => {
                let d = Value::dict(Dict::default());
                if let Some(src) = a0 {
                    self.dict_update(&d, src)?;
                }
                if let Value::Dict(inner) = &d {
                    for (k, v) in kwargs {
                        inner.borrow_mut().insert(Key(Value::Str(k.clone())), v.clone());
                    }
                }
                d
            }
            BuiltinType::Type => match a0 {
                Some(v) if args.len() == 1 => self.type_of(v),
                _ => return Err(self.type_error("type() takes 1 argument in Looplab (three-argument type() is not supported: write a class)")),
            },
            BuiltinType::Future => self.new_future(),
            BuiltinType::Object => return Ok(None),
            BuiltinType::Range => return Ok(None),
            BuiltinType::Property => Value::object(Object::Property {
                get: a0.cloned().unwrap_or_default(),
                set: args.get(1).cloned().unwrap_or_default(),
            }),
            BuiltinType::StaticMethod => Value::object(Object::StaticMethod(a0.cloned().unwrap_or_default())),
            BuiltinType::ClassMethod => Value::object(Object::ClassMethod(a0.cloned().unwrap_or_default())),
            BuiltinType::Slice => {
                let (start, stop, step) = match args {
                    [stop] => (Value::None, stop.clone(), Value::None),
                    [a, b] => (a.clone(), b.clone(), Value::None),
                    [a, b, c] => (a.clone(), b.clone(), c.clone()),
                    _ => return Err(self.type_error("slice expected at least 1 argument, got 0")),
                };
                Value::object(Object::Slice { start, stop, step })
            }
            _ => return Ok(None),
        }))
    }

    /// Attributes of a built-in class: `dict.fromkeys`, `str.join`, `int.__name__`.
    pub fn class_builtin_attr(&mut self, c: &Rc<Class>, name: &str) -> Option<Value> {
        if c.builtin == BuiltinType::Dict && name == "fromkeys" {
            return Some(super::builtin("fromkeys", |vm, args, _| {
                let keys = vm.collect(args.first().unwrap_or(&Value::None))?;
                let v = args.get(1).cloned().unwrap_or_default();
                let mut d = Dict::default();
                for k in keys {
                    d.insert(vm.key(k)?, v.clone());
                }
                Ok(Value::dict(d))
            }));
        }
        if matches!(c.builtin, BuiltinType::Property) && name == "setter" {
            return None;
        }
        None
    }

    /// Data attributes of built-in values (a property's `setter`, a slice's `start`).
    pub fn data_attr(&mut self, obj: &Value, name: &str) -> R<Option<Value>> {
        Ok(match obj {
            Value::Object(o) => match (&**o, name) {
                (Object::Property { get, .. }, "setter") => {
                    let get = get.clone();
                    Some(Value::Builtin(Rc::new(Builtin {
                        name: "setter".into(),
                        func: |_, args, _| {
                            Ok(Value::object(Object::Property {
                                get: args.first().cloned().unwrap_or_default(),
                                set: args.get(1).cloned().unwrap_or_default(),
                            }))
                        },
                        bound: Some(get),
                    })))
                }
                (Object::Property { get, .. }, "fget") => Some(get.clone()),
                (Object::Slice { start, .. }, "start") => Some(start.clone()),
                (Object::Slice { stop, .. }, "stop") => Some(stop.clone()),
                (Object::Slice { step, .. }, "step") => Some(step.clone()),
                (Object::Range { start, .. }, "start") => Some(Value::Int(*start)),
                (Object::Range { stop, .. }, "stop") => Some(Value::Int(*stop)),
                (Object::Range { step, .. }, "step") => Some(Value::Int(*step)),
                (Object::Gen(g), "__name__") => Some(Value::Str(g.borrow().name.clone())),
                (Object::Gen(g), "__qualname__") => Some(Value::Str(g.borrow().qualname.clone())),
                (Object::Method { func, .. }, "__func__") => Some(func.clone()),
                (Object::Method { recv, .. }, "__self__") => Some(recv.clone()),
                (Object::Method { func, .. }, "__name__") => Some(self.getattr(func, "__name__")?),
                (Object::Aio(a), _) => self.aio_attr(a, obj, name)?,
                _ => None,
            },
            Value::Int(i) if name == "real" => Some(Value::Int(*i)),
            Value::Float(f) if name == "real" => Some(Value::Float(*f)),
            _ => None,
        })
    }

    /// `fmt % args`.
    pub fn percent_format(&mut self, fmt: &str, args: &Value) -> R<String> {
        let items: Vec<Value> = match args {
            Value::Tuple(t) => t.to_vec(),
            other => vec![other.clone()],
        };
        let mut out = String::new();
        let mut next = 0;
        let mut chars = fmt.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '%' {
                out.push(c);
                continue;
            }
            let mut spec = String::new();
            let mut key = None;
            if chars.peek() == Some(&'(') {
                chars.next();
                let name: String = chars.by_ref().take_while(|&c| c != ')').collect();
                key = Some(name);
            }
            let conv = loop {
                match chars.next() {
                    Some(ch) if "-+ #0123456789.".contains(ch) => spec.push(ch),
                    Some(ch) => break ch,
                    None => return Err(self.value_error("incomplete format")),
                }
            };
            if conv == '%' {
                out.push('%');
                continue;
            }
            let v = match &key {
                Some(k) => self.getitem(args, &Value::str(k))?,
                None => {
                    let v = items
                        .get(next)
                        .cloned()
                        .ok_or_else(|| self.type_error("not enough arguments for format string"))?;
                    next += 1;
                    v
                }
            };
            let spec = spec.replacen('-', "<", 1);
            let piece = match conv {
                's' => {
                    let s = self.str_of(&v)?;
                    self.format(&Value::Str(s.into()), &spec)?
                }
                'r' | 'a' => {
                    let s = self.repr_of(&v)?;
                    self.format(&Value::Str(s.into()), &spec)?
                }
                'd' | 'i' | 'u' => {
                    let n = match v.as_number() {
                        Some(Num::Int(i)) => Value::Int(i),
                        Some(Num::Float(f)) => Value::Int(f.trunc() as i64),
                        None => {
                            return Err(self.type_error(&format!(
                                "%d format: a real number is required, not {}",
                                self.type_name(&v)
                            )))
                        }
                    };
                    let spec = if spec.contains('<') {
                        spec.clone()
                    } else {
                        format!(">{spec}")
                    };
                    self.format(&n, &format!("{spec}d"))?
                }
                'f' | 'F' | 'e' | 'E' | 'g' | 'G' | 'x' | 'X' | 'o' | 'c' => {
                    let spec = if spec.contains('<') {
                        spec.clone()
                    } else {
                        format!(">{spec}")
                    };
                    self.format(&v, &format!("{spec}{conv}"))?
                }
                other => {
                    return Err(self.value_error(&format!("unsupported format character '{other}'")))
                }
            };
            out.push_str(&piece);
        }
        if key_less_extra(&items, next, args) {
            return Err(self.type_error("not all arguments converted during string formatting"));
        }
        Ok(out)
    }
}

fn key_less_extra(items: &[Value], used: usize, args: &Value) -> bool {
    !matches!(args, Value::Dict(_)) && used < items.len() && used > 0
        || (used == 0 && matches!(args, Value::Tuple(t) if !t.is_empty()))
}

/// `s.split(None, n)`: at most `n` splits on runs of whitespace.
fn split_whitespace_n(s: &str, n: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        if out.len() == n {
            out.push(rest);
            break;
        }
        match rest.find(char::is_whitespace) {
            Some(i) => {
                out.push(&rest[..i]);
                rest = rest[i..].trim_start();
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out
}
