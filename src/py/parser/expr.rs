//! Expressions by precedence, loosest first: tuples, `*`, `:=`, `lambda`, `if`-`else`,
//! `or`, `and`, `not`, comparisons, the binary operators, unary operators, `**`,
//! `await`. Primaries and atoms are in `atom.rs`.
//!
//! Each rule notes where its first token starts and gives that position to the node it
//! builds, so `(a) + b` starts at the `(` as in CPython.

use super::super::ast::{BinOp, BoolOp, CmpOp, Expr, ExprKind, UnaryOp};
use super::super::lexer::Tok;
use super::{fail, is_keyword, PResult, Parser};

/// The binary operators from `|` to `*`, with their precedence (higher binds tighter).
fn binary_op(tok: &Tok) -> Option<(BinOp, u8)> {
    let Tok::Op(op) = tok else { return None };
    Some(match *op {
        "|" => (BinOp::BitOr, 0),
        "^" => (BinOp::BitXor, 1),
        "&" => (BinOp::BitAnd, 2),
        "<<" => (BinOp::LShift, 3),
        ">>" => (BinOp::RShift, 3),
        "+" => (BinOp::Add, 4),
        "-" => (BinOp::Sub, 4),
        "*" => (BinOp::Mult, 5),
        "/" => (BinOp::Div, 5),
        "//" => (BinOp::FloorDiv, 5),
        "%" => (BinOp::Mod, 5),
        "@" => (BinOp::MatMult, 5),
        _ => return None,
    })
}

fn boxed(e: Expr) -> Box<Expr> {
    Box::new(e)
}

impl Parser {
    /// Whether the current token can begin an expression (used to end a tuple at a
    /// trailing comma, and to suggest a missing comma).
    pub(super) fn starts_expression(&self) -> bool {
        match self.tok() {
            Tok::Name(n) => {
                !is_keyword(n)
                    || matches!(
                        n.as_str(),
                        "None" | "True" | "False" | "lambda" | "not" | "await"
                    )
            }
            Tok::Int(_) | Tok::Float(_) | Tok::Str(_) | Tok::FStr(_) => true,
            Tok::Op(o) => matches!(*o, "(" | "[" | "{" | "-" | "+" | "~" | "..." | "*"),
            _ => false,
        }
    }

