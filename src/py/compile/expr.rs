//! Expressions, and the targets of assignments.

use super::function::{Body, Comp};
use super::{error, Compiler};
use crate::py::ast::*;
use crate::py::code::Instr;
use crate::py::value::Value;

impl Compiler<'_> {
    pub(super) fn expr(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        let saved = self.unit.pos;
        self.unit.pos = e.pos;
        let r = self.expr_inner(e);
        self.unit.pos = saved;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::Name(n) => self.load_name(n),
            ExprKind::Constant(c) => {
                let v = match c {
                    Constant::None => Value::None,
                    Constant::Bool(b) => Value::Bool(*b),
                    Constant::Int(i) => Value::Int(*i),
                    Constant::Float(f) => Value::Float(*f),
                    Constant::Str(s) => Value::Str(s.as_str().into()),
                    Constant::Ellipsis => Value::Ellipsis,
                };
                let k = self.konst(v);
                self.emit(Instr::LoadConst(k));
            }
            ExprKind::FString(parts) => self.fstring(parts)?,
            ExprKind::List(items) => self.display(items, Display::List)?,
            ExprKind::Tuple(items) => self.display(items, Display::Tuple)?,
            ExprKind::Set(items) => self.display(items, Display::Set)?,
            ExprKind::Dict(pairs) => self.dict(pairs)?,
            ExprKind::Starred(_) => {
                return Err(error(
                    e.pos,
                    "a starred expression (*x) can only be used in a call, a list, tuple or set, \
                     or an assignment target",
                ))
            }
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let n = self.name(attr);
                self.emit(Instr::LoadAttr(n));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Instr::Subscr);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(x) => self.expr(x)?,
                        None => {
                            self.emit(Instr::LoadConst(0));
                        }
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(s)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => {
                        self.emit(Instr::BuildSlice(2));
                    }
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(func, args, keywords)?,
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit(Instr::Binary(*op));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.emit(Instr::Unary(*op));
            }
            ExprKind::BoolOp { op, values } => {
                let mut jumps = Vec::new();
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        jumps.push(self.emit(match op {
                            BoolOp::And => Instr::JumpIfFalseOrPop(0),
                            BoolOp::Or => Instr::JumpIfTrueOrPop(0),
                        }));
                    }
                }
                for j in jumps {
                    self.patch(j);
                }
            }
            ExprKind::Compare { left, ops } => self.compare(left, ops)?,
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                let else_jump = self.emit(Instr::PopJumpIfFalse(0));
                self.expr(body)?;
                let end = self.emit(Instr::Jump(0));
                self.patch(else_jump);
                self.expr(orelse)?;
                self.patch(end);
            }
            ExprKind::Lambda { params, body } => {
                self.function(e, "<lambda>", params, Body::Expr(body), false, e.pos)?;
            }
            ExprKind::Await(v) => {
                if !self.in_async() {
                    return Err(error(
                        e.pos,
                        if self.in_function() {
                            "'await' outside async function: write `async def` for this function"
                        } else {
                            "'await' outside function: put it inside an `async def` and run that \
                             with asyncio.run(...)"
                        },
                    ));
                }
                self.expr(v)?;
                self.emit(Instr::GetAwaitable);
                self.emit(Instr::Await);
            }
            ExprKind::Yield(v) => {
                self.check_yield(e.pos)?;
                match v {
                    Some(v) => self.expr(v)?,
                    None => {
                        self.emit(Instr::LoadConst(0));
                    }
                }
                self.emit(Instr::YieldValue);
            }
            ExprKind::YieldFrom(v) => {
                self.check_yield(e.pos)?;
                if self.in_async() {
                    return Err(error(e.pos, "'yield from' inside async function"));
                }
                self.expr(v)?;
                self.emit(Instr::GetIter);
                self.emit(Instr::LoadConst(0));
                self.emit(Instr::YieldFrom);
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, generators, Comp::List(elt))?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, generators, Comp::Set(elt))?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, generators, Comp::Dict(key, value))?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, generators, Comp::Gen(elt))?
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Instr::Dup);
                self.store_name(target);
            }
        }
        Ok(())
    }

    fn compare(&mut self, left: &Expr, ops: &[(CmpOp, Expr)]) -> Result<(), SyntaxError> {
        self.expr(left)?;
        if let [(op, right)] = ops {
            self.expr(right)?;
            self.emit(Instr::Compare(*op));
            return Ok(());
        }
        let mut cleanups = Vec::new();
        for (i, (op, right)) in ops.iter().enumerate() {
            self.expr(right)?;
            if i + 1 < ops.len() {
                self.emit(Instr::Dup);
                self.emit(Instr::Rot3);
                self.emit(Instr::Compare(*op));
                cleanups.push(self.emit(Instr::JumpIfFalseOrPop(0)));
            } else {
                self.emit(Instr::Compare(*op));
            }
        }
        let end = self.emit(Instr::Jump(0));
        for c in cleanups {
            self.patch(c);
        }
        self.emit(Instr::Rot2);
        self.emit(Instr::Pop);
        self.patch(end);
        Ok(())
    }

    fn fstring(&mut self, parts: &[FPart]) -> Result<(), SyntaxError> {
        let mut n = 0;
        for p in parts {
            match p {
                FPart::Literal(s) => {
                    if s.is_empty() {
                        continue;
                    }
                    let k = self.konst(Value::Str(s.as_str().into()));
                    self.emit(Instr::LoadConst(k));
                }
                FPart::Value {
                    value,
                    conversion,
                    spec,
                    debug,
                } => {
                    if let Some(d) = debug {
                        let k = self.konst(Value::Str(d.as_str().into()));
                        self.emit(Instr::LoadConst(k));
                        n += 1;
                    }
                    self.expr(value)?;
                    let conversion = match conversion {
                        Some('s') => 1,
                        Some('r') => 2,
                        Some('a') => 3,
                        // `f"{x=}"` shows the repr unless a spec asks for format().
                        None if debug.is_some() && spec.is_empty() => 2,
                        _ => 0,
                    };
                    let has_spec = !spec.is_empty();
                    if has_spec {
                        self.fstring(spec)?;
                    }
                    self.emit(Instr::FormatValue {
                        conversion,
                        spec: has_spec,
                    });
                }
            }
            n += 1;
        }
        if n != 1 {
            self.emit(Instr::BuildString(n));
        } else if matches!(parts.first(), Some(FPart::Literal(_))) {
            // A lone literal is already a str.
        }
        Ok(())
    }

    fn display(&mut self, items: &[Expr], kind: Display) -> Result<(), SyntaxError> {
        let starred = items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_)));
        if !starred {
            for i in items {
                self.expr(i)?;
            }
            let n = items.len() as u32;
            self.emit(match kind {
                Display::List => Instr::BuildList(n),
                Display::Tuple => Instr::BuildTuple(n),
                Display::Set => Instr::BuildSet(n),
            });
            return Ok(());
        }
        self.emit(match kind {
            Display::Set => Instr::BuildSet(0),
            _ => Instr::BuildList(0),
        });
        for i in items {
            match &i.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(match kind {
                        Display::Set => Instr::SetUpdate(1),
                        _ => Instr::ListExtend(1),
                    });
                }
                _ => {
                    self.expr(i)?;
                    self.emit(match kind {
                        Display::Set => Instr::SetAdd(1),
                        _ => Instr::ListAppend(1),
                    });
                }
            }
        }
        if matches!(kind, Display::Tuple) {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    fn dict(&mut self, pairs: &[(Option<Expr>, Expr)]) -> Result<(), SyntaxError> {
        if pairs.iter().all(|(k, _)| k.is_some()) {
            for (k, v) in pairs {
                if let Some(k) = k {
                    self.expr(k)?;
                }
                self.expr(v)?;
            }
            self.emit(Instr::BuildMap(pairs.len() as u32));
            return Ok(());
        }
        self.emit(Instr::BuildMap(0));
        for (k, v) in pairs {
            match k {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instr::MapAdd(1));
                }
                None => {
                    self.expr(v)?;
                    self.emit(Instr::DictUpdate(1));
                }
            }
        }
        Ok(())
    }

    pub(super) fn call(
        &mut self,
        func: &Expr,
        args: &[Expr],
        keywords: &[Keyword],
    ) -> Result<(), SyntaxError> {
        let starred = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
            || keywords.iter().any(|k| k.name.is_none());
        if starred {
            self.expr(func)?;
            self.display(args, Display::Tuple)?;
            if keywords.is_empty() {
                self.emit(Instr::CallEx { kwargs: false });
                return Ok(());
            }
            self.emit(Instr::BuildMap(0));
            for k in keywords {
                match &k.name {
                    Some(n) => {
                        let key = self.konst(Value::Str(n.as_str().into()));
                        self.emit(Instr::LoadConst(key));
                        self.expr(&k.value)?;
                        self.emit(Instr::MapAdd(1));
                    }
                    None => {
                        self.expr(&k.value)?;
                        self.emit(Instr::DictUpdate(1));
                    }
                }
            }
            self.emit(Instr::CallEx { kwargs: true });
            return Ok(());
        }
        let argc = (args.len() + keywords.len()) as u32;
        if let (ExprKind::Attribute { value, attr }, true) = (&func.kind, keywords.is_empty()) {
            self.expr(value)?;
            for a in args {
                self.expr(a)?;
            }
            let name = self.name(attr);
            let saved = self.unit.pos;
            self.unit.pos = func.pos;
            self.emit(Instr::CallMethod { name, argc });
            self.unit.pos = saved;
            return Ok(());
        }
        self.expr(func)?;
        for a in args {
            self.expr(a)?;
        }
        for k in keywords {
            self.expr(&k.value)?;
        }
        if keywords.is_empty() {
            self.emit(Instr::Call(argc));
        } else {
            let names: Vec<Value> = keywords
                .iter()
                .map(|k| Value::Str(k.name.as_deref().unwrap_or("").into()))
                .collect();
            let k = self.unit.consts.len() as u32;
            self.unit.consts.push(Value::tuple(names));
            self.emit(Instr::CallKw { argc, names: k });
        }
        Ok(())
    }

    /// Stores the value on top into an assignment target.
    pub(super) fn store_target(&mut self, t: &Expr) -> Result<(), SyntaxError> {
        let saved = self.unit.pos;
        self.unit.pos = t.pos;
        let r = self.store_inner(t);
        self.unit.pos = saved;
        r
    }

    fn store_inner(&mut self, t: &Expr) -> Result<(), SyntaxError> {
        match &t.kind {
            ExprKind::Name(n) => self.store_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let n = self.name(attr);
                self.emit(Instr::StoreAttr(n));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Instr::StoreSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let star = items
                    .iter()
                    .position(|i| matches!(i.kind, ExprKind::Starred(_)));
                match star {
                    Some(s) => {
                        if items
                            .iter()
                            .filter(|i| matches!(i.kind, ExprKind::Starred(_)))
                            .count()
                            > 1
                        {
                            return Err(error(t.pos, "multiple starred expressions in assignment"));
                        }
                        self.emit(Instr::UnpackEx {
                            before: s as u32,
                            after: (items.len() - s - 1) as u32,
                        });
                    }
                    None => {
                        self.emit(Instr::UnpackSequence(items.len() as u32));
                    }
                }
                for i in items {
                    match &i.kind {
                        ExprKind::Starred(inner) => self.store_target(inner)?,
                        _ => self.store_target(i)?,
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(error(
                    t.pos,
                    "starred assignment target must be in a list or tuple",
                ))
            }
            _ => {
                return Err(error(
                    t.pos,
                    format!("cannot assign to {}", describe_target(t)),
                ))
            }
        }
        Ok(())
    }
}

#[derive(Clone, Copy)]
enum Display {
    List,
    Tuple,
    Set,
}

fn describe_target(t: &Expr) -> &'static str {
    match t.kind {
        ExprKind::Call { .. } => "function call",
        ExprKind::Constant(_) => "literal",
        ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::Await(_) => "await expression",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::FString(_) => "f-string expression",
        _ => "this expression",
    }
}
