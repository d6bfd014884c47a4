//! `str()`, `repr()` and `format()` of values, written as CPython writes them
//! (`['one', ValueError('two'), 'three']`, `0.30000000000000004`, `<Task pending ...>`).

use super::{Vm, R};
use crate::py::format;
use crate::py::value::*;

impl Vm {
    pub fn repr_of(&mut self, v: &Value) -> R<String> {
        self.nesting += 1;
        if self.nesting > self.limits.max_nesting {
            self.nesting -= 1;
            return Err(self.new_exc(
                &self.types.recursion_error.clone(),
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        let r = self.repr_inner(v);
        self.nesting -= 1;
        r
    }

    fn repr_inner(&mut self, v: &Value) -> R<String> {
        Ok(match v {
            Value::None | Value::Unbound => "None".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Bool(true) => "True".into(),
            Value::Bool(false) => "False".into(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => format::float_repr(*f),
            Value::Str(s) => format::str_repr(s),
            Value::Tuple(t) => {
                let mut parts = Vec::with_capacity(t.len());
                for i in t.iter() {
                    parts.push(self.repr_of(i)?);
                }
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
            Value::List(l) => {
                let items = l.borrow().clone();
                let mut parts = Vec::with_capacity(items.len());
                for i in &items {
                    if let Value::List(inner) = i {
                        if std::rc::Rc::ptr_eq(inner, l) {
                            parts.push("[...]".to_string());
                            continue;
                        }
                    }
                    parts.push(self.repr_of(i)?);
                }
                format!("[{}]", parts.join(", "))
            }
            Value::Dict(d) => {
                let items: Vec<(Key, Value)> = d
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                let mut parts = Vec::with_capacity(items.len());
                for (k, v) in &items {
                    parts.push(format!("{}: {}", self.repr_of(&k.0)?, self.repr_of(v)?));
                }
                format!("{{{}}}", parts.join(", "))
            }
            Value::Set(_) | Value::FrozenSet(_) => {
                let items = super::ops::set_items(v);
                if items.is_empty() {
                    return Ok(match v {
                        Value::Set(_) => "set()".into(),
                        _ => "frozenset()".into(),
                    });
                }
                let mut parts = Vec::with_capacity(items.len());
                for k in super::ops::cpython_set_order(&items) {
                    parts.push(self.repr_of(&k)?);
                }
                match v {
                    Value::Set(_) => format!("{{{}}}", parts.join(", ")),
                    _ => format!("frozenset({{{}}})", parts.join(", ")),
                }
            }
            Value::Function(f) => format!("<function {} at 0x{:x}>", f.code.qualname, v.identity()),
            Value::Builtin(b) => format!("<built-in function {}>", b.name),
            Value::Class(c) => match &*c.module {
                "builtins" => format!("<class '{}'>", c.name),
                m => format!("<class '{m}.{}'>", c.qualname),
            },
            Value::Instance(i) => {
                if let Some(m) = i.class.lookup("__repr__") {
                    let r = self.call_value(&m, vec![v.clone()], vec![])?;
                    return match r {
                        Value::Str(s) => Ok(s.to_string()),
                        other => Err(self.type_error(&format!(
                            "__repr__ returned non-string (type {})",
                            self.type_name(&other)
                        ))),
                    };
                }
                if let Some(s) = &i.exc {
                    let args = s.borrow().args.clone();
                    let mut parts = Vec::with_capacity(args.len());
                    for a in &args {
                        parts.push(self.repr_of(a)?);
                    }
                    let inner = if args.len() == 1 {
                        parts[0].clone()
                    } else {
                        parts.join(", ")
                    };
                    return Ok(format!("{}({inner})", i.class.name));
                }
                format!(
                    "<{}.{} object at 0x{:x}>",
                    i.class.module,
                    i.class.qualname,
                    v.identity()
                )
            }
            Value::Code(c) => format!("<code object {}>", c.name),
            Value::Object(o) => match &**o {
                Object::Module(m) => format!("<module '{}'>", m.name),
                Object::Method { func, recv } => {
                    let name = match func {
                        Value::Function(f) => f.code.qualname.to_string(),
                        Value::Builtin(b) => b.name.to_string(),
                        _ => "?".into(),
                    };
                    match func {
                        Value::Builtin(_) => format!(
                            "<built-in method {name} of {} object at 0x{:x}>",
                            self.type_name(recv),
                            recv.identity()
                        ),
                        _ => format!("<bound method {name} of {}>", self.repr_of(recv)?),
                    }
                }
                Object::Range { start, stop, step } => {
                    if *step == 1 {
                        format!("range({start}, {stop})")
                    } else {
                        format!("range({start}, {stop}, {step})")
                    }
                }
                Object::Slice { start, stop, step } => format!(
                    "slice({}, {}, {})",
                    self.repr_of(start)?,
                    self.repr_of(stop)?,
                    self.repr_of(step)?
                ),
                Object::Gen(g) => {
                    let g = g.borrow();
                    let kind = match g.code.kind {
                        crate::py::code::CodeKind::Coroutine => "coroutine",
                        crate::py::code::CodeKind::AsyncGenerator => "async_generator",
                        _ => "generator",
                    };
                    format!(
                        "<{kind} object {} at 0x{:x}>",
                        g.code.qualname,
                        v.identity()
                    )
                }
                Object::Aio(a) => return self.aio_repr(a, v),
                _ => format!("<{} object at 0x{:x}>", self.type_name(v), v.identity()),
            },
        })
    }

    /// `str(v)`.
    pub fn str_of(&mut self, v: &Value) -> R<String> {
        match v {
            Value::Str(s) => Ok(s.to_string()),
            Value::Instance(i) => {
                if let Some(m) = i.class.lookup("__str__") {
                    let r = self.call_value(&m, vec![v.clone()], vec![])?;
                    return match r {
                        Value::Str(s) => Ok(s.to_string()),
                        other => Err(self.type_error(&format!(
                            "__str__ returned non-string (type {})",
                            self.type_name(&other)
                        ))),
                    };
                }
                if let Some(s) = &i.exc {
                    let (args, group) = {
                        let s = s.borrow();
                        (s.args.clone(), s.group.len())
                    };
                    if group > 0 {
                        let msg = args.first().map(|a| self.str_of(a)).transpose()?;
                        return Ok(format!(
                            "{} ({group} sub-exception{})",
                            msg.unwrap_or_default(),
                            if group == 1 { "" } else { "s" }
                        ));
                    }
                    if i.class.is_subclass(&self.types.key_error) && args.len() == 1 {
                        return self.repr_of(&args[0]);
                    }
                    if i.class.is_subclass(&self.types.os_error) && args.len() == 2 {
                        let errno = self.str_of(&args[0])?;
                        let msg = self.str_of(&args[1])?;
                        return Ok(format!("[Errno {errno}] {msg}"));
                    }
                    return match args.len() {
                        0 => Ok(String::new()),
                        1 => self.str_of(&args[0]),
                        _ => self.repr_of(&Value::tuple(args)),
                    };
                }
                self.repr_of(v)
            }
            _ => self.repr_of(v),
        }
    }

    /// An f-string's `{value!conversion:spec}`.
    pub fn format_value(&mut self, v: &Value, conversion: u8, spec: &Value) -> R<Value> {
        let v = match conversion {
            1 => Value::Str(self.str_of(v)?.into()),
            2 | 3 => Value::Str(self.repr_of(v)?.into()),
            _ => v.clone(),
        };
        let spec = spec.as_str().unwrap_or("");
        if spec.is_empty() {
            return Ok(match v {
                Value::Str(_) => v,
                other => Value::Str(self.str_of(&other)?.into()),
            });
        }
        self.format(&v, spec).map(|s| Value::Str(s.into()))
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> R<String> {
        let r = match v {
            Value::Bool(b) if spec.is_empty() => Ok(if *b { "True" } else { "False" }.to_string()),
            Value::Int(i) => format::format_int(*i, spec),
            Value::Bool(b) => format::format_int(*b as i64, spec),
            Value::Float(f) => format::format_float(*f, spec),
            Value::Str(s) => format::format_str(s, spec),
            Value::Instance(i) if i.class.lookup("__format__").is_some() => {
                let m = i.class.lookup("__format__").unwrap_or_default();
                let r = self.call_value(&m, vec![v.clone(), Value::str(spec)], vec![])?;
                return self.str_of(&r);
            }
            other => {
                if spec.is_empty() {
                    return self.str_of(other);
                }
                let s = self.str_of(other)?;
                if spec.chars().any(|c| c.is_ascii_alphabetic() && c != 's') {
                    return Err(self.type_error(&format!(
                        "unsupported format string passed to {}.__format__",
                        self.type_name(other)
                    )));
                }
                format::format_str(&s, spec)
            }
        };
        r.map_err(|m| self.value_error(&m))
    }
}
