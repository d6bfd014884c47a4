//! The inside of an f-string: literal text (`{{` and `}}` stand for braces) and
//! replacement fields `{expr=!r:spec}`, where the spec is itself f-string text that may
//! hold fields (`{x:>{width}}`). A field's expression is lexed and parsed on its own,
//! with positions carried over from the program.

use super::super::ast::{FPart, Pos};
use super::super::lexer::{decode_escapes, tokenize_nested, FStr, Tok};
use super::atom::push_literal;
use super::{fail, PResult, Parser};

/// The f-string's characters, each with where it is in the program.
struct Reader {
    chars: Vec<(char, Pos)>,
    i: usize,
    /// Just past the last character.
    end: Pos,
    raw: bool,
}

impl Reader {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.i + ahead).map(|&(c, _)| c)
    }

    fn pos(&self) -> Pos {
        self.chars.get(self.i).map_or(self.end, |&(_, p)| p)
    }

    fn text(&self, from: usize) -> String {
        self.chars
            .get(from..self.i)
            .unwrap_or(&[])
            .iter()
            .map(|&(c, _)| c)
            .collect()
    }
}

impl Parser {
    /// Splits one f-string token into parts.
    pub(super) fn fstring(&mut self, f: &FStr) -> PResult<Vec<FPart>> {
        let mut pos = f.pos;
        let mut chars = Vec::new();
        for c in f.body.chars() {
            chars.push((c, pos));
            pos = if c == '\n' {
                Pos {
                    line: pos.line + 1,
                    col: 1,
                }
            } else {
                Pos {
                    col: pos.col + 1,
                    ..pos
                }
            };
        }
        let mut r = Reader {
            chars,
            i: 0,
            end: pos,
            raw: f.raw,
        };
        self.fstring_parts(&mut r, false)
    }

    /// Literal text and fields up to the end of the f-string, or (in a format spec) up
    /// to the `}` that closes the field, which is left for the caller.
    fn fstring_parts(&mut self, r: &mut Reader, in_spec: bool) -> PResult<Vec<FPart>> {
        let mut parts = Vec::new();
        let mut literal = String::new();
        let mut literal_pos = r.pos();
        loop {
            if literal.is_empty() {
                literal_pos = r.pos();
            }
            match (r.peek(0), r.peek(1)) {
                (None, _) if in_spec => return fail(r.end, "f-string: expecting '}'"),
                (None, _) => break,
                (Some('{'), Some('{')) | (Some('}'), Some('}')) => {
                    literal.push(r.peek(0).unwrap_or('{'));
                    r.i += 2;
                }
                (Some('{'), _) => {
                    self.flush(&mut parts, &mut literal, literal_pos, r.raw)?;
                    parts.push(self.nested_field(r)?);
                }
                (Some('}'), _) if in_spec => break,
                (Some('}'), _) => return fail(r.pos(), "f-string: single '}' is not allowed"),
                (Some('\\'), Some(next)) if !r.raw => {
                    // An escape is decoded with the rest of the literal; `\{` leaves
                    // the brace to start a field, as in Python.
                    if next == 'N' && r.peek(2) == Some('{') {
                        return fail(
                            r.pos(),
                            "\\N{...} escapes are not supported: write the character itself",
                        );
                    }
                    literal.push('\\');
                    r.i += 1;
                    if next != '{' && next != '}' {
                        literal.push(next);
                        r.i += 1;
                    }
                }
                (Some(c), _) => {
                    literal.push(c);
                    r.i += 1;
                }
            }
        }
        self.flush(&mut parts, &mut literal, literal_pos, r.raw)?;
        Ok(parts)
    }

    fn flush(
        &mut self,
        parts: &mut Vec<FPart>,
        literal: &mut String,
        pos: Pos,
        raw: bool,
    ) -> PResult<()> {
        let text = std::mem::take(literal);
        let text = if raw {
            text
        } else {
            decode_escapes(&text, pos)?
        };
        push_literal(parts, text);
        Ok(())
    }

    fn nested_field(&mut self, r: &mut Reader) -> PResult<FPart> {
        self.enter()?;
        let part = self.field(r);
        self.leave();
        part
    }

    /// A replacement field, from its `{` through its `}`.
    fn field(&mut self, r: &mut Reader) -> PResult<FPart> {
        r.i += 1;
        let start = r.i;
        let start_pos = r.pos();
        expression_end(r);
        let text = r.text(start);
        let Some(stop) = r.peek(0) else {
            return fail(r.end, "f-string: expecting '}'");
        };
        if text.trim().is_empty() {
            return fail(
                r.pos(),
                format!("f-string: valid expression required before '{stop}'"),
            );
        }
        let debug = if stop == '=' {
            r.i += 1;
            while r.peek(0).is_some_and(char::is_whitespace) {
                r.i += 1;
            }
            Some(r.text(start))
        } else {
            None
        };
        let mut conversion = None;
        if r.peek(0) == Some('!') {
            r.i += 1;
            match r.peek(0) {
                Some(c @ ('s' | 'r' | 'a')) => conversion = Some(c),
                Some(c) if c != '}' && c != ':' => {
                    return fail(
                        r.pos(),
                        format!(
                        "f-string: invalid conversion character '{c}': expected 's', 'r', or 'a'"
                    ),
                    )
                }
                _ => return fail(r.pos(), "f-string: missing conversion character"),
            }
            r.i += 1;
        }
        let spec = if r.peek(0) == Some(':') {
            r.i += 1;
            self.fstring_parts(r, true)?
        } else {
            Vec::new()
        };
        if r.peek(0) != Some('}') {
            return fail(r.pos(), "f-string: expecting '}'");
        }
        r.i += 1;
        let mut sub = Parser::new(tokenize_nested(&text, start_pos)?, self.depth);
        let value = if sub.at_kw("yield") {
            sub.yield_expr()?
        } else {
            sub.star_expressions()?
        };
        if sub.tok() != &Tok::End {
            return fail(sub.pos(), "f-string: invalid syntax");
        }
        Ok(FPart::Value {
            value: Box::new(value),
            conversion,
            spec,
            debug,
        })
    }
}

/// Moves to the end of a field's expression: the first `!`, `:`, `=` or `}` outside
/// brackets and strings that is not part of `!=`, `==`, `<=` or `>=`.
fn expression_end(r: &mut Reader) {
    let mut depth = 0usize;
    let mut quote: Option<(char, bool)> = None;
    loop {
        let Some(c) = r.peek(0) else { return };
        if let Some((q, triple)) = quote {
            if c == '\\' {
                r.i += 2;
                continue;
            }
            let closes = c == q && (!triple || (r.peek(1) == Some(q) && r.peek(2) == Some(q)));
            if closes {
                quote = None;
                r.i += if triple { 3 } else { 1 };
                continue;
            }
            r.i += 1;
            continue;
        }
        match (c, r.peek(1)) {
            ('\'' | '"', _) => {
                let triple = r.peek(1) == Some(c) && r.peek(2) == Some(c);
                quote = Some((c, triple));
                r.i += if triple { 3 } else { 1 };
                continue;
            }
            ('!' | '=' | '<' | '>', Some('=')) => {
                r.i += 2;
                continue;
            }
            ('(' | '[' | '{', _) => depth += 1,
            (')' | ']' | '}', _) if depth > 0 => depth -= 1,
            ('!' | ':' | '=' | '}', _) if depth == 0 => return,
            _ => {}
        }
        r.i += 1;
    }
}
