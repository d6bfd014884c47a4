//! Compound statements (`if`, `while`, `for`, `with`, `try`, `def`, `class`, and
//! decorators), their blocks, and parameter lists (shared with `lambda`).

use std::rc::Rc;

use super::super::ast::{
    Body, ClassDef, Expr, FunctionDef, Handler, Param, Params, Pos, Stmt, StmtKind, WithItem,
};
use super::super::lexer::Tok;
use super::{fail, PResult, Parser};

impl Parser {
    /// A compound statement if one starts here.
    pub(super) fn compound(&mut self) -> PResult<Option<Stmt>> {
        let pos = self.pos();
        let keyword = match self.tok() {
            Tok::Op("@") => "@".to_string(),
            Tok::Name(n) => n.clone(),
            _ => return Ok(None),
        };
        let kind = match keyword.as_str() {
            "@" => self.decorated()?,
            "if" => self.if_statement()?,
            "while" => self.while_statement()?,
            "for" => self.for_statement(false, pos)?,
            "with" => self.with_statement(false, pos)?,
            "try" => self.try_statement()?,
            "def" => self.function(Vec::new(), false, pos)?,
            "class" => self.class(Vec::new(), pos)?,
            "async" => {
                self.advance();
                match self.tok() {
                    Tok::Name(n) if n == "def" => self.function(Vec::new(), true, pos)?,
                    Tok::Name(n) if n == "for" => self.for_statement(true, pos)?,
                    Tok::Name(n) if n == "with" => self.with_statement(true, pos)?,
                    _ => return fail(self.pos(), "expected 'def', 'for' or 'with' after 'async'"),
                }
            }
            _ => return Ok(None),
        };
        Ok(Some(Stmt { pos, kind }))
    }

    /// `:` then the indented block (or simple statements on the same line). `what`
    /// and `line` name the statement for the message when the block is missing.
    fn block(&mut self, what: &str, line: u32) -> PResult<Body> {
        self.expect_op(":")?;
        if !matches!(self.tok(), Tok::Newline) {
            return self.simple_statements();
        }
        self.advance();
        if !matches!(self.tok(), Tok::Indent) {
            return fail(
                self.pos(),
                format!("expected an indented block after {what} on line {line}"),
            );
        }
        self.advance();
        let mut body = Vec::new();
        while !matches!(self.tok(), Tok::Dedent | Tok::End) {
            body.extend(self.statement()?);
        }
        self.advance();
        Ok(body)
    }

    /// `else:` and its block, if present.
    fn else_block(&mut self) -> PResult<Body> {
        let pos = self.pos();
        if !self.eat_kw("else") {
            return Ok(Vec::new());
        }
        self.block("'else' statement", pos.line)
    }

    /// The test of `if`, `elif` or `while`.
    fn condition(&mut self) -> PResult<Expr> {
        let test = self.named_expression()?;
        if self.at_op("=") {
            return fail(
                test.pos,
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            );
        }
        Ok(test)
    }

    /// `if`/`elif`/`else`: each `elif` becomes an `If` alone in the previous one's
    /// `orelse`, as in CPython's tree.
    fn if_statement(&mut self) -> PResult<StmtKind> {
        let mut branches: Vec<(Pos, Expr, Body)> = Vec::new();
        let mut what = "'if' statement";
        loop {
            let pos = self.pos();
            self.advance();
            let test = self.condition()?;
            let body = self.block(what, pos.line)?;
            branches.push((pos, test, body));
            if !self.at_kw("elif") {
                break;
            }
            what = "'elif' statement";
        }
        let mut orelse = self.else_block()?;
        while let Some((pos, test, body)) = branches.pop() {
            let kind = StmtKind::If { test, body, orelse };
            if branches.is_empty() {
                return Ok(kind);
            }
            orelse = vec![Stmt { pos, kind }];
        }
        Err(self.unexpected())
    }

    fn while_statement(&mut self) -> PResult<StmtKind> {
        let line = self.pos().line;
        self.advance();
        let test = self.condition()?;
        let body = self.block("'while' statement", line)?;
        let orelse = self.else_block()?;
        Ok(StmtKind::While { test, body, orelse })
    }

