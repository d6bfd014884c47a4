//! Python's tokens: names, numbers, strings, operators, and the `NEWLINE` / `INDENT` /
//! `DEDENT` tokens that carry the indentation structure.
//!
//! Follows CPython's tokenizer where it matters: newlines inside brackets do not end a
//! statement, a backslash joins lines, comments and blank lines make no tokens, a tab
//! advances to the next multiple of 8 and indentation that only lines up under one tab
//! size is a `TabError`. Keywords are plain `Name`s: the parser tells them apart, which
//! keeps the soft keywords (`match`, `type`) usable as names.

use super::ast::{Pos, SyntaxError};

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Name(String),
    Int(i64),
    Float(f64),
    /// A plain string literal, escapes decoded.
    Str(String),
    /// An f-string, left as written for the parser to split into parts.
    FStr(FStr),
    Op(&'static str),
    Newline,
    Indent,
    Dedent,
    End,
}

/// An f-string's text between its quotes.
#[derive(Clone, Debug, PartialEq)]
pub struct FStr {
    /// The characters between the quotes, exactly as in the source.
    pub body: String,
    /// `rf"..."`: backslashes in the literal parts stay as written.
    pub raw: bool,
    /// Where `body` starts (just after the opening quote).
    pub pos: Pos,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub pos: Pos,
}

/// Python's operators and delimiters, longest first, so that `**=` wins over `**` and
/// `*` (the step language's lexer, `code::parse`, reads the same ones).
pub const OPS: &[&str] = &[
    "**=", "//=", ">>=", "<<=", "...", "==", "!=", "<=", ">=", "->", "**", "//", "+=", "-=", "*=",
    "/=", "%=", "&=", "|=", "^=", "@=", ":=", "<<", ">>", "(", ")", "[", "]", "{", "}", ",", ":",
    ".", ";", "=", "+", "-", "*", "/", "%", "<", ">", "@", "&", "|", "^", "~",
];

/// How deep blocks may nest (the parser recurses once per block).
pub const MAX_BLOCK_DEPTH: usize = 100;

/// How deeply strings may nest inside f-string fields (the lexer recurses per level).
const MAX_STRING_NESTING: usize = 20;

/// CPython's tab stop.
const TAB_SIZE: usize = 8;

fn error<T>(pos: Pos, message: impl Into<String>) -> Result<T, SyntaxError> {
    Err(SyntaxError {
        pos,
        message: message.into(),
    })
}

/// Splits a whole program into tokens, ending with `End`.
pub fn tokenize(src: &str) -> Result<Vec<Token>, SyntaxError> {
    Lexer::new(src, Pos { line: 1, col: 1 }, false).run()
}

/// Splits the expression of an f-string replacement field, which starts at `start` in
/// the program. It behaves as if inside brackets: no `NEWLINE`, no indentation.
pub fn tokenize_nested(src: &str, start: Pos) -> Result<Vec<Token>, SyntaxError> {
    Lexer::new(src, start, true).run()
}

struct Lexer {
    chars: Vec<char>,
    i: usize,
    line: u32,
    col: u32,
    /// Open brackets, innermost last, with where each opened.
    brackets: Vec<(char, Pos)>,
    /// Indentation of each open block, under tab size 8 and under tab size 1.
    indents: Vec<(usize, usize)>,
    /// An f-string field: never emits `NEWLINE` or indentation tokens.
    nested: bool,
    out: Vec<Token>,
}

