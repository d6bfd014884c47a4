//! Attributes and subscripts: instance and class look-up (methods bound, properties,
//! static and class methods), modules, and indexing and slicing of the built-in
//! sequences.

use super::{Vm, R};
use crate::py::value::*;
use std::cell::RefCell;
use std::rc::Rc;

impl Vm {
    /// The Python name of a value's type (`int`, `list`, `Worker`).
    pub fn type_name(&self, v: &Value) -> Rc<str> {
        match self.type_of(v) {
            Value::Class(c) => c.name.clone(),
            _ => "object".into(),
        }
    }

    /// `type(v)`.
    pub fn type_of(&self, v: &Value) -> Value {
        let t = &self.types;
        let c = match v {
            Value::None | Value::Unbound => &t.none,
            Value::Ellipsis | Value::NotImplemented => &t.object,
            Value::Bool(_) => &t.bool_,
            Value::Int(_) => &t.int,
            Value::Float(_) => &t.float,
            Value::Str(_) => &t.str_,
            Value::Tuple(_) => &t.tuple,
            Value::List(_) => &t.list,
            Value::Dict(_) => &t.dict,
            Value::Set(_) => &t.set,
            Value::FrozenSet(_) => &t.frozenset,
            Value::Function(_) => &t.function,
            Value::Builtin(_) => &t.builtin_function,
            Value::Class(_) => &t.type_,
            Value::Instance(i) => return Value::Class(i.class.clone()),
            Value::Code(_) => &t.object,
            Value::Object(o) => match &**o {
                Object::Module(_) => &t.module,
                Object::Method { .. } => &t.method,
                Object::Range { .. } => &t.range,
                Object::Slice { .. } => &t.slice,
                Object::Gen(g) => match g.borrow().code.kind {
                    crate::py::code::CodeKind::Coroutine => &t.coroutine,
                    crate::py::code::CodeKind::AsyncGenerator => &t.async_generator,
                    _ => &t.generator,
                },
                Object::Property { .. } => &t.property,
                Object::StaticMethod(_) => &t.staticmethod,
                Object::ClassMethod(_) => &t.classmethod,
                Object::Aio(a) => return self.aio_type(a),
                Object::Iter(it) => match &*it.borrow() {
                    Iter::Map { .. } => &t.map_,
                    Iter::Filter { .. } => &t.filter_,
                    Iter::Zip { .. } => &t.zip_,
                    Iter::Enumerate { .. } => &t.enumerate_,
                    Iter::Reversed { .. } => &t.reversed_,
                    _ => &t.iterator,
                },
                _ => &t.iterator,
            },
        };
        Value::Class(c.clone())
    }

    /// A special method (`__eq__`, `__iter__`) of an instance's class.
    pub fn lookup_special(&self, v: &Value, name: &str) -> Option<Value> {
        match v {
            Value::Instance(i) => i.class.lookup(name),
            _ => None,
        }
    }

