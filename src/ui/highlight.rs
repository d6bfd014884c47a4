//! Syntax highlighting of one line of Python or Rust, for the code view and the editor:
//! keywords, strings, numbers and comments. Pure, tested natively.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Python,
    Rust,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token {
    Keyword,
    String,
    Number,
    Comment,
    /// A name being called or defined (`sleep`, `def main`).
    Name,
    Plain,
}

impl Token {
    /// The CSS class of the token's `<span>` (`None` for plain text).
    pub fn class(self) -> Option<&'static str> {
        match self {
            Token::Keyword => Some("tok-kw"),
            Token::String => Some("tok-str"),
            Token::Number => Some("tok-num"),
            Token::Comment => Some("tok-com"),
            Token::Name => Some("tok-name"),
            Token::Plain => None,
        }
    }
}

const PYTHON_KEYWORDS: &[&str] = &[
    "async", "await", "def", "return", "for", "in", "with", "try", "except", "finally", "raise",
    "import", "from", "as", "if", "else", "elif", "while", "not", "and", "or", "None", "True",
    "False", "global", "class", "pass", "yield", "lambda", "is", "break", "continue",
];

const RUST_KEYWORDS: &[&str] = &[
    "async", "await", "fn", "let", "mut", "use", "struct", "enum", "impl", "for", "in", "loop",
    "while", "if", "else", "match", "return", "move", "pub", "const", "static", "type", "where",
    "mod", "crate", "self", "Self", "true", "false", "as", "ref", "dyn",
];

/// The tokens of one line, in order; their texts concatenate to the line.
pub fn highlight(line: &str, lang: Lang) -> Vec<(Token, &str)> {
    let (keywords, comment) = match lang {
        Lang::Python => (PYTHON_KEYWORDS, "#"),
        Lang::Rust => (RUST_KEYWORDS, "//"),
    };
    // Tokens as byte ranges of `line`; runs of plain text merge.
    let mut spans: Vec<(Token, usize, usize)> = Vec::new();
    let mut push = |token: Token, start: usize, len: usize| match spans.last_mut() {
        Some((Token::Plain, _, end)) if token == Token::Plain && *end == start => *end += len,
        _ => spans.push((token, start, start + len)),
    };
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < line.len() {
        let rest = &line[i..];
        let c = rest.chars().next().unwrap_or(' ');
        let len = if rest.starts_with(comment) {
            push(Token::Comment, i, rest.len());
            break;
        } else if c == '"' || (c == '\'' && lang == Lang::Python) {
            let end = rest[1..].find(c).map_or(rest.len(), |j| j + 2);
            push(Token::String, i, end);
            end
        } else if c.is_ascii_digit() {
            let end = rest
                .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '.' || ch == '_'))
                .unwrap_or(rest.len());
            push(Token::Number, i, end);
            end
        } else if c.is_alphabetic() || c == '_' {
            let end = rest
                .find(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
                .unwrap_or(rest.len());
            let word = &rest[..end];
            // An f-string or byte string: the prefix belongs to the string.
            if lang == Lang::Python
                && matches!(word, "f" | "b" | "r")
                && rest[end..].starts_with(['"', '\''])
            {
                let quote = rest[end..].chars().next().unwrap_or('"');
                let close = rest[end + 1..]
                    .find(quote)
                    .map_or(rest.len(), |j| end + j + 2);
                push(Token::String, i, close);
                close
            } else {
                let called = bytes.get(i + end) == Some(&b'(');
                let token = if keywords.contains(&word) {
                    Token::Keyword
                } else if called {
                    Token::Name
                } else {
                    Token::Plain
                };
                push(token, i, end);
                end
            }
        } else {
            push(Token::Plain, i, c.len_utf8());
            c.len_utf8()
        };
        i += len;
    }
    spans
        .into_iter()
        .map(|(token, start, end)| (token, &line[start..end]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(line: &str, lang: Lang) -> Vec<(Token, String)> {
        highlight(line, lang)
            .into_iter()
            .map(|(t, s)| (t, s.to_string()))
            .collect()
    }

    #[test]
    fn python_line_splits_into_keywords_names_numbers_and_strings() {
        let line = "    await asyncio.sleep(1.5)  # wait";
        let tokens = kinds(line, Lang::Python);
        assert_eq!(
            tokens.iter().map(|(_, s)| s.as_str()).collect::<String>(),
            line
        );
        assert!(tokens.contains(&(Token::Keyword, "await".into())));
        assert!(tokens.contains(&(Token::Name, "sleep".into())));
        assert!(tokens.contains(&(Token::Number, "1.5".into())));
        assert_eq!(tokens.last().unwrap(), &(Token::Comment, "# wait".into()));
        let s = kinds("print(f\"took {t:.2f} s\")", Lang::Python);
        assert!(s.contains(&(Token::String, "f\"took {t:.2f} s\"".into())));
    }

    #[test]
    fn rust_comments_and_keywords() {
        let tokens = kinds("let x = fetch(\"/a\").await; // go", Lang::Rust);
        assert_eq!(tokens[0], (Token::Keyword, "let".into()));
        assert!(tokens.contains(&(Token::String, "\"/a\"".into())));
        assert!(tokens.contains(&(Token::Keyword, "await".into())));
        assert_eq!(tokens.last().unwrap(), &(Token::Comment, "// go".into()));
        // An apostrophe is not a string in Rust (lifetimes, chars).
        assert!(kinds("fn f<'a>()", Lang::Rust)
            .iter()
            .all(|(t, _)| *t != Token::String));
    }

    #[test]
    fn unterminated_strings_and_odd_text_never_panic() {
        for line in ["\"open", "'", "é'ü\"", "f", "f'", "9", "#", "日本 = 1"] {
            let joined: String = highlight(line, Lang::Python)
                .iter()
                .map(|(_, s)| *s)
                .collect();
            assert_eq!(joined, line);
        }
    }
}
