//! printf-style formatting, `"%-5s|%5.2f" % (name, x)`: a parser and a per-conversion writer.
//!
//! The caller runs the pieces in order. For each [`PercentPiece::Spec`] it takes the `*`
//! width and precision (when [`PercentCount::Star`]) and then the value from the argument
//! tuple (or the mapping, by `key`), converts the value as the conversion asks, and calls
//! [`apply_percent`]:
//!
//! - `s`, `r`, `a`: [`PercentArg::Str`] of `str(v)`, `repr(v)`, `ascii(v)`.
//! - `c`: [`PercentArg::Int`] for an int, [`PercentArg::Str`] for a str.
//! - `d i u`: [`PercentArg::Int`], or [`PercentArg::Float`] (truncated, like CPython).
//! - `o x X`: [`PercentArg::Int`]. `e E f F g G`: [`PercentArg::Float`] or [`PercentArg::Int`].
//!
//! Too few or too many arguments, and a mapping where keys are used, are the caller's checks
//! (`TypeError: not enough arguments for format string`, `not all arguments converted during
//! string formatting`, `format requires a mapping`).

use super::float::{write_float, Flags};
use super::parse::push_digits;
use super::{float_repr, MAX_FIELD};

/// One piece of a `%` format string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PercentPiece {
    /// Text written as is (`%%` already turned into `%`).
    Literal(String),
    Spec(PercentSpec),
}

/// One conversion: `%[(key)][flags][width][.precision][h|l|L]conversion`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PercentSpec {
    /// `%(name)s` takes its value from a mapping.
    pub key: Option<String>,
    pub flags: PercentFlags,
    pub width: Option<PercentCount>,
    /// `%.f` counts as precision 0, as in CPython.
    pub precision: Option<PercentCount>,
    /// One of `s r a c d i u o x X e E f F g G`.
    pub conversion: char,
}

/// The flags `-` (left), `+`, space, `#` (alternate) and `0` (zero padding).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PercentFlags {
    pub left: bool,
    pub plus: bool,
    pub space: bool,
    pub alternate: bool,
    pub zero: bool,
}

/// A width or precision: written in the format, or `*` (taken from the arguments).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PercentCount {
    Given(usize),
    Star,
}

/// The value for one conversion, already converted by the caller (see the module notes).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PercentArg<'a> {
    Int(i64),
    Float(f64),
    Str(&'a str),
}

/// A Python exception for the caller to raise: its class and message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PercentError {
    /// `"TypeError"`, `"ValueError"` or `"OverflowError"`.
    pub exception: &'static str,
    pub message: String,
}

impl PercentError {
    fn new(exception: &'static str, message: impl Into<String>) -> Self {
        PercentError {
            exception,
            message: message.into(),
        }
    }
}

/// Splits a `%` format string into literals and conversions. Err is a `ValueError` message:
/// `incomplete format`, `incomplete format key`, `width too big`, `precision too big`, or
/// `unsupported format character 'q' (0x71) at index 1` (CPython raises that one only when
/// it reaches the conversion, after formatting the ones before).
pub fn parse_percent(fmt: &str) -> Result<Vec<PercentPiece>, String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        i += 1;
        if c != '%' {
            literal.push(c);
            continue;
        }
        if chars.get(i) == Some(&'%') {
            literal.push('%');
            i += 1;
            continue;
        }
        let mut key = None;
        if chars.get(i) == Some(&'(') {
            // The key runs to the matching parenthesis.
            let start = i + 1;
            let mut depth = 0;
            loop {
                match chars.get(i) {
                    None => return Err("incomplete format key".into()),
                    Some('(') => depth += 1,
                    Some(')') => depth -= 1,
                    Some(_) => {}
                }
                i += 1;
                if depth == 0 {
                    break;
                }
            }
            key = Some(chars[start..i - 1].iter().collect());
        }
        let mut flags = PercentFlags::default();
        while let Some(&c) = chars.get(i) {
            match c {
                '-' => flags.left = true,
                '+' => flags.plus = true,
                ' ' => flags.space = true,
                '#' => flags.alternate = true,
                '0' => flags.zero = true,
                _ => break,
            }
            i += 1;
        }
        let width = count(&chars, &mut i, i64::MAX as u64, "width too big")?;
        let mut precision = None;
        if chars.get(i) == Some(&'.') {
            i += 1;
            precision = Some(
                count(&chars, &mut i, i32::MAX as u64, "precision too big")?
                    .unwrap_or(PercentCount::Given(0)),
            );
        }
        // A C length modifier is accepted and ignored.
        if matches!(chars.get(i), Some('h' | 'l' | 'L')) {
            i += 1;
        }
        let Some(&conversion) = chars.get(i) else {
            return Err("incomplete format".into());
        };
        if !"sracdiuoxXeEfFgG".contains(conversion) {
            let shown = if (' '..='~').contains(&conversion) || conversion == '\x1f' {
                conversion
            } else {
                '?'
            };
            return Err(format!(
                "unsupported format character '{shown}' (0x{:x}) at index {i}",
                u32::from(conversion)
            ));
        }
        i += 1;
        if !literal.is_empty() {
            pieces.push(PercentPiece::Literal(std::mem::take(&mut literal)));
        }
        pieces.push(PercentPiece::Spec(PercentSpec {
            key,
            flags,
            width,
            precision,
            conversion,
        }));
    }
    if !literal.is_empty() {
        pieces.push(PercentPiece::Literal(literal));
    }
    Ok(pieces)
}

