//! Which variable each name is, decided before any code is generated, as CPython's
//! `symtable` does: a function's local, a cell an inner function captures, a free
//! variable it captures itself, a global, or a name in a module or class namespace.

use super::error;
use crate::py::ast::*;
use std::collections::HashMap;

/// Where a name lives, from the point of view of one scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Local,
    /// A local captured by an inner function (its own cell).
    Cell,
    /// Captured from an enclosing function.
    Free,
    /// The module's globals, then builtins.
    Global,
    /// The namespace of the module or class body being run.
    Name,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    /// Names bound in this scope, in the order first seen (parameters first).
    pub bound: Vec<String>,
    /// How many of `bound` are parameters.
    pub params: usize,
    pub globals: Vec<String>,
    pub nonlocals: Vec<String>,
    /// Where each `global` and `nonlocal` name was declared, for the errors about it.
    pub declared_at: Vec<(String, Pos)>,
    pub used: Vec<String>,
    pub is_generator: bool,
    /// Where its first own `await` is (one makes a comprehension asynchronous).
    pub first_await: Option<Pos>,
    /// Names this scope's inner functions capture from it, in order.
    pub cells: Vec<String>,
    /// Names it captures from enclosing functions, in order.
    pub free: Vec<String>,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
}

impl Scope {
    fn new(kind: ScopeKind, parent: Option<usize>) -> Scope {
        Scope {
            kind,
            bound: Vec::new(),
            params: 0,
            globals: Vec::new(),
            nonlocals: Vec::new(),
            declared_at: Vec::new(),
            used: Vec::new(),
            is_generator: false,
            first_await: None,
            cells: Vec::new(),
            free: Vec::new(),
            parent,
            children: Vec::new(),
        }
    }

    fn bind(&mut self, name: &str) {
        if !self.bound.iter().any(|n| n == name) {
            self.bound.push(name.to_string());
        }
    }

    fn use_name(&mut self, name: &str) {
        if !self.used.iter().any(|n| n == name) {
            self.used.push(name.to_string());
        }
    }

    pub fn place(&self, name: &str) -> Place {
        if self.globals.iter().any(|n| n == name) {
            return Place::Global;
        }
        if self.free.iter().any(|n| n == name) && !self.is_local(name) {
            return Place::Free;
        }
        match self.kind {
            ScopeKind::Module => Place::Global,
            ScopeKind::Class => Place::Name,
            ScopeKind::Function => {
                if self.cells.iter().any(|n| n == name) {
                    Place::Cell
                } else if self.is_local(name) {
                    Place::Local
                } else {
                    Place::Global
                }
            }
        }
    }

    /// An error at the first `global` or `nonlocal` line naming `name`.
    fn declaration_error(&self, name: &str, message: String) -> SyntaxError {
        let at = self.declared_at.iter().find(|(n, _)| n == name);
        error(at.map_or(Pos::default(), |(_, p)| *p), message)
    }

    fn is_local(&self, name: &str) -> bool {
        !self.nonlocals.iter().any(|n| n == name)
            && !self.globals.iter().any(|n| n == name)
            && self.bound.iter().any(|n| n == name)
    }
}

/// Every scope of a module, found by the address of the node that opens it.
pub struct Scopes {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
}

impl Scopes {
    /// The scope opened by `node` (a `FunctionDef`, `ClassDef`, lambda or comprehension).
    pub fn of<T>(&self, node: &T, pos: Pos) -> Result<usize, SyntaxError> {
        self.by_node
            .get(&(node as *const T as usize))
            .copied()
            .ok_or_else(|| error(pos, "Looplab could not compile this: please report it"))
    }
}

pub fn analyze(module: &Module) -> Result<Scopes, SyntaxError> {
    let mut a = Analyzer {
        scopes: vec![Scope::new(ScopeKind::Module, None)],
        by_node: HashMap::new(),
        current: 0,
    };
    a.body(&module.body)?;
    let mut scopes = Scopes {
        scopes: a.scopes,
        by_node: a.by_node,
    };
    resolve(&mut scopes.scopes, 0)?;
    Ok(scopes)
}

/// Decides the free variables and cells, top-down.
fn resolve(scopes: &mut [Scope], id: usize) -> Result<(), SyntaxError> {
    let mut wanted: Vec<String> = scopes[id].nonlocals.clone();
    if scopes[id].kind != ScopeKind::Module {
        for n in &scopes[id].used {
            if !scopes[id].is_local(n) && !scopes[id].globals.contains(n) && !wanted.contains(n) {
                wanted.push(n.clone());
            }
        }
    }
    for name in wanted {
        // The innermost enclosing function that binds it.
        let mut path = Vec::new();
        let mut p = scopes[id].parent;
        let mut owner = None;
        while let Some(s) = p {
            match scopes[s].kind {
                ScopeKind::Module => break,
                ScopeKind::Class => path.push(s),
                ScopeKind::Function => {
                    if scopes[s].globals.contains(&name) {
                        break;
                    }
                    if scopes[s].is_local(&name) {
                        owner = Some(s);
                        break;
                    }
                    path.push(s);
                }
            }
            p = scopes[s].parent;
        }
        match owner {
            Some(o) => {
                push_unique(&mut scopes[o].cells, &name);
                push_unique(&mut scopes[id].free, &name);
                for s in path {
                    push_unique(&mut scopes[s].free, &name);
                }
            }
            None if scopes[id].nonlocals.contains(&name) => {
                let message = format!("no binding for nonlocal '{name}' found");
                return Err(scopes[id].declaration_error(&name, message));
            }
            None => {}
        }
    }
    for child in scopes[id].children.clone() {
        resolve(scopes, child)?;
    }
    Ok(())
}

