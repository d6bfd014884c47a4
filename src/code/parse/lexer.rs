//! Python's tokens for the subset Looplab reads: names, numbers, strings, operators,
//! and the `NEWLINE` / `INDENT` / `DEDENT` tokens that make indentation structure.
//!
//! Follows Python's rules where they matter here: newlines inside brackets do not end a
//! statement, a backslash joins lines, comments and blank lines are skipped.

use super::error::{ParseError, Span};
use crate::py::lexer::OPS;

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Name(String),
    /// A number as written (`0.5`, `3`, `1e-3`).
    Number(String),
    /// A string literal's value (escapes decoded; f-strings keep their text).
    Str {
        value: String,
        formatted: bool,
    },
    Op(&'static str),
    Newline,
    Indent,
    Dedent,
    End,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub span: Span,
}

/// How deep blocks may nest before the program is refused (keeps recursion bounded).
const MAX_INDENTS: usize = 100;

struct Lexer<'a> {
    src: &'a str,
    chars: Vec<(usize, char)>,
    i: usize,
    line: usize,
    line_start: usize,
    depth: usize,
    indents: Vec<usize>,
    out: Vec<Token>,
}

/// Splits `src` into tokens, ending with `End`.
pub fn tokenize(src: &str) -> Result<Vec<Token>, ParseError> {
    let mut lx = Lexer {
        src,
        chars: src.char_indices().collect(),
        i: 0,
        line: 1,
        line_start: 0,
        depth: 0,
        indents: vec![0],
        out: Vec::new(),
    };
    lx.run()?;
    Ok(lx.out)
}

