//! Operators, truth and comparison, as Python defines them for the built-in types, with
//! user classes' `__add__`, `__eq__`, `__lt__`... called when defined.

use super::{Vm, R};
use crate::py::ast::{BinOp, CmpOp, UnaryOp};
use crate::py::value::*;
use std::cell::RefCell;
use std::rc::Rc;

/// Arithmetic on two ints or floats that cannot fail: the common case, without a call.
#[inline]
pub fn fast_binary(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => match op {
            BinOp::Add => x.checked_add(*y).map(Value::Int),
            BinOp::Sub => x.checked_sub(*y).map(Value::Int),
            BinOp::Mult => x.checked_mul(*y).map(Value::Int),
            BinOp::Mod if *y > 0 => Some(Value::Int(x.rem_euclid(*y))),
            BinOp::FloorDiv if *y > 0 => Some(Value::Int(x.div_euclid(*y))),
            _ => None,
        },
        (Value::Float(x), Value::Float(y)) => match op {
            BinOp::Add => Some(Value::Float(x + y)),
            BinOp::Sub => Some(Value::Float(x - y)),
            BinOp::Mult => Some(Value::Float(x * y)),
            _ => None,
        },
        (Value::Float(x), Value::Int(y)) | (Value::Int(y), Value::Float(x)) => {
            let y = *y as f64;
            match op {
                BinOp::Add => Some(Value::Float(x + y)),
                BinOp::Mult => Some(Value::Float(x * y)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Puts the result of `fast_binary` or `fast_compare` in place of its left operand.
/// That operand was an int or a float, which owns nothing, so it is not dropped (a
/// drop is a call the fast path can do without).
#[inline]
pub fn replace_number(slot: &mut Value, v: Value) {
    debug_assert!(matches!(slot, Value::Int(_) | Value::Float(_)));
    std::mem::forget(std::mem::replace(slot, v));
}

/// Lets go of the right operand of `fast_binary` or `fast_compare`: an int or a float,
/// with nothing to drop.
#[inline]
pub fn forget_number(v: Value) {
    debug_assert!(matches!(v, Value::Int(_) | Value::Float(_)));
    std::mem::forget(v);
}

#[inline]
pub fn fast_compare(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    let (Value::Int(x), Value::Int(y)) = (a, b) else {
        return None;
    };
    Some(match op {
        CmpOp::Eq => x == y,
        CmpOp::NotEq => x != y,
        CmpOp::Lt => x < y,
        CmpOp::LtE => x <= y,
        CmpOp::Gt => x > y,
        CmpOp::GtE => x >= y,
        _ => return None,
    })
}

/// The generator behind a `for` loop's iterator, if its frame can run on the loop's
/// own stack.
pub fn resumable_generator(it: &Value) -> Option<&RefCell<crate::py::vm::GenState>> {
    match it {
        Value::Object(o) => match &**o {
            Object::Gen(g) if g.borrow().code.kind == crate::py::code::CodeKind::Generator => {
                Some(g)
            }
            _ => None,
        },
        _ => None,
    }
}

fn op_dunder(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "+"),
        BinOp::Sub => ("__sub__", "__rsub__", "-"),
        BinOp::Mult => ("__mul__", "__rmul__", "*"),
        BinOp::MatMult => ("__matmul__", "__rmatmul__", "@"),
        BinOp::Div => ("__truediv__", "__rtruediv__", "/"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "//"),
        BinOp::Mod => ("__mod__", "__rmod__", "%"),
        BinOp::Pow => ("__pow__", "__rpow__", "** or pow()"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "<<"),
        BinOp::RShift => ("__rshift__", "__rrshift__", ">>"),
        BinOp::BitOr => ("__or__", "__ror__", "|"),
        BinOp::BitXor => ("__xor__", "__rxor__", "^"),
        BinOp::BitAnd => ("__and__", "__rand__", "&"),
    }
}

impl Vm {
    pub fn binary(&mut self, op: BinOp, a: &Value, b: &Value) -> R<Value> {
        if let Some(v) = self.builtin_binary(op, a, b)? {
            return Ok(v);
        }
        let (name, rname, sym) = op_dunder(op);
        if let Value::Instance(_) = a {
            if let Some(m) = self.lookup_special(a, name) {
                let r = self.call_value(&m, vec![a.clone(), b.clone()], vec![])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        if let Value::Instance(_) = b {
            if let Some(m) = self.lookup_special(b, rname) {
                let r = self.call_value(&m, vec![b.clone(), a.clone()], vec![])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        Err(self.type_error(&format!(
            "unsupported operand type(s) for {sym}: '{}' and '{}'",
            self.type_name(a),
            self.type_name(b)
        )))
    }

    pub fn inplace(&mut self, op: BinOp, a: &Value, b: &Value) -> R<Value> {
        match (op, a) {
            (BinOp::Add, Value::List(l)) => {
                let items = self.collect(b)?;
                l.borrow_mut().extend(items);
                Ok(a.clone())
            }
            (BinOp::BitOr, Value::Dict(_)) => {
                self.dict_update(a, b)?;
                Ok(a.clone())
            }
            _ => {
                if let Value::Instance(_) = a {
                    let iname = format!("__i{}", &op_dunder(op).0[2..]);
                    if let Some(m) = self.lookup_special(a, &iname) {
                        let r = self.call_value(&m, vec![a.clone(), b.clone()], vec![])?;
                        if !matches!(r, Value::NotImplemented) {
                            return Ok(r);
                        }
                    }
                }
                self.binary(op, a, b)
            }
        }
    }

    /// An int result past 64 bits (where CPython would make a big int).
    pub fn overflow(&self) -> Value {
        self.new_exc(
            &self.types.overflow_error.clone(),
            "integer result too large: Looplab's integers are 64-bit (up to 9223372036854775807)",
        )
    }

    fn zero_division(&self, msg: &str) -> Value {
        self.new_exc(&self.types.zero_division_error.clone(), msg)
    }

    fn builtin_binary(&mut self, op: BinOp, a: &Value, b: &Value) -> R<Option<Value>> {
        if let (Some(x), Some(y)) = (a.as_number(), b.as_number()) {
            return self.numeric(op, x, y).map(Some);
        }
        Ok(Some(match (op, a, b) {
            (BinOp::Add, Value::Str(x), Value::Str(y)) => {
                self.check_text(x.len() + y.len())?;
                let mut s = String::with_capacity(x.len() + y.len());
                s.push_str(x);
                s.push_str(y);
                Value::Str(s.into())
            }
            (BinOp::Add, Value::List(x), Value::List(y)) => {
                self.check_size(x.borrow().len() + y.borrow().len())?;
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                Value::list(v)
            }
            (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
                let mut v = x.to_vec();
                v.extend(y.iter().cloned());
                Value::tuple(v)
            }
            (BinOp::Mult, Value::Str(s), n) | (BinOp::Mult, n, Value::Str(s))
                if n.as_number().is_some() =>
            {
                let n = self.repeat_count(n, s.len())?;
                Value::Str(s.repeat(n).into())
            }
            (BinOp::Mult, Value::List(l), n) | (BinOp::Mult, n, Value::List(l))
                if n.as_number().is_some() =>
            {
                let items = l.borrow();
                let n = self.repeat_count(n, items.len())?;
                let mut v = Vec::with_capacity(items.len() * n);
                for _ in 0..n {
                    v.extend(items.iter().cloned());
                }
                Value::list(v)
            }
            (BinOp::Mult, Value::Tuple(t), n) | (BinOp::Mult, n, Value::Tuple(t))
                if n.as_number().is_some() =>
            {
                let n = self.repeat_count(n, t.len())?;
                let mut v = Vec::with_capacity(t.len() * n);
                for _ in 0..n {
                    v.extend(t.iter().cloned());
                }
                Value::tuple(v)
            }
            (BinOp::Mod, Value::Str(fmt), args) => {
                Value::Str(self.percent_format(fmt, args)?.into())
            }
            (BinOp::BitOr, Value::Dict(x), Value::Dict(y)) => {
                let mut d = x.borrow().clone();
                for (k, v) in y.borrow().iter() {
                    d.insert(k.clone(), v.clone());
                }
                Value::dict(d)
            }
            (op, Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
                let x = set_items(a);
                let y = set_items(b);
                let out: Set = match op {
                    BinOp::BitOr => x.union(&y).cloned().collect(),
                    BinOp::BitAnd => x.intersection(&y).cloned().collect(),
                    BinOp::Sub => x.difference(&y).cloned().collect(),
                    BinOp::BitXor => x.symmetric_difference(&y).cloned().collect(),
                    _ => return Ok(None),
                };
                match a {
                    Value::FrozenSet(_) => Value::FrozenSet(Rc::new(out)),
                    _ => Value::Set(Rc::new(RefCell::new(out))),
                }
            }
            _ => return Ok(None),
        }))
    }

    fn repeat_count(&self, n: &Value, len: usize) -> R<usize> {
        let n = match n {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            _ => return Err(self.type_error("can't multiply sequence by non-int of type 'float'")),
        };
        // An empty sequence repeated any number of times is empty.
        let n = if len == 0 { 0 } else { n.max(0) as usize };
        if n.saturating_mul(len) > self.limits.max_items {
            return Err(self.new_exc(
                &self.types.overflow_error.clone(),
                &format!(
                    "that sequence would be too large for Looplab (over {} items)",
                    self.limits.max_items
                ),
            ));
        }
        Ok(n)
    }

    fn numeric(&mut self, op: BinOp, x: Num, y: Num) -> R<Value> {
        use Num::*;
        if let (Int(a), Int(b)) = (x, y) {
            return self.int_op(op, a, b);
        }
        let (a, b) = (x.to_f64(), y.to_f64());
        Ok(Value::Float(match op {
            BinOp::Add => a + b,
            BinOp::Sub => a - b,
            BinOp::Mult => a * b,
            BinOp::Div => {
                if b == 0.0 {
                    return Err(self.zero_division("float division by zero"));
                }
                a / b
            }
            BinOp::FloorDiv => {
                if b == 0.0 {
                    return Err(self.zero_division("float floor division by zero"));
                }
                (a / b).floor()
            }
            BinOp::Mod => {
                if b == 0.0 {
                    return Err(self.zero_division("float modulo"));
                }
                let r = a % b;
                if r != 0.0 && (r < 0.0) != (b < 0.0) {
                    r + b
                } else {
                    r
                }
            }
            BinOp::Pow => {
                if a == 0.0 && b < 0.0 {
                    return Err(self.zero_division("0.0 cannot be raised to a negative power"));
                }
                a.powf(b)
            }
            _ => {
                let (_, _, sym) = op_dunder(op);
                return Err(self.type_error(&format!(
                    "unsupported operand type(s) for {sym}: 'float' and 'float'"
                )));
            }
        }))
    }

    fn int_op(&mut self, op: BinOp, a: i64, b: i64) -> R<Value> {
        let r = match op {
            BinOp::Add => a.checked_add(b),
            BinOp::Sub => a.checked_sub(b),
            BinOp::Mult => a.checked_mul(b),
            BinOp::Div => {
                if b == 0 {
                    return Err(self.zero_division("division by zero"));
                }
                return Ok(Value::Float(a as f64 / b as f64));
            }
            BinOp::FloorDiv => {
                if b == 0 {
                    return Err(self.zero_division("integer division or modulo by zero"));
                }
                let q = a.checked_div(b);
                q.map(|q| {
                    if (a % b != 0) && ((a < 0) != (b < 0)) {
                        q - 1
                    } else {
                        q
                    }
                })
            }
            BinOp::Mod => {
                if b == 0 {
                    return Err(self.zero_division("integer modulo by zero"));
                }
                if b == -1 {
                    return Ok(Value::Int(0));
                }
                a.checked_rem(b).map(|r| {
                    if r != 0 && ((r < 0) != (b < 0)) {
                        r + b
                    } else {
                        r
                    }
                })
            }
            BinOp::Pow => {
                if b < 0 {
                    if a == 0 {
                        return Err(self.zero_division("0.0 cannot be raised to a negative power"));
                    }
                    return Ok(Value::Float((a as f64).powf(b as f64)));
                }
                if a == 1 || a == 0 {
                    return Ok(Value::Int(if a == 0 && b != 0 { 0 } else { 1 }));
                }
                u32::try_from(b).ok().and_then(|e| a.checked_pow(e))
            }
            BinOp::LShift => {
                if b < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                if b >= 63 {
                    if a == 0 {
                        Some(0)
                    } else {
                        None
                    }
                } else {
                    a.checked_mul(1i64 << b)
                }
            }
            BinOp::RShift => {
                if b < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                Some(a >> b.min(63))
            }
            BinOp::BitOr => Some(a | b),
            BinOp::BitAnd => Some(a & b),
            BinOp::BitXor => Some(a ^ b),
            BinOp::MatMult => {
                return Err(self.type_error("unsupported operand type(s) for @: 'int' and 'int'"))
            }
        };
        r.map(Value::Int).ok_or_else(|| self.overflow())
    }

    pub fn unary(&mut self, op: UnaryOp, a: &Value) -> R<Value> {
        Ok(match (op, a) {
            (UnaryOp::Not, v) => Value::Bool(!self.truthy(v)?),
            (UnaryOp::Neg, Value::Int(i)) => {
                Value::Int(i.checked_neg().ok_or_else(|| self.overflow())?)
            }
            (UnaryOp::Neg, Value::Bool(b)) => Value::Int(-(*b as i64)),
            (UnaryOp::Neg, Value::Float(f)) => Value::Float(-f),
            (UnaryOp::Pos, Value::Int(_) | Value::Float(_)) => a.clone(),
            (UnaryOp::Pos, Value::Bool(b)) => Value::Int(*b as i64),
            (UnaryOp::Invert, Value::Int(i)) => Value::Int(!i),
            (UnaryOp::Invert, Value::Bool(b)) => Value::Int(!(*b as i64)),
            (op, Value::Instance(_)) => {
                let name = match op {
                    UnaryOp::Neg => "__neg__",
                    UnaryOp::Pos => "__pos__",
                    _ => "__invert__",
                };
                match self.lookup_special(a, name) {
                    Some(m) => self.call_value(&m, vec![a.clone()], vec![])?,
                    None => return Err(self.bad_unary(op, a)),
                }
            }
            _ => return Err(self.bad_unary(op, a)),
        })
    }

    fn bad_unary(&self, op: UnaryOp, a: &Value) -> Value {
        let sym = match op {
            UnaryOp::Neg => "-",
            UnaryOp::Pos => "+",
            UnaryOp::Invert => "~",
            UnaryOp::Not => "not",
        };
        self.type_error(&format!(
            "bad operand type for unary {sym}: '{}'",
            self.type_name(a)
        ))
    }

    pub fn truthy(&mut self, v: &Value) -> R<bool> {
        Ok(match v {
            Value::None | Value::Unbound => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Dict(d) => !d.borrow().is_empty(),
            Value::Set(s) => !s.borrow().is_empty(),
            Value::FrozenSet(s) => !s.is_empty(),
            Value::Instance(_) => {
                if let Some(m) = self.lookup_special(v, "__bool__") {
                    let r = self.call_value(&m, vec![v.clone()], vec![])?;
                    return self.truthy(&r);
                }
                if let Some(m) = self.lookup_special(v, "__len__") {
                    let r = self.call_value(&m, vec![v.clone()], vec![])?;
                    return self.truthy(&r);
                }
                true
            }
            Value::Object(o) => match &**o {
                Object::Range { start, stop, step } => range_len(*start, *stop, *step) > 0,
                _ => true,
            },
            _ => true,
        })
    }

    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> R<bool> {
        match op {
            CmpOp::Is => Ok(a.is(b)),
            CmpOp::IsNot => Ok(!a.is(b)),
            CmpOp::In => self.contains(b, a),
            CmpOp::NotIn => Ok(!self.contains(b, a)?),
            CmpOp::Eq => self.eq(a, b),
            CmpOp::NotEq => Ok(!self.eq(a, b)?),
            _ => self.order(op, a, b),
        }
    }

    pub fn eq(&mut self, a: &Value, b: &Value) -> R<bool> {
        Ok(match (a, b) {
            (Value::List(x), Value::List(y)) => {
                if Rc::ptr_eq(x, y) {
                    return Ok(true);
                }
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                self.seq_eq(&x, &y)?
            }
            (Value::Tuple(x), Value::Tuple(y)) => self.seq_eq(x, y)?,
            (Value::Dict(x), Value::Dict(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                if x.len() != y.len() {
                    return Ok(false);
                }
                for (k, v) in &x {
                    match y.get(k) {
                        Some(w) => {
                            if !self.eq(v, w)? {
                                return Ok(false);
                            }
                        }
                        Option::None => return Ok(false),
                    }
                }
                true
            }
            (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
                let (x, y) = (set_items(a), set_items(b));
                x.len() == y.len() && x.iter().all(|k| y.contains(k))
            }
            (Value::Instance(_), _) | (_, Value::Instance(_)) => {
                for (l, r) in [(a, b), (b, a)] {
                    if let Value::Instance(i) = l {
                        if i.exc.is_none() || i.class.lookup("__eq__").is_some() {
                            if let Some(m) = self.lookup_special(l, "__eq__") {
                                let res =
                                    self.call_value(&m, vec![l.clone(), r.clone()], vec![])?;
                                if !matches!(res, Value::NotImplemented) {
                                    return self.truthy(&res);
                                }
                            }
                        }
                    }
                }
                a.is(b)
            }
            _ => key_eq(a, b),
        })
    }

    fn seq_eq(&mut self, x: &[Value], y: &[Value]) -> R<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        for (a, b) in x.iter().zip(y) {
            if !a.is(b) && !self.eq(a, b)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn order(&mut self, op: CmpOp, a: &Value, b: &Value) -> R<bool> {
        use std::cmp::Ordering;
        let ord = match (a, b) {
            _ if a.as_number().is_some() && b.as_number().is_some() => {
                let (x, y) = (
                    a.as_number().unwrap_or(Num::Int(0)),
                    b.as_number().unwrap_or(Num::Int(0)),
                );
                match (x, y) {
                    (Num::Int(p), Num::Int(q)) => Some(p.cmp(&q)),
                    _ => x.to_f64().partial_cmp(&y.to_f64()),
                }
            }
            (Value::Str(x), Value::Str(y)) => Some(x.cmp(y)),
            (Value::List(_) | Value::Tuple(_), Value::List(_) | Value::Tuple(_))
                if std::mem::discriminant(a) == std::mem::discriminant(b) =>
            {
                let x = self.collect(a)?;
                let y = self.collect(b)?;
                let mut result = Some(x.len().cmp(&y.len()));
                for (p, q) in x.iter().zip(&y) {
                    if !self.eq(p, q)? {
                        let lt = self.order(CmpOp::Lt, p, q)?;
                        result = Some(if lt {
                            Ordering::Less
                        } else {
                            Ordering::Greater
                        });
                        break;
                    }
                }
                result
            }
            (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
                let (x, y) = (set_items(a), set_items(b));
                return Ok(match op {
                    CmpOp::LtE => x.is_subset(&y),
                    CmpOp::Lt => x.is_subset(&y) && x.len() < y.len(),
                    CmpOp::GtE => x.is_superset(&y),
                    _ => x.is_superset(&y) && x.len() > y.len(),
                });
            }
            (Value::Instance(_), _) | (_, Value::Instance(_)) => {
                let (name, rname) = match op {
                    CmpOp::Lt => ("__lt__", "__gt__"),
                    CmpOp::LtE => ("__le__", "__ge__"),
                    CmpOp::Gt => ("__gt__", "__lt__"),
                    _ => ("__ge__", "__le__"),
                };
                for (l, r, n) in [(a, b, name), (b, a, rname)] {
                    if let Value::Instance(_) = l {
                        if let Some(m) = self.lookup_special(l, n) {
                            let res = self.call_value(&m, vec![l.clone(), r.clone()], vec![])?;
                            if !matches!(res, Value::NotImplemented) {
                                return self.truthy(&res);
                            }
                        }
                    }
                }
                Option::None
            }
            _ => Option::None,
        };
        let Some(ord) = ord else {
            if let (Some(_), Some(_)) = (a.as_number(), b.as_number()) {
                return Ok(false); // NaN
            }
            let sym = match op {
                CmpOp::Lt => "<",
                CmpOp::LtE => "<=",
                CmpOp::Gt => ">",
                _ => ">=",
            };
            return Err(self.type_error(&format!(
                "'{sym}' not supported between instances of '{}' and '{}'",
                self.type_name(a),
                self.type_name(b)
            )));
        };
        Ok(match op {
            CmpOp::Lt => ord == Ordering::Less,
            CmpOp::LtE => ord != Ordering::Greater,
            CmpOp::Gt => ord == Ordering::Greater,
            _ => ord != Ordering::Less,
        })
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> R<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.contains(&**sub)),
                _ => Err(self.type_error(&format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)
                ))),
            },
            Value::Dict(d) => {
                let k = self.key(item.clone())?;
                Ok(d.borrow().contains_key(&k))
            }
            Value::Set(_) | Value::FrozenSet(_) => {
                let k = self.key(item.clone())?;
                Ok(set_items(container).contains(&k))
            }
            Value::Object(o) if matches!(&**o, Object::Range { .. }) => {
                let Object::Range { start, stop, step } = &**o else {
                    return Ok(false);
                };
                let Some(Num::Int(i)) = item.as_number() else {
                    return Ok(false);
                };
                let in_range = if *step > 0 {
                    i >= *start && i < *stop
                } else {
                    i <= *start && i > *stop
                };
                Ok(in_range && (i as i128 - *start as i128) % *step as i128 == 0)
            }
            Value::Instance(_) if self.lookup_special(container, "__contains__").is_some() => {
                let m = self
                    .lookup_special(container, "__contains__")
                    .unwrap_or_default();
                let r = self.call_value(&m, vec![container.clone(), item.clone()], vec![])?;
                self.truthy(&r)
            }
            _ => {
                let it = self.iter(container)?;
                while let Some(v) = self.next(&it)? {
                    if v.is(item) || self.eq(&v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }
}

/// How many items `range(start, stop, step)` has (computed wide: the span of two
/// 64-bit ints does not fit in one; a length past `i64::MAX` reads as `i64::MAX`).
pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    range_len_exact(start, stop, step).min(i64::MAX as i128) as i64
}

/// The exact number of items of `range(start, stop, step)`, which can pass `i64::MAX`
/// (`len()` of such a range is an OverflowError, as in CPython).
pub fn range_len_exact(start: i64, stop: i64, step: i64) -> i128 {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
}

/// The members of a set or frozenset (empty for anything else).
pub fn set_items(v: &Value) -> Set {
    match v {
        Value::Set(s) => s.borrow().clone(),
        Value::FrozenSet(s) => (**s).clone(),
        _ => Set::default(),
    }
}

/// The order a set iterates in. For a set of ints it is CPython's: the members placed
/// in an open-addressing table by their hash (the int itself) as `setobject.c` places
/// them (linear probes, then perturbation; the table grows four-fold when three fifths
/// full), read in slot order. Other sets keep insertion order (CPython's order for
/// strings changes with every run, so no program can rely on it).
pub fn cpython_set_order(items: &Set) -> Vec<Value> {
    let values: Vec<Value> = items.iter().map(|k| k.0.clone()).collect();
    let hashes: Option<Vec<u64>> = values
        .iter()
        .map(|v| match v {
            Value::Int(i) => Some(if *i == -1 { -2i64 } else { *i } as u64),
            Value::Bool(b) => Some(*b as u64),
            _ => None,
        })
        .collect();
    let Some(hashes) = hashes else {
        return values;
    };
    const LINEAR_PROBES: usize = 9;
    let place = |table: &mut Vec<Option<usize>>, hash: u64, item: usize| {
        let mask = table.len() - 1;
        let mut perturb = hash;
        let mut i = hash as usize & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            if let Some(slot) = table[i..=i + probes].iter_mut().find(|s| s.is_none()) {
                *slot = Some(item);
                return;
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    };
    let mut table: Vec<Option<usize>> = vec![None; 8];
    let mut used = 0usize;
    for (item, &h) in hashes.iter().enumerate() {
        place(&mut table, h, item);
        used += 1;
        let mask = table.len() - 1;
        if used * 5 >= mask * 3 {
            let min = if used > 50_000 { used * 2 } else { used * 4 };
            let mut size = 8;
            while size <= min {
                size <<= 1;
            }
            let old = std::mem::replace(&mut table, vec![None; size]);
            for slot in old.into_iter().flatten() {
                place(&mut table, hashes[slot], slot);
            }
        }
    }
    table
        .into_iter()
        .flatten()
        .map(|i| values[i].clone())
        .collect()
}