    pub fn getattr(&mut self, obj: &Value, name: &str) -> R<Value> {
        match obj {
            Value::Instance(inst) => {
                if let Some(v) = inst.dict.borrow().get(&Name(name)) {
                    return Ok(v.clone());
                }
                if let Some(v) = inst.class.lookup(name) {
                    return self.bind_attr(v, obj, &inst.class);
                }
                if inst.exc.is_some() {
                    if let Some(v) = self.exception_attr(obj, name) {
                        return Ok(v);
                    }
                }
                match name {
                    "__class__" => return Ok(Value::Class(inst.class.clone())),
                    "__dict__" => return Ok(Value::dict(inst.dict.borrow().clone())),
                    _ => {}
                }
                if let Some(ga) = inst.class.lookup("__getattr__") {
                    return self.call_value(&ga, vec![obj.clone(), Value::str(name)], vec![]);
                }
                Err(self.attribute_error(obj, name))
            }
            Value::Class(c) => {
                if let Some(v) = c.lookup(name) {
                    return match v {
                        Value::Object(ref o) => match &**o {
                            Object::StaticMethod(f) => Ok(f.clone()),
                            Object::ClassMethod(f) => Ok(Value::object(Object::Method {
                                func: f.clone(),
                                recv: obj.clone(),
                            })),
                            _ => Ok(v),
                        },
                        _ => Ok(v),
                    };
                }
                match name {
                    "__name__" => Ok(Value::Str(c.name.clone())),
                    "__qualname__" => Ok(Value::Str(c.qualname.clone())),
                    "__module__" => Ok(Value::Str(c.module.clone())),
                    "__mro__" => {
                        let mut all = vec![obj.clone()];
                        all.extend(c.mro.iter().map(|m| Value::Class(m.clone())));
                        Ok(Value::tuple(all))
                    }
                    "__bases__" => Ok(Value::tuple(
                        c.bases.iter().map(|b| Value::Class(b.clone())).collect(),
                    )),
                    "__doc__" => Ok(Value::None),
                    _ => match self.class_builtin_attr(c, name) {
                        Some(v) => Ok(v),
                        None => Err(self.attribute_error(obj, name)),
                    },
                }
            }
            Value::Object(o) => match &**o {
                Object::Module(m) => m
                    .dict
                    .borrow()
                    .get(&Name(name))
                    .cloned()
                    .ok_or_else(|| self.attribute_error(obj, name)),
                Object::Super { class, recv } => {
                    let start = match recv {
                        Value::Instance(i) => i.class.clone(),
                        Value::Class(c) => c.clone(),
                        _ => class.clone(),
                    };
                    let mut chain = vec![start.clone()];
                    chain.extend(start.mro.iter().cloned());
                    let pos = chain.iter().position(|c| Rc::ptr_eq(c, class)).unwrap_or(0);
                    for c in &chain[pos + 1..] {
                        if let Some(v) = c.dict.borrow().get(&Name(name)).cloned() {
                            return self.bind_attr(v, recv, c);
                        }
                    }
                    if name == "__init__" {
                        return Ok(Value::Builtin(Rc::new(Builtin {
                            name: "__init__".into(),
                            func: |vm, args, _| {
                                // object.__init__ / BaseException.__init__: keep the args.
                                if let Some(Value::Instance(i)) = args.first() {
                                    if let Some(s) = &i.exc {
                                        s.borrow_mut().args = args[1..].to_vec();
                                    }
                                }
                                let _ = vm;
                                Ok(Value::None)
                            },
                            bound: Some(recv.clone()),
                        })));
                    }
                    Err(self.attribute_error(recv, name))
                }
                _ => self.other_attr(obj, name),
            },
            Value::Function(f) => match name {
                "__defaults__" => Ok(if f.defaults.is_empty() {
                    Value::None
                } else {
                    Value::tuple(f.defaults.clone())
                }),
                "__kwdefaults__" => Ok(if f.kw_defaults.is_empty() {
                    Value::None
                } else {
                    let mut d = Dict::default();
                    for (k, v) in &f.kw_defaults {
                        d.insert(Key(Value::Str(k.clone())), v.clone());
                    }
                    Value::dict(d)
                }),
                "__name__" => Ok(f
                    .attrs
                    .borrow()
                    .get(&Key(Value::str("__name__")))
                    .cloned()
                    .unwrap_or_else(|| Value::Str(f.code.name.clone()))),
                "__qualname__" => Ok(Value::Str(f.code.qualname.clone())),
                "__doc__" => Ok(f
                    .attrs
                    .borrow()
                    .get(&Name(name))
                    .cloned()
                    .unwrap_or_else(|| f.code.doc.clone().map_or(Value::None, Value::Str))),
                "__module__" | "__wrapped__" | "__dict__" => Ok(f
                    .attrs
                    .borrow()
                    .get(&Name(name))
                    .cloned()
                    .unwrap_or(Value::None)),
                _ => f
                    .attrs
                    .borrow()
                    .get(&Name(name))
                    .cloned()
                    .ok_or_else(|| self.attribute_error(obj, name)),
            },
            Value::Builtin(b) if name == "__name__" => Ok(Value::Str(b.name.clone())),
            _ => self.other_attr(obj, name),
        }
    }

