//! Where a compile for stepping line by line (`Compiler::trace_lines`) puts its steps,
//! the `Line` instructions: where CPython's `sys.settrace` gives a line event
//! (`crate::py::lines` lists them). A compile without puts none, and lays out the
//! same code as if these did not exist.

use super::Compiler;
use crate::py::ast::*;
use crate::py::code::Instr;

impl Compiler<'_> {
    /// Does `s` make a step of a traced run? Each statement that runs code does, as
    /// CPython's line events have it: not `global` or `nonlocal`, nor a function's
    /// docstring (the first statement of a body that has one), which CPython keeps in
    /// the function instead of running (a class body does run its own, storing
    /// `__doc__`).
    pub(super) fn is_step(&self, s: &Stmt) -> bool {
        let docstring =
            self.unit.doc.is_some() && self.unit.instrs.is_empty() && self.in_function();
        self.trace_lines
            && !docstring
            && !matches!(s.kind, StmtKind::Global(_) | StmtKind::Nonlocal(_))
    }

    /// A step of a traced run at the current position (see [`Instr::Line`]).
    pub(super) fn step(&mut self) {
        if self.trace_lines {
            self.emit(Instr::Line);
        }
    }

    /// A `with` statement's exit, at `at`: a step of the statement's line again, as in
    /// CPython's trace, however the block is left (at its end, by `return`, `break` or
    /// `continue`, or by an exception); once per statement, at its innermost item's exit.
    pub(super) fn exit_step(&mut self, at: Option<Pos>) {
        if let Some(pos) = at.filter(|_| self.trace_lines) {
            let saved = std::mem::replace(&mut self.unit.pos, pos);
            self.emit(Instr::Line);
            self.unit.pos = saved;
        }
    }

    /// Where each iteration of a `for` loop begins: in a traced run, at a step of the
    /// loop's line (CPython's trace shows the header again before each item, and once
    /// more when there is none), which the first iteration jumps over, the statement's
    /// own step having just begun it.
    pub(super) fn iteration_step(&mut self) -> u32 {
        if !self.trace_lines {
            return self.here();
        }
        let first = self.emit(Instr::Jump(0));
        let head = self.here();
        self.emit(Instr::Line);
        self.patch(first);
        head
    }

    /// The body of an `except` clause, which follows the clause's line.
    pub(super) fn clause_body(&mut self, h: &Handler) -> Result<(), SyntaxError> {
        let outer = std::mem::replace(&mut self.unit.head, h.pos.line);
        let r = self.body(&h.body);
        self.unit.head = outer;
        r
    }
}
