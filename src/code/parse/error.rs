//! A parse or semantic error in a learner's program: where it is, in plain words.

use std::fmt;

/// An error at a place in the source. Lines and columns are 1-based and count
/// characters; `end_column` is the column just after the offending text, so an editor
/// can underline `column..end_column` on `line`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    pub end_column: usize,
    pub message: String,
}

impl ParseError {
    pub fn new(at: Span, message: impl Into<String>) -> ParseError {
        ParseError {
            line: at.line,
            column: at.column,
            end_column: at.end_column.max(at.column + 1),
            message: message.into(),
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

impl std::error::Error for ParseError {}

/// Where a token or a piece of syntax is: its line and columns, and its byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Span {
    pub line: usize,
    pub column: usize,
    pub end_column: usize,
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// From the start of `self` to the end of `other` (on `self`'s line).
    pub fn to(self, other: Span) -> Span {
        Span {
            end_column: if other.line == self.line {
                other.end_column
            } else {
                self.end_column
            },
            end: other.end.max(self.end),
            ..self
        }
    }
}
