//! Keys and iteration: values as dict keys (with `__hash__`), sets and dict updates,
//! `iter()` and `next()` over the built-in iterables and generators, `collect`.

use super::{ops::set_items, Vm, R};
use crate::py::value::*;
use std::cell::RefCell;
use std::rc::Rc;

impl Vm {
    /// A value as a dict key, or `TypeError: unhashable type`.
    pub fn key(&mut self, v: Value) -> R<Key> {
        match &v {
            Value::List(_) | Value::Dict(_) | Value::Set(_) => {
                Err(self.type_error(&format!("unhashable type: '{}'", self.type_name(&v))))
            }
            Value::Tuple(t) => {
                let mut changed = false;
                let mut items = Vec::with_capacity(t.len());
                for i in t.iter() {
                    let k = self.key(i.clone())?.0;
                    changed |= !k.is(i);
                    items.push(k);
                }
                Ok(Key(if changed { Value::tuple(items) } else { v }))
            }
            Value::Instance(i) => {
                let class = i.class.clone();
                match class.lookup("__hash__") {
                    Some(Value::None) => Err(self.unhashable(&v)),
                    Some(h) => {
                        let hv = self.call_value(&h, vec![v.clone()], vec![])?;
                        let Value::Int(hv) = hv else {
                            return Err(self.type_error("__hash__ method should return an integer"));
                        };
                        self.canonical_key(hv, v)
                    }
                    None if class.lookup("__eq__").is_some() => Err(self.unhashable(&v)),
                    None => Ok(Key(v)),
                }
            }
            _ => Ok(Key(v)),
        }
    }

    fn unhashable(&self, v: &Value) -> Value {
        self.type_error(&format!("unhashable type: '{}'", self.type_name(v)))
    }

    /// An object with its own `__hash__` and `__eq__` as a key: the first object seen
    /// that is equal to it stands for it, so dicts and sets (which compare keys without
    /// running Python) find it as CPython's would.
    fn canonical_key(&mut self, hash: i64, v: Value) -> R<Key> {
        let candidates = self.interned_keys.get(&hash).cloned().unwrap_or_default();
        for c in candidates {
            if c.is(&v) || self.eq(&c, &v)? {
                return Ok(Key(c));
            }
        }
        self.interned_keys.entry(hash).or_default().push(v.clone());
        Ok(Key(v))
    }

    pub fn make_set(&mut self, items: Vec<Value>) -> R<Value> {
        let mut s = Set::default();
        for i in items {
            s.insert(self.key(i)?);
        }
        Ok(Value::Set(Rc::new(RefCell::new(s))))
    }

    pub fn dict_update(&mut self, target: &Value, src: &Value) -> R<()> {
        let Value::Dict(d) = target else {
            return Ok(());
        };
        match src {
            Value::Dict(s) => {
                let items: Vec<(Key, Value)> = s
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                d.borrow_mut().extend(items);
            }
            other => {
                for pair in self.collect(other)? {
                    let kv = self.collect(&pair)?;
                    let [k, v]: [Value; 2] = kv.try_into().map_err(|_| {
                        self.value_error("dictionary update sequence element has wrong length")
                    })?;
                    let k = self.key(k)?;
                    d.borrow_mut().insert(k, v);
                }
            }
        }
        Ok(())
    }

    /// `iter(v)`.
    pub fn iter(&mut self, v: &Value) -> R<Value> {
        let it = match v {
            Value::List(_) | Value::Tuple(_) => Iter::Seq {
                seq: v.clone(),
                index: 0,
            },
            Value::Str(s) => Iter::Str {
                s: s.clone(),
                byte: 0,
            },
            Value::Dict(d) => Iter::Items {
                items: d.borrow().keys().map(|k| k.0.clone()).collect(),
                index: 0,
            },
            Value::Set(_) | Value::FrozenSet(_) => Iter::Items {
                items: super::ops::cpython_set_order(&set_items(v)).into(),
                index: 0,
            },
            Value::Object(o) => match &**o {
                Object::Range { start, stop, step } => Iter::Range {
                    next: *start,
                    stop: *stop,
                    step: *step,
                },
                Object::Iter(_) | Object::Gen(_) => return Ok(v.clone()),
                _ => return Err(self.not_iterable(v)),
            },
            Value::Instance(_) => {
                if let Some(m) = self.lookup_special(v, "__iter__") {
                    return self.call_value(&m, vec![v.clone()], vec![]);
                }
                if self.lookup_special(v, "__getitem__").is_some() {
                    Iter::Seq {
                        seq: v.clone(),
                        index: 0,
                    }
                } else {
                    return Err(self.not_iterable(v));
                }
            }
            _ => return Err(self.not_iterable(v)),
        };
        Ok(Value::object(Object::Iter(RefCell::new(it))))
    }