    /// `for` (after any `async`, which `pos` points at).
    fn for_statement(&mut self, is_async: bool, pos: Pos) -> PResult<StmtKind> {
        self.advance();
        let target = self.target_list()?;
        self.expect_kw("in")?;
        let iter = self.star_expressions()?;
        let body = self.block("'for' statement", pos.line)?;
        let orelse = self.else_block()?;
        Ok(StmtKind::For {
            target,
            iter,
            body,
            orelse,
            is_async,
        })
    }

    fn with_statement(&mut self, is_async: bool, pos: Pos) -> PResult<StmtKind> {
        self.advance();
        let items = self.with_items()?;
        let body = self.block("'with' statement", pos.line)?;
        Ok(StmtKind::With {
            items,
            body,
            is_async,
        })
    }

    /// `a as b, c`, or the same in parentheses. `with (a, b):` is two context managers,
    /// as in CPython: the parenthesized form is tried first, and if no `:` follows its
    /// `)` the `(` is read again as the start of an expression.
    fn with_items(&mut self) -> PResult<Vec<WithItem>> {
        if self.at_op("(") {
            let (i, depth) = (self.i, self.depth);
            if let Ok(items) = self.parenthesized_with_items() {
                if self.at_op(":") {
                    return Ok(items);
                }
            }
            (self.i, self.depth) = (i, depth);
        }
        let mut items = vec![self.with_item()?];
        while self.eat_op(",") {
            items.push(self.with_item()?);
        }
        Ok(items)
    }

    fn parenthesized_with_items(&mut self) -> PResult<Vec<WithItem>> {
        self.advance();
        let mut items = vec![self.with_item()?];
        while self.eat_op(",") && !self.at_op(")") {
            items.push(self.with_item()?);
        }
        self.expect_op(")")?;
        Ok(items)
    }

    fn with_item(&mut self) -> PResult<WithItem> {
        let context = self.expression()?;
        let var = if self.eat_kw("as") {
            Some(self.target()?)
        } else {
            None
        };
        Ok(WithItem { context, var })
    }

