//! Primaries (`a.b`, `a(b)`, `a[b]`) and atoms: names, constants, strings, and the
//! bracketed forms (groups, tuples, lists, dicts, sets, comprehensions).

use super::super::ast::{Comprehension, Constant, Expr, ExprKind, FPart, Keyword, Pos};
use super::super::lexer::Tok;
use super::{fail, is_keyword, PResult, Parser};

/// `[*a for a in b]`, `f(*a for a in b)`: CPython's words for the mistake.
const UNPACKING_IN_COMPREHENSION: &str = "iterable unpacking cannot be used in comprehension";

/// A call's arguments, as `ast::Call` holds them.
pub(super) type Arguments = (Vec<Expr>, Vec<Keyword>);

fn boxed(e: Expr) -> Box<Expr> {
    Box::new(e)
}

impl Parser {
    /// An atom followed by any number of `.name`, `(args)` and `[index]`; each node
    /// starts where the atom does.
    pub(super) fn primary(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        let mut e = self.atom()?;
        let mut levels = 0;
        loop {
            let kind = if self.eat_op(".") {
                let (attr, _) = self.name()?;
                ExprKind::Attribute {
                    value: boxed(e),
                    attr,
                }
            } else if self.at_op("(") {
                let (args, keywords) = self.nested(Self::call_arguments)?;
                ExprKind::Call {
                    func: boxed(e),
                    args,
                    keywords,
                }
            } else if self.at_op("[") {
                let index = boxed(self.nested(Self::subscript)?);
                ExprKind::Subscript {
                    value: boxed(e),
                    index,
                }
            } else {
                break;
            };
            // A chain builds a deep tree: count it like nesting.
            self.enter()?;
            levels += 1;
            e = Expr { pos, kind };
        }
        for _ in 0..levels {
            self.leave();
        }
        Ok(e)
    }

    fn atom(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        let kind = match self.tok() {
            Tok::Name(n) => match n.as_str() {
                "None" => ExprKind::Constant(Constant::None),
                "True" => ExprKind::Constant(Constant::Bool(true)),
                "False" => ExprKind::Constant(Constant::Bool(false)),
                n if is_keyword(n) => return Err(self.unexpected()),
                n => ExprKind::Name(n.to_string()),
            },
            Tok::Int(i) => ExprKind::Constant(Constant::Int(*i)),
            Tok::Float(f) => ExprKind::Constant(Constant::Float(*f)),
            Tok::Op("...") => ExprKind::Constant(Constant::Ellipsis),
            Tok::Str(_) | Tok::FStr(_) => return self.strings(),
            Tok::Op("(") => return self.nested(Self::group),
            Tok::Op("[") => return self.nested(Self::list),
            Tok::Op("{") => return self.nested(Self::dict_or_set),
            _ => return Err(self.unexpected()),
        };
        self.advance();
        Ok(Expr { pos, kind })
    }

    /// Adjacent string literals, joined. Any f-string among them makes the whole an
    /// `FString` (plain strings become literal parts); an f-string is an `FString`
    /// even with no replacement fields.
    fn strings(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        let mut parts = Vec::new();
        let mut formatted = false;
        loop {
            match self.tok().clone() {
                Tok::Str(s) => push_literal(&mut parts, s),
                Tok::FStr(f) => {
                    formatted = true;
                    for part in self.fstring(&f)? {
                        match part {
                            FPart::Literal(s) => push_literal(&mut parts, s),
                            value => parts.push(value),
                        }
                    }
                }
                _ => break,
            }
            self.advance();
        }
        if formatted {
            return Ok(Expr {
                pos,
                kind: ExprKind::FString(parts),
            });
        }
        let text = match parts.pop() {
            Some(FPart::Literal(s)) => s,
            _ => String::new(),
        };
        Ok(Expr {
            pos,
            kind: ExprKind::Constant(Constant::Str(text)),
        })
    }

    /// After `(`: `()`, `(x)`, `(x,)`, `(x, y)`, `(yield)` or a generator expression.
    fn group(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        self.advance();
        if self.eat_op(")") {
            return Ok(Expr {
                pos,
                kind: ExprKind::Tuple(Vec::new()),
            });
        }
        if self.at_kw("yield") {
            let e = self.yield_expr()?;
            self.close(")", e.pos)?;
            return Ok(e);
        }
        let first = self.star_named_expression()?;
        if self.at_comprehension() {
            let generators = self.comprehension(&first)?;
            self.close(")", first.pos)?;
            let kind = ExprKind::GeneratorExp {
                elt: boxed(first),
                generators,
            };
            return Ok(Expr { pos, kind });
        }
        if !self.at_op(",") {
            self.close(")", first.pos)?;
            if matches!(first.kind, ExprKind::Starred(_)) {
                return fail(first.pos, "cannot use starred expression here");
            }
            return Ok(first);
        }
        let elts = self.elements(first, ")")?;
        Ok(Expr {
            pos,
            kind: ExprKind::Tuple(elts),
        })
    }