    /// Attributes of built-in values: their methods, bound, and a few data attributes.
    fn other_attr(&mut self, obj: &Value, name: &str) -> R<Value> {
        if let Some(v) = self.data_attr(obj, name)? {
            return Ok(v);
        }
        if super::super::builtins::has_method(self, obj, name) {
            let recv = obj.clone();
            let name_rc: Rc<str> = name.into();
            return Ok(Value::Builtin(Rc::new(Builtin {
                name: name_rc,
                func: super::super::builtins::call_bound_method,
                bound: Some(recv),
            })));
        }
        Err(self.attribute_error(obj, name))
    }

    fn bind_attr(&mut self, v: Value, recv: &Value, _owner: &Rc<Class>) -> R<Value> {
        match &v {
            Value::Function(_) | Value::Builtin(_) => Ok(Value::object(Object::Method {
                func: v,
                recv: recv.clone(),
            })),
            Value::Object(o) => match &**o {
                Object::Property { get, .. } => {
                    self.call_value(&get.clone(), vec![recv.clone()], vec![])
                }
                Object::StaticMethod(f) => Ok(f.clone()),
                Object::ClassMethod(f) => {
                    let cls = self.type_of(recv);
                    Ok(Value::object(Object::Method {
                        func: f.clone(),
                        recv: cls,
                    }))
                }
                _ => Ok(v),
            },
            _ => Ok(v),
        }
    }

    pub fn setattr(&mut self, obj: &Value, name: &str, v: Value) -> R<()> {
        match obj {
            Value::Instance(inst) => {
                if let Some(Value::Object(o)) = inst.class.lookup(name) {
                    if let Object::Property { set, .. } = &*o {
                        if set.is_none() {
                            return Err(self.new_exc(
                                &self.types.attribute_error.clone(),
                                &format!(
                                    "property '{name}' of '{}' object has no setter",
                                    inst.class.name
                                ),
                            ));
                        }
                        self.call_value(&set.clone(), vec![obj.clone(), v], vec![])?;
                        return Ok(());
                    }
                }
                if inst.exc.is_some() {
                    if let Some(s) = &inst.exc {
                        let mut s = s.borrow_mut();
                        match name {
                            "__cause__" => {
                                s.cause = (!v.is_none()).then_some(v);
                                s.suppress_context = true;
                                return Ok(());
                            }
                            "__context__" => {
                                s.context = (!v.is_none()).then_some(v);
                                return Ok(());
                            }
                            "args" => {
                                drop(s);
                                let items = self.collect(&v)?;
                                if let Some(s) = &inst.exc {
                                    s.borrow_mut().args = items;
                                }
                                return Ok(());
                            }
                            _ => {}
                        }
                    }
                }
                inst.dict.borrow_mut().insert(Key(Value::str(name)), v);
                Ok(())
            }
            Value::Class(c) => {
                c.dict.borrow_mut().insert(Key(Value::str(name)), v);
                Ok(())
            }
            Value::Function(f) => {
                f.attrs.borrow_mut().insert(Key(Value::str(name)), v);
                Ok(())
            }
            Value::Object(o) => match &**o {
                Object::Module(m) => {
                    m.dict.borrow_mut().insert(Key(Value::str(name)), v);
                    Ok(())
                }
                _ => Err(self.readonly_attr(obj, name)),
            },
            _ => Err(self.readonly_attr(obj, name)),
        }
    }

    fn readonly_attr(&self, obj: &Value, name: &str) -> Value {
        self.new_exc(
            &self.types.attribute_error.clone(),
            &format!(
                "'{}' object has no attribute '{name}' and no __dict__ for setting new attributes",
                self.type_name(obj)
            ),
        )
    }

    pub fn delattr(&mut self, obj: &Value, name: &str) -> R<()> {
        let removed = match obj {
            Value::Instance(inst) => inst.dict.borrow_mut().shift_remove(&Key(Value::str(name))),
            Value::Class(c) => c.dict.borrow_mut().shift_remove(&Key(Value::str(name))),
            _ => None,
        };
        removed
            .map(|_| ())
            .ok_or_else(|| self.attribute_error(obj, name))
    }

