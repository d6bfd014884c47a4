//! Statements: the loop over one line's simple statements, and each simple statement
//! (expressions, assignments, `return`, `import`, ...). Compound ones are in
//! `compound.rs`.

use super::super::ast::{Alias, BinOp, ExprKind, Pos, Stmt, StmtKind};
use super::super::lexer::Tok;
use super::targets::{check_annotated, check_augmented, check_target, Store};
use super::{fail, PResult, Parser};

fn augmented_op(tok: &Tok) -> Option<BinOp> {
    let Tok::Op(op) = tok else { return None };
    Some(match *op {
        "+=" => BinOp::Add,
        "-=" => BinOp::Sub,
        "*=" => BinOp::Mult,
        "@=" => BinOp::MatMult,
        "/=" => BinOp::Div,
        "//=" => BinOp::FloorDiv,
        "%=" => BinOp::Mod,
        "**=" => BinOp::Pow,
        "<<=" => BinOp::LShift,
        ">>=" => BinOp::RShift,
        "|=" => BinOp::BitOr,
        "^=" => BinOp::BitXor,
        "&=" => BinOp::BitAnd,
        _ => return None,
    })
}

impl Parser {
    /// One compound statement, or one line of simple statements separated by `;`.
    pub(super) fn statement(&mut self) -> PResult<Vec<Stmt>> {
        self.refuse_soft_keywords()?;
        if let Some(stmt) = self.compound()? {
            return Ok(vec![stmt]);
        }
        self.simple_statements()
    }

    /// `match` and `type` are keywords only at the start of their statements, so
    /// `match = 5` and `type(x)` stay ordinary code.
    fn refuse_soft_keywords(&mut self) -> PResult<()> {
        let pos = self.pos();
        if self.at_kw("match") && self.line_ends_with_colon() {
            return fail(pos, "`match` is not supported yet: use if/elif");
        }
        let alias = self.at_kw("type")
            && matches!(self.peek_tok(1), Tok::Name(_))
            && matches!(self.peek_tok(2), Tok::Op("=") | Tok::Op("["));
        if alias {
            return fail(
                pos,
                "`type X = ...` aliases are not supported: write a plain assignment `X = ...`",
            );
        }
        Ok(())
    }

    /// Whether this logical line ends with `:`, as a `match` statement's does (a
    /// simple statement never does).
    fn line_ends_with_colon(&self) -> bool {
        let rest = self.toks.get(self.i..).unwrap_or(&[]);
        let end = rest
            .iter()
            .position(|t| matches!(t.tok, Tok::Newline | Tok::End));
        let line = &rest[..end.unwrap_or(rest.len())];
        matches!(line.last(), Some(t) if t.tok == Tok::Op(":"))
    }

    /// Simple statements up to the end of the line.
    pub(super) fn simple_statements(&mut self) -> PResult<Vec<Stmt>> {
        let mut stmts = vec![self.simple_statement()?];
        while self.eat_op(";") {
            if matches!(self.tok(), Tok::Newline | Tok::End) {
                break;
            }
            stmts.push(self.simple_statement()?);
        }
        match self.tok() {
            Tok::Newline => self.advance(),
            Tok::End => {}
            _ => return Err(self.unexpected()),
        }
        Ok(stmts)
    }

    fn at_line_end(&self) -> bool {
        matches!(self.tok(), Tok::Newline | Tok::End | Tok::Op(";"))
    }

    fn simple_statement(&mut self) -> PResult<Stmt> {
        let pos = self.pos();
        let keyword = match self.tok() {
            Tok::Name(n) => n.clone(),
            Tok::Indent => return fail(pos, "unexpected indent"),
            _ => String::new(),
        };
        let kind = match keyword.as_str() {
            "pass" | "break" | "continue" => {
                self.advance();
                match keyword.as_str() {
                    "pass" => StmtKind::Pass,
                    "break" => StmtKind::Break,
                    _ => StmtKind::Continue,
                }
            }
            "return" => {
                self.advance();
                let value = if self.at_line_end() {
                    None
                } else {
                    Some(self.star_expressions()?)
                };
                StmtKind::Return(value)
            }
            "raise" => {
                self.advance();
                let exc = if self.at_line_end() {
                    None
                } else {
                    Some(self.expression()?)
                };
                let cause = match exc.is_some() && self.eat_kw("from") {
                    true => Some(self.expression()?),
                    false => None,
                };
                StmtKind::Raise { exc, cause }
            }
            "global" | "nonlocal" => {
                self.advance();
                let mut names = vec![self.name()?.0];
                while self.eat_op(",") {
                    names.push(self.name()?.0);
                }
                match keyword.as_str() {
                    "global" => StmtKind::Global(names),
                    _ => StmtKind::Nonlocal(names),
                }
            }
            "del" => {
                self.advance();
                let mut targets = Vec::new();
                loop {
                    // `*a` is read so that it can be refused by name.
                    let target = self.target_element()?;
                    check_target(&target, Store::Delete)?;
                    targets.push(target);
                    if !self.eat_op(",") || self.at_line_end() {
                        break;
                    }
                }
                StmtKind::Delete(targets)
            }
            "assert" => {
                self.advance();
                let test = self.expression()?;
                let msg = if self.eat_op(",") {
                    Some(self.expression()?)
                } else {
                    None
                };
                StmtKind::Assert { test, msg }
            }
            "import" => self.import()?,
            "from" => self.import_from()?,
            "print" if self.python2_print() => {
                return fail(
                    pos,
                    "Missing parentheses in call to 'print'. Did you mean print(...)?",
                )
            }
            _ => self.expression_statement()?,
        };
        Ok(Stmt { pos, kind })
    }

