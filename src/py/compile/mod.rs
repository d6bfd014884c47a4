//! The compiler: a syntax tree to [`Code`], one per module, class body, function, lambda
//! and comprehension, after [`scope`] has decided where each name lives.
//!
//! `return`, `break` and `continue` leave `try`/`finally`, `with` and `except` blocks by
//! running their clean-up inline (as CPython's compiler does), so the machine needs no
//! "why did this block end" state.

mod expr;
mod function;
mod scope;
mod steps;
mod stmt;

use super::ast::*;
use super::code::{Code, CodeKind, Instr, Signature};
use super::value::Value;
use scope::{Place, Scopes};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Compiles a parsed program into its module code.
pub fn compile_module(module: &Module) -> Result<Rc<Code>, SyntaxError> {
    compile_file(module, crate::py::code::PROGRAM_FILE)
}

/// [`compile_module`] with an [`Instr::Line`] at each step (where each statement
/// begins...: `crate::py::lines` says where), for a run stepped line by line. A separate
/// compile, so that the code of every other run has none to dispatch.
pub fn compile_module_traced(module: &Module) -> Result<Rc<Code>, SyntaxError> {
    compile(module, crate::py::code::PROGRAM_FILE, true)
}

/// Compiles a module whose tracebacks name `filename`.
pub fn compile_file(module: &Module, filename: &str) -> Result<Rc<Code>, SyntaxError> {
    compile(module, filename, false)
}

fn compile(module: &Module, filename: &str, trace_lines: bool) -> Result<Rc<Code>, SyntaxError> {
    let scopes = scope::analyze(module)?;
    let mut unit = Unit::new(CodeKind::Module, "<module>", "<module>", 0, 1);
    let filename: Rc<str> = filename.into();
    let mut c = Compiler {
        scopes: &scopes,
        unit: &mut unit,
        filename: &filename,
        trace_lines,
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
    /// The exit of a `with` (its exit method is on the stack); `exit_step`: where the
    /// statement is, when this exit is its step (see `Compiler::exit_step`).
    With {
        is_async: bool,
        exit_step: Option<Pos>,
    },
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
    /// The line of the statement (or clause) whose body is being compiled; 0 before
    /// the code's first statement, which always begins a step.
    head: u32,
}

impl Unit {
    pub(super) fn new(kind: CodeKind, name: &str, qualname: &str, scope: usize, line: u32) -> Unit {
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
            head: 0,
        }
    }

    pub(super) fn finish(self, scopes: &Scopes, signature: Signature, filename: &Rc<str>) -> Code {
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
            name_hints: self.names.iter().map(|_| RefCell::default()).collect(),
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
    /// Emit an [`Instr::Line`] where each statement begins.
    trace_lines: bool,
}

fn error(pos: Pos, message: impl Into<String>) -> SyntaxError {
    SyntaxError {
        pos,
        message: message.into(),
    }
}

impl Compiler<'_> {
    /// The compiler of a code nested in this one (a function's, a class body's).
    pub(super) fn nested<'b>(&'b self, unit: &'b mut Unit) -> Compiler<'b> {
        Compiler {
            scopes: self.scopes,
            unit,
            filename: self.filename,
            trace_lines: self.trace_lines,
        }
    }

    pub(super) fn emit(&mut self, i: Instr) -> usize {
        self.unit.instrs.push(i);
        self.unit.positions.push(self.unit.pos);
        self.unit.instrs.len() - 1
    }

    pub(super) fn here(&self) -> u32 {
        self.unit.instrs.len() as u32
    }

    /// Points the jump at `at` to the next instruction.
    pub(super) fn patch(&mut self, at: usize) {
        let to = self.here();
        self.patch_to(at, to);
    }

    pub(super) fn patch_to(&mut self, at: usize, to: u32) {
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

    pub(super) fn konst(&mut self, v: Value) -> u32 {
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

    pub(super) fn name(&mut self, n: &str) -> u32 {
        if let Some(&i) = self.unit.name_index.get(n) {
            return i;
        }
        let rc: Rc<str> = n.into();
        let i = self.unit.names.len() as u32;
        self.unit.names.push(rc.clone());
        self.unit.name_index.insert(rc, i);
        i
    }

    pub(super) fn local(&mut self, n: &str) -> u32 {
        match self.unit.locals.iter().position(|l| &**l == n) {
            Some(i) => i as u32,
            None => {
                self.unit.locals.push(n.into());
                self.unit.locals.len() as u32 - 1
            }
        }
    }

    pub(super) fn cell(&self, n: &str) -> u32 {
        let s = &self.scopes.scopes[self.unit.scope];
        s.cells
            .iter()
            .chain(&s.free)
            .position(|c| c == n)
            .unwrap_or(0) as u32
    }

    pub(super) fn place(&self, n: &str) -> Place {
        self.scopes.scopes[self.unit.scope].place(n)
    }

    pub(super) fn load_name(&mut self, n: &str) {
        let i = match self.place(n) {
            Place::Local => Instr::LoadFast(self.local(n)),
            Place::Cell | Place::Free => Instr::LoadDeref(self.cell(n)),
            Place::Global => Instr::LoadGlobal(self.name(n)),
            Place::Name => Instr::LoadName(self.name(n)),
        };
        self.emit(i);
    }

    pub(super) fn store_name(&mut self, n: &str) {
        let i = match self.place(n) {
            Place::Local => Instr::StoreFast(self.local(n)),
            Place::Cell | Place::Free => Instr::StoreDeref(self.cell(n)),
            Place::Global => Instr::StoreGlobal(self.name(n)),
            Place::Name => Instr::StoreName(self.name(n)),
        };
        self.emit(i);
    }

    pub(super) fn delete_name(&mut self, n: &str) {
        let i = match self.place(n) {
            Place::Local => Instr::DeleteFast(self.local(n)),
            Place::Cell | Place::Free => Instr::DeleteDeref(self.cell(n)),
            Place::Global => Instr::DeleteGlobal(self.name(n)),
            Place::Name => Instr::DeleteName(self.name(n)),
        };
        self.emit(i);
    }

    pub(super) fn in_function(&self) -> bool {
        !matches!(self.unit.kind, CodeKind::Module | CodeKind::Class)
    }

    pub(super) fn in_async(&self) -> bool {
        matches!(
            self.unit.kind,
            CodeKind::Coroutine | CodeKind::AsyncGenerator
        )
    }

    /// A `yield` belongs to a function; a comprehension's hidden one does not count.
    pub(super) fn check_yield(&self, pos: Pos) -> Result<(), SyntaxError> {
        match self.comprehension_kind() {
            _ if !self.in_function() => Err(error(pos, "'yield' outside function")),
            Some(kind) => Err(error(pos, format!("'yield' inside {kind}"))),
            None => Ok(()),
        }
    }

    /// What CPython's messages call the comprehension this code is, if it is one.
    pub(super) fn comprehension_kind(&self) -> Option<&'static str> {
        let name = &*self.unit.name;
        function::COMPREHENSIONS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, kind)| *kind)
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