fn push_unique(v: &mut Vec<String>, name: &str) {
    if !v.iter().any(|n| n == name) {
        v.push(name.to_string());
    }
}

struct Analyzer {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
    current: usize,
}

impl Analyzer {
    fn open<T>(&mut self, node: &T, kind: ScopeKind) -> usize {
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, Some(self.current)));
        self.scopes[self.current].children.push(id);
        self.by_node.insert(node as *const T as usize, id);
        let outer = self.current;
        self.current = id;
        outer
    }

    fn scope(&mut self) -> &mut Scope {
        &mut self.scopes[self.current]
    }

    fn body(&mut self, body: &[Stmt]) -> Result<(), SyntaxError> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn params(&mut self, p: &Params) -> Result<(), SyntaxError> {
        for param in p.posonly.iter().chain(&p.args).chain(&p.kwonly) {
            if let Some(d) = &param.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    fn bind_params(&mut self, p: &Params) {
        let all = p
            .posonly
            .iter()
            .chain(&p.args)
            .chain(&p.kwonly)
            .chain(&p.vararg)
            .chain(&p.kwarg);
        for param in all {
            self.scope().bind(&param.name);
        }
        self.scope().params = self.scope().bound.len();
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), SyntaxError> {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                targets.iter().try_for_each(|t| self.target(t))
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.scope().use_name(n);
                }
                self.target(target)
            }
            StmtKind::AnnAssign { target, value, .. } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.target(target)?;
                }
                Ok(())
            }
            StmtKind::FunctionDef(f) => {
                f.decorators.iter().try_for_each(|d| self.expr(d))?;
                self.params(&f.params)?;
                self.scope().bind(&f.name);
                let outer = self.open(&**f, ScopeKind::Function);
                self.bind_params(&f.params);
                self.body(&f.body)?;
                self.current = outer;
                Ok(())
            }
            StmtKind::ClassDef(c) => {
                c.decorators.iter().try_for_each(|d| self.expr(d))?;
                c.bases.iter().try_for_each(|b| self.expr(b))?;
                c.keywords.iter().try_for_each(|k| self.expr(&k.value))?;
                self.scope().bind(&c.name);
                let outer = self.open(&**c, ScopeKind::Class);
                self.body(&c.body)?;
                self.current = outer;
                Ok(())
            }
            StmtKind::Return(v) => v.iter().try_for_each(|e| self.expr(e)),
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.body(body)?;
                self.body(orelse)
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.expr(iter)?;
                self.target(target)?;
                self.body(body)?;
                self.body(orelse)
            }
            StmtKind::With { items, body, .. } => {
                for item in items {
                    self.expr(&item.context)?;
                    if let Some(v) = &item.var {
                        self.target(v)?;
                    }
                }
                self.body(body)
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                self.body(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.scope().bind(n);
                    }
                    self.body(&h.body)?;
                }
                self.body(orelse)?;
                self.body(finalbody)
            }
            StmtKind::Raise { exc, cause } => {
                exc.iter().chain(cause).try_for_each(|e| self.expr(e))
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                msg.iter().try_for_each(|e| self.expr(e))
            }
            StmtKind::Import(names) => {
                for a in names {
                    let bound = a
                        .asname
                        .clone()
                        .unwrap_or_else(|| a.name.split('.').next().unwrap_or("").to_string());
                    self.scope().bind(&bound);
                }
                Ok(())
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    let bound = a.asname.as_ref().unwrap_or(&a.name).clone();
                    self.scope().bind(&bound);
                }
                Ok(())
            }
            StmtKind::Global(names) | StmtKind::Nonlocal(names) => self.declare(s, names),
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.target(t)),
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => Ok(()),
        }
    }

    /// `global` or `nonlocal`, refused as CPython's symtable refuses them: for a
    /// parameter, a name used or bound before the line, or a name declared both ways.
    fn declare(&mut self, s: &Stmt, names: &[String]) -> Result<(), SyntaxError> {
        let global = matches!(s.kind, StmtKind::Global(_));
        let keyword = if global { "global" } else { "nonlocal" };
        let scope = &mut self.scopes[self.current];
        if !global && scope.kind != ScopeKind::Function {
            let message = "nonlocal declaration not allowed at module level";
            return Err(error(s.pos, message));
        }
        for n in names {
            let (mine, other) = match global {
                true => (&mut scope.globals, &scope.nonlocals),
                false => (&mut scope.nonlocals, &scope.globals),
            };
            let message = if scope.bound[..scope.params].contains(n) {
                format!("name '{n}' is parameter and {keyword}")
            } else if other.contains(n) {
                // At the first of the two lines, as CPython.
                let message = format!("name '{n}' is nonlocal and global");
                return Err(scope.declaration_error(n, message));
            } else if scope.bound.contains(n) || scope.used.contains(n) {
                format!(
                    "name '{n}' is used prior to {keyword} declaration; \
                     put the `{keyword}` line first in the function"
                )
            } else {
                push_unique(mine, n);
                scope.declared_at.push((n.clone(), s.pos));
                continue;
            };
            return Err(error(s.pos, message));
        }
        Ok(())
    }

    fn target(&mut self, t: &Expr) -> Result<(), SyntaxError> {
        match &t.kind {
            ExprKind::Name(n) => {
                self.scope().bind(n);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|i| self.target(i))
            }
            ExprKind::Starred(inner) => self.target(inner),
            _ => self.expr(t),
        }
    }

    fn comprehension(
        &mut self,
        node: &Expr,
        generators: &[Comprehension],
        elts: &[&Expr],
    ) -> Result<(), SyntaxError> {
        // The first iterable is evaluated outside, as CPython does.
        if let Some(first) = generators.first() {
            self.expr(&first.iter)?;
        }
        let outer = self.open(node, ScopeKind::Function);
        self.scope().bind(".0");
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            g.ifs.iter().try_for_each(|e| self.expr(e))?;
        }
        elts.iter().try_for_each(|e| self.expr(e))?;
        if matches!(node.kind, ExprKind::GeneratorExp { .. }) {
            self.scope().is_generator = true;
        }
        self.current = outer;
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::Name(n) => {
                self.scope().use_name(n);
                Ok(())
            }
            ExprKind::Constant(_) => Ok(()),
            ExprKind::FString(parts) => self.fparts(parts),
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
                items.iter().try_for_each(|i| self.expr(i))
            }
            ExprKind::Dict(pairs) => {
                for (k, v) in pairs {
                    if let Some(k) = k {
                        self.expr(k)?;
                    }
                    self.expr(v)?;
                }
                Ok(())
            }
            ExprKind::Starred(v) | ExprKind::Await(v) | ExprKind::YieldFrom(v) => {
                if !matches!(e.kind, ExprKind::Starred(_)) {
                    self.mark_yield_or_await(e);
                }
                self.expr(v)
            }
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)
            }
            ExprKind::Slice { lower, upper, step } => lower
                .iter()
                .chain(upper)
                .chain(step)
                .try_for_each(|x| self.expr(x)),
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                args.iter().try_for_each(|a| self.expr(a))?;
                keywords.iter().try_for_each(|k| self.expr(&k.value))
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::BoolOp { values, .. } => values.iter().try_for_each(|v| self.expr(v)),
            ExprKind::Compare { left, ops } => {
                self.expr(left)?;
                ops.iter().try_for_each(|(_, v)| self.expr(v))
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)
            }
            ExprKind::Lambda { params, body } => {
                self.params(params)?;
                let outer = self.open(e, ScopeKind::Function);
                self.bind_params(params);
                self.expr(body)?;
                self.current = outer;
                Ok(())
            }
            ExprKind::Yield(v) => {
                self.mark_yield_or_await(e);
                v.iter().try_for_each(|x| self.expr(x))
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, generators, &[elt])
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, generators, &[key, value]),
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                // Binds in the innermost enclosing function, past comprehensions.
                let mut s = self.current;
                while self.is_comprehension(s) {
                    s = self.scopes[s].parent.unwrap_or(0);
                }
                self.scopes[s].bind(target);
                if s != self.current {
                    push_unique(&mut self.scopes[self.current].nonlocals, target);
                    if self.scopes[s].kind == ScopeKind::Module {
                        self.scopes[self.current].nonlocals.retain(|n| n != target);
                        push_unique(&mut self.scopes[self.current].globals, target);
                    }
                }
                Ok(())
            }
        }
    }

    fn is_comprehension(&self, s: usize) -> bool {
        self.scopes[s].bound.first().is_some_and(|n| n == ".0")
    }

    /// A `yield` makes the scope a generator; an `await` is noted too.
    fn mark_yield_or_await(&mut self, e: &Expr) {
        let s = self.scope();
        match e.kind {
            ExprKind::Await(_) => {
                s.first_await.get_or_insert(e.pos);
            }
            _ => s.is_generator = true,
        }
    }

    fn fparts(&mut self, parts: &[FPart]) -> Result<(), SyntaxError> {
        for p in parts {
            if let FPart::Value { value, spec, .. } = p {
                self.expr(value)?;
                self.fparts(spec)?;
            }
        }
        Ok(())
    }
}
