//! `repr(str)` and the two Unicode properties CPython's number parsing and printing use.

use super::tables::{DECIMAL_ZEROS, NON_PRINTABLE};
use std::fmt::Write;

/// Python's `str.isprintable` for one character (Unicode 15.0, as in CPython 3.12).
pub(super) fn is_printable(c: char) -> bool {
    let c = u32::from(c);
    if (0x20..0x7f).contains(&c) {
        return true;
    }
    NON_PRINTABLE.partition_point(|&bound| bound <= c) % 2 == 0
}

/// The value of a Unicode decimal digit (`'7'`, `'٣'`, ...), which CPython accepts wherever
/// it reads a number: in `int()`, `float()` and format-spec widths.
pub(super) fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(u32::from(c) - u32::from('0'));
    }
    let c = u32::from(c);
    let zeros_below = DECIMAL_ZEROS.partition_point(|&zero| zero <= c);
    let offset = c - DECIMAL_ZEROS.get(zeros_below.checked_sub(1)?)?;
    (offset < 10).then_some(offset)
}

/// `repr(s)`: single quotes unless `s` holds `'` and no `"`; backslash escapes for the quote,
/// `\\`, `\n`, `\r`, `\t`, and `\xhh`/`\uhhhh`/`\Uhhhhhhhh` for non-printable characters.
/// Printable non-ASCII (`é`, emoji) stays as it is.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let n = u32::from(c);
                let _ = match n {
                    0..=0xff => write!(out, "\\x{n:02x}"),
                    0x100..=0xffff => write!(out, "\\u{n:04x}"),
                    _ => write!(out, "\\U{n:08x}"),
                };
            }
        }
    }
    out.push(quote);
    out
}
