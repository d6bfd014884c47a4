//! Expressions of the subset: names, numbers, strings, attributes, calls, `await`, and
//! enough of Python's operators and brackets to name them in an error.

use super::ast::{Expr, ExprKind};
use super::error::{ParseError, Span};
use super::lexer::Tok;
use super::parser::{unsupported, Parser, MAX_DEPTH};

impl Parser {
    pub(super) fn expr(&mut self) -> Result<Expr, ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error_here("this expression is nested too deeply"));
        }
        let result = self.comparison();
        self.depth -= 1;
        result
    }

    fn comparison(&mut self) -> Result<Expr, ParseError> {
        let left = self.arithmetic()?;
        let op = match self.tok() {
            Tok::Op(op @ ("==" | "!=" | "<" | ">" | "<=" | ">=")) => *op,
            Tok::Name(n) => match n.as_str() {
                "and" => "and",
                "or" => "or",
                "is" => "is",
                "in" => "in",
                _ => return Ok(left),
            },
            _ => return Ok(left),
        };
        self.binary(op, left)
    }

    /// `left op right`, the operator being the current token.
    fn binary(&mut self, op: &'static str, left: Expr) -> Result<Expr, ParseError> {
        self.i += 1;
        let right = self.expr()?;
        let span = left.span.to(right.span);
        Ok(Expr {
            kind: ExprKind::Operator(op, vec![left, right]),
            span,
        })
    }

    fn arithmetic(&mut self) -> Result<Expr, ParseError> {
        let left = self.unary()?;
        let op = match self.tok() {
            Tok::Op(
                op @ ("+" | "-" | "*" | "/" | "//" | "%" | "**" | "@" | "&" | "|" | "^" | "<<"
                | ">>"),
            ) => *op,
            _ => return Ok(left),
        };
        self.binary(op, left)
    }

    fn unary(&mut self) -> Result<Expr, ParseError> {
        let start = self.span();
        let op = match self.tok() {
            Tok::Op(op @ ("-" | "+" | "~")) => *op,
            Tok::Name(n) if n == "not" => "not",
            Tok::Name(n) if n == "await" => "await",
            _ => return self.postfix(),
        };
        self.i += 1;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error_here("this expression is nested too deeply"));
        }
        let operand = self.unary();
        self.depth -= 1;
        let operand = operand?;
        let span = start.to(operand.span);
        let kind = if op == "await" {
            ExprKind::Await(Box::new(operand))
        } else {
            ExprKind::Operator(op, vec![operand])
        };
        Ok(Expr { kind, span })
    }

    pub(super) fn postfix(&mut self) -> Result<Expr, ParseError> {
        let mut e = self.atom()?;
        loop {
            if self.eat_op(".") {
                let attr = self.name()?;
                let span = e.span.to(self.prev_span());
                e = Expr {
                    kind: ExprKind::Attribute(Box::new(e), attr),
                    span,
                };
            } else if self.is_op("(") {
                e = self.call(e)?;
            } else if self.is_op("[") {
                let open = self.span();
                self.i += 1;
                self.bracketed("]", open)?;
                let span = e.span.to(self.prev_span());
                e = Expr {
                    kind: ExprKind::Other("indexing"),
                    span,
                };
            } else {
                return Ok(e);
            }
        }
    }

    fn call(&mut self, func: Expr) -> Result<Expr, ParseError> {
        let open = self.span();
        self.i += 1;
        let mut args = Vec::new();
        let mut keywords = Vec::new();
        loop {
            if self.eat_op(")") {
                break;
            }
            if !args.is_empty() || !keywords.is_empty() {
                if !self.eat_op(",") {
                    return Err(self.unclosed_or(open, ")", "`,` or `)`"));
                }
                if self.eat_op(")") {
                    break;
                }
            }
            if matches!(self.tok(), Tok::End | Tok::Newline) {
                return Err(self.unclosed_or(open, ")", "an argument"));
            }
            let starred = self.span();
            if self.eat_op("*") || self.eat_op("**") {
                self.expr()?;
                args.push(Expr {
                    kind: ExprKind::Other("a starred argument"),
                    span: starred.to(self.prev_span()),
                });
                continue;
            }
            if matches!(self.tok(), Tok::Name(_)) && matches!(self.peek_tok(1), Tok::Op("=")) {
                let name = self.name()?;
                self.i += 1;
                keywords.push((name, self.expr()?));
            } else {
                args.push(self.expr()?);
            }
        }
        let span = func.span.to(self.prev_span());
        Ok(Expr {
            kind: ExprKind::Call {
                func: Box::new(func),
                args,
                keywords,
            },
            span,
        })
    }

    /// "never closed" when the statement ran out, else "expected …".
    fn unclosed_or(&self, open: Span, close: &str, what: &str) -> ParseError {
        let ran_out =
            matches!(self.tok(), Tok::End | Tok::Newline) || self.span().line != open.line;
        if ran_out {
            ParseError::new(
                open,
                format!(
                    "this `{}` is never closed; add `{close}`",
                    self.open_of(close)
                ),
            )
        } else {
            self.expected(what)
        }
    }

    fn open_of(&self, close: &str) -> &'static str {
        match close {
            ")" => "(",
            "]" => "[",
            _ => "{",
        }
    }

    /// Skips a bracketed list up to `close`, parsing its items.
    fn bracketed(&mut self, close: &str, open: Span) -> Result<(), ParseError> {
        loop {
            if self.eat_op(close) {
                return Ok(());
            }
            if matches!(self.tok(), Tok::End | Tok::Newline) {
                return Err(self.unclosed_or(open, close, "an item"));
            }
            self.expr()?;
            if self.eat_op(":") {
                self.expr()?;
            }
            if self.is_name("for") {
                return Err(self.error_here(
                    "comprehensions are not supported; use `for i in range(n):` with a statement inside",
                ));
            }
            if !self.eat_op(",") && !self.is_op(close) {
                return Err(self.unclosed_or(open, close, &format!("`,` or `{close}`")));
            }
        }
    }

    fn atom(&mut self) -> Result<Expr, ParseError> {
        let span = self.span();
        let tok = self.tok().clone();
        let kind = match tok {
            Tok::Name(n) => {
                if let Some(message) = unsupported(&n).filter(|_| n != "match") {
                    return Err(self.error_here(message));
                }
                if matches!(
                    n.as_str(),
                    "def"
                        | "class"
                        | "for"
                        | "try"
                        | "except"
                        | "return"
                        | "raise"
                        | "pass"
                        | "import"
                        | "from"
                        | "global"
                        | "in"
                        | "is"
                        | "and"
                        | "or"
                        | "as"
                        | "async"
                ) {
                    return Err(self.expected("an expression"));
                }
                self.i += 1;
                ExprKind::Name(n)
            }
            Tok::Number(n) => {
                self.i += 1;
                ExprKind::Number(n)
            }
            Tok::Str { .. } => {
                let mut value = String::new();
                let mut formatted = false;
                while let Tok::Str {
                    value: v,
                    formatted: f,
                } = self.tok().clone()
                {
                    value.push_str(&v);
                    formatted |= f;
                    self.i += 1;
                }
                ExprKind::Str { value, formatted }
            }
            Tok::Op(open @ ("(" | "[" | "{")) => {
                self.i += 1;
                let close = match open {
                    "(" => ")",
                    "[" => "]",
                    _ => "}",
                };
                if open == "(" && !self.is_op(")") {
                    let inner = self.expr()?;
                    if self.eat_op(")") {
                        return Ok(inner);
                    }
                    if !self.is_op(",") {
                        return Err(self.unclosed_or(span, ")", "`)`"));
                    }
                }
                self.bracketed(close, span)?;
                ExprKind::Other(match open {
                    "(" => "a tuple",
                    "[" => "a list",
                    _ => "a dict or set",
                })
            }
            _ => return Err(self.expected("an expression")),
        };
        Ok(Expr {
            kind,
            span: span.to(self.prev_span()),
        })
    }
}
