//! Constructors of the built-in types (`int("3")`, `list(gen)`, `dict(a=1)`), their
//! class and data attributes, and `%`-formatting.

use super::{int_arg, Kwargs, R};
use crate::py::value::*;
use crate::py::vm::Vm;
use std::rc::Rc;

impl Vm {
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
            BuiltinType::Int => match (a0, args.get(1).or_else(|| super::kwarg(kwargs, "base"))) {
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
                (Some(Value::Float(f)), _) => super::functions::float_to_int(self, f.trunc())?,
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
        match (c.builtin, name) {
            (BuiltinType::Dict, "fromkeys") => {
                return Some(super::builtin("fromkeys", |vm, args, _| {
                    let keys = vm.collect(args.first().unwrap_or(&Value::None))?;
                    let v = args.get(1).cloned().unwrap_or_default();
                    let mut d = Dict::default();
                    for k in keys {
                        d.insert(vm.key(k)?, v.clone());
                    }
                    Ok(Value::dict(d))
                }))
            }
            (BuiltinType::Str, "maketrans") => return Some(super::builtin("maketrans", maketrans)),
            _ => {}
        }
        // `str.lower`, `list.append`...: the method, taking its object first.
        let sample = match c.builtin {
            BuiltinType::Str => Value::str(""),
            BuiltinType::List => Value::list(Vec::new()),
            BuiltinType::Dict => Value::dict(Dict::default()),
            BuiltinType::Set => Value::Set(Rc::new(std::cell::RefCell::new(Set::default()))),
            BuiltinType::Tuple => Value::tuple(Vec::new()),
            BuiltinType::Int => Value::Int(0),
            BuiltinType::Float => Value::Float(0.0),
            _ => return None,
        };
        super::has_method(self, &sample, name).then(|| {
            Value::Builtin(Rc::new(Builtin {
                name: name.into(),
                func: super::methods::call_unbound_method,
                bound: None,
            }))
        })
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
                (Object::Gen(g), "__name__") => Some(Value::Str(g.borrow().code.name.clone())),
                (Object::Gen(g), "__qualname__") => {
                    Some(Value::Str(g.borrow().code.qualname.clone()))
                }
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
                    self.format(&Value::Str(s.into()), &right_aligned(&spec))?
                }
                'r' | 'a' => {
                    let s = self.repr_of(&v)?;
                    self.format(&Value::Str(s.into()), &right_aligned(&spec))?
                }
                'd' | 'i' | 'u' => {
                    let n = match v.as_number() {
                        Some(Num::Int(i)) => Value::Int(i),
                        Some(Num::Float(f)) => super::functions::float_to_int(self, f.trunc())?,
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

/// `str.maketrans(x[, y[, z]])`: a table of code points for `str.translate`.
fn maketrans(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let mut d = Dict::default();
    let ord = |c: char| Value::Int(c as i64);
    match (args.first(), args.get(1), args.get(2)) {
        (Some(Value::Dict(src)), None, None) => {
            for (k, v) in src.borrow().iter() {
                let key = match &k.0 {
                    Value::Str(s) if s.chars().count() == 1 => ord(s.chars().next().unwrap_or(' ')),
                    other => other.clone(),
                };
                d.insert(Key(key), v.clone());
            }
        }
        (Some(Value::Str(x)), Some(Value::Str(y)), z) => {
            if x.chars().count() != y.chars().count() {
                return Err(
                    vm.value_error("the first two maketrans arguments must have equal length")
                );
            }
            for (a, b) in x.chars().zip(y.chars()) {
                d.insert(Key(ord(a)), ord(b));
            }
            if let Some(Value::Str(z)) = z {
                for c in z.chars() {
                    d.insert(Key(ord(c)), Value::None);
                }
            }
        }
        _ => return Err(vm.type_error("maketrans() arguments must be a dict, or two or three str")),
    }
    Ok(Value::dict(d))
}

/// A `%` conversion's width pads on the left unless the `-` flag (now `<`) says left.
fn right_aligned(spec: &str) -> String {
    if spec.contains('<') {
        spec.to_string()
    } else {
        format!(">{}", spec.trim_start_matches('0'))
    }
}

fn key_less_extra(items: &[Value], used: usize, args: &Value) -> bool {
    !matches!(args, Value::Dict(_)) && used < items.len() && used > 0
        || (used == 0 && matches!(args, Value::Tuple(t) if !t.is_empty()))
}