    fn exception_attr(&mut self, obj: &Value, name: &str) -> Option<Value> {
        let s = super::exc::state(obj)?;
        let s = s.borrow();
        Some(match name {
            "args" => Value::tuple(s.args.clone()),
            "__cause__" => s.cause.clone().unwrap_or(Value::None),
            "__context__" => s.context.clone().unwrap_or(Value::None),
            "__suppress_context__" => Value::Bool(s.suppress_context),
            "__traceback__" => Value::None,
            "__notes__" => Value::list(s.notes.clone()),
            "exceptions" => Value::tuple(s.group.clone()),
            // StopIteration's return value, and OSError's parts.
            "value" if super::exc::is_instance(obj, &self.types.stop_iteration) => {
                s.args.first().cloned().unwrap_or(Value::None)
            }
            "errno" if s.args.len() >= 2 && super::exc::is_instance(obj, &self.types.os_error) => {
                s.args[0].clone()
            }
            "strerror"
                if s.args.len() >= 2 && super::exc::is_instance(obj, &self.types.os_error) =>
            {
                s.args[1].clone()
            }
            "message" if !s.group.is_empty() || s.args.len() == 2 => {
                s.args.first().cloned().unwrap_or(Value::str(""))
            }
            _ => return None,
        })
    }

    /// `seq[index]`.
    pub fn getitem(&mut self, obj: &Value, index: &Value) -> R<Value> {
        match (obj, index) {
            (Value::List(l), Value::Int(i)) => {
                let l = l.borrow();
                let at = norm_index(*i, l.len()).ok_or_else(|| self.index_error("list"))?;
                Ok(l[at].clone())
            }
            (Value::Tuple(t), Value::Int(i)) => {
                let at = norm_index(*i, t.len()).ok_or_else(|| self.index_error("tuple"))?;
                Ok(t[at].clone())
            }
            (Value::Str(s), Value::Int(i)) => {
                let n = s.chars().count();
                let at = norm_index(*i, n).ok_or_else(|| self.index_error("string"))?;
                Ok(Value::Str(
                    s.chars().nth(at).unwrap_or(' ').to_string().into(),
                ))
            }
            (Value::Dict(d), k) => {
                let key = self.key(k.clone())?;
                let found = d.borrow().get(&key).cloned();
                match found {
                    Some(v) => Ok(v),
                    None => Err(self.exc_with_args(&self.types.key_error.clone(), vec![k.clone()])),
                }
            }
            (Value::List(_) | Value::Tuple(_) | Value::Str(_), Value::Object(o))
                if matches!(&**o, Object::Slice { .. }) =>
            {
                self.slice(obj, index)
            }
            (Value::List(_) | Value::Tuple(_) | Value::Str(_), Value::Bool(b)) => {
                self.getitem(obj, &Value::Int(*b as i64))
            }
            (Value::Object(o), Value::Int(i)) if matches!(&**o, Object::Range { .. }) => {
                let Object::Range { start, stop, step } = &**o else {
                    unreachable!()
                };
                let n = super::ops::range_len(*start, *stop, *step);
                let at =
                    norm_index(*i, n as usize).ok_or_else(|| self.index_error("range object"))?;
                Ok(Value::Int(
                    (*start as i128 + *step as i128 * at as i128) as i64,
                ))
            }
            (Value::Instance(_), _) => match self.lookup_special(obj, "__getitem__") {
                Some(m) => self.call_value(&m, vec![obj.clone(), index.clone()], vec![]),
                None => Err(self.not_subscriptable(obj)),
            },
            (Value::Class(c), _)
                if matches!(&*c.name, "list" | "dict" | "tuple" | "set" | "type")
                    || c.module.as_ref() != "builtins" =>
            {
                // `list[int]` in annotations: the class itself.
                Ok(obj.clone())
            }
            (Value::List(_) | Value::Tuple(_) | Value::Str(_), other) => {
                Err(self.type_error(&format!(
                    "{} indices must be integers or slices, not {}",
                    self.type_name(obj),
                    self.type_name(other)
                )))
            }
            _ => Err(self.not_subscriptable(obj)),
        }
    }