    fn try_statement(&mut self) -> PResult<StmtKind> {
        let line = self.pos().line;
        self.advance();
        let body = self.block("'try' statement", line)?;
        let mut handlers = Vec::new();
        let mut star = None;
        while self.at_kw("except") {
            let pos = self.pos();
            self.advance();
            let is_star = self.eat_op("*");
            if star.is_some_and(|s| s != is_star) {
                return fail(
                    pos,
                    "cannot have both 'except' and 'except*' on the same 'try'",
                );
            }
            star = Some(is_star);
            let typ = if self.at_op(":") {
                if is_star {
                    return fail(self.pos(), "expected one or more exception types");
                }
                None
            } else {
                Some(self.expression()?)
            };
            if let (Some(typ), true) = (&typ, self.at_op(",")) {
                return fail(typ.pos, "multiple exception types must be parenthesized");
            }
            let name = match typ.is_some() && self.eat_kw("as") {
                true => Some(self.name()?.0),
                false => None,
            };
            let what = if is_star {
                "'except*' statement"
            } else {
                "'except' statement"
            };
            let body = self.block(what, pos.line)?;
            handlers.push(Handler {
                pos,
                typ,
                name,
                body,
            });
        }
        let orelse = if handlers.is_empty() {
            Vec::new()
        } else {
            self.else_block()?
        };
        let finally = self.pos();
        let has_finally = self.eat_kw("finally");
        if handlers.is_empty() && !has_finally {
            return fail(self.pos(), "expected 'except' or 'finally' block");
        }
        let finalbody = if has_finally {
            self.block("'finally' statement", finally.line)?
        } else {
            Vec::new()
        };
        Ok(StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            star: star.unwrap_or(false),
        })
    }

    /// `@decorator` lines, then the `def` or `class` they apply to.
    fn decorated(&mut self) -> PResult<StmtKind> {
        let mut decorators = Vec::new();
        while self.eat_op("@") {
            decorators.push(self.named_expression()?);
            if !matches!(self.tok(), Tok::Newline) {
                return Err(self.unexpected());
            }
            self.advance();
        }
        let pos = self.pos();
        match self.tok() {
            Tok::Name(n) if n == "def" => self.function(decorators, false, pos),
            Tok::Name(n) if n == "class" => self.class(decorators, pos),
            Tok::Name(n)
                if n == "async" && matches!(self.peek_tok(1), Tok::Name(d) if d == "def") =>
            {
                self.advance();
                self.function(decorators, true, pos)
            }
            Tok::Indent => Err(self.unexpected()),
            _ => fail(pos, "expected 'def' or 'class' after a decorator"),
        }
    }

    /// `def` (the current token); `pos` is where `def` or its `async` is.
    fn function(&mut self, decorators: Vec<Expr>, is_async: bool, pos: Pos) -> PResult<StmtKind> {
        self.advance();
        let (name, _) = self.name()?;
        self.refuse_type_parameters()?;
        self.expect_op("(")?;
        let params = self.parameters(")", true)?;
        self.expect_op(")")?;
        if self.eat_op("->") {
            // The return annotation is read and dropped.
            self.expression()?;
        }
        let body = self.block("function definition", pos.line)?;
        let def = FunctionDef {
            pos,
            name,
            params,
            body,
            is_async,
            decorators,
        };
        Ok(StmtKind::FunctionDef(Rc::new(def)))
    }

    fn refuse_type_parameters(&self) -> PResult<()> {
        if self.at_op("[") {
            return fail(self.pos(), "type parameters (`def f[T]`, `class C[T]`) are not supported: leave out the brackets");
        }
        Ok(())
    }

    fn class(&mut self, decorators: Vec<Expr>, pos: Pos) -> PResult<StmtKind> {
        self.advance();
        let (name, _) = self.name()?;
        self.refuse_type_parameters()?;
        let (bases, keywords) = if self.at_op("(") {
            self.nested(Self::call_arguments)?
        } else {
            Default::default()
        };
        let body = self.block("class definition", pos.line)?;
        let class = ClassDef {
            pos,
            name,
            bases,
            keywords,
            body,
            decorators,
        };
        Ok(StmtKind::ClassDef(Rc::new(class)))
    }

    /// Parameters up to (not including) `close`: `)` for `def`, `:` for `lambda`
    /// (which takes no annotations).
    pub(super) fn parameters(&mut self, close: &str, annotations: bool) -> PResult<Params> {
        let mut params = Params::default();
        let mut star: Option<Pos> = None;
        let mut names = Vec::new();
        while !self.at_op(close) {
            let pos = self.pos();
            if self.eat_op("/") {
                if star.is_some() {
                    return fail(pos, "/ must be ahead of *");
                }
                if !params.posonly.is_empty() {
                    return fail(pos, "/ may appear only once");
                }
                if params.args.is_empty() {
                    return fail(pos, "at least one argument must precede /");
                }
                params.posonly = std::mem::take(&mut params.args);
            } else if self.eat_op("*") {
                if star.is_some() {
                    return fail(pos, "* argument may appear only once");
                }
                star = Some(pos);
                if !self.at_op(",") && !self.at_op(close) {
                    params.vararg = Some(self.param(annotations, false, &mut names)?);
                }
            } else if self.eat_op("**") {
                params.kwarg = Some(self.param(annotations, false, &mut names)?);
                self.eat_op(",");
                if !self.at_op(close) {
                    return fail(self.pos(), "arguments cannot follow var-keyword argument");
                }
            } else {
                let param = self.param(annotations, true, &mut names)?;
                if star.is_some() {
                    params.kwonly.push(param);
                } else {
                    let after_default = params
                        .posonly
                        .iter()
                        .chain(&params.args)
                        .any(|p| p.default.is_some());
                    if after_default && param.default.is_none() {
                        return fail(
                            param.pos,
                            "parameter without a default follows parameter with a default",
                        );
                    }
                    params.args.push(param);
                }
            }
            if !self.eat_op(",") {
                break;
            }
        }
        if let (Some(pos), None, true) = (star, &params.vararg, params.kwonly.is_empty()) {
            return fail(pos, "named arguments must follow bare *");
        }
        Ok(params)
    }

    /// One parameter: a name, maybe `: annotation` (read and dropped), maybe `= default`.
    fn param(
        &mut self,
        annotations: bool,
        default: bool,
        names: &mut Vec<String>,
    ) -> PResult<Param> {
        let (name, pos) = self.name()?;
        if names.contains(&name) {
            return fail(
                pos,
                format!("duplicate argument '{name}' in function definition"),
            );
        }
        names.push(name.clone());
        if annotations && self.eat_op(":") {
            self.expression()?;
        }
        let default = if default && self.eat_op("=") {
            Some(self.expression()?)
        } else {
            None
        };
        Ok(Param { pos, name, default })
    }
}
