//! Recursive descent from tokens to the syntax tree of the subset.
//!
//! It parses a little more than the subset (operators, brackets, `if`) so that what a
//! learner wrote can be named in the error; `lower` decides what each statement means.
//! Constructs outside the subset are refused here with what to use instead.

use super::ast::{Handler, Stmt, StmtKind};
use super::error::{ParseError, Span};
use super::lexer::{Tok, Token};

/// Functions of the prelude `python_code` writes; their bodies are skipped unread.
pub const PRELUDE_FUNCTIONS: &[&str] = &["fetch", "blocking", "ticker", "measure"];

/// How deep blocks and expressions may nest before the program is refused.
pub(super) const MAX_DEPTH: usize = 64;

pub struct Parser {
    pub(super) tokens: Vec<Token>,
    pub(super) i: usize,
    /// How deep blocks and expressions nest at this point.
    pub(super) depth: usize,
}

pub fn parse_module(tokens: Vec<Token>) -> Result<Vec<Stmt>, ParseError> {
    let mut p = Parser {
        tokens,
        i: 0,
        depth: 0,
    };
    let mut body = Vec::new();
    while p.tok() != &Tok::End {
        if p.tok() == &Tok::Newline {
            p.i += 1;
            continue;
        }
        p.statement(&mut body, true)?;
    }
    Ok(body)
}

/// A token in plain words, for "expected …, found …".
pub(super) fn describe(tok: &Tok) -> String {
    match tok {
        Tok::Name(n) => format!("`{n}`"),
        Tok::Number(n) => format!("the number {n}"),
        Tok::Str { .. } => "a string".into(),
        Tok::Op(op) => format!("`{op}`"),
        Tok::Newline => "the end of the line".into(),
        Tok::Indent => "an indented line".into(),
        Tok::Dedent => "the end of the block".into(),
        Tok::End => "the end of the program".into(),
    }
}

/// What to write instead of a keyword outside the subset.
pub(super) fn unsupported(keyword: &str) -> Option<&'static str> {
    Some(match keyword {
        "while" => "`while` loops are not supported; use `for i in range(n):`",
        "if" | "elif" | "else" => {
            "`if` statements are not supported; a scenario runs the same steps every time, so write only the branch you want"
        }
        "with" => "plain `with` is not supported; use `async with` on an asyncio.Lock or asyncio.Semaphore",
        "lambda" => "`lambda` is not supported; define a coroutine with `async def`",
        "break" | "continue" => {
            "`break` and `continue` are not supported; loop a fixed number of times with `for i in range(n):`"
        }
        "finally" => "`finally` is not supported; use `except Exception:`",
        "del" | "assert" | "nonlocal" | "match" => {
            "this statement is not supported; Looplab reads awaits, sleeps, fetches, tasks, locks, queues, loops, try/except, raise and print"
        }
        _ => return None,
    })
}

impl Parser {
    pub(super) fn tok(&self) -> &Tok {
        self.tokens.get(self.i).map_or(&Tok::End, |t| &t.tok)
    }

    pub(super) fn span(&self) -> Span {
        self.tokens
            .get(self.i)
            .or(self.tokens.last())
            .map_or(Span::default(), |t| t.span)
    }

    pub(super) fn prev_span(&self) -> Span {
        self.tokens
            .get(self.i.saturating_sub(1))
            .map_or(Span::default(), |t| t.span)
    }

    pub(super) fn is_op(&self, op: &str) -> bool {
        matches!(self.tok(), Tok::Op(o) if *o == op)
    }

    pub(super) fn is_name(&self, name: &str) -> bool {
        matches!(self.tok(), Tok::Name(n) if n == name)
    }

    pub(super) fn eat_op(&mut self, op: &str) -> bool {
        let yes = self.is_op(op);
        if yes {
            self.i += 1;
        }
        yes
    }

    pub(super) fn error_here(&self, message: impl Into<String>) -> ParseError {
        ParseError::new(self.span(), message)
    }

    pub(super) fn expected(&self, what: &str) -> ParseError {
        self.error_here(format!("expected {what}, found {}", describe(self.tok())))
    }

    fn expect_op(&mut self, op: &str) -> Result<(), ParseError> {
        if self.eat_op(op) {
            Ok(())
        } else {
            Err(self.expected(&format!("`{op}`")))
        }
    }

    pub(super) fn name(&mut self) -> Result<String, ParseError> {
        match self.tok().clone() {
            Tok::Name(n) => {
                self.i += 1;
                Ok(n)
            }
            _ => Err(self.expected("a name")),
        }
    }