    /// `print x` or `print "hi"`: Python 2's print statement.
    fn python2_print(&self) -> bool {
        match self.peek_tok(1) {
            Tok::Name(n) => {
                !super::is_keyword(n) || matches!(n.as_str(), "None" | "True" | "False")
            }
            Tok::Int(_) | Tok::Float(_) | Tok::Str(_) | Tok::FStr(_) => true,
            _ => false,
        }
    }

    /// An expression, or an assignment of any kind.
    fn expression_statement(&mut self) -> PResult<StmtKind> {
        let first = self.yield_or_star_expressions()?;
        if self.eat_op(":") {
            check_annotated(&first)?;
            let annotation = self.expression()?;
            let value = if self.eat_op("=") {
                Some(self.yield_or_star_expressions()?)
            } else {
                None
            };
            return Ok(StmtKind::AnnAssign {
                target: first,
                annotation,
                value,
            });
        }
        if let Some(op) = augmented_op(self.tok()) {
            check_augmented(&first)?;
            self.advance();
            let value = self.yield_or_star_expressions()?;
            return Ok(StmtKind::AugAssign {
                target: first,
                op,
                value,
            });
        }
        if !self.at_op("=") {
            if let ExprKind::Starred(_) = first.kind {
                return fail(first.pos, "can't use starred expression here");
            }
            if self.at_op(":=") {
                return fail(
                    first.pos,
                    "invalid syntax: write `x = ...` here (`x := ...` needs parentheses)",
                );
            }
            return Ok(StmtKind::Expr(first));
        }
        let mut targets = vec![first];
        let mut value;
        loop {
            self.advance();
            value = self.yield_or_star_expressions()?;
            if !self.at_op("=") {
                break;
            }
            targets.push(value);
        }
        for target in &targets {
            check_target(target, Store::Assign)?;
        }
        Ok(StmtKind::Assign { targets, value })
    }

    /// `import a.b as c, d`.
    fn import(&mut self) -> PResult<StmtKind> {
        self.advance();
        let mut names = Vec::new();
        loop {
            let (name, pos) = self.dotted_name()?;
            let asname = self.as_name()?;
            names.push(Alias { pos, name, asname });
            if !self.eat_op(",") {
                break;
            }
        }
        Ok(StmtKind::Import(names))
    }

    /// `from a.b import c as d, e` or `from a import (b, c)`.
    fn import_from(&mut self) -> PResult<StmtKind> {
        self.advance();
        if self.at_op(".") || self.at_op("...") {
            return fail(self.pos(), "relative imports (`from . import x`) are not supported: a Looplab program is one file, so import modules by name (`from asyncio import sleep`)");
        }
        let (module, _) = self.dotted_name()?;
        self.expect_kw("import")?;
        if self.at_op("*") {
            return fail(
                self.pos(),
                format!("`from {module} import *` is not supported: name what you import (`from {module} import a, b`) or write `import {module}`"),
            );
        }
        let parenthesized = self.eat_op("(");
        let mut names = Vec::new();
        loop {
            let (name, pos) = self.name()?;
            let asname = self.as_name()?;
            names.push(Alias { pos, name, asname });
            if !self.eat_op(",") {
                break;
            }
            if parenthesized && self.at_op(")") {
                break;
            }
            if !parenthesized && self.at_line_end() {
                return fail(
                    self.pos(),
                    "trailing comma not allowed without surrounding parentheses",
                );
            }
        }
        if parenthesized {
            self.expect_op(")")?;
        }
        Ok(StmtKind::ImportFrom { module, names })
    }

    fn dotted_name(&mut self) -> PResult<(String, Pos)> {
        let (mut name, pos) = self.name()?;
        while self.eat_op(".") {
            name.push('.');
            name += &self.name()?.0;
        }
        Ok((name, pos))
    }

    fn as_name(&mut self) -> PResult<Option<String>> {
        Ok(if self.eat_kw("as") {
            Some(self.name()?.0)
        } else {
            None
        })
    }
}