    /// The rest of a comma-separated display after its first element, through `close`.
    fn elements(&mut self, first: Expr, close: &str) -> PResult<Vec<Expr>> {
        let mut last = first.pos;
        let mut elts = vec![first];
        while self.eat_op(",") && !self.at_op(close) {
            let e = self.star_named_expression()?;
            last = e.pos;
            elts.push(e);
        }
        self.close(close, last)?;
        Ok(elts)
    }

    /// Takes the closing bracket; when an expression follows instead, the likely
    /// mistake is a missing comma after the element at `last`.
    fn close(&mut self, close: &str, last: Pos) -> PResult<()> {
        if self.eat_op(close) {
            return Ok(());
        }
        if self.starts_expression() {
            return fail(last, "invalid syntax. Perhaps you forgot a comma?");
        }
        Err(self.unexpected())
    }

    /// After `[`: a list or a list comprehension.
    fn list(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        self.advance();
        if self.eat_op("]") {
            return Ok(Expr {
                pos,
                kind: ExprKind::List(Vec::new()),
            });
        }
        let first = self.star_named_expression()?;
        if self.at_comprehension() {
            let generators = self.comprehension(&first)?;
            self.close("]", first.pos)?;
            return Ok(Expr {
                pos,
                kind: ExprKind::ListComp {
                    elt: boxed(first),
                    generators,
                },
            });
        }
        let elts = self.elements(first, "]")?;
        Ok(Expr {
            pos,
            kind: ExprKind::List(elts),
        })
    }

    /// After `{`: a dict, a set, or either's comprehension (`{}` is a dict).
    fn dict_or_set(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        self.advance();
        if self.eat_op("}") {
            return Ok(Expr {
                pos,
                kind: ExprKind::Dict(Vec::new()),
            });
        }
        let first = if self.at_op("**") {
            self.advance();
            (None, self.bitwise_or()?)
        } else {
            let e = self.star_named_expression()?;
            if !self.eat_op(":") {
                // A set.
                if self.at_comprehension() {
                    let generators = self.comprehension(&e)?;
                    self.close("}", e.pos)?;
                    let kind = ExprKind::SetComp {
                        elt: boxed(e),
                        generators,
                    };
                    return Ok(Expr { pos, kind });
                }
                let elts = self.elements(e, "}")?;
                return Ok(Expr {
                    pos,
                    kind: ExprKind::Set(elts),
                });
            }
            (Some(e), self.expression()?)
        };
        let first = match first {
            (Some(key), value) if self.at_comprehension() => {
                let generators = self.comprehension(&key)?;
                self.close("}", value.pos)?;
                let kind = ExprKind::DictComp {
                    key: boxed(key),
                    value: boxed(value),
                    generators,
                };
                return Ok(Expr { pos, kind });
            }
            first => first,
        };
        let mut last = first.1.pos;
        let mut items = vec![first];
        while self.eat_op(",") && !self.at_op("}") {
            let item = if self.eat_op("**") {
                (None, self.bitwise_or()?)
            } else {
                let key = self.expression()?;
                self.expect_op(":")?;
                (Some(key), self.expression()?)
            };
            last = item.1.pos;
            items.push(item);
        }
        self.close("}", last)?;
        Ok(Expr {
            pos,
            kind: ExprKind::Dict(items),
        })
    }

    fn at_comprehension(&self) -> bool {
        self.at_kw("for")
            || (self.at_kw("async") && matches!(self.peek_tok(1), Tok::Name(n) if n == "for"))
    }