    fn end_of_statement(&mut self) -> Result<(), ParseError> {
        match self.tok() {
            Tok::Newline => {
                self.i += 1;
                Ok(())
            }
            Tok::End | Tok::Dedent => Ok(()),
            _ => Err(self.expected("the end of the statement")),
        }
    }

    /// Parses one statement (or `a; b` on one line) into `out`.
    fn statement(&mut self, out: &mut Vec<Stmt>, top: bool) -> Result<(), ParseError> {
        let start = self.span();
        if self.tok() == &Tok::Indent {
            return Err(self.error_here(
                "this line is indented more than the line before it, but nothing opens a block there",
            ));
        }
        let keyword = match self.tok() {
            Tok::Name(n) => n.clone(),
            _ => String::new(),
        };
        if keyword == "if" && top {
            self.i += 1;
            let test = self.expr()?;
            let body = self.block("`if`")?;
            let kind = StmtKind::If { test, body };
            out.push(Stmt { kind, span: start });
            return Ok(());
        }
        if let Some(message) = unsupported(&keyword) {
            let soft = keyword == "match" && !matches!(self.peek_tok(1), Tok::Name(_));
            if !soft {
                return Err(self.error_here(message));
            }
        }
        let kind = match keyword.as_str() {
            "async" => {
                self.i += 1;
                match self.tok() {
                    Tok::Name(n) if n == "def" => self.def(true, top)?,
                    Tok::Name(n) if n == "for" => self.for_loop(true)?,
                    Tok::Name(n) if n == "with" => self.with(true)?,
                    _ => return Err(self.expected("`def`, `for` or `with` after `async`")),
                }
            }
            "def" => self.def(false, top)?,
            "for" => self.for_loop(false)?,
            "try" => self.try_statement()?,
            "class" => self.class()?,
            _ => {
                loop {
                    let stmt_start = self.span();
                    let kind = self.simple()?;
                    out.push(Stmt {
                        kind,
                        span: stmt_start.to(self.prev_span()),
                    });
                    if !self.eat_op(";") || matches!(self.tok(), Tok::Newline) {
                        break;
                    }
                }
                return self.end_of_statement();
            }
        };
        out.push(Stmt { kind, span: start });
        Ok(())
    }

    pub(super) fn peek_tok(&self, ahead: usize) -> &Tok {
        self.tokens
            .get(self.i + ahead)
            .map_or(&Tok::End, |t| &t.tok)
    }

    fn simple(&mut self) -> Result<StmtKind, ParseError> {
        let keyword = match self.tok() {
            Tok::Name(n) => n.clone(),
            _ => String::new(),
        };
        let ends =
            |p: &Parser| matches!(p.tok(), Tok::Newline | Tok::End | Tok::Dedent) || p.is_op(";");
        Ok(match keyword.as_str() {
            "yield" => {
                self.i += 1;
                if !ends(self) {
                    self.expr()?;
                }
                StmtKind::Yield
            }
            "pass" => {
                self.i += 1;
                StmtKind::Pass
            }
            "return" | "raise" => {
                self.i += 1;
                let value = if ends(self) { None } else { Some(self.expr()?) };
                if keyword == "return" {
                    StmtKind::Return(value)
                } else {
                    StmtKind::Raise(value)
                }
            }
            "global" | "import" | "from" => {
                self.i += 1;
                while !ends(self) {
                    self.i += 1;
                }
                if keyword == "global" {
                    StmtKind::Global
                } else {
                    StmtKind::Import
                }
            }
            _ => {
                let target = self.expr()?;
                if self.eat_op("=") {
                    let value = self.expr()?;
                    if self.is_op("=") {
                        return Err(self.error_here(
                            "assign one name at a time, e.g. `x = 1` on a line of its own",
                        ));
                    }
                    StmtKind::Assign(target, value)
                } else if let Tok::Op(op) = self.tok() {
                    if op.ends_with('=') && !matches!(*op, "==" | "!=" | "<=" | ">=") {
                        return Err(self.error_here(format!(
                            "`{op}` is not supported; use a plain assignment such as `x = 1`"
                        )));
                    }
                    StmtKind::Expr(target)
                } else {
                    StmtKind::Expr(target)
                }
            }
        })
    }

    /// `:` then an indented block (or simple statements on the same line).
    fn block(&mut self, after: &str) -> Result<Vec<Stmt>, ParseError> {
        self.depth += 1;
        let body = self.block_body(after);
        self.depth -= 1;
        body
    }