impl Lexer {
    fn new(src: &str, start: Pos, nested: bool) -> Lexer {
        Lexer {
            chars: src.chars().collect(),
            i: 0,
            line: start.line,
            col: start.col,
            brackets: Vec::new(),
            indents: vec![(0, 0)],
            nested,
            out: Vec::new(),
        }
    }

    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.i + ahead).copied()
    }

    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            col: self.col,
        }
    }

    /// Moves past one character, counting lines (`\r\n` and a lone `\r` end a line too).
    fn bump(&mut self) {
        let Some(c) = self.peek(0) else { return };
        self.i += 1;
        if c == '\n' || (c == '\r' && self.peek(0) != Some('\n')) {
            self.line += 1;
            self.col = 1;
        } else if c != '\r' {
            self.col += 1;
        }
    }

    fn push(&mut self, tok: Tok, pos: Pos) {
        self.out.push(Token { tok, pos });
    }

    fn run(mut self) -> Result<Vec<Token>, SyntaxError> {
        let mut at_line_start = !self.nested;
        loop {
            if at_line_start && self.brackets.is_empty() {
                if !self.indentation()? {
                    continue;
                }
                at_line_start = false;
            }
            let Some(c) = self.peek(0) else { break };
            let pos = self.pos();
            match c {
                '\n' | '\r' => {
                    if self.brackets.is_empty() && !self.nested {
                        self.push(Tok::Newline, pos);
                        at_line_start = true;
                    }
                    if c == '\r' && self.peek(1) == Some('\n') {
                        self.bump();
                    }
                    self.bump();
                }
                ' ' | '\t' | '\x0c' => self.bump(),
                '#' => self.skip_comment(),
                '\\' => {
                    self.bump();
                    match self.peek(0) {
                        Some('\n') | Some('\r') => self.bump(),
                        None => return error(pos, "unexpected end of program after '\\'"),
                        Some(_) => {
                            return error(
                                pos,
                                "unexpected character after line continuation character",
                            )
                        }
                    }
                }
                '0'..='9' => self.number()?,
                '.' if self.peek(1).is_some_and(|d| d.is_ascii_digit()) => self.number()?,
                '"' | '\'' => self.string(pos, "")?,
                c if c == '_' || c.is_alphabetic() => self.name_or_string()?,
                _ => self.operator(c)?,
            }
        }
        if let Some(&(open, pos)) = self.brackets.last() {
            let close = closer(open);
            return error(pos, format!("this {open} is never closed; add {close}"));
        }
        let pos = self.pos();
        if !self.nested {
            let needs_newline = self.out.last().is_some_and(|t| t.tok != Tok::Newline);
            if needs_newline {
                self.push(Tok::Newline, pos);
            }
            for _ in 1..self.indents.len() {
                self.push(Tok::Dedent, pos);
            }
        }
        self.push(Tok::End, pos);
        Ok(self.out)
    }

    fn skip_comment(&mut self) {
        while self.peek(0).is_some_and(|c| c != '\n' && c != '\r') {
            self.bump();
        }
    }

    /// Measures a line's indentation and emits `INDENT`/`DEDENT`. False for a blank or
    /// comment-only line (consumed whole, no tokens), true when a statement follows.
    fn indentation(&mut self) -> Result<bool, SyntaxError> {
        let (mut col, mut alt) = (0, 0);
        loop {
            match self.peek(0) {
                Some(' ') => (col, alt) = (col + 1, alt + 1),
                Some('\t') => (col, alt) = ((col / TAB_SIZE + 1) * TAB_SIZE, alt + 1),
                // A form feed resets the count, as in CPython.
                Some('\x0c') => (col, alt) = (0, 0),
                _ => break,
            }
            self.bump();
        }
        match self.peek(0) {
            None => return Ok(true),
            Some('#') => {
                self.skip_comment();
                self.end_blank_line();
                return Ok(false);
            }
            Some('\n') | Some('\r') => {
                self.end_blank_line();
                return Ok(false);
            }
            _ => {}
        }
        let pos = self.pos();
        let tab_error = "inconsistent use of tabs and spaces in indentation: indent with spaces only (4 per level)";
        let (top, top_alt) = self.indents.last().copied().unwrap_or((0, 0));
        if col > top {
            if alt <= top_alt {
                return error(pos, tab_error);
            }
            if self.indents.len() > MAX_BLOCK_DEPTH {
                return error(
                    pos,
                    format!("blocks are nested too deeply (more than {MAX_BLOCK_DEPTH} levels): move some of the inner code into a function"),
                );
            }
            self.indents.push((col, alt));
            self.push(Tok::Indent, pos);
            return Ok(true);
        }
        while self.indents.len() > 1 && col < self.indents.last().map_or(0, |t| t.0) {
            self.indents.pop();
            self.push(Tok::Dedent, pos);
        }
        let (top, top_alt) = self.indents.last().copied().unwrap_or((0, 0));
        if col != top {
            return error(pos, "unindent does not match any outer indentation level");
        }
        if alt != top_alt {
            return error(pos, tab_error);
        }
        Ok(true)
    }

    fn end_blank_line(&mut self) {
        if self.peek(0) == Some('\r') && self.peek(1) == Some('\n') {
            self.bump();
        }
        self.bump();
    }

    fn take_while(&mut self, keep: impl Fn(char) -> bool) -> String {
        let mut text = String::new();
        while let Some(c) = self.peek(0).filter(|&c| keep(c)) {
            text.push(c);
            self.bump();
        }
        text
    }

    fn name_or_string(&mut self) -> Result<(), SyntaxError> {
        let pos = self.pos();
        let text = self.take_while(|c| c == '_' || c.is_alphanumeric());
        let lower = text.to_ascii_lowercase();
        let prefix = matches!(
            lower.as_str(),
            "r" | "u" | "f" | "b" | "rb" | "br" | "fr" | "rf"
        );
        if prefix && matches!(self.peek(0), Some('"') | Some('\'')) {
            if lower.contains('b') {
                return error(pos, "bytes are not supported: use a str");
            }
            return self.string(pos, &lower);
        }
        self.push(Tok::Name(text), pos);
        Ok(())
    }

    /// Reads a string literal whose opening quote is the current character; `start` is
    /// where its prefix (if any) began.
    fn string(&mut self, start: Pos, prefix: &str) -> Result<(), SyntaxError> {
        let quote = self.peek(0).unwrap_or('"');
        let triple = self.open_quote(quote);
        let body_pos = self.pos();
        let mut body = String::new();
        self.string_body(start, quote, triple, prefix.contains('f'), &mut body, 0)?;
        let raw = prefix.contains('r');
        let tok = if prefix.contains('f') {
            Tok::FStr(FStr {
                body,
                raw,
                pos: body_pos,
            })
        } else if raw {
            Tok::Str(body)
        } else {
            Tok::Str(decode_escapes(&body, body_pos)?)
        };
        self.push(tok, start);
        Ok(())
    }

    /// Moves past an opening `quote` (tripled or not); true if tripled.
    fn open_quote(&mut self, quote: char) -> bool {
        let triple = self.peek(1) == Some(quote) && self.peek(2) == Some(quote);
        for _ in 0..if triple { 3 } else { 1 } {
            self.bump();
        }
        triple
    }

    /// Appends a string's text to `body`, up to its closing quote (consumed, not
    /// appended). A backslash always takes the next character with it, so `\"` does
    /// not end the string, even a raw one; decoding comes later. In an f-string, the
    /// expression of a replacement field is code: since Python 3.12 it may hold
    /// strings in the same quotes (`f"{d["k"]}"`), which are skipped whole.
    fn string_body(
        &mut self,
        start: Pos,
        quote: char,
        triple: bool,
        formatted: bool,
        body: &mut String,
        level: usize,
    ) -> Result<(), SyntaxError> {
        if level > MAX_STRING_NESTING {
            return error(start, format!("strings inside f-strings are nested too deeply (more than {MAX_STRING_NESTING} levels)"));
        }
        // The open replacement fields, innermost last: the bracket depth within the
        // field's expression, or `None` once in its format spec (text again).
        let mut fields: Vec<Option<usize>> = Vec::new();
        loop {
            let Some(c) = self.peek(0) else {
                return self.unterminated(start, triple);
            };
            if (c == '\n' || c == '\r') && !triple {
                return self.unterminated(start, triple);
            }
            match fields.last_mut() {
                Some(Some(depth)) => match c {
                    '\'' | '"' => {
                        let nested_f = body
                            .chars()
                            .rev()
                            .take_while(|c| c.is_ascii_alphabetic())
                            .any(|c| c.eq_ignore_ascii_case(&'f'));
                        let at = self.pos();
                        let nested_triple = self.open_quote(c);
                        let quotes = if nested_triple { 3 } else { 1 };
                        body.extend(std::iter::repeat_n(c, quotes));
                        self.string_body(start, c, nested_triple, nested_f, body, level + 1)
                            .map_err(|e| {
                                // `f"{x"`: more likely a missing `}` than a string.
                                if c == quote && e.message.starts_with("unterminated") {
                                    SyntaxError {
                                        pos: at,
                                        message: "f-string: expecting '}'".into(),
                                    }
                                } else {
                                    e
                                }
                            })?;
                        body.extend(std::iter::repeat_n(c, quotes));
                        continue;
                    }
                    '(' | '[' | '{' => *depth += 1,
                    ')' | ']' => *depth = depth.saturating_sub(1),
                    '}' if *depth > 0 => *depth -= 1,
                    '}' => {
                        fields.pop();
                    }
                    ':' if *depth == 0 => {
                        fields.pop();
                        fields.push(None);
                    }
                    _ => {}
                },
                _ => {
                    let closes = c == quote
                        && (!triple
                            || (self.peek(1) == Some(quote) && self.peek(2) == Some(quote)));
                    if closes {
                        for _ in 0..if triple { 3 } else { 1 } {
                            self.bump();
                        }
                        return Ok(());
                    }
                    if c == '\\' {
                        body.push(c);
                        self.bump();
                    } else if formatted && c == '{' {
                        if self.peek(1) == Some('{') && fields.is_empty() {
                            body.push(c);
                            self.bump();
                        } else {
                            fields.push(Some(0));
                        }
                    } else if formatted && c == '}' {
                        fields.pop();
                    }
                }
            }
            if let Some(c) = self.peek(0) {
                body.push(c);
                self.bump();
            }
        }
    }

    fn unterminated(&self, start: Pos, triple: bool) -> Result<(), SyntaxError> {
        let line = self.line;
        let what = if triple {
            "triple-quoted string literal"
        } else {
            "string literal"
        };
        error(
            start,
            format!("unterminated {what} (detected at line {line})"),
        )
    }

    fn number(&mut self) -> Result<(), SyntaxError> {
        let pos = self.pos();
        let radix = match (self.peek(0), self.peek(1).map(|c| c.to_ascii_lowercase())) {
            (Some('0'), Some('x')) => Some((16, "hexadecimal")),
            (Some('0'), Some('o')) => Some((8, "octal")),
            (Some('0'), Some('b')) => Some((2, "binary")),
            _ => None,
        };
        if let Some((radix, name)) = radix {
            self.bump();
            self.bump();
            let digits = self.take_while(|c| c == '_' || c.is_alphanumeric());
            let bad = || error(pos, format!("invalid {name} literal"));
            // Underscores may only separate digits (one at a time) or follow the prefix.
            if digits.is_empty() || digits.ends_with('_') || digits.contains("__") {
                return bad();
            }
            let clean: String = digits.chars().filter(|&c| c != '_').collect();
            if !clean.chars().all(|c| c.is_digit(radix)) {
                return bad();
            }
            return self.push_int(u64::from_str_radix(&clean, radix).ok(), pos);
        }
        let mut text = self.digits(pos)?;
        let mut is_float = false;
        if self.peek(0) == Some('.') {
            is_float = true;
            text.push('.');
            self.bump();
            if self.peek(0).is_some_and(|c| c.is_ascii_digit()) {
                text += &self.digits(pos)?;
            }
        }
        if matches!(self.peek(0), Some('e') | Some('E')) {
            let sign = matches!(self.peek(1), Some('+') | Some('-'));
            let digit_at = if sign { 2 } else { 1 };
            if self.peek(digit_at).is_some_and(|c| c.is_ascii_digit()) {
                is_float = true;
                text.push('e');
                self.bump();
                if sign {
                    text.push(self.peek(0).unwrap_or('+'));
                    self.bump();
                }
                text += &self.digits(pos)?;
            }
        }
        match self.peek(0) {
            Some('j') | Some('J') => {
                return error(
                    pos,
                    "complex numbers are not supported: use a float or a pair of floats",
                )
            }
            Some(c) if c == '_' || c.is_alphanumeric() => {
                return error(pos, "invalid decimal literal")
            }
            _ => {}
        }
        if is_float {
            let value = text.parse::<f64>();
            let Ok(value) = value else {
                return error(pos, "invalid decimal literal");
            };
            self.push(Tok::Float(value), pos);
            return Ok(());
        }
        if text.len() > 1 && text.starts_with('0') && text.chars().any(|c| c != '0') {
            return error(
                pos,
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            );
        }
        self.push_int(text.parse::<u64>().ok(), pos)
    }

    /// Decimal digits with single underscores between them; returns them without the
    /// underscores (possibly empty, for `.5`).
    fn digits(&mut self, pos: Pos) -> Result<String, SyntaxError> {
        let text = self.take_while(|c| c == '_' || c.is_ascii_digit());
        if text.ends_with('_') || text.contains("__") || text.starts_with('_') {
            return error(pos, "invalid decimal literal");
        }
        Ok(text.chars().filter(|&c| c != '_').collect())
    }

    fn push_int(&mut self, value: Option<u64>, pos: Pos) -> Result<(), SyntaxError> {
        match value.and_then(|v| i64::try_from(v).ok()) {
            Some(v) => {
                self.push(Tok::Int(v), pos);
                Ok(())
            }
            None => error(
                pos,
                format!(
                    "this number is too large: Looplab's integers are 64-bit (up to {})",
                    i64::MAX
                ),
            ),
        }
    }

    fn operator(&mut self, c: char) -> Result<(), SyntaxError> {
        let pos = self.pos();
        let ahead: String = (0..3).filter_map(|k| self.peek(k)).collect();
        if ahead.starts_with("<>") {
            return error(pos, "'<>' is not Python 3: write '!='");
        }
        let Some(op) = OPS.iter().copied().find(|op| ahead.starts_with(op)) else {
            return error(pos, invalid_character(c));
        };
        for _ in 0..op.chars().count() {
            self.bump();
        }
        match op {
            "(" | "[" | "{" => self.brackets.push((c, pos)),
            ")" | "]" | "}" => match self.brackets.pop() {
                None => return error(pos, format!("unmatched '{c}'")),
                Some((open, _)) if closer(open) != c => {
                    return error(
                        pos,
                        format!(
                            "closing parenthesis '{c}' does not match opening parenthesis '{open}'"
                        ),
                    )
                }
                Some(_) => {}
            },
            _ => {}
        }
        self.push(Tok::Op(op), pos);
        Ok(())
    }
}