    /// One or more `[async] for target in iter [if cond]...` clauses after `elt`.
    fn comprehension(&mut self, elt: &Expr) -> PResult<Vec<Comprehension>> {
        if matches!(elt.kind, ExprKind::Starred(_)) {
            return fail(elt.pos, UNPACKING_IN_COMPREHENSION);
        }
        let mut generators = Vec::new();
        while self.at_comprehension() {
            let is_async = self.eat_kw("async");
            self.advance();
            let target = self.target_list()?;
            self.expect_kw("in")?;
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat_kw("if") {
                ifs.push(self.disjunction()?);
            }
            generators.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        Ok(generators)
    }

    /// After a callee (or a class name): `(a, *b, c=1, **d)`. A generator expression
    /// may be the sole argument without its own parentheses: `sum(x for x in y)`.
    pub(super) fn call_arguments(&mut self) -> PResult<Arguments> {
        let open = self.pos();
        self.advance();
        let (mut args, mut keywords) = (Vec::new(), Vec::<Keyword>::new());
        let mut last = open;
        while !self.at_op(")") {
            let pos = self.pos();
            last = pos;
            if self.at_op("*") {
                if keywords.iter().any(|k| k.name.is_none()) {
                    return fail(
                        pos,
                        "iterable argument unpacking follows keyword argument unpacking",
                    );
                }
                args.push(self.starred()?);
                // Only as the first argument: after others CPython words it otherwise.
                if args.len() == 1 && keywords.is_empty() && self.at_comprehension() {
                    return fail(pos, UNPACKING_IN_COMPREHENSION);
                }
            } else if self.eat_op("**") {
                let value = self.expression()?;
                keywords.push(Keyword {
                    pos,
                    name: None,
                    value,
                });
            } else if matches!((self.tok(), self.peek_tok(1)), (Tok::Name(_), Tok::Op("="))) {
                let (name, _) = self.name()?;
                self.advance();
                if keywords.iter().any(|k| k.name.as_ref() == Some(&name)) {
                    return fail(pos, format!("keyword argument repeated: {name}"));
                }
                let value = self.expression()?;
                keywords.push(Keyword {
                    pos,
                    name: Some(name),
                    value,
                });
            } else {
                let e = self.named_expression()?;
                if self.at_op("=") {
                    return fail(
                        pos,
                        "expression cannot contain assignment, perhaps you meant \"==\"?",
                    );
                }
                if self.at_comprehension() {
                    let generators = self.comprehension(&e)?;
                    if !args.is_empty() || !keywords.is_empty() || !self.at_op(")") {
                        return fail(e.pos, "Generator expression must be parenthesized");
                    }
                    let kind = ExprKind::GeneratorExp {
                        elt: boxed(e),
                        generators,
                    };
                    args.push(Expr { pos: open, kind });
                    break;
                }
                if keywords.iter().any(|k| k.name.is_none()) {
                    return fail(
                        pos,
                        "positional argument follows keyword argument unpacking",
                    );
                }
                if !keywords.is_empty() {
                    return fail(pos, "positional argument follows keyword argument");
                }
                args.push(e);
            }
            if !self.eat_op(",") {
                break;
            }
        }
        self.close(")", last)?;
        Ok((args, keywords))
    }

    /// After a value: `[i]`, `[a:b:c]`, or `[a:b, c]` (a tuple).
    fn subscript(&mut self) -> PResult<Expr> {
        self.advance();
        let pos = self.pos();
        let first = self.slice()?;
        if !self.at_op(",") {
            self.close("]", first.pos)?;
            return Ok(first);
        }
        let mut last = first.pos;
        let mut elts = vec![first];
        while self.eat_op(",") && !self.at_op("]") {
            let e = self.slice()?;
            last = e.pos;
            elts.push(e);
        }
        self.close("]", last)?;
        Ok(Expr {
            pos,
            kind: ExprKind::Tuple(elts),
        })
    }

    /// `a`, `*a`, or a slice `lower:upper:step` with any part left out.
    fn slice(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        if self.at_op("*") {
            return self.starred();
        }
        let lower = if self.at_op(":") {
            None
        } else {
            Some(self.named_expression()?)
        };
        if !self.eat_op(":") {
            return lower.ok_or_else(|| self.unexpected());
        }
        let part = |p: &mut Self| -> PResult<Option<Box<Expr>>> {
            if p.at_op(":") || p.at_op(",") || p.at_op("]") {
                return Ok(None);
            }
            Ok(Some(boxed(p.expression()?)))
        };
        let upper = part(self)?;
        let step = if self.eat_op(":") { part(self)? } else { None };
        let kind = ExprKind::Slice {
            lower: lower.map(boxed),
            upper,
            step,
        };
        Ok(Expr { pos, kind })
    }
}

/// Appends literal text, merging it into a literal just before (empty text adds nothing).
pub(super) fn push_literal(parts: &mut Vec<FPart>, text: String) {
    if text.is_empty() {
        return;
    }
    if let Some(FPart::Literal(last)) = parts.last_mut() {
        last.push_str(&text);
    } else {
        parts.push(FPart::Literal(text));
    }
}