    fn block_body(&mut self, after: &str) -> Result<Vec<Stmt>, ParseError> {
        if self.depth > MAX_DEPTH {
            return Err(self.error_here("blocks are nested too deeply"));
        }
        if !self.is_op(":") {
            return Err(self.error_here(format!(
                "expected `:` at the end of the {after} line, found {}",
                describe(self.tok())
            )));
        }
        let colon = self.span();
        self.i += 1;
        let mut body = Vec::new();
        if self.tok() != &Tok::Newline {
            self.statement(&mut body, false)?;
            return Ok(body);
        }
        self.i += 1;
        if self.tok() != &Tok::Indent {
            return Err(ParseError::new(
                colon,
                format!("expected an indented block after this {after} line; indent the lines that belong to it"),
            ));
        }
        self.i += 1;
        while !matches!(self.tok(), Tok::Dedent | Tok::End) {
            self.statement(&mut body, false)?;
        }
        self.i += 1;
        Ok(body)
    }

    /// Skips a block unread (the prelude's function bodies).
    fn skip_block(&mut self) -> Result<(), ParseError> {
        self.expect_op(":")?;
        if self.tok() != &Tok::Newline {
            while !matches!(self.tok(), Tok::Newline | Tok::End) {
                self.i += 1;
            }
            return self.end_of_statement();
        }
        self.i += 1;
        if self.tok() != &Tok::Indent {
            return Err(self.expected("an indented block"));
        }
        let mut level = 0;
        loop {
            match self.tok() {
                Tok::Indent => level += 1,
                Tok::Dedent => level -= 1,
                Tok::End => return Ok(()),
                _ => {}
            }
            self.i += 1;
            if level == 0 {
                return Ok(());
            }
        }
    }

    fn def(&mut self, is_async: bool, top: bool) -> Result<StmtKind, ParseError> {
        self.i += 1;
        let name = self.name()?;
        self.expect_op("(")?;
        let mut params = Vec::new();
        while !self.eat_op(")") {
            if !params.is_empty() {
                self.expect_op(",")?;
                if self.eat_op(")") {
                    break;
                }
            }
            params.push(self.name()?);
            if self.eat_op("=") {
                self.expr()?;
            }
        }
        if self.eat_op("->") {
            self.expr()?;
        }
        let what = if is_async { "`async def`" } else { "`def`" };
        let body = if top && PRELUDE_FUNCTIONS.contains(&name.as_str()) {
            self.skip_block()?;
            None
        } else {
            Some(self.block(what)?)
        };
        Ok(StmtKind::Def {
            is_async,
            name,
            params,
            body,
        })
    }

    fn class(&mut self) -> Result<StmtKind, ParseError> {
        self.i += 1;
        let name = self.name()?;
        let mut bases = Vec::new();
        if self.eat_op("(") {
            while !self.eat_op(")") {
                if !bases.is_empty() {
                    self.expect_op(",")?;
                }
                bases.push(self.expr()?);
            }
        }
        self.skip_block()?;
        Ok(StmtKind::Class { name, bases })
    }

    fn for_loop(&mut self, is_async: bool) -> Result<StmtKind, ParseError> {
        self.i += 1;
        let target = self.postfix()?;
        if !self.is_name("in") {
            return Err(self.expected("`in`"));
        }
        self.i += 1;
        let iter = self.expr()?;
        let what = if is_async { "`async for`" } else { "`for`" };
        let body = self.block(what)?;
        if self.is_name("else") {
            return Err(self.error_here("`else` after a loop is not supported; remove it"));
        }
        Ok(StmtKind::For {
            is_async,
            target,
            iter,
            body,
        })
    }

    fn with(&mut self, is_async: bool) -> Result<StmtKind, ParseError> {
        self.i += 1;
        let item = self.expr()?;
        if self.is_name("as") {
            self.i += 1;
            self.name()?;
        }
        if self.is_op(",") {
            return Err(self.error_here(
                "one resource per `async with`; nest a second `async with` inside the first",
            ));
        }
        let body = self.block("`async with`")?;
        Ok(StmtKind::With {
            is_async,
            item,
            body,
        })
    }

    fn try_statement(&mut self) -> Result<StmtKind, ParseError> {
        self.i += 1;
        let body = self.block("`try`")?;
        let mut handlers = Vec::new();
        while self.is_name("except") {
            let span = self.span();
            self.i += 1;
            let error = if self.is_op(":") {
                None
            } else {
                Some(self.expr()?)
            };
            if self.is_name("as") {
                self.i += 1;
                self.name()?;
            }
            let body = self.block("`except`")?;
            handlers.push(Handler { error, body, span });
        }
        if self.is_name("finally") || self.is_name("else") {
            let word = if self.is_name("else") {
                "else"
            } else {
                "finally"
            };
            return Err(self.error_here(format!(
                "`{word}` after `try` is not supported; use one `except` clause"
            )));
        }
        if handlers.is_empty() {
            return Err(self.expected("`except` after the `try` block"));
        }
        Ok(StmtKind::Try { body, handlers })
    }
}
