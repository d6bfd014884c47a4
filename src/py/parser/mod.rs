//! A hand-written recursive-descent parser for the Python 3.12 that asyncio programs
//! use, producing [`super::ast`]'s tree.
//!
//! - `stmt.rs`: simple statements and the statement loop; `compound.rs`: blocks, `if`,
//!   `def`, `try`, ...; `targets.rs`: what may be assigned to or deleted.
//! - `expr.rs`: operators by precedence; `atom.rs`: primaries, displays, calls,
//!   comprehensions; `fstring.rs`: the inside of f-strings.
//!
//! Every node's position is where its first token starts (for `(a).b`, the `(`), as in
//! CPython; a parenthesized expression keeps its own position, and an unparenthesized
//! tuple starts at its first element. A decorated `def` or `class` statement starts at
//! its first `@`, while the `FunctionDef`/`ClassDef` itself starts at `def`, `async`
//! or `class`.
//!
//! Strings: adjacent literals are joined. An f-string is always `ExprKind::FString`,
//! even with no replacement fields (`f"hi"` is `[Literal("hi")]`, `f""` is `[]`);
//! plain strings next to one become its literal parts. `{x=}` gives
//! `debug: Some("x=")` (the text as written, spaces included) and `conversion: None`:
//! the compiler must print the debug text and then use `repr` unless a conversion or
//! a format spec is given, as CPython does. Constructs outside Looplab's language are refused with a message saying what
//! to write instead. Recursion is bounded: expressions nested deeper than
//! [`MAX_NESTING`] are refused (blocks are bounded by the lexer).

mod atom;
mod compound;
mod expr;
mod fstring;
mod stmt;
mod targets;

use super::ast::{Module, Pos, SyntaxError};
use super::lexer::{tokenize, Tok, Token};

/// How deeply expressions may nest (brackets, unary operators, lambdas, ...).
pub const MAX_NESTING: usize = 100;

/// Reads a whole program.
pub fn parse(src: &str) -> Result<Module, SyntaxError> {
    let mut p = Parser::new(tokenize(src)?, 0);
    let mut body = Vec::new();
    while p.tok() != &Tok::End {
        body.extend(p.statement()?);
    }
    Ok(Module { body })
}

type PResult<T> = Result<T, SyntaxError>;

fn fail<T>(pos: Pos, message: impl Into<String>) -> PResult<T> {
    Err(SyntaxError {
        pos,
        message: message.into(),
    })
}

/// Python's hard keywords: never names.
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

struct Parser {
    /// Always ends with `End`, and `i` never moves past it.
    toks: Vec<Token>,
    i: usize,
    /// Current expression nesting, shared with the parsers of f-string fields.
    depth: usize,
}

impl Parser {
    fn new(toks: Vec<Token>, depth: usize) -> Parser {
        Parser { toks, i: 0, depth }
    }

    fn tok(&self) -> &Tok {
        self.peek_tok(0)
    }

    fn peek_tok(&self, ahead: usize) -> &Tok {
        let last = self.toks.len().saturating_sub(1);
        self.toks
            .get((self.i + ahead).min(last))
            .map_or(&Tok::End, |t| &t.tok)
    }

    fn pos(&self) -> Pos {
        self.toks
            .get(self.i)
            .or(self.toks.last())
            .map_or(Pos::default(), |t| t.pos)
    }

    fn advance(&mut self) {
        if self.i + 1 < self.toks.len() {
            self.i += 1;
        }
    }

    fn at_op(&self, op: &str) -> bool {
        matches!(self.tok(), Tok::Op(o) if *o == op)
    }

    fn at_kw(&self, kw: &str) -> bool {
        matches!(self.tok(), Tok::Name(n) if n == kw)
    }

    fn eat_op(&mut self, op: &str) -> bool {
        let found = self.at_op(op);
        if found {
            self.advance();
        }
        found
    }

    fn eat_kw(&mut self, kw: &str) -> bool {
        let found = self.at_kw(kw);
        if found {
            self.advance();
        }
        found
    }

    fn expect_op(&mut self, op: &str) -> PResult<()> {
        if self.eat_op(op) {
            return Ok(());
        }
        if matches!(self.tok(), Tok::Indent | Tok::Dedent) {
            return Err(self.unexpected());
        }
        fail(self.pos(), format!("expected '{op}'"))
    }

    fn expect_kw(&mut self, kw: &str) -> PResult<()> {
        if self.eat_kw(kw) {
            return Ok(());
        }
        fail(self.pos(), format!("expected '{kw}'"))
    }

    /// An identifier that is not a keyword.
    fn name(&mut self) -> PResult<(String, Pos)> {
        let pos = self.pos();
        match self.tok() {
            Tok::Name(n) if !is_keyword(n) => {
                let n = n.clone();
                self.advance();
                Ok((n, pos))
            }
            Tok::Name(n) => fail(
                pos,
                format!("'{n}' is a keyword, so it cannot be used as a name"),
            ),
            _ => Err(self.unexpected()),
        }
    }

    /// The error for a token that cannot come here.
    fn unexpected(&self) -> SyntaxError {
        let message = match self.tok() {
            Tok::Indent => "unexpected indent",
            Tok::Dedent => "unexpected unindent",
            _ => "invalid syntax",
        };
        SyntaxError {
            pos: self.pos(),
            message: message.into(),
        }
    }

    /// Counts one level of expression nesting; pair with [`Parser::leave`]. An error
    /// may skip the `leave`: it ends the parse, or a backtrack restores `depth`.
    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return fail(
                self.pos(),
                format!("this expression is nested too deeply (more than {MAX_NESTING} levels): split it into steps with variables"),
            );
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }
}