    fn not_subscriptable(&self, obj: &Value) -> Value {
        self.type_error(&format!(
            "'{}' object is not subscriptable",
            self.type_name(obj)
        ))
    }

    fn index_error(&self, what: &str) -> Value {
        self.new_exc(
            &self.types.index_error.clone(),
            &format!("{what} index out of range"),
        )
    }

    /// The indices a slice selects from a sequence of `len` items.
    pub fn slice_indices(&mut self, slice: &Value, len: usize) -> R<Vec<usize>> {
        let Value::Object(o) = slice else {
            return Ok(Vec::new());
        };
        let Object::Slice { start, stop, step } = &**o else {
            return Ok(Vec::new());
        };
        let as_int = |vm: &Vm, v: &Value| -> R<Option<i64>> {
            match v {
                Value::None => Ok(None),
                Value::Int(i) => Ok(Some(*i)),
                Value::Bool(b) => Ok(Some(*b as i64)),
                _ => Err(vm.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )),
            }
        };
        let step = as_int(self, step)?.unwrap_or(1);
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let n = len as i64;
        let clamp = |v: i64, lo: i64, hi: i64| v.max(lo).min(hi);
        let norm = |v: i64| if v < 0 { v + n } else { v };
        let mut out = Vec::new();
        if step > 0 {
            let s = as_int(self, start)?.map_or(0, |v| clamp(norm(v), 0, n));
            let e = as_int(self, stop)?.map_or(n, |v| clamp(norm(v), 0, n));
            let mut i = s;
            while i < e {
                out.push(i as usize);
                i += step;
            }
        } else {
            let s = as_int(self, start)?.map_or(n - 1, |v| clamp(norm(v), -1, n - 1));
            let e = as_int(self, stop)?.map_or(-1, |v| clamp(norm(v), -1, n - 1));
            let mut i = s;
            while i > e {
                out.push(i as usize);
                i += step;
            }
        }
        Ok(out)
    }

    fn slice(&mut self, obj: &Value, slice: &Value) -> R<Value> {
        match obj {
            Value::List(l) => {
                let items = l.borrow().clone();
                let idx = self.slice_indices(slice, items.len())?;
                Ok(Value::list(
                    idx.into_iter().map(|i| items[i].clone()).collect(),
                ))
            }
            Value::Tuple(t) => {
                let idx = self.slice_indices(slice, t.len())?;
                Ok(Value::tuple(
                    idx.into_iter().map(|i| t[i].clone()).collect(),
                ))
            }
            Value::Str(s) => {
                let chars: Vec<char> = s.chars().collect();
                let idx = self.slice_indices(slice, chars.len())?;
                Ok(Value::Str(
                    idx.into_iter().map(|i| chars[i]).collect::<String>().into(),
                ))
            }
            _ => Err(self.not_subscriptable(obj)),
        }
    }

    pub fn setitem(&mut self, obj: &Value, index: Value, v: Value) -> R<()> {
        match (obj, &index) {
            (Value::List(l), Value::Int(i)) => {
                let len = l.borrow().len();
                let at = self.assignment_index(*i, len)?;
                l.borrow_mut()[at] = v;
                Ok(())
            }
            (Value::List(l), Value::Object(o)) if matches!(&**o, Object::Slice { .. }) => {
                let items = self.collect(&v)?;
                let len = l.borrow().len();
                let idx = self.slice_indices(&index, len)?;
                let Object::Slice { step, .. } = &**o else {
                    return Ok(());
                };
                if step.is_none() || matches!(step, Value::Int(1)) {
                    let start = idx.first().copied().unwrap_or_else(|| {
                        // An empty slice inserts at its start.
                        let Object::Slice { start, .. } = &**o else {
                            return 0;
                        };
                        match start {
                            Value::Int(s) => {
                                norm_index(*s, len).unwrap_or(if *s < 0 { 0 } else { len })
                            }
                            _ => 0,
                        }
                    });
                    let end = idx.last().map_or(start, |e| e + 1);
                    l.borrow_mut().splice(start..end, items);
                    return Ok(());
                }
                if idx.len() != items.len() {
                    return Err(self.value_error(&format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        items.len(),
                        idx.len()
                    )));
                }
                let mut list = l.borrow_mut();
                for (i, item) in idx.into_iter().zip(items) {
                    list[i] = item;
                }
                Ok(())
            }
            (Value::Dict(d), _) => {
                let k = self.key(index)?;
                d.borrow_mut().insert(k, v);
                Ok(())
            }
            (Value::Instance(_), _) => match self.lookup_special(obj, "__setitem__") {
                Some(m) => {
                    self.call_value(&m, vec![obj.clone(), index, v], vec![])?;
                    Ok(())
                }
                None => Err(self.no_item_assignment(obj)),
            },
            _ => Err(self.no_item_assignment(obj)),
        }
    }

    fn no_item_assignment(&self, obj: &Value) -> Value {
        self.type_error(&format!(
            "'{}' object does not support item assignment",
            self.type_name(obj)
        ))
    }

    /// `i` as an index into a list of `len` items being assigned to or deleted from.
    fn assignment_index(&self, i: i64, len: usize) -> R<usize> {
        norm_index(i, len).ok_or_else(|| {
            self.new_exc(
                &self.types.index_error.clone(),
                "list assignment index out of range",
            )
        })
    }

    pub fn delitem(&mut self, obj: &Value, index: &Value) -> R<()> {
        match (obj, index) {
            (Value::List(l), Value::Int(i)) => {
                let len = l.borrow().len();
                let at = self.assignment_index(*i, len)?;
                l.borrow_mut().remove(at);
                Ok(())
            }
            (Value::List(l), Value::Object(_)) => {
                let len = l.borrow().len();
                let mut idx = self.slice_indices(index, len)?;
                crate::sort::sort(&mut idx);
                let mut list = l.borrow_mut();
                for i in idx.into_iter().rev() {
                    list.remove(i);
                }
                Ok(())
            }
            (Value::Dict(d), k) => {
                let key = self.key(k.clone())?;
                if d.borrow_mut().shift_remove(&key).is_none() {
                    return Err(self.exc_with_args(&self.types.key_error.clone(), vec![k.clone()]));
                }
                Ok(())
            }
            _ => Err(self.type_error(&format!(
                "'{}' object does not support item deletion",
                self.type_name(obj)
            ))),
        }
    }

    /// `import name`.
    pub fn import(&mut self, name: &str) -> R<Value> {
        if let Some(m) = self.modules.get(name) {
            return Ok(m.clone());
        }
        let known = super::super::builtins::modules::KNOWN;
        let top = name.split('.').next().unwrap_or(name);
        let hint = if known.contains(&top) {
            format!("only parts of '{top}' are available")
        } else {
            format!("Looplab runs these modules: {}", known.join(", "))
        };
        Err(self.new_exc(
            &self.types.module_not_found_error.clone(),
            &format!("No module named '{name}' ({hint})"),
        ))
    }

    pub fn import_from(&mut self, module: &Value, name: &str) -> R<Value> {
        self.getattr(module, name).map_err(|_| {
            let mname = match module {
                Value::Object(o) => match &**o {
                    Object::Module(m) => m.name.to_string(),
                    _ => "?".into(),
                },
                _ => "?".into(),
            };
            self.new_exc(
                &self.types.import_error.clone(),
                &format!(
                    "cannot import name '{name}' from '{mname}' (Looplab does not provide it)"
                ),
            )
        })
    }
}

/// A Python index (negative counts from the end) into `len` items, if in range.
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let n = len as i64;
    let j = if i < 0 { i + n } else { i };
    (0..n).contains(&j).then_some(j as usize)
}

/// Makes a module value.
pub fn module(name: &str, items: Vec<(&str, Value)>) -> Value {
    let mut d = Dict::default();
    d.insert(Key(Value::str("__name__")), Value::str(name));
    for (k, v) in items {
        d.insert(Key(Value::str(k)), v);
    }
    Value::object(Object::Module(Module {
        name: name.into(),
        dict: Rc::new(RefCell::new(d)),
    }))
}
