//! Functions, lambdas and comprehensions: each compiled into a code of its own, made
//! into a function value by `MakeFunction`.

use super::{docstring, error, Compiler, Unit, CELL_REF};
use crate::py::ast::*;
use crate::py::code::{Code, CodeKind, Instr, Signature};
use crate::py::value::Value;
use std::rc::Rc;

impl Compiler<'_> {
    /// Compiles a function body into its own code and emits `MakeFunction`.
    pub(super) fn function(
        &mut self,
        node: &impl Sized,
        name: &str,
        params: &Params,
        body: Body,
        is_async: bool,
        pos: Pos,
    ) -> Result<(), SyntaxError> {
        let mut flags = 0;
        let positional: Vec<&Param> = params.posonly.iter().chain(&params.args).collect();
        let defaults: Vec<&Expr> = positional
            .iter()
            .filter_map(|p| p.default.as_ref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Instr::BuildTuple(defaults.len() as u32));
            flags |= crate::py::code::make_flags::DEFAULTS;
        }
        let kw_defaults: Vec<&Param> = params
            .kwonly
            .iter()
            .filter(|p| p.default.is_some())
            .collect();
        if !kw_defaults.is_empty() {
            for p in &kw_defaults {
                let k = self.konst(Value::Str(p.name.as_str().into()));
                self.emit(Instr::LoadConst(k));
                if let Some(d) = &p.default {
                    self.expr(d)?;
                }
            }
            self.emit(Instr::BuildMap(kw_defaults.len() as u32));
            flags |= crate::py::code::make_flags::KW_DEFAULTS;
        }
        let scope_id = self.scopes.of(node, pos)?;
        let scope = &self.scopes.scopes[scope_id];
        let kind = match (is_async, scope.is_generator) {
            (false, false) => CodeKind::Function,
            (false, true) => CodeKind::Generator,
            (true, false) => CodeKind::Coroutine,
            (true, true) => CodeKind::AsyncGenerator,
        };
        let qualname = self.qualname(name);
        let mut unit = Unit::new(kind, name, &qualname, scope_id, pos.line);
        unit.pos = pos;
        let mut sig = Signature::default();
        for p in &positional {
            unit.locals.push(p.name.as_str().into());
        }
        for p in &params.kwonly {
            unit.locals.push(p.name.as_str().into());
        }
        for p in params.vararg.iter().chain(&params.kwarg) {
            unit.locals.push(p.name.as_str().into());
        }
        sig.names = unit.locals.clone();
        sig.posonly = params.posonly.len() as u32;
        sig.positional = positional.len() as u32;
        sig.kwonly = params.kwonly.len() as u32;
        sig.varargs = params.vararg.is_some();
        sig.varkw = params.kwarg.is_some();
        if let Body::Stmts(stmts) = body {
            unit.doc = docstring(stmts);
        }
        {
            let mut inner = self.nested(&mut unit);
            match body {
                Body::Stmts(stmts) => inner.body(stmts)?,
                Body::Expr(e) => {
                    inner.expr(e)?;
                    inner.emit(Instr::Return);
                }
            }
            inner.emit(Instr::LoadConst(0));
            inner.emit(Instr::Return);
        }
        let code = unit.finish(self.scopes, sig, self.filename);
        self.closure(&code, pos)?;
        if code.free > 0 {
            flags |= crate::py::code::make_flags::CLOSURE;
        }
        let k = self.unit.consts.len() as u32;
        self.unit.consts.push(Value::Code(Rc::new(code)));
        self.emit(Instr::MakeFunction { code: k, flags });
        Ok(())
    }

    pub(super) fn qualname(&self, name: &str) -> String {
        match self.unit.kind {
            CodeKind::Module => name.to_string(),
            CodeKind::Class => format!("{}.{name}", self.unit.qualname),
            _ => format!("{}.<locals>.{name}", self.unit.qualname),
        }
    }

    /// Pushes a tuple of the cells `code` closes over, if any.
    pub(super) fn closure(&mut self, code: &Code, pos: Pos) -> Result<(), SyntaxError> {
        if code.free == 0 {
            return Ok(());
        }
        let free = &code.cells[code.cells.len() - code.free as usize..];
        for n in free {
            let s = &self.scopes.scopes[self.unit.scope];
            let i = s
                .cells
                .iter()
                .chain(&s.free)
                .position(|c| **c == **n)
                .ok_or_else(|| error(pos, format!("no binding for '{n}' found")))?;
            // The cell itself, not its value: LoadConst of a marker would be wrong, so the
            // VM reads `LoadDeref` with the high bit as "the cell".
            self.emit(Instr::LoadDeref(i as u32 | CELL_REF));
        }
        self.emit(Instr::BuildTuple(free.len() as u32));
        Ok(())
    }

    pub(super) fn comprehension(
        &mut self,
        node: &Expr,
        generators: &[Comprehension],
        comp: Comp,
    ) -> Result<(), SyntaxError> {
        let scope_id = self.scopes.of(node, node.pos)?;
        let is_gen = matches!(comp, Comp::Gen(_));
        // An `await` in it makes it asynchronous, as an `async for` does (CPython's rule).
        let first_await = self.scopes.scopes[scope_id].first_await;
        let is_async = generators.iter().any(|g| g.is_async)
            || first_await.is_some()
            || (self.in_async() && !is_gen);
        let kind = match (is_gen, is_async) {
            (true, false) => CodeKind::Generator,
            (true, true) => CodeKind::AsyncGenerator,
            (false, true) => CodeKind::Coroutine,
            (false, false) => CodeKind::Function,
        };
        let (name, _) = COMPREHENSIONS[match comp {
            Comp::List(_) => 0,
            Comp::Set(_) => 1,
            Comp::Dict(..) => 2,
            Comp::Gen(_) => 3,
        }];
        let qualname = self.qualname(name);
        let mut unit = Unit::new(kind, name, &qualname, scope_id, node.pos.line);
        unit.pos = node.pos;
        unit.locals.push(".0".into());
        let sig = Signature {
            names: vec![".0".into()],
            positional: 1,
            ..Signature::default()
        };
        {
            let mut inner = self.nested(&mut unit);
            match comp {
                Comp::List(_) => {
                    inner.emit(Instr::BuildList(0));
                }
                Comp::Set(_) => {
                    inner.emit(Instr::BuildSet(0));
                }
                Comp::Dict(..) => {
                    inner.emit(Instr::BuildMap(0));
                }
                Comp::Gen(_) => {}
            }
            inner.comp_loop(generators, 0, &comp)?;
            if is_gen {
                inner.emit(Instr::LoadConst(0));
            }
            inner.emit(Instr::Return);
        }
        let code = unit.finish(self.scopes, sig, self.filename);
        self.closure(&code, node.pos)?;
        let flags = if code.free > 0 {
            crate::py::code::make_flags::CLOSURE
        } else {
            0
        };
        let k = self.unit.consts.len() as u32;
        self.unit.consts.push(Value::Code(Rc::new(code)));
        self.emit(Instr::MakeFunction { code: k, flags });
        let first = &generators[0];
        self.expr(&first.iter)?;
        self.emit(if first.is_async {
            Instr::GetAIter
        } else {
            Instr::GetIter
        });
        self.emit(Instr::Call(1));
        if is_async && !is_gen {
            if !self.in_async() {
                // At the `await` that makes it asynchronous, if one does.
                return Err(error(
                    first_await.unwrap_or(node.pos),
                    "an asynchronous comprehension must be inside an `async def`",
                ));
            }
            self.emit(Instr::GetAwaitable);
            self.emit(Instr::Await);
        }
        Ok(())
    }

    pub(super) fn comp_loop(
        &mut self,
        generators: &[Comprehension],
        i: usize,
        comp: &Comp,
    ) -> Result<(), SyntaxError> {
        let g = &generators[i];
        if i == 0 {
            self.emit(Instr::LoadFast(0));
        } else {
            self.expr(&g.iter)?;
            self.emit(if g.is_async {
                Instr::GetAIter
            } else {
                Instr::GetIter
            });
        }
        let (start, exit) = self.for_start(g.is_async);
        self.store_target(&g.target)?;
        let mut skips = Vec::new();
        for cond in &g.ifs {
            self.expr(cond)?;
            skips.push(self.emit(Instr::PopJumpIfFalse(0)));
        }
        if i + 1 < generators.len() {
            self.comp_loop(generators, i + 1, comp)?;
        } else {
            // The result sits under one iterator per loop.
            let depth = generators.len() as u32 + 1;
            match comp {
                Comp::List(elt) => {
                    self.expr(elt)?;
                    self.emit(Instr::ListAppend(depth));
                }
                Comp::Set(elt) => {
                    self.expr(elt)?;
                    self.emit(Instr::SetAdd(depth));
                }
                Comp::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instr::MapAdd(depth));
                }
                Comp::Gen(elt) => {
                    self.expr(elt)?;
                    self.emit(Instr::YieldValue);
                    self.emit(Instr::Pop);
                }
            }
        }
        for s in skips {
            self.patch_to(s, start);
        }
        self.emit(Instr::Jump(start));
        self.for_end(exit, g.is_async);
        Ok(())
    }
}

/// What a function's code runs: a `def`'s statements, or a lambda's expression (compiled
/// from the tree itself, which the scopes were found in).
#[derive(Clone, Copy)]
pub(super) enum Body<'a> {
    Stmts(&'a [Stmt]),
    Expr(&'a Expr),
}

/// Each comprehension's code name, and what CPython's messages call it.
pub(super) const COMPREHENSIONS: [(&str, &str); 4] = [
    ("<listcomp>", "list comprehension"),
    ("<setcomp>", "set comprehension"),
    ("<dictcomp>", "dict comprehension"),
    ("<genexpr>", "generator expression"),
];

pub(super) enum Comp<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}