    /// `a`, or `a, *b,` as a tuple (starting where its first element does).
    pub(super) fn star_expressions(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        let first = self.star_expression()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") && self.starts_expression() {
            elts.push(self.star_expression()?);
        }
        Ok(Expr {
            pos,
            kind: ExprKind::Tuple(elts),
        })
    }

    /// `*x` or an expression (an element of an unparenthesized tuple).
    fn star_expression(&mut self) -> PResult<Expr> {
        if self.at_op("*") {
            return self.starred();
        }
        self.expression()
    }

    /// `*x` (the operand binds like `|`).
    pub(super) fn starred(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        self.advance();
        let value = self.bitwise_or()?;
        Ok(Expr {
            pos,
            kind: ExprKind::Starred(boxed(value)),
        })
    }

    /// `*x` or a named expression (an element of a display or a parenthesized tuple).
    pub(super) fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at_op("*") {
            return self.starred();
        }
        self.named_expression()
    }

    /// `name := value`, or an expression.
    pub(super) fn named_expression(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        if let Tok::Name(n) = self.tok() {
            if !is_keyword(n) && matches!(self.peek_tok(1), Tok::Op(":=")) {
                let target = n.clone();
                self.advance();
                self.advance();
                let value = boxed(self.expression()?);
                return Ok(Expr {
                    pos,
                    kind: ExprKind::NamedExpr { target, value },
                });
            }
        }
        let e = self.expression()?;
        if self.at_op(":=") {
            let what = super::targets::describe(&e);
            return fail(
                e.pos,
                format!("cannot use assignment expressions with {what}"),
            );
        }
        Ok(e)
    }

    /// `lambda`, or `body if test else orelse`, or a disjunction.
    pub(super) fn expression(&mut self) -> PResult<Expr> {
        if self.at_kw("lambda") {
            return self.nested(Self::lambda);
        }
        let pos = self.pos();
        let body = self.disjunction()?;
        if !self.eat_kw("if") {
            return Ok(body);
        }
        let test = self.disjunction()?;
        if !self.eat_kw("else") {
            return fail(self.pos(), "expected 'else' after 'if' expression");
        }
        let orelse = self.nested(Self::expression)?;
        let kind = ExprKind::IfExp {
            test: boxed(test),
            body: boxed(body),
            orelse: boxed(orelse),
        };
        Ok(Expr { pos, kind })
    }

    fn lambda(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        self.advance();
        let params = self.parameters(":", false)?;
        self.expect_op(":")?;
        let body = boxed(self.expression()?);
        Ok(Expr {
            pos,
            kind: ExprKind::Lambda {
                params: Box::new(params),
                body,
            },
        })
    }

    pub(super) fn disjunction(&mut self) -> PResult<Expr> {
        self.bool_op("or", BoolOp::Or, Self::conjunction)
    }

    fn conjunction(&mut self) -> PResult<Expr> {
        self.bool_op("and", BoolOp::And, Self::inversion)
    }

    /// `a or b or c` as one node with every operand.
    fn bool_op(
        &mut self,
        kw: &str,
        op: BoolOp,
        operand: fn(&mut Self) -> PResult<Expr>,
    ) -> PResult<Expr> {
        let pos = self.pos();
        let first = operand(self)?;
        if !self.at_kw(kw) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat_kw(kw) {
            values.push(operand(self)?);
        }
        Ok(Expr {
            pos,
            kind: ExprKind::BoolOp { op, values },
        })
    }

    fn inversion(&mut self) -> PResult<Expr> {
        if !self.at_kw("not") {
            return self.comparison();
        }
        let pos = self.pos();
        self.advance();
        let operand = boxed(self.nested(Self::inversion)?);
        Ok(Expr {
            pos,
            kind: ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            },
        })
    }

    /// `a < b <= c`: one node with every operator.
    fn comparison(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        while let Some(op) = self.comparison_op() {
            ops.push((op, self.bitwise_or()?));
        }
        if ops.is_empty() {
            return Ok(left);
        }
        Ok(Expr {
            pos,
            kind: ExprKind::Compare {
                left: boxed(left),
                ops,
            },
        })
    }

    /// Takes a comparison operator if one is next (`not in` and `is not` are two words).
    fn comparison_op(&mut self) -> Option<CmpOp> {
        let (op, words) = match (self.tok(), self.peek_tok(1)) {
            (Tok::Op("=="), _) => (CmpOp::Eq, 1),
            (Tok::Op("!="), _) => (CmpOp::NotEq, 1),
            (Tok::Op("<"), _) => (CmpOp::Lt, 1),
            (Tok::Op("<="), _) => (CmpOp::LtE, 1),
            (Tok::Op(">"), _) => (CmpOp::Gt, 1),
            (Tok::Op(">="), _) => (CmpOp::GtE, 1),
            (Tok::Name(a), _) if a == "in" => (CmpOp::In, 1),
            (Tok::Name(a), Tok::Name(b)) if a == "not" && b == "in" => (CmpOp::NotIn, 2),
            (Tok::Name(a), Tok::Name(b)) if a == "is" && b == "not" => (CmpOp::IsNot, 2),
            (Tok::Name(a), _) if a == "is" => (CmpOp::Is, 1),
            _ => return None,
        };
        for _ in 0..words {
            self.advance();
        }
        Some(op)
    }

    pub(super) fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binary(0)
    }

    /// Precedence climbing over the binary operators binding at least as tightly as
    /// `min`; all are left-associative. Each level of the tree counts as nesting, so
    /// the tree stays shallow enough for the compiler to walk.
    fn binary(&mut self, min: u8) -> PResult<Expr> {
        let pos = self.pos();
        let mut left = self.factor()?;
        let mut levels = 0;
        while let Some((op, prec)) = binary_op(self.tok()).filter(|&(_, p)| p >= min) {
            self.advance();
            self.enter()?;
            levels += 1;
            let right = self.binary(prec + 1)?;
            let kind = ExprKind::BinOp {
                left: boxed(left),
                op,
                right: boxed(right),
            };
            left = Expr { pos, kind };
        }
        for _ in 0..levels {
            self.leave();
        }
        Ok(left)
    }

    /// Unary `-`, `+`, `~` (looser than `**`: `-2**2` is `-(2**2)`).
    fn factor(&mut self) -> PResult<Expr> {
        let op = match self.tok() {
            Tok::Op("-") => UnaryOp::Neg,
            Tok::Op("+") => UnaryOp::Pos,
            Tok::Op("~") => UnaryOp::Invert,
            _ => return self.power(),
        };
        let pos = self.pos();
        self.advance();
        let operand = boxed(self.nested(Self::factor)?);
        Ok(Expr {
            pos,
            kind: ExprKind::UnaryOp { op, operand },
        })
    }

    /// `base ** exponent`: right-associative, and the exponent may carry a sign
    /// (`2 ** -1`), so it is a whole factor.
    fn power(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        let base = self.await_primary()?;
        if !self.eat_op("**") {
            return Ok(base);
        }
        let exponent = self.nested(Self::factor)?;
        let kind = ExprKind::BinOp {
            left: boxed(base),
            op: BinOp::Pow,
            right: boxed(exponent),
        };
        Ok(Expr { pos, kind })
    }

    /// `await x` binds like a primary: `await x ** 2` is `(await x) ** 2`.
    fn await_primary(&mut self) -> PResult<Expr> {
        if !self.at_kw("await") {
            return self.primary();
        }
        let pos = self.pos();
        self.advance();
        let value = boxed(self.primary()?);
        Ok(Expr {
            pos,
            kind: ExprKind::Await(value),
        })
    }

    /// `yield`, `yield x, y` or `yield from x` (the `yield` is the current token).
    pub(super) fn yield_expr(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        self.advance();
        if self.eat_kw("from") {
            let value = boxed(self.expression()?);
            return Ok(Expr {
                pos,
                kind: ExprKind::YieldFrom(value),
            });
        }
        let value = if self.starts_expression() {
            Some(boxed(self.star_expressions()?))
        } else {
            None
        };
        Ok(Expr {
            pos,
            kind: ExprKind::Yield(value),
        })
    }

    /// The right of `=`: a `yield` or a (possibly starred) tuple.
    pub(super) fn yield_or_star_expressions(&mut self) -> PResult<Expr> {
        if self.at_kw("yield") {
            return self.yield_expr();
        }
        self.star_expressions()
    }

    /// Runs `rule` one nesting level deeper.
    pub(super) fn nested<T>(&mut self, rule: fn(&mut Self) -> PResult<T>) -> PResult<T> {
        self.enter()?;
        let result = rule(self);
        self.leave();
        result
    }
}
