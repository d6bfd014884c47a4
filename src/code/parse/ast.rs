//! The syntax tree of the Python subset, before it means anything: statements and
//! expressions with their places in the source.

use super::error::Span;

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Name(String),
    Number(String),
    Str {
        value: String,
        formatted: bool,
    },
    Attribute(Box<Expr>, String),
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<(String, Expr)>,
    },
    Await(Box<Expr>),
    /// `-x`, `not x`, `a + b`, `a == b`, ...: parsed so they can be named in messages.
    Operator(&'static str, Vec<Expr>),
    /// `(a, b)`, `[a, b]`, `{...}`, `*args`, `x[i]`: parsed so they can be named.
    Other(&'static str),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    Expr(Expr),
    Assign(Expr, Expr),
    Pass,
    Return(Option<Expr>),
    Raise(Option<Expr>),
    Global,
    /// `yield value`: only in an async generator shaped like the prelude's `ticker`.
    Yield,
    Import,
    /// `async def` / `def`; `body` is `None` for the prelude's functions, skipped unread.
    Def {
        is_async: bool,
        name: String,
        params: Vec<String>,
        body: Option<Vec<Stmt>>,
    },
    Class {
        name: String,
        bases: Vec<Expr>,
    },
    For {
        is_async: bool,
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
    },
    With {
        is_async: bool,
        item: Expr,
        body: Vec<Stmt>,
    },
    Try {
        body: Vec<Stmt>,
        handlers: Vec<Handler>,
    },
    If {
        test: Expr,
        body: Vec<Stmt>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Handler {
    /// `None` for a bare `except:`.
    pub error: Option<Expr>,
    pub body: Vec<Stmt>,
    pub span: Span,
}
