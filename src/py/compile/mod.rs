//! The compiler: a syntax tree to [`Code`], one per module, class body, function, lambda
//! and comprehension, after [`scope`] has decided where each name lives.
//!
//! `return`, `break` and `continue` leave `try`/`finally`, `with` and `except` blocks by
//! running their clean-up inline (as CPython's compiler does), so the machine needs no
//! "why did this block end" state.

mod scope;
mod stmt;

use super::ast::*;
use super::code::{Code, CodeKind, Instr, Signature};
use super::value::Value;
use scope::{Place, Scopes};
use std::collections::HashMap;
use std::rc::Rc;

/// Compiles a parsed program into its module code.
pub fn compile_module(module: &Module) -> Result<Rc<Code>, SyntaxError> {
    compile_file(module, "main.py")
}

/// Compiles a module whose tracebacks name `filename`.
pub fn compile_file(module: &Module, filename: &str) -> Result<Rc<Code>, SyntaxError> {
    let scopes = scope::analyze(module)?;
    let mut unit = Unit::new(CodeKind::Module, "<module>", "<module>", 0, 1);
    let filename: Rc<str> = filename.into();
    let mut c = Compiler {
        scopes: &scopes,
        unit: &mut unit,
        filename: &filename,
    };
    c.body(&module.body)?;
    c.emit(Instr::LoadConst(0));
    c.emit(Instr::Return);
    Ok(Rc::new(unit.finish(
        &scopes,
        Signature::default(),
        &filename,
    )))
}

/// What a `return`, `break` or `continue` has to undo on its way out, innermost last.
#[derive(Clone, Debug)]
enum Block {
    /// A loop: `break` jumps out (patched at its end), `continue` to `start`.
    Loop {
        start: u32,
        /// A `for` loop keeps its iterator on the stack.
        has_iter: bool,
    },
    /// `try` with a `finally` body to run on the way out.
    Finally(Vec<Stmt>),
    /// The exit of a `with` (its exit method is on the stack).
    With { is_async: bool },
    /// Inside an `except` clause (the exception is current; `as name` is bound).
    Handler { name: Option<String> },
    /// Inside the `finally` run for an exception (the exception is on the stack).
    FinallyException,
    /// A `try`'s block is set up.
    Try,
}

/// One code object being built.
struct Unit {
    kind: CodeKind,
    name: Rc<str>,
    qualname: Rc<str>,
    scope: usize,
    instrs: Vec<Instr>,
    positions: Vec<Pos>,
    consts: Vec<Value>,
    names: Vec<Rc<str>>,
    name_index: HashMap<Rc<str>, u32>,
    locals: Vec<Rc<str>>,
    pos: Pos,
    blocks: Vec<Block>,
    /// Jumps waiting for each loop's end, by loop.
    breaks: Vec<Vec<usize>>,
    first_line: u32,
    doc: Option<Rc<str>>,
}

impl Unit {
    fn new(kind: CodeKind, name: &str, qualname: &str, scope: usize, line: u32) -> Unit {
        Unit {
            kind,
            name: name.into(),
            qualname: qualname.into(),
            scope,
            instrs: Vec::new(),
            positions: Vec::new(),
            consts: vec![Value::None],
            names: Vec::new(),
            name_index: HashMap::new(),
            locals: Vec::new(),
            pos: Pos { line, col: 1 },
            blocks: Vec::new(),
            breaks: Vec::new(),
            first_line: line,
            doc: None,
        }
    }

    fn finish(self, scopes: &Scopes, signature: Signature, filename: &Rc<str>) -> Code {
        let s = &scopes.scopes[self.scope];
        let cell_locals = s
            .cells
            .iter()
            .enumerate()
            .filter_map(|(ci, c)| {
                let li = self.locals.iter().position(|l| &**l == c)?;
                Some((ci as u32, li as u32))
            })
            .collect();
        let cells = s.cells.iter().chain(&s.free).map(|n| n.as_str().into());
        Code {
            kind: self.kind,
            name: self.name,
            qualname: self.qualname,
            signature,
            instrs: self.instrs,
            positions: self.positions,
            consts: self.consts,
            names: self.names,
            locals: self.locals,
            cell_locals,
            cells: cells.collect(),
            free: s.free.len() as u32,
            first_line: self.first_line,
            doc: self.doc,
            filename: filename.clone(),
        }
    }
}

