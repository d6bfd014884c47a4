//! Statements: control flow, blocks with clean-up, definitions and imports.

use super::{error, Block, Compiler};
use crate::py::ast::*;
use crate::py::code::Instr;
use crate::py::value::Value;

impl Compiler<'_> {
    pub(super) fn body(&mut self, body: &[Stmt]) -> Result<(), SyntaxError> {
        // In CPython's trace a step is where the line changes: a statement on the line
        // before it (after a `;`, or on its block's header line) is not one.
        let mut before = self.unit.head;
        for s in body {
            self.stmt(s, s.pos.line != before)?;
            before = s.pos.line;
        }
        Ok(())
    }

    /// A statement; `new_line`: it begins a line of its own.
    fn stmt(&mut self, s: &Stmt, new_line: bool) -> Result<(), SyntaxError> {
        self.unit.pos = s.pos;
        // Where the statement begins, with its step: a `while` loop comes back here.
        let begin = self.here();
        if new_line && self.is_step(s) {
            self.step();
        }
        // Its blocks' statements follow its line (an error ends the whole compile, so
        // the early returns need not restore it).
        let outer = std::mem::replace(&mut self.unit.head, s.pos.line);
        match &s.kind {
            StmtKind::Expr(e) => {
                self.expr(e)?;
                self.emit(Instr::Pop);
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Instr::Dup);
                    }
                    self.store_target(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign { target, value, .. } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.store_target(target)?;
                }
            }
            StmtKind::FunctionDef(f) => {
                for d in &f.decorators {
                    self.expr(d)?;
                }
                self.function(
                    &**f,
                    &f.name,
                    &f.params,
                    super::function::Body::Stmts(&f.body),
                    f.is_async,
                    f.pos,
                )?;
                for _ in &f.decorators {
                    self.emit(Instr::Call(1));
                }
                self.store_name(&f.name);
            }
            StmtKind::ClassDef(c) => self.class(c)?,
            StmtKind::Return(v) => {
                if !self.in_function() {
                    return Err(error(s.pos, "'return' outside function"));
                }
                if v.is_some() && self.unit.kind == crate::py::code::CodeKind::AsyncGenerator {
                    return Err(error(s.pos, "'return' with value in async generator"));
                }
                match v {
                    Some(e) => self.expr(e)?,
                    None => {
                        self.emit(Instr::LoadConst(0));
                    }
                }
                self.unwind(s.pos, usize::MAX, true)?;
                self.emit(Instr::Return);
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                let else_jump = self.emit(Instr::PopJumpIfFalse(0));
                self.body(body)?;
                if orelse.is_empty() {
                    self.patch(else_jump);
                } else {
                    let end = self.emit(Instr::Jump(0));
                    self.patch(else_jump);
                    self.body(orelse)?;
                    self.patch(end);
                }
            }
            StmtKind::While { test, body, orelse } => {
                let start = begin;
                self.expr(test)?;
                let exit = self.emit(Instr::PopJumpIfFalse(0));
                self.loop_body(start, false, body)?;
                self.emit(Instr::Jump(start));
                self.patch(exit);
                let breaks = self.unit.breaks.pop().unwrap_or_default();
                self.body(orelse)?;
                for b in breaks {
                    self.patch(b);
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async && !self.in_async() {
                    return Err(error(
                        s.pos,
                        "'async for' outside async function: write `async def` for this function",
                    ));
                }
                self.expr(iter)?;
                self.emit(if *is_async {
                    Instr::GetAIter
                } else {
                    Instr::GetIter
                });
                let head = self.iteration_step();
                let (_, exit) = self.for_start(*is_async);
                self.store_target(target)?;
                self.loop_body(head, true, body)?;
                self.emit(Instr::Jump(head));
                self.for_end(exit, *is_async);
                let breaks = self.unit.breaks.pop().unwrap_or_default();
                self.body(orelse)?;
                for b in breaks {
                    self.patch(b);
                }
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                if *is_async && !self.in_async() {
                    return Err(error(
                        s.pos,
                        "'async with' outside async function: write `async def` for this function",
                    ));
                }
                self.with(items, body, *is_async)?;
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                star,
            } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse, *star)?;
                } else {
                    self.try_finally(body, handlers, orelse, finalbody, *star)?;
                }
            }
            StmtKind::Raise { exc, cause } => match (exc, cause) {
                (None, _) => {
                    self.emit(Instr::Raise(0));
                }
                (Some(e), None) => {
                    self.expr(e)?;
                    self.emit(Instr::Raise(1));
                }
                (Some(e), Some(c)) => {
                    self.expr(e)?;
                    self.expr(c)?;
                    self.emit(Instr::Raise(2));
                }
            },
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                let ok = self.emit(Instr::PopJumpIfTrue(0));
                self.load_name("AssertionError");
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Instr::Call(1));
                }
                self.emit(Instr::Raise(1));
                self.patch(ok);
            }
            StmtKind::Import(names) => {
                for a in names {
                    let n = self.name(&a.name);
                    self.emit(Instr::ImportName(n));
                    match &a.asname {
                        Some(asname) => {
                            // `import a.b as c` binds the submodule itself.
                            for part in a.name.split('.').skip(1) {
                                let p = self.name(part);
                                self.emit(Instr::LoadAttr(p));
                            }
                            self.store_name(asname);
                        }
                        None => {
                            let top = a.name.split('.').next().unwrap_or("").to_string();
                            if top != a.name {
                                let t = self.name(&top);
                                self.emit(Instr::Pop);
                                self.emit(Instr::ImportName(t));
                            }
                            self.store_name(&top);
                        }
                    }
                }
            }
            StmtKind::ImportFrom { module, names } => {
                let m = self.name(module);
                self.emit(Instr::ImportName(m));
                for a in names {
                    let n = self.name(&a.name);
                    self.emit(Instr::ImportFrom(n));
                    self.store_name(a.asname.as_ref().unwrap_or(&a.name));
                }
                self.emit(Instr::Pop);
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) | StmtKind::Pass => {}
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(t)?;
                }
            }
            StmtKind::Break => {
                let depth = self.loop_depth(s.pos, "'break' outside loop")?;
                self.unwind(s.pos, depth, false)?;
                self.pop_loop_iter(depth);
                let j = self.emit(Instr::Jump(0));
                if let Some(list) = self.unit.breaks.last_mut() {
                    list.push(j);
                }
            }
            StmtKind::Continue => {
                let depth = self.loop_depth(s.pos, "'continue' not properly in loop")?;
                self.unwind(s.pos, depth, false)?;
                if let Some(Block::Loop { start, .. }) = self.unit.blocks.get(depth) {
                    let start = *start;
                    self.emit(Instr::Jump(start));
                }
            }
        }
        self.unit.head = outer;
        Ok(())
    }

    /// The head of a `for` loop over the iterator on top: the next item, or a jump out
    /// (patched by [`Self::for_end`]) when there is none.
    pub(super) fn for_start(&mut self, is_async: bool) -> (u32, usize) {
        let start = self.here();
        if !is_async {
            return (start, self.emit(Instr::ForIter(0)));
        }
        let setup = self.emit(Instr::SetupExcept(0));
        self.emit(Instr::Dup);
        let anext = self.name("__anext__");
        self.emit(Instr::CallMethod {
            name: anext,
            argc: 0,
        });
        self.emit(Instr::GetAwaitable);
        self.emit(Instr::Await);
        self.emit(Instr::PopBlock);
        (start, setup)
    }

    pub(super) fn for_end(&mut self, exit: usize, is_async: bool) {
        self.patch(exit);
        if is_async {
            self.emit(Instr::EndAsyncFor);
        }
    }

    pub(super) fn loop_body(
        &mut self,
        start: u32,
        has_iter: bool,
        body: &[Stmt],
    ) -> Result<(), SyntaxError> {
        self.unit.breaks.push(Vec::new());
        self.unit.blocks.push(Block::Loop { start, has_iter });
        let r = self.body(body);
        self.unit.blocks.pop();
        r
    }

    /// The index of the innermost loop block.
    pub(super) fn loop_depth(&self, pos: Pos, message: &str) -> Result<usize, SyntaxError> {
        self.unit
            .blocks
            .iter()
            .rposition(|b| matches!(b, Block::Loop { .. }))
            .ok_or_else(|| error(pos, message))
    }

    pub(super) fn pop_loop_iter(&mut self, depth: usize) {
        if let Some(Block::Loop { has_iter: true, .. }) = self.unit.blocks.get(depth) {
            self.emit(Instr::Pop);
        }
    }

    /// Emits the clean-up of every block above `depth` (all of them for a `return`,
    /// whose value is on top of the stack and kept there).
    pub(super) fn unwind(
        &mut self,
        pos: Pos,
        depth: usize,
        returning: bool,
    ) -> Result<(), SyntaxError> {
        let blocks = self.unit.blocks.clone();
        let first = if depth == usize::MAX { 0 } else { depth + 1 };
        for i in (first..blocks.len()).rev() {
            // Each block's clean-up runs outside that block.
            let saved = std::mem::take(&mut self.unit.blocks);
            self.unit.blocks = saved[..i].to_vec();
            let r = self.unwind_one(pos, &blocks[i], returning);
            self.unit.blocks = saved;
            r?;
        }
        Ok(())
    }

    pub(super) fn unwind_one(
        &mut self,
        _pos: Pos,
        block: &Block,
        returning: bool,
    ) -> Result<(), SyntaxError> {
        match block {
            Block::Loop { has_iter, .. } => {
                if *has_iter && returning {
                    self.emit(Instr::Rot2);
                    self.emit(Instr::Pop);
                }
            }
            Block::Try => {
                self.emit(Instr::PopBlock);
            }
            Block::Finally(body) => {
                self.emit(Instr::PopBlock);
                let body = body.clone();
                self.body(&body)?;
            }
            Block::With {
                is_async,
                exit_step,
            } => {
                self.emit(Instr::PopBlock);
                if returning {
                    self.emit(Instr::Rot2);
                }
                self.exit_step(*exit_step);
                self.emit(Instr::LoadConst(0));
                self.emit(Instr::CallExit);
                if *is_async {
                    self.emit(Instr::GetAwaitable);
                    self.emit(Instr::Await);
                }
                self.emit(Instr::Pop);
            }
            Block::Handler { name } => {
                self.emit(Instr::PopExcept);
                if let Some(n) = name {
                    let n = n.clone();
                    self.emit(Instr::LoadConst(0));
                    self.store_name(&n);
                    self.delete_name(&n);
                }
            }
            Block::FinallyException => {
                self.emit(Instr::PopExcept);
                if returning {
                    self.emit(Instr::Rot2);
                }
                self.emit(Instr::Pop);
            }
        }
        Ok(())
    }

    pub(super) fn aug_assign(
        &mut self,
        target: &Expr,
        op: BinOp,
        value: &Expr,
    ) -> Result<(), SyntaxError> {
        match &target.kind {
            ExprKind::Name(n) => {
                self.load_name(n);
                self.expr(value)?;
                self.emit(Instr::Inplace(op));
                self.store_name(n);
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.emit(Instr::Dup);
                let a = self.name(attr);
                self.emit(Instr::LoadAttr(a));
                self.expr(value)?;
                self.emit(Instr::Inplace(op));
                self.emit(Instr::Rot2);
                self.emit(Instr::StoreAttr(a));
            }
            ExprKind::Subscript { value: obj, index } => {
                self.expr(obj)?;
                self.expr(index)?;
                self.emit(Instr::Dup2);
                self.emit(Instr::Subscr);
                self.expr(value)?;
                self.emit(Instr::Inplace(op));
                self.emit(Instr::Rot3);
                self.emit(Instr::StoreSubscr);
            }
            _ => {
                return Err(error(
                    target.pos,
                    "illegal expression for augmented assignment",
                ))
            }
        }
        Ok(())
    }

    pub(super) fn delete(&mut self, t: &Expr) -> Result<(), SyntaxError> {
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let a = self.name(attr);
                self.emit(Instr::DeleteAttr(a));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Instr::DeleteSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete(i)?;
                }
            }
            _ => return Err(error(t.pos, "cannot delete this expression")),
        }
        Ok(())
    }

    pub(super) fn class(&mut self, c: &ClassDef) -> Result<(), SyntaxError> {
        if !c.keywords.is_empty() {
            return Err(error(
                c.pos,
                "class keywords (metaclass=...) are not supported: write `class Name(Base):`",
            ));
        }
        for d in &c.decorators {
            self.expr(d)?;
        }
        for b in &c.bases {
            self.expr(b)?;
        }
        let scope_id = self.scopes.of(c, c.pos)?;
        let qualname = self.qualname(&c.name);
        let mut unit = super::Unit::new(
            crate::py::code::CodeKind::Class,
            &c.name,
            &qualname,
            scope_id,
            c.pos.line,
        );
        unit.pos = c.pos;
        unit.doc = super::docstring(&c.body);
        {
            let mut inner = self.nested(&mut unit);
            // CPython's trace shows the class's line again as its body begins.
            inner.step();
            inner.unit.head = c.pos.line;
            inner.body(&c.body)?;
            inner.emit(Instr::LoadConst(0));
            inner.emit(Instr::Return);
        }
        let code = unit.finish(self.scopes, Default::default(), self.filename);
        self.closure(&code, c.pos)?;
        if code.free == 0 {
            // MakeClass always finds a closure tuple (maybe empty) under the code.
            self.emit(Instr::BuildTuple(0));
        }
        let k = self.unit.consts.len() as u32;
        self.unit.consts.push(Value::Code(std::rc::Rc::new(code)));
        self.emit(Instr::MakeClass {
            code: k,
            bases: c.bases.len() as u32,
        });
        for _ in &c.decorators {
            self.emit(Instr::Call(1));
        }
        self.store_name(&c.name);
        Ok(())
    }

    pub(super) fn with(
        &mut self,
        items: &[WithItem],
        body: &[Stmt],
        is_async: bool,
    ) -> Result<(), SyntaxError> {
        let Some((item, rest)) = items.split_first() else {
            return self.body(body);
        };
        // The innermost item's exit runs first: the statement's exit step is there.
        let exit_step = rest.is_empty().then_some(self.unit.pos);
        self.expr(&item.context)?;
        self.emit(Instr::BeforeWith { is_async });
        if is_async {
            self.emit(Instr::GetAwaitable);
            self.emit(Instr::Await);
        }
        match &item.var {
            Some(v) => self.store_target(v)?,
            None => {
                self.emit(Instr::Pop);
            }
        }
        let setup = self.emit(Instr::SetupFinally(0));
        self.unit.blocks.push(Block::With {
            is_async,
            exit_step,
        });
        let r = self.with(rest, body, is_async);
        self.unit.blocks.pop();
        r?;
        // Normal exit: exit(None, None, None).
        self.emit(Instr::PopBlock);
        self.exit_step(exit_step);
        self.emit(Instr::LoadConst(0));
        self.emit(Instr::CallExit);
        if is_async {
            self.emit(Instr::GetAwaitable);
            self.emit(Instr::Await);
        }
        self.emit(Instr::Pop);
        let end = self.emit(Instr::Jump(0));
        // Exceptional exit: [exit, exc] → exit(type, exc, tb); a true result swallows it.
        self.patch(setup);
        self.exit_step(exit_step);
        self.emit(Instr::Dup);
        self.emit(Instr::Rot3);
        self.emit(Instr::CallExit);
        if is_async {
            self.emit(Instr::GetAwaitable);
            self.emit(Instr::Await);
        }
        let reraise = self.emit(Instr::PopJumpIfFalse(0));
        self.emit(Instr::PopExcept);
        self.emit(Instr::Pop);
        let done = self.emit(Instr::Jump(0));
        self.patch(reraise);
        self.emit(Instr::Reraise);
        self.patch(end);
        self.patch(done);
        Ok(())
    }

    pub(super) fn try_except(
        &mut self,
        body: &[Stmt],
        handlers: &[Handler],
        orelse: &[Stmt],
        star: bool,
    ) -> Result<(), SyntaxError> {
        let setup = self.emit(Instr::SetupExcept(0));
        self.unit.blocks.push(Block::Try);
        let r = self.body(body);
        self.unit.blocks.pop();
        r?;
        self.emit(Instr::PopBlock);
        self.body(orelse)?;
        let end = self.emit(Instr::Jump(0));
        self.patch(setup);
        // The exception is on the stack and current.
        if star {
            self.star_handlers(handlers)?;
        } else {
            let mut ends = Vec::new();
            for h in handlers {
                self.unit.pos = h.pos;
                // A clause is a step of its own: the exception is matched there.
                self.step();
                let next = match &h.typ {
                    Some(t) => {
                        self.expr(t)?;
                        self.emit(Instr::ExcMatch);
                        Some(self.emit(Instr::PopJumpIfFalse(0)))
                    }
                    None => None,
                };
                match &h.name {
                    Some(n) => self.store_name(n),
                    None => {
                        self.emit(Instr::Pop);
                    }
                }
                self.unit.blocks.push(Block::Handler {
                    name: h.name.clone(),
                });
                let r = self.clause_body(h);
                self.unit.blocks.pop();
                r?;
                self.emit(Instr::PopExcept);
                if let Some(n) = &h.name {
                    self.emit(Instr::LoadConst(0));
                    self.store_name(n);
                    self.delete_name(n);
                }
                ends.push(self.emit(Instr::Jump(0)));
                match next {
                    Some(j) => self.patch(j),
                    None => break,
                }
            }
            if handlers.last().is_none_or(|h| h.typ.is_some()) {
                self.emit(Instr::Reraise);
            }
            for e in ends {
                self.patch(e);
            }
        }
        self.patch(end);
        Ok(())
    }

    /// `except*`: each clause takes the part of the group it matches; what is left at
    /// the end is raised again.
    pub(super) fn star_handlers(&mut self, handlers: &[Handler]) -> Result<(), SyntaxError> {
        for h in handlers {
            self.unit.pos = h.pos;
            let Some(t) = &h.typ else {
                return Err(error(h.pos, "except* needs an exception type"));
            };
            self.step();
            // [rest] → [rest, match]
            self.expr(t)?;
            self.emit(Instr::ExcGroupMatch);
            self.emit(Instr::Dup);
            let skip = self.emit(Instr::PopJumpIfFalse(0));
            // A match: run the clause with it bound.
            match &h.name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Instr::Pop);
                }
            }
            let setup = self.emit(Instr::SetupExcept(0));
            self.unit.blocks.push(Block::Try);
            let r = self.clause_body(h);
            self.unit.blocks.pop();
            r?;
            self.emit(Instr::PopBlock);
            let next = self.emit(Instr::Jump(0));
            // An exception raised inside the clause replaces the group.
            self.patch(setup);
            self.emit(Instr::Rot2);
            self.emit(Instr::Pop);
            self.emit(Instr::Reraise);
            self.patch(skip);
            self.emit(Instr::Pop);
            self.patch(next);
        }
        self.emit(Instr::ExcGroupReraise);
        Ok(())
    }

    pub(super) fn try_finally(
        &mut self,
        body: &[Stmt],
        handlers: &[Handler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
        star: bool,
    ) -> Result<(), SyntaxError> {
        let setup = self.emit(Instr::SetupFinally(0));
        self.unit.blocks.push(Block::Finally(finalbody.to_vec()));
        let r = if handlers.is_empty() {
            self.body(body)
        } else {
            self.try_except(body, handlers, orelse, star)
        };
        self.unit.blocks.pop();
        r?;
        self.emit(Instr::PopBlock);
        self.body(finalbody)?;
        let end = self.emit(Instr::Jump(0));
        self.patch(setup);
        self.unit.blocks.push(Block::FinallyException);
        let r = self.body(finalbody);
        self.unit.blocks.pop();
        r?;
        self.emit(Instr::Reraise);
        self.patch(end);
        Ok(())
    }
}
