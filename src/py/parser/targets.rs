//! What may be assigned to, augmented, annotated or deleted, with CPython's messages for
//! what may not (`f() = 1`: "cannot assign to function call ...").

use super::super::ast::{Constant, Expr, ExprKind};
use super::{fail, PResult, Parser};

/// Where a target appears, which words the error message uses.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Store {
    /// The left of `=`: a mistake there is often `=` written for `==`.
    Assign,
    /// After `for`, or `as` in `with`.
    Bind,
    Delete,
}

/// How CPython names an expression that cannot be a target.
pub(super) fn describe(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Name(_) => "name",
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::List(_) => "list",
        ExprKind::Starred(_) => "starred",
        ExprKind::Call { .. } => "function call",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::Bool(true)) => "True",
        ExprKind::Constant(Constant::Bool(false)) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Await(_) => "await expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::Slice { .. }
        | ExprKind::BinOp { .. }
        | ExprKind::UnaryOp { .. }
        | ExprKind::BoolOp { .. } => "expression",
    }
}

/// Checks that `e` can be stored to (or deleted): a name, attribute, subscript, or a
/// tuple or list of those with at most one starred element.
pub(super) fn check_target(e: &Expr, store: Store) -> PResult<()> {
    check(e, store, true)
}

fn check(e: &Expr, store: Store, top: bool) -> PResult<()> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
        ExprKind::Tuple(elts) | ExprKind::List(elts) => {
            let starred = elts
                .iter()
                .filter(|e| matches!(e.kind, ExprKind::Starred(_)));
            if let (Some(second), true) = (starred.clone().nth(1), store != Store::Delete) {
                return fail(second.pos, "multiple starred expressions in assignment");
            }
            elts.iter().try_for_each(|e| check(e, store, false))
        }
        ExprKind::Starred(inner) if store != Store::Delete => {
            if top {
                return fail(
                    e.pos,
                    "starred assignment target must be in a list or tuple",
                );
            }
            if matches!(inner.kind, ExprKind::Starred(_)) {
                return fail(inner.pos, "cannot use starred expression here");
            }
            check(inner, store, false)
        }
        _ => {
            let what = describe(e);
            let message = match store {
                Store::Delete => format!("cannot delete {what}"),
                Store::Assign if top => {
                    format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?")
                }
                _ => format!("cannot assign to {what}"),
            };
            fail(e.pos, message)
        }
    }
}

/// The target of `x += 1`: a single name, attribute or subscript.
pub(super) fn check_augmented(e: &Expr) -> PResult<()> {
    match e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
        _ => fail(
            e.pos,
            format!(
                "'{}' is an illegal expression for augmented assignment",
                describe(e)
            ),
        ),
    }
}

/// The target of `x: int = 1`: a single name, attribute or subscript.
pub(super) fn check_annotated(e: &Expr) -> PResult<()> {
    match e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
        ExprKind::Tuple(_) => fail(e.pos, "only single target (not tuple) can be annotated"),
        ExprKind::List(_) => fail(e.pos, "only single target (not list) can be annotated"),
        _ => fail(e.pos, "illegal target for annotation"),
    }
}

impl Parser {
    /// The targets after `for` (in a loop or a comprehension): `x`, `a, b`, `a, *rest`.
    /// Elements bind like `|`, so the `in` after them is not read as an operator.
    pub(super) fn target_list(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        let first = self.target_element()?;
        let target = if self.at_op(",") {
            let mut elts = vec![first];
            while self.eat_op(",") && self.starts_expression() {
                elts.push(self.target_element()?);
            }
            Expr {
                pos,
                kind: ExprKind::Tuple(elts),
            }
        } else {
            first
        };
        check_target(&target, Store::Bind)?;
        Ok(target)
    }

    /// One target, as after `as` in `with a as b, c as d`.
    pub(super) fn target(&mut self) -> PResult<Expr> {
        let target = self.bitwise_or()?;
        check_target(&target, Store::Bind)?;
        Ok(target)
    }

    /// One element of a target list: `*rest`, or an expression that binds like `|`.
    pub(super) fn target_element(&mut self) -> PResult<Expr> {
        if self.at_op("*") {
            return self.starred();
        }
        self.bitwise_or()
    }
}