/// Reads `*` or a run of ASCII digits at `chars[*i]`.
fn count(
    chars: &[char],
    i: &mut usize,
    max: u64,
    too_big: &str,
) -> Result<Option<PercentCount>, String> {
    if chars.get(*i) == Some(&'*') {
        *i += 1;
        return Ok(Some(PercentCount::Star));
    }
    let mut value: Option<u64> = None;
    while let Some(digit) = chars.get(*i).and_then(|c| c.to_digit(10)) {
        let next = value.unwrap_or(0).checked_mul(10);
        let next = next.and_then(|v| v.checked_add(u64::from(digit)));
        value = Some(next.filter(|&v| v <= max).ok_or(too_big)?);
        *i += 1;
    }
    Ok(value.map(|v| PercentCount::Given(usize::try_from(v).unwrap_or(usize::MAX))))
}

/// Writes one conversion of `spec` for `arg`. `star_width` and `star_precision` are the
/// arguments taken for a `*` width or precision (ignored otherwise): a negative `*` width
/// left-aligns, a negative `*` precision counts as 0, as in CPython.
pub fn apply_percent(
    spec: &PercentSpec,
    star_width: Option<i64>,
    star_precision: Option<i64>,
    arg: PercentArg,
) -> Result<String, PercentError> {
    let mut flags = spec.flags;
    let width = match spec.width {
        None => 0,
        Some(PercentCount::Given(w)) => w,
        Some(PercentCount::Star) => {
            let w = star_width.unwrap_or(0);
            flags.left |= w < 0;
            usize::try_from(w.unsigned_abs()).unwrap_or(usize::MAX)
        }
    };
    let precision = match spec.precision {
        None => None,
        Some(PercentCount::Given(p)) => Some(p),
        Some(PercentCount::Star) => {
            Some(usize::try_from(star_precision.unwrap_or(0).max(0)).unwrap_or(usize::MAX))
        }
    };
    if width > MAX_FIELD {
        return Err(PercentError::new("ValueError", "width too big"));
    }
    let conversion = spec.conversion;
    let type_error = |wanted: &str, arg: &PercentArg| {
        let got = match arg {
            PercentArg::Int(_) => "int",
            PercentArg::Float(_) => "float",
            PercentArg::Str(_) => "str",
        };
        PercentError::new("TypeError", format!("{wanted}, not {got}"))
    };
    let mut text = String::new();
    let numeric = !matches!(conversion, 's' | 'r' | 'a' | 'c');
    match (conversion, arg) {
        ('c', PercentArg::Int(code)) => {
            let c = u32::try_from(code)
                .ok()
                .filter(|&c| c <= 0x10ffff)
                .ok_or_else(|| {
                    PercentError::new("OverflowError", "%c arg not in range(0x110000)")
                })?;
            text.push(char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
        ('c', PercentArg::Str(s)) if s.chars().count() == 1 => text.push_str(s),
        ('c', _) => {
            return Err(PercentError::new("TypeError", "%c requires int or char"));
        }
        ('s' | 'r' | 'a', arg) => {
            match arg {
                PercentArg::Int(v) => text = v.to_string(),
                PercentArg::Float(x) => text = float_repr(x),
                PercentArg::Str(s) => text.push_str(s),
            }
            if let Some((end, _)) = precision.and_then(|p| text.char_indices().nth(p)) {
                text.truncate(end);
            }
        }
        ('d' | 'i' | 'u' | 'o' | 'x' | 'X', arg) => {
            let value = match arg {
                PercentArg::Float(x) if matches!(conversion, 'd' | 'i' | 'u') => {
                    if x.is_nan() {
                        let message = "cannot convert float NaN to integer";
                        return Err(PercentError::new("ValueError", message));
                    }
                    if x.is_infinite() {
                        let message = "cannot convert float infinity to integer";
                        return Err(PercentError::new("OverflowError", message));
                    }
                    // int(x): truncation toward zero (saturating past the 64-bit range).
                    x as i64
                }
                PercentArg::Int(v) => v,
                _ if matches!(conversion, 'd' | 'i' | 'u') => {
                    return Err(type_error(
                        &format!("%{conversion} format: a real number is required"),
                        &arg,
                    ))
                }
                _ => {
                    return Err(type_error(
                        &format!("%{conversion} format: an integer is required"),
                        &arg,
                    ))
                }
            };
            let precision = precision.unwrap_or(0);
            if precision > MAX_FIELD {
                return Err(PercentError::new("ValueError", "precision too big"));
            }
            let (base, prefix) = match conversion {
                'o' => (8, "0o"),
                'x' => (16, "0x"),
                'X' => (16, "0X"),
                _ => (10, ""),
            };
            if value < 0 {
                text.push('-');
            }
            if flags.alternate {
                text.push_str(prefix);
            }
            let start = text.len();
            push_digits(&mut text, value.unsigned_abs(), base, conversion == 'X');
            // The precision is a minimum number of digits.
            let short = precision.saturating_sub(text.len() - start);
            text.insert_str(start, &"0".repeat(short));
        }
        (_, arg) => {
            let x = match arg {
                PercentArg::Float(x) => x,
                PercentArg::Int(v) => v as f64,
                PercentArg::Str(_) => return Err(type_error("must be real number", &arg)),
            };
            let precision = precision.unwrap_or(6);
            if precision > MAX_FIELD {
                return Err(PercentError::new("ValueError", "precision too big"));
            }
            let float_flags = Flags {
                alt: flags.alternate,
                ..Flags::default()
            };
            write_float(&mut text, x, conversion, precision, float_flags);
        }
    }
    let prefixed = flags.alternate && matches!(conversion, 'o' | 'x' | 'X');
    Ok(lay_out(&text, numeric, prefixed, flags, width))
}

/// CPython's `unicode_format_arg_output`: pads `text` to `width`. A number's sign (and `0x`
/// prefix) goes before zero padding but after space padding.
fn lay_out(text: &str, numeric: bool, prefixed: bool, flags: PercentFlags, width: usize) -> String {
    let fill = if numeric && flags.zero { '0' } else { ' ' };
    let mut body = text;
    let mut sign = None;
    if numeric {
        if let Some(rest) = body.strip_prefix(['-', '+']) {
            sign = body.chars().next();
            body = rest;
        } else if flags.plus {
            sign = Some('+');
        } else if flags.space {
            sign = Some(' ');
        }
    }
    let (prefix, body) = body.split_at(if prefixed { 2 } else { 0 });
    let len = body.chars().count();
    // Room left for padding once the sign and prefix are placed.
    let mut room = width.max(len + prefix.len());
    if sign.is_some() && room > len + prefix.len() {
        room -= 1;
    }
    room -= prefix.len();
    let mut out = String::with_capacity(text.len() + room);
    if fill == '0' {
        out.extend(sign);
        out.push_str(prefix);
    }
    if !flags.left {
        out.extend(std::iter::repeat_n(fill, room - len));
        room = len;
    }
    if fill == ' ' {
        out.extend(sign);
        out.push_str(prefix);
    }
    out.push_str(body);
    out.extend(std::iter::repeat_n(' ', room - len));
    out
}