    fn not_iterable(&self, v: &Value) -> Value {
        let hint = match v {
            Value::Object(o) if matches!(&**o, Object::Gen(g) if g.borrow().code.kind == crate::py::code::CodeKind::Coroutine) => {
                " (a coroutine: did you mean `await` it?)"
            }
            _ => "",
        };
        self.type_error(&format!(
            "'{}' object is not iterable{hint}",
            self.type_name(v)
        ))
    }

    /// The next item of an iterator, or `None` when it is exhausted.
    pub fn next(&mut self, it: &Value) -> R<Option<Value>> {
        match it {
            Value::Object(o) => match &**o {
                Object::Iter(state) => self.next_iter(state),
                Object::Gen(_) => self.gen_next(it),
                _ => Err(self.type_error(&format!(
                    "'{}' object is not an iterator",
                    self.type_name(it)
                ))),
            },
            Value::Instance(_) => {
                let Some(m) = self.lookup_special(it, "__next__") else {
                    return Err(self.type_error(&format!(
                        "'{}' object is not an iterator",
                        self.type_name(it)
                    )));
                };
                match self.call_value(&m, vec![it.clone()], vec![]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if super::exc::is_instance(&e, &self.types.stop_iteration) => Ok(None),
                    Err(e) => Err(e),
                }
            }
            _ => Err(self.type_error(&format!(
                "'{}' object is not an iterator",
                self.type_name(it)
            ))),
        }
    }