struct Compiler<'a> {
    scopes: &'a Scopes,
    unit: &'a mut Unit,
    filename: &'a Rc<str>,
}

fn error(pos: Pos, message: impl Into<String>) -> SyntaxError {
    SyntaxError {
        pos,
        message: message.into(),
    }
}

impl Compiler<'_> {
    fn emit(&mut self, i: Instr) -> usize {
        self.unit.instrs.push(i);
        self.unit.positions.push(self.unit.pos);
        self.unit.instrs.len() - 1
    }

    fn here(&self) -> u32 {
        self.unit.instrs.len() as u32
    }

    /// Points the jump at `at` to the next instruction.
    fn patch(&mut self, at: usize) {
        let to = self.here();
        self.patch_to(at, to);
    }

    fn patch_to(&mut self, at: usize, to: u32) {
        use Instr::*;
        self.unit.instrs[at] = match self.unit.instrs[at] {
            Jump(_) => Jump(to),
            PopJumpIfFalse(_) => PopJumpIfFalse(to),
            PopJumpIfTrue(_) => PopJumpIfTrue(to),
            JumpIfFalseOrPop(_) => JumpIfFalseOrPop(to),
            JumpIfTrueOrPop(_) => JumpIfTrueOrPop(to),
            ForIter(_) => ForIter(to),
            SetupExcept(_) => SetupExcept(to),
            SetupFinally(_) => SetupFinally(to),
            other => other,
        };
    }

    fn konst(&mut self, v: Value) -> u32 {
        let found = self.unit.consts.iter().position(|c| match (c, &v) {
            (Value::Str(a), Value::Str(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            _ => false,
        });
        match found {
            Some(i) => i as u32,
            None => {
                self.unit.consts.push(v);
                self.unit.consts.len() as u32 - 1
            }
        }
    }

    fn name(&mut self, n: &str) -> u32 {
        if let Some(&i) = self.unit.name_index.get(n) {
            return i;
        }
        let rc: Rc<str> = n.into();
        let i = self.unit.names.len() as u32;
        self.unit.names.push(rc.clone());
        self.unit.name_index.insert(rc, i);
        i
    }

    fn local(&mut self, n: &str) -> u32 {
        match self.unit.locals.iter().position(|l| &**l == n) {
            Some(i) => i as u32,
            None => {
                self.unit.locals.push(n.into());
                self.unit.locals.len() as u32 - 1
            }
        }
    }

    fn cell(&self, n: &str) -> u32 {
        let s = &self.scopes.scopes[self.unit.scope];
        s.cells
            .iter()
            .chain(&s.free)
            .position(|c| c == n)
            .unwrap_or(0) as u32
    }

    fn place(&self, n: &str) -> Place {
        self.scopes.scopes[self.unit.scope].place(n)
    }

    fn load_name(&mut self, n: &str) {
        let i = match self.place(n) {
            Place::Local => Instr::LoadFast(self.local(n)),
            Place::Cell | Place::Free => Instr::LoadDeref(self.cell(n)),
            Place::Global => Instr::LoadGlobal(self.name(n)),
            Place::Name => Instr::LoadName(self.name(n)),
        };
        self.emit(i);
    }

    fn store_name(&mut self, n: &str) {
        let i = match self.place(n) {
            Place::Local => Instr::StoreFast(self.local(n)),
            Place::Cell | Place::Free => Instr::StoreDeref(self.cell(n)),
            Place::Global => Instr::StoreGlobal(self.name(n)),
            Place::Name => Instr::StoreName(self.name(n)),
        };
        self.emit(i);
    }

    fn delete_name(&mut self, n: &str) {
        let i = match self.place(n) {
            Place::Local => Instr::DeleteFast(self.local(n)),
            Place::Cell | Place::Free => Instr::DeleteDeref(self.cell(n)),
            Place::Global => Instr::DeleteGlobal(self.name(n)),
            Place::Name => Instr::DeleteName(self.name(n)),
        };
        self.emit(i);
    }

    fn in_function(&self) -> bool {
        !matches!(self.unit.kind, CodeKind::Module | CodeKind::Class)
    }

    fn in_async(&self) -> bool {
        matches!(
            self.unit.kind,
            CodeKind::Coroutine | CodeKind::AsyncGenerator
        )
    }

    fn is_comprehension(&self) -> bool {
        self.unit.locals.first().is_some_and(|n| &**n == ".0")
    }

    // --- expressions ------------------------------------------------------------------

    fn expr(&mut self, e: &Expr) -> Result<(), SyntaxError> {
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
                let body_stmt = Stmt {
                    pos: body.pos,
                    kind: StmtKind::Return(Some((**body).clone())),
                };
                self.function(e, "<lambda>", params, &[body_stmt], false, e.pos)?;
            }
            ExprKind::Await(v) => {
                if !self.in_async() {
                    return Err(error(
                        e.pos,
                        if self.in_function() && !self.is_comprehension() {
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
                if !self.in_function() {
                    return Err(error(e.pos, "'yield' outside function"));
                }
                match v {
                    Some(v) => self.expr(v)?,
                    None => {
                        self.emit(Instr::LoadConst(0));
                    }
                }
                self.emit(Instr::YieldValue);
            }
            ExprKind::YieldFrom(_) => {
                return Err(error(
                    e.pos,
                    "`yield from` is not supported: write `for x in it: yield x`",
                ))
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

    fn call(
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

    /// Compiles a function body into its own code and emits `MakeFunction`.
    fn function(
        &mut self,
        node: &impl Sized,
        name: &str,
        params: &Params,
        body: &[Stmt],
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
            flags |= super::code::make_flags::DEFAULTS;
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
            flags |= super::code::make_flags::KW_DEFAULTS;
        }
        let scope_id = self.scopes.of(node);
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
        unit.doc = docstring(body);
        {
            let mut inner = Compiler {
                scopes: self.scopes,
                unit: &mut unit,
                filename: self.filename,
            };
            inner.body(body)?;
            inner.emit(Instr::LoadConst(0));
            inner.emit(Instr::Return);
        }
        let code = unit.finish(self.scopes, sig, self.filename);
        self.closure(&code, pos)?;
        if code.free > 0 {
            flags |= super::code::make_flags::CLOSURE;
        }
        let k = self.unit.consts.len() as u32;
        self.unit.consts.push(Value::Code(Rc::new(code)));
        self.emit(Instr::MakeFunction { code: k, flags });
        Ok(())
    }

    fn qualname(&self, name: &str) -> String {
        match self.unit.kind {
            CodeKind::Module => name.to_string(),
            CodeKind::Class => format!("{}.{name}", self.unit.qualname),
            _ => format!("{}.<locals>.{name}", self.unit.qualname),
        }
    }

    /// Pushes a tuple of the cells `code` closes over, if any.
    fn closure(&mut self, code: &Code, pos: Pos) -> Result<(), SyntaxError> {
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

    fn comprehension(
        &mut self,
        node: &Expr,
        generators: &[Comprehension],
        comp: Comp,
    ) -> Result<(), SyntaxError> {
        let scope_id = self.scopes.of(node);
        let is_gen = matches!(comp, Comp::Gen(_));
        let is_async = generators.iter().any(|g| g.is_async) || (self.in_async() && !is_gen);
        let kind = match (is_gen, is_async) {
            (true, false) => CodeKind::Generator,
            (true, true) => CodeKind::AsyncGenerator,
            (false, true) => CodeKind::Coroutine,
            (false, false) => CodeKind::Function,
        };
        let name = match comp {
            Comp::List(_) => "<listcomp>",
            Comp::Set(_) => "<setcomp>",
            Comp::Dict(..) => "<dictcomp>",
            Comp::Gen(_) => "<genexpr>",
        };
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
            let mut inner = Compiler {
                scopes: self.scopes,
                unit: &mut unit,
                filename: self.filename,
            };
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
            super::code::make_flags::CLOSURE
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
                return Err(error(
                    node.pos,
                    "an asynchronous comprehension must be inside an `async def`",
                ));
            }
            self.emit(Instr::GetAwaitable);
            self.emit(Instr::Await);
        }
        Ok(())
    }

    fn comp_loop(
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

    /// Stores the value on top into an assignment target.
    fn store_target(&mut self, t: &Expr) -> Result<(), SyntaxError> {
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

/// The docstring a body starts with.
fn docstring(body: &[Stmt]) -> Option<Rc<str>> {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(Expr {
            kind: ExprKind::Constant(Constant::Str(s)),
            ..
        })) => Some(s.as_str().into()),
        _ => None,
    }
}

/// Marks a `LoadDeref` operand as "push the cell itself" (building a closure).
pub const CELL_REF: u32 = 1 << 31;

#[derive(Clone, Copy)]
enum Display {
    List,
    Tuple,
    Set,
}

enum Comp<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
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
