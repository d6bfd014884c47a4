//! Integers in other bases, and reading numbers as `int(str, base)` and `float(str)` do.

use super::text::{decimal_value, str_repr};

/// Appends the digits of `n` in `base` (2 to 36), lowercase letters unless `upper`.
pub(super) fn push_digits(out: &mut String, mut n: u64, base: u32, upper: bool) {
    let base = u64::from(base.clamp(2, 36));
    let mut buf = [0u8; 64];
    let mut start = buf.len();
    loop {
        start -= 1;
        let d = (n % base) as u8;
        buf[start] = match d {
            0..=9 => b'0' + d,
            _ if upper => b'A' + d - 10,
            _ => b'a' + d - 10,
        };
        n /= base;
        if n == 0 {
            break;
        }
    }
    out.extend(buf[start..].iter().map(|&b| char::from(b)));
}

/// `value` in `base` (clamped to 2..=36), lowercase, with a leading `-` and no prefix:
/// `int_to_base(-5, 2) == "-101"`. For `bin()`/`oct()`/`hex()` use
/// `format_int(x, "#b")` (`"#o"`, `"#x"`), which puts the prefix after the sign as CPython does.
pub fn int_to_base(value: i64, base: u32) -> String {
    let mut out = String::new();
    if value < 0 {
        out.push('-');
    }
    push_digits(&mut out, value.unsigned_abs(), base, false);
    out
}

/// `int(s, base)`: surrounding whitespace, one sign, `_` between digits, base 0 reading a
/// `0b`/`0o`/`0x` prefix (and refusing other leading zeros), any Unicode decimal digits.
///
/// Err is a `ValueError` message: `invalid literal for int() with base 10: 'abc'`,
/// `int() base must be >= 2 and <= 36, or 0`, or (Looplab's 64-bit limit, where CPython
/// would return a big int) `int too large for Looplab's 64-bit integers: '…'`.
pub fn parse_int(s: &str, base: u32) -> Result<i64, String> {
    if base == 1 || base > 36 {
        return Err("int() base must be >= 2 and <= 36, or 0".into());
    }
    // CPython quotes the repr of the first 200 characters, itself cut to 200 characters.
    let quoted = || {
        let head = |text: &str| text.char_indices().nth(200).map_or(text.len(), |(i, _)| i);
        let mut repr = str_repr(&s[..head(s)]);
        repr.truncate(head(&repr));
        repr
    };
    let invalid = || format!("invalid literal for int() with base {base}: {}", quoted());

    let text = s.trim_matches(char::is_whitespace);
    let (negative, mut rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let letter = rest.as_bytes().get(1).map(u8::to_ascii_lowercase);
    let leading_zero = rest.starts_with('0');
    let mut base = base;
    let mut must_be_zero = false;
    if base == 0 {
        base = match (leading_zero, letter) {
            (true, Some(b'x')) => 16,
            (true, Some(b'o')) => 8,
            (true, Some(b'b')) => 2,
            // Old C-style octal like `010` is refused, but `00` is still zero.
            (true, _) => {
                must_be_zero = true;
                10
            }
            _ => 10,
        };
    }
    if leading_zero
        && matches!(
            (base, letter),
            (16, Some(b'x')) | (8, Some(b'o')) | (2, Some(b'b'))
        )
    {
        rest = &rest[2..];
        rest = rest.strip_prefix('_').unwrap_or(rest);
    }

    let mut magnitude: Option<u64> = Some(0);
    let mut digits = 0;
    let mut after_underscore = true; // no `_` first, nor two in a row
    for c in rest.chars() {
        if c == '_' {
            if after_underscore {
                return Err(invalid());
            }
            after_underscore = true;
            continue;
        }
        let digit = match decimal_value(c) {
            Some(d) => d,
            None if c.is_ascii_alphabetic() => {
                u32::from(c.to_ascii_lowercase()) - u32::from('a') + 10
            }
            None => return Err(invalid()),
        };
        if digit >= base {
            return Err(invalid());
        }
        after_underscore = false;
        digits += 1;
        magnitude = magnitude
            .and_then(|m| m.checked_mul(u64::from(base)))
            .and_then(|m| m.checked_add(u64::from(digit)));
    }
    if digits == 0 || after_underscore || (must_be_zero && magnitude != Some(0)) {
        return Err(invalid());
    }
    let value = magnitude.and_then(|m| {
        if negative {
            0i64.checked_sub_unsigned(m)
        } else {
            i64::try_from(m).ok()
        }
    });
    value.ok_or_else(|| format!("int too large for Looplab's 64-bit integers: {}", quoted()))
}

/// `float(s)`: surrounding whitespace, `_` between digits, `inf`/`infinity`/`nan` in any case
/// with an optional sign, any Unicode decimal digits; no hex. Too large gives `inf`, as in
/// CPython. Err is the `ValueError` message `could not convert string to float: 'x'`.
pub fn parse_float(s: &str) -> Result<f64, String> {
    let invalid = || format!("could not convert string to float: {}", str_repr(s));
    let text = s.trim_matches(char::is_whitespace);
    if text.is_ascii() && !text.contains('_') {
        return text.parse().map_err(|_| invalid());
    }
    // Map Unicode digits to ASCII and drop underscores, which must sit between digits.
    let mut clean = String::with_capacity(text.len());
    let mut prev = None;
    for c in text.chars() {
        let c = match decimal_value(c) {
            Some(d) => char::from(b'0' + d as u8),
            None => c,
        };
        let prev_digit = prev.is_some_and(|p: char| p.is_ascii_digit());
        if (c == '_' && !prev_digit) || (prev == Some('_') && !c.is_ascii_digit()) {
            return Err(invalid());
        }
        if c != '_' {
            clean.push(c);
        }
        prev = Some(c);
    }
    if prev == Some('_') {
        return Err(invalid());
    }
    clean.parse().map_err(|_| invalid())
}