    fn next_iter(&mut self, state: &RefCell<Iter>) -> R<Option<Value>> {
        let mut s = state.borrow_mut();
        match &mut *s {
            Iter::Range { next, stop, step } => Ok(range_step(next, *stop, *step)),
            Iter::Seq { seq, index } => {
                let item = match seq {
                    Value::List(l) => l.borrow().get(*index).cloned(),
                    Value::Tuple(t) => t.get(*index).cloned(),
                    Value::Instance(_) => {
                        let seq = seq.clone();
                        let i = *index;
                        drop(s);
                        let r = self.getitem(&seq, &Value::Int(i as i64));
                        let mut s = state.borrow_mut();
                        return match r {
                            Ok(v) => {
                                if let Iter::Seq { index, .. } = &mut *s {
                                    *index += 1;
                                }
                                Ok(Some(v))
                            }
                            Err(e)
                                if super::exc::is_instance(&e, &self.types.index_error)
                                    || super::exc::is_instance(&e, &self.types.stop_iteration) =>
                            {
                                *s = Iter::Done;
                                Ok(None)
                            }
                            Err(e) => Err(e),
                        };
                    }
                    _ => None,
                };
                if item.is_some() {
                    *index += 1;
                } else {
                    *s = Iter::Done;
                }
                Ok(item)
            }
            Iter::Items { items, index } => {
                let item = items.get(*index).cloned();
                *index += 1;
                Ok(item)
            }
            Iter::Str { s: text, byte } => {
                let rest = &text[*byte..];
                match rest.chars().next() {
                    Some(c) => {
                        *byte += c.len_utf8();
                        Ok(Some(Value::Str(c.to_string().into())))
                    }
                    None => Ok(None),
                }
            }
            Iter::Reversed { seq, index } => {
                if *index == 0 {
                    return Ok(None);
                }
                *index -= 1;
                let i = *index;
                let seq = seq.clone();
                drop(s);
                self.getitem(&seq, &Value::Int(i as i64)).map(Some)
            }
            Iter::Enumerate { inner, count } => {
                let inner = inner.clone();
                let n = *count;
                *count += 1;
                drop(s);
                Ok(self
                    .next(&inner)?
                    .map(|v| Value::tuple(vec![Value::Int(n), v])))
            }
            Iter::Zip { inners, strict } => {
                let inners = inners.clone();
                let strict = *strict;
                drop(s);
                let mut items = Vec::with_capacity(inners.len());
                for (i, it) in inners.iter().enumerate() {
                    match self.next(it)? {
                        Some(v) => items.push(v),
                        None => {
                            if strict && (i > 0 || inners.iter().skip(1).any(|_| true)) {
                                if i > 0 {
                                    return Err(self.value_error(&format!(
                                        "zip() argument {} is shorter than argument{} 1",
                                        i + 1,
                                        if i > 1 { "s" } else { "" }
                                    )));
                                }
                                for (j, other) in inners.iter().enumerate().skip(1) {
                                    if self.next(other)?.is_some() {
                                        return Err(self.value_error(&format!(
                                            "zip() argument {} is longer than argument 1",
                                            j + 1
                                        )));
                                    }
                                }
                            }
                            *state.borrow_mut() = Iter::Done;
                            return Ok(None);
                        }
                    }
                }
                Ok(Some(Value::tuple(items)))
            }
            Iter::Map { func, inners } => {
                let (func, inners) = (func.clone(), inners.clone());
                drop(s);
                let mut args = Vec::with_capacity(inners.len());
                for it in &inners {
                    match self.next(it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                self.call_value(&func, args, vec![]).map(Some)
            }
            Iter::Filter { func, inner } => {
                let (func, inner) = (func.clone(), inner.clone());
                drop(s);
                while let Some(v) = self.next(&inner)? {
                    let keep = if func.is_none() {
                        self.truthy(&v)?
                    } else {
                        let r = self.call_value(&func, vec![v.clone()], vec![])?;
                        self.truthy(&r)?
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                }
                Ok(None)
            }
            Iter::Callable { func, sentinel } => {
                let (func, sentinel) = (func.clone(), sentinel.clone());
                drop(s);
                let v = self.call_value(&func, vec![], vec![])?;
                if self.eq(&v, &sentinel)? {
                    *state.borrow_mut() = Iter::Done;
                    Ok(None)
                } else {
                    Ok(Some(v))
                }
            }
            Iter::Await(inner) => {
                let inner = inner.clone();
                drop(s);
                match &inner {
                    Value::Object(o) if matches!(&**o, Object::Gen(_)) => self.gen_next(&inner),
                    _ => Err(self.new_exc(
                        &self.types.not_implemented_error.clone(),
                        "driving a future or asyncio.sleep() by hand (next() or send() on its \
                         __await__()) is not supported: await it",
                    )),
                }
            }
            Iter::Done => Ok(None),
        }
    }

    /// Every item of an iterable.
    pub fn collect(&mut self, v: &Value) -> R<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.borrow().clone()),
            Value::Tuple(t) => return Ok(t.to_vec()),
            _ => {}
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            if out.len() >= self.limits.max_items {
                return Err(self.new_exc(
                    &self.types.overflow_error.clone(),
                    &format!(
                        "that sequence is too large for Looplab (over {} items)",
                        self.limits.max_items
                    ),
                ));
            }
            out.push(x);
        }
        Ok(out)
    }
}

/// The next item of a range iterator (`None` when `it` is not one): a `for` over a
/// range steps it without a call.
#[inline]
pub(super) fn range_next(it: &Value) -> Option<Option<Value>> {
    let Value::Object(o) = it else {
        return None;
    };
    let Object::Iter(state) = &**o else {
        return None;
    };
    match &mut *state.borrow_mut() {
        Iter::Range { next, stop, step } => Some(range_step(next, *stop, *step)),
        _ => None,
    }
}

#[inline]
fn range_step(next: &mut i64, stop: i64, step: i64) -> Option<Value> {
    if (step > 0 && *next < stop) || (step < 0 && *next > stop) {
        let v = *next;
        // Past the last item the range is done, even where the next value would not
        // fit in 64 bits.
        *next = next.checked_add(step).unwrap_or(stop);
        Some(Value::Int(v))
    } else {
        None
    }
}