impl Lexer<'_> {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.i + ahead).map(|&(_, c)| c)
    }

    fn offset(&self) -> usize {
        self.chars.get(self.i).map_or(self.src.len(), |&(o, _)| o)
    }

    fn column(&self) -> usize {
        self.i - self.line_start + 1
    }

    fn span_from(&self, start_i: usize, start_line: usize, start_col: usize) -> Span {
        let start = self.chars.get(start_i).map_or(self.src.len(), |&(o, _)| o);
        let end_column = if self.line == start_line {
            self.column()
        } else {
            start_col + 1
        };
        Span {
            line: start_line,
            column: start_col,
            end_column,
            start,
            end: self.offset(),
        }
    }

    fn here(&self, width: usize) -> Span {
        let start = self.offset();
        Span {
            line: self.line,
            column: self.column(),
            end_column: self.column() + width,
            start,
            end: start,
        }
    }

    fn push(&mut self, tok: Tok, span: Span) {
        self.out.push(Token { tok, span });
    }

    fn newline(&mut self) {
        self.i += 1;
        self.line += 1;
        self.line_start = self.i;
    }

    fn run(&mut self) -> Result<(), ParseError> {
        let mut at_line_start = true;
        loop {
            if at_line_start && self.depth == 0 {
                at_line_start = !self.indentation()?;
                if at_line_start {
                    continue;
                }
            }
            let Some(c) = self.peek(0) else { break };
            match c {
                '\n' => {
                    if self.depth == 0 {
                        let span = self.here(1);
                        self.push(Tok::Newline, span);
                        at_line_start = true;
                    }
                    self.newline();
                }
                ' ' | '\t' | '\x0c' | '\r' => self.i += 1,
                '#' => {
                    while self.peek(0).is_some_and(|c| c != '\n') {
                        self.i += 1;
                    }
                }
                '\\' if self.peek(1) == Some('\n') => {
                    self.i += 1;
                    self.newline();
                }
                c if c.is_ascii_digit()
                    || (c == '.' && self.peek(1).is_some_and(|d| d.is_ascii_digit())) =>
                {
                    self.number()
                }
                c if c.is_alphabetic() || c == '_' => self.name_or_string()?,
                '"' | '\'' => self.string(String::new())?,
                _ => self.operator(c)?,
            }
        }
        let span = self.here(1);
        if self.out.last().is_some_and(|t| t.tok != Tok::Newline) {
            self.push(Tok::Newline, span);
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push(Tok::Dedent, span);
        }
        self.push(Tok::End, span);
        Ok(())
    }

    /// Reads a line's indentation and emits INDENT/DEDENT; false for a blank line.
    fn indentation(&mut self) -> Result<bool, ParseError> {
        let mut width = 0;
        loop {
            match self.peek(0) {
                Some(' ') => width += 1,
                Some('\t') => {
                    return Err(ParseError::new(
                        self.here(1),
                        "this line is indented with a tab; indent with spaces (4 per level)",
                    ))
                }
                Some('\x0c') | Some('\r') => {}
                _ => break,
            }
            self.i += 1;
        }
        match self.peek(0) {
            None => return Ok(true),
            Some('\n') => {
                self.newline();
                return Ok(false);
            }
            Some('#') => {
                while self.peek(0).is_some_and(|c| c != '\n') {
                    self.i += 1;
                }
                if self.peek(0).is_some() {
                    self.newline();
                }
                return Ok(false);
            }
            _ => {}
        }
        let current = *self.indents.last().unwrap_or(&0);
        let span = self.here(1);
        if width > current {
            if self.indents.len() > MAX_INDENTS {
                return Err(ParseError::new(span, "blocks are nested too deeply"));
            }
            self.indents.push(width);
            self.push(Tok::Indent, span);
        } else {
            while width < *self.indents.last().unwrap_or(&0) {
                self.indents.pop();
                self.push(Tok::Dedent, span);
            }
            if width != *self.indents.last().unwrap_or(&0) {
                return Err(ParseError::new(
                    span,
                    "this line's indentation does not match any outer block; line it up with the block it belongs to",
                ));
            }
        }
        Ok(true)
    }

    fn number(&mut self) {
        let (i, line, col) = (self.i, self.line, self.column());
        let start = self.offset();
        while let Some(c) = self.peek(0) {
            let exponent_sign = (c == '+' || c == '-')
                && self.i > i
                && matches!(self.chars[self.i - 1].1, 'e' | 'E')
                && !self.src[start..self.offset()].starts_with("0x");
            if c.is_alphanumeric() || c == '_' || c == '.' || exponent_sign {
                self.i += 1;
            } else {
                break;
            }
        }
        let text = self.src[start..self.offset()].to_string();
        let span = self.span_from(i, line, col);
        self.push(Tok::Number(text), span);
    }

    fn name_or_string(&mut self) -> Result<(), ParseError> {
        let (i, line, col) = (self.i, self.line, self.column());
        let start = self.offset();
        while self
            .peek(0)
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
        {
            self.i += 1;
        }
        let text = &self.src[start..self.offset()];
        let is_prefix = matches!(
            text.to_ascii_lowercase().as_str(),
            "r" | "u" | "f" | "b" | "rb" | "br" | "fr" | "rf"
        );
        if is_prefix && matches!(self.peek(0), Some('"') | Some('\'')) {
            let prefix = text.to_ascii_lowercase();
            self.i = i;
            self.i += prefix.chars().count();
            return self.string_at(prefix, i, line, col);
        }
        let span = self.span_from(i, line, col);
        self.push(Tok::Name(text.to_string()), span);
        Ok(())
    }

    fn string(&mut self, prefix: String) -> Result<(), ParseError> {
        let (i, line, col) = (self.i, self.line, self.column());
        self.string_at(prefix, i, line, col)
    }

    fn string_at(
        &mut self,
        prefix: String,
        i: usize,
        line: usize,
        col: usize,
    ) -> Result<(), ParseError> {
        let quote = self.peek(0).unwrap_or('"');
        let triple = self.peek(1) == Some(quote) && self.peek(2) == Some(quote);
        self.i += if triple { 3 } else { 1 };
        let raw = prefix.contains('r');
        let formatted = prefix.contains('f');
        let mut value = String::new();
        loop {
            let Some(c) = self.peek(0) else {
                return Err(self.unclosed(i, line, col, quote, triple));
            };
            if c == quote
                && (!triple || (self.peek(1) == Some(quote) && self.peek(2) == Some(quote)))
            {
                self.i += if triple { 3 } else { 1 };
                break;
            }
            if c == '\n' {
                if !triple {
                    return Err(self.unclosed(i, line, col, quote, triple));
                }
                value.push('\n');
                self.newline();
                continue;
            }
            self.i += 1;
            if c != '\\' {
                value.push(c);
                continue;
            }
            let Some(e) = self.peek(0) else { continue };
            if raw || formatted {
                value.push('\\');
                if e != '\n' {
                    value.push(e);
                    self.i += 1;
                    continue;
                }
            }
            self.escape(e, &mut value)?;
        }
        let span = self.span_from(i, line, col);
        self.push(Tok::Str { value, formatted }, span);
        Ok(())
    }

    fn unclosed(&self, i: usize, line: usize, col: usize, quote: char, triple: bool) -> ParseError {
        let mut span = self.span_from(i, line, col);
        span.end_column = span.column + 1;
        let close = if triple {
            format!("{quote}{quote}{quote}")
        } else {
            quote.to_string()
        };
        let place = if triple {
            "before the end of the program"
        } else {
            "on the same line"
        };
        ParseError::new(
            span,
            format!("this string is never closed; add a closing `{close}` {place}"),
        )
    }

    /// Decodes the escape whose first character (after the backslash) is `e`.
    fn escape(&mut self, e: char, value: &mut String) -> Result<(), ParseError> {
        let simple = match e {
            '\n' => {
                self.newline();
                return Ok(());
            }
            'n' => Some('\n'),
            't' => Some('\t'),
            'r' => Some('\r'),
            'a' => Some('\x07'),
            'b' => Some('\x08'),
            'f' => Some('\x0c'),
            'v' => Some('\x0b'),
            '\\' | '\'' | '"' => Some(e),
            _ => None,
        };
        if let Some(c) = simple {
            self.i += 1;
            value.push(c);
            return Ok(());
        }
        let (digits, radix, max) = match e {
            'x' => (2, 16, 2),
            'u' => (4, 16, 4),
            'U' => (8, 16, 8),
            '0'..='7' => (1, 8, 3),
            _ => {
                value.push('\\');
                return Ok(());
            }
        };
        let span = self.here(2);
        if radix == 16 {
            self.i += 1;
        }
        let mut code: u32 = 0;
        let mut n = 0;
        while n < max {
            match self.peek(0).and_then(|c| c.to_digit(radix)) {
                Some(d) => {
                    code = code * radix + d;
                    n += 1;
                    self.i += 1;
                }
                None => break,
            }
        }
        match char::from_u32(code) {
            Some(c) if n >= digits => {
                value.push(c);
                Ok(())
            }
            _ => Err(ParseError::new(
                span,
                format!("this \\{e} escape is incomplete or not a character"),
            )),
        }
    }

    fn operator(&mut self, c: char) -> Result<(), ParseError> {
        let rest = &self.src[self.offset()..];
        let Some(op) = OPS.iter().find(|op| rest.starts_with(**op)) else {
            return Err(ParseError::new(
                self.here(1),
                format!("`{c}` is not allowed here"),
            ));
        };
        let (i, line, col) = (self.i, self.line, self.column());
        self.i += op.chars().count();
        match *op {
            "(" | "[" | "{" => self.depth += 1,
            ")" | "]" | "}" => self.depth = self.depth.saturating_sub(1),
            _ => {}
        }
        let span = self.span_from(i, line, col);
        self.push(Tok::Op(op), span);
        Ok(())
    }
}