fn closer(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

/// The message for a character that cannot start any token.
fn invalid_character(c: char) -> String {
    let code = c as u32;
    match c {
        '`' => "backticks are not Python 3: write repr(x)".into(),
        '\u{201C}' | '\u{201D}' | '\u{2018}' | '\u{2019}' => format!(
            "invalid character '{c}' (U+{code:04X}): this is a typographic quote, probably pasted from a web page; use a plain \" or '"
        ),
        _ if c.is_ascii_graphic() => "invalid syntax".into(),
        _ if c.is_control() || c.is_whitespace() => {
            format!("invalid non-printable character U+{code:04X}")
        }
        _ => format!("invalid character '{c}' (U+{code:04X})"),
    }
}

/// Decodes the backslash escapes of a (non-raw) string's text, which starts at `start`.
/// Unknown escapes keep their backslash, as in Python.
pub fn decode_escapes(text: &str, start: Pos) -> Result<String, SyntaxError> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut pos = start;
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let here = pos;
        if c != '\\' {
            out.push(c);
            advance(&chars, &mut i, &mut pos, 1);
            continue;
        }
        let Some(&e) = chars.get(i + 1) else {
            out.push('\\');
            advance(&chars, &mut i, &mut pos, 1);
            continue;
        };
        let simple = match e {
            // A backslash at the end of a line joins it to the next.
            '\n' => Some(None),
            'n' => Some(Some('\n')),
            't' => Some(Some('\t')),
            'r' => Some(Some('\r')),
            'a' => Some(Some('\x07')),
            'b' => Some(Some('\x08')),
            'f' => Some(Some('\x0c')),
            'v' => Some(Some('\x0b')),
            '\\' | '\'' | '"' => Some(Some(e)),
            _ => None,
        };
        if let Some(decoded) = simple {
            out.extend(decoded);
            advance(&chars, &mut i, &mut pos, 2);
            continue;
        }
        let (count, radix, exact) = match e {
            'x' => (2, 16, true),
            'u' => (4, 16, true),
            'U' => (8, 16, true),
            '0'..='7' => (3, 8, false),
            'N' => {
                return error(
                    here,
                    "\\N{...} escapes are not supported: write the character itself",
                )
            }
            _ => {
                // An unknown escape such as `\d` stays as written.
                out.push('\\');
                advance(&chars, &mut i, &mut pos, 1);
                continue;
            }
        };
        let skip = if radix == 16 { 2 } else { 1 };
        let digits: String = chars
            .iter()
            .skip(i + skip)
            .take(count)
            .take_while(|d| d.is_digit(radix))
            .collect();
        if exact && digits.len() < count {
            return error(
                here,
                format!("truncated \\{e} escape: write exactly {count} hex digits after \\{e}"),
            );
        }
        let code = u32::from_str_radix(&digits, radix).unwrap_or(0);
        let Some(ch) = char::from_u32(code) else {
            return error(
                here,
                format!("\\{e}{digits} is not a character Looplab can store"),
            );
        };
        out.push(ch);
        advance(&chars, &mut i, &mut pos, skip + digits.len());
    }
    Ok(out)
}

/// Moves `i` forward `k` characters of `chars`, keeping `pos` in step.
fn advance(chars: &[char], i: &mut usize, pos: &mut Pos, k: usize) {
    for &c in chars.get(*i..*i + k).unwrap_or(&[]) {
        if c == '\n' {
            *pos = Pos {
                line: pos.line + 1,
                col: 1,
            };
        } else {
            pos.col += 1;
        }
    }
    *i += k;
}
