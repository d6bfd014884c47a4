//! The format-spec mini-language: what `format(value, spec)` gives for int, float and str.
//!
//! A port of CPython 3.12's `Python/formatter_unicode.c`: the same parse, the same checks in
//! the same order (so a spec with several faults gets the same error), the same layout.

use super::float::{pad, write_float, Flags};
use super::parse::push_digits;
use super::text::decimal_value;
use super::MAX_FIELD;

/// A parsed spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
///
/// Widths and precisions too large for `usize` (only possible on wasm32) saturate; the
/// `format_*` functions refuse anything above [`MAX_FIELD`] anyway.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// The padding character: the one before an alignment, else `0` after the `0` flag,
    /// else space.
    pub fill: char,
    /// `<`, `>`, `=` or `^`; `None` is the type's default (strings left, numbers right).
    pub align: Option<char>,
    /// The `0` flag without an explicit fill, which makes numbers default to `=` alignment.
    pub zero_pad: bool,
    /// `+`, `-` or ` `.
    pub sign: Option<char>,
    /// `z`: write a float that rounds to zero without its minus sign.
    pub no_neg_zero: bool,
    /// `#`: the alternate form (`0x` prefixes, a decimal point that always shows).
    pub alternate: bool,
    pub width: Option<usize>,
    /// `,` or `_` between thousands (every four digits for `_` with `b`, `o`, `x`, `X`).
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// The presentation type (`d`, `x`, `f`, `s`, ...); `None` is the type's default.
    pub kind: Option<char>,
}

const BOTH_SEPARATORS: &str = "Cannot specify both ',' and '_'.";

impl FormatSpec {
    /// Parses `spec` as CPython's `parse_internal_render_format_spec` does. `type_name` goes
    /// into the error for trailing junk: `Invalid format specifier '.2,f' for object of type
    /// 'float'`. Err is a `ValueError` message. Which codes a type accepts is checked by the
    /// `format_*` functions.
    pub fn parse(spec: &str, type_name: &str) -> Result<FormatSpec, String> {
        let mut parsed = FormatSpec {
            fill: ' ',
            align: None,
            zero_pad: false,
            sign: None,
            no_neg_zero: false,
            alternate: false,
            width: None,
            grouping: None,
            precision: None,
            kind: None,
        };
        let is_align = |c| matches!(c, '<' | '>' | '=' | '^');
        let mut rest = spec;
        let mut chars = spec.chars();
        let fill_given = match (chars.next(), chars.next()) {
            (Some(fill), Some(align)) if is_align(align) => {
                parsed.fill = fill;
                parsed.align = Some(align);
                rest = &spec[fill.len_utf8() + 1..];
                true
            }
            (Some(align), _) if is_align(align) => {
                parsed.align = Some(align);
                rest = &spec[1..];
                false
            }
            _ => false,
        };
        parsed.sign = take(&mut rest, |c| matches!(c, '+' | '-' | ' '));
        parsed.no_neg_zero = take(&mut rest, |c| c == 'z').is_some();
        parsed.alternate = take(&mut rest, |c| c == '#').is_some();
        if !fill_given && take(&mut rest, |c| c == '0').is_some() {
            parsed.fill = '0';
            parsed.zero_pad = true;
        }
        parsed.width = number(&mut rest)?;
        parsed.grouping = take(&mut rest, |c| c == ',');
        if take(&mut rest, |c| c == '_').is_some() {
            if parsed.grouping.is_some() {
                return Err(BOTH_SEPARATORS.into());
            }
            parsed.grouping = Some('_');
        }
        if parsed.grouping == Some('_') && rest.starts_with(',') {
            return Err(BOTH_SEPARATORS.into());
        }
        if take(&mut rest, |c| c == '.').is_some() {
            parsed.precision =
                Some(number(&mut rest)?.ok_or("Format specifier missing precision")?);
        }
        let mut tail = rest.chars();
        parsed.kind = tail.next();
        if tail.next().is_some() {
            return Err(format!(
                "Invalid format specifier '{spec}' for object of type '{type_name}'"
            ));
        }
        if let (Some(sep), Some(kind)) = (parsed.grouping, parsed.kind) {
            check_grouping(sep, kind)?;
        }
        Ok(parsed)
    }
}

/// Consumes the next character of `rest` if `accept` likes it.
fn take(rest: &mut &str, accept: impl Fn(char) -> bool) -> Option<char> {
    let c = rest.chars().next().filter(|&c| accept(c))?;
    *rest = &rest[c.len_utf8()..];
    Some(c)
}

/// Consumes a run of decimal digits; `None` if there is none. Like CPython, overflowing a
/// 64-bit signed size is an error.
fn number(rest: &mut &str) -> Result<Option<usize>, String> {
    let mut value: Option<i64> = None;
    while let Some((c, digit)) = rest
        .chars()
        .next()
        .and_then(|c| Some((c, decimal_value(c)?)))
    {
        value = Some(
            value
                .unwrap_or(0)
                .checked_mul(10)
                .and_then(|v| v.checked_add(i64::from(digit)))
                .ok_or("Too many decimal digits in format string")?,
        );
        *rest = &rest[c.len_utf8()..];
    }
    Ok(value.map(|v| usize::try_from(v).unwrap_or(usize::MAX)))
}

/// A type code in an error: itself if printable ASCII, else `\x` and its hex code.
fn code_text(c: char) -> String {
    let n = u32::from(c);
    if (33..128).contains(&n) {
        c.to_string()
    } else {
        format!("\\x{n:x}")
    }
}

fn unknown_code(kind: char, type_name: &str) -> String {
    format!(
        "Unknown format code '{}' for object of type '{type_name}'",
        code_text(kind)
    )
}

/// PEP 378 and 515: `,` goes with decimal and float codes; `_` also with `b`, `o`, `x`, `X`.
fn check_grouping(sep: char, kind: char) -> Result<(), String> {
    match kind {
        'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' => Ok(()),
        'b' | 'o' | 'x' | 'X' if sep == '_' => Ok(()),
        _ => Err(format!(
            "Cannot specify '{sep}' with '{}'.",
            code_text(kind)
        )),
    }
}

/// Looplab's limit (CPython has none): see [`MAX_FIELD`].
fn check_width(spec: &FormatSpec) -> Result<(), String> {
    match spec.width {
        Some(width) if width > MAX_FIELD => Err("width too big".into()),
        _ => Ok(()),
    }
}

/// A number cut into the parts CPython's `calc_number_widths` lays out as
/// `<left pad><sign><prefix><inner pad><grouped digits><point><remainder><right pad>`.
struct Number<'a> {
    negative: bool,
    /// `0x` and friends.
    prefix: &'a str,
    /// The integer digits, which get grouped and zero padded (empty for `c`, `inf`, `nan`).
    digits: &'a str,
    decimal_point: bool,
    /// What follows the point (or the digits): fraction, exponent, `%`, `inf`, a `c` char.
    remainder: &'a str,
}

impl Number<'_> {
    /// Lays the number out per `spec`, grouping digits by `(separator, size)`.
    fn write(&self, spec: &FormatSpec, group: Option<(u8, i64)>) -> String {
        let align = spec.align.unwrap_or(if spec.zero_pad { '=' } else { '>' });
        let sign = match spec.sign {
            Some('+') => Some(if self.negative { '-' } else { '+' }),
            Some(' ') => Some(if self.negative { '-' } else { ' ' }),
            _ => self.negative.then_some('-'),
        };
        let width = spec.width.map_or(-1, |w| w as i64);
        let fixed = i64::from(sign.is_some())
            + self.prefix.len() as i64
            + i64::from(self.decimal_point)
            + self.remainder.chars().count() as i64;
        // Zero padding happens inside the digits, so `format(1234, '010,')` is `00,001,234`.
        let min_width = if spec.fill == '0' && align == '=' {
            width - fixed
        } else {
            0
        };
        let grouped = group_digits(self.digits, min_width, group);
        let padding = width - fixed - grouped.len() as i64;
        let (left, inner, right) = match align {
            '<' => (0, 0, padding),
            '^' => (padding / 2, 0, padding - padding / 2),
            '=' => (0, padding, 0),
            _ => (padding, 0, 0),
        };
        let mut out = String::with_capacity((fixed + grouped.len() as i64).max(width) as usize);
        pad(&mut out, spec.fill, left);
        out.extend(sign);
        out.push_str(self.prefix);
        pad(&mut out, spec.fill, inner);
        out.extend(grouped.iter().rev().map(|&b| char::from(b)));
        if self.decimal_point {
            out.push('.');
        }
        out.push_str(self.remainder);
        pad(&mut out, spec.fill, right);
        out
    }
}

/// CPython's `_PyUnicode_InsertThousandsGrouping`: `digits` with a separator every `size`
/// digits from the right, extended with zeros (and separators) to at least `min_width`
/// characters. Returned reversed.
fn group_digits(digits: &str, mut min_width: i64, group: Option<(u8, i64)>) -> Vec<u8> {
    let digits = digits.as_bytes();
    let mut out = Vec::with_capacity(digits.len() * 4 / 3 + 1);
    if digits.is_empty() {
        return out;
    }
    let mut remaining = digits.len() as i64;
    let (sep, size) = group.unwrap_or((0, i64::MAX));
    loop {
        let len = size.min(remaining.max(min_width).max(1));
        let used = remaining.min(len).max(0);
        if !out.is_empty() {
            out.push(sep);
        }
        out.extend(
            digits[(remaining - used) as usize..remaining as usize]
                .iter()
                .rev(),
        );
        out.extend(std::iter::repeat_n(b'0', (len - used) as usize));
        remaining -= used;
        min_width -= len;
        if remaining <= 0 && min_width <= 0 {
            return out;
        }
        min_width -= 1;
    }
}

/// `format(value, spec)` for an int: `d n b o x X c`, or `e f g %` (and capitals) through
/// float. Err is a `ValueError` message, except `%c arg not in range(0x110000)`, which
/// CPython raises as `OverflowError`.
pub fn format_int(value: i64, spec: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(value.to_string());
    }
    let spec = FormatSpec::parse(spec, "int")?;
    let kind = spec.kind.unwrap_or('d');
    let base = match kind {
        'b' => 2,
        'o' => 8,
        'x' | 'X' => 16,
        'c' | 'd' | 'n' => 10,
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => return float_with(value as f64, &spec),
        _ => return Err(unknown_code(kind, "int")),
    };
    if spec.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".into());
    }
    if spec.no_neg_zero {
        return Err("Negative zero coercion (z) not allowed in integer format specifier".into());
    }
    let mut text = String::new();
    let number = if kind == 'c' {
        if spec.sign.is_some() {
            return Err("Sign not allowed with integer format specifier 'c'".into());
        }
        if spec.alternate {
            return Err("Alternate form (#) not allowed with integer format specifier 'c'".into());
        }
        let code = u32::try_from(value)
            .ok()
            .filter(|&c| c <= 0x10ffff)
            .ok_or("%c arg not in range(0x110000)")?;
        // A Rust string cannot hold a lone surrogate, which CPython would write.
        text.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
        Number {
            negative: false,
            prefix: "",
            digits: "",
            decimal_point: false,
            remainder: &text,
        }
    } else {
        push_digits(&mut text, value.unsigned_abs(), base, kind == 'X');
        let prefix = match kind {
            _ if !spec.alternate => "",
            'b' => "0b",
            'o' => "0o",
            'x' => "0x",
            'X' => "0X",
            _ => "",
        };
        Number {
            negative: value < 0,
            prefix,
            digits: &text,
            decimal_point: false,
            remainder: "",
        }
    };
    check_width(&spec)?;
    let group = spec.grouping.map(|sep| {
        let size = if sep == '_' && base != 10 { 4 } else { 3 };
        (sep as u8, size)
    });
    Ok(number.write(&spec, group))
}

/// `format(value, spec)` for a float: no code (like `repr`, or `g` that keeps a `.0` when a
/// precision is given), `e E f F g G n %`. Err is a `ValueError` message.
pub fn format_float(value: f64, spec: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(super::float_repr(value));
    }
    let spec = FormatSpec::parse(spec, "float")?;
    match spec.kind {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => float_with(value, &spec),
        Some(kind) => Err(unknown_code(kind, "float")),
    }
}

/// Formats a float (or an int converted to one) with a float code or none.
fn float_with(value: f64, spec: &FormatSpec) -> Result<String, String> {
    // CPython's limit is INT_MAX; Looplab's is lower, with the same message.
    if spec.precision.is_some_and(|p| p > MAX_FIELD) {
        return Err("precision too big".into());
    }
    check_width(spec)?;
    let (code, default_precision) = match spec.kind {
        None if spec.precision.is_some() => ('g', 0),
        None => ('r', 0),
        Some('n') => ('g', 6),
        Some('%') => ('f', 6),
        Some(kind) => (kind, 6),
    };
    let percent = spec.kind == Some('%');
    let flags = Flags {
        alt: spec.alternate,
        add_dot_0: spec.kind.is_none(),
        no_neg_0: spec.no_neg_zero,
    };
    let mut text = String::with_capacity(24);
    let scaled = if percent { value * 100.0 } else { value };
    let precision = spec.precision.unwrap_or(default_precision);
    write_float(&mut text, scaled, code, precision, flags);
    if percent {
        text.push('%');
    }
    if !matches!(spec.sign, Some('+' | ' ')) && spec.width.is_none() && spec.grouping.is_none() {
        return Ok(text);
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(body) => (true, body),
        None => (false, text.as_str()),
    };
    let (digits, rest) = body.split_at(body.bytes().take_while(u8::is_ascii_digit).count());
    let (decimal_point, remainder) = match rest.strip_prefix('.') {
        Some(remainder) => (true, remainder),
        None => (false, rest),
    };
    let number = Number {
        negative,
        prefix: "",
        digits,
        decimal_point,
        remainder,
    };
    Ok(number.write(spec, spec.grouping.map(|sep| (sep as u8, 3))))
}

/// `format(value, spec)` for a str: fill, alignment (default left), width, and a precision
/// that truncates. Err is a `ValueError` message.
pub fn format_str(value: &str, spec: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(value.to_owned());
    }
    let spec = FormatSpec::parse(spec, "str")?;
    match spec.kind {
        // The default code `s` takes no grouping either.
        None => spec
            .grouping
            .map_or(Ok(()), |sep| check_grouping(sep, 's'))?,
        Some('s') => {}
        Some(kind) => return Err(unknown_code(kind, "str")),
    }
    let refused = match spec.sign {
        Some(' ') => Some("Space not allowed in string format specifier"),
        Some(_) => Some("Sign not allowed in string format specifier"),
        None if spec.no_neg_zero => {
            Some("Negative zero coercion (z) not allowed in string format specifier")
        }
        None if spec.alternate => Some("Alternate form (#) not allowed in string format specifier"),
        None if spec.align == Some('=') => {
            Some("'=' alignment not allowed in string format specifier")
        }
        None => None,
    };
    if let Some(message) = refused {
        return Err(message.into());
    }
    check_width(&spec)?;
    let (shown, len) = match spec.precision {
        Some(p) => match value.char_indices().nth(p) {
            Some((end, _)) => (&value[..end], p),
            None => (value, value.chars().count()),
        },
        None => (value, value.chars().count()),
    };
    let padding = spec.width.unwrap_or(0).saturating_sub(len) as i64;
    let left = match spec.align {
        Some('>') => padding,
        Some('^') => padding / 2,
        _ => 0,
    };
    let mut out = String::with_capacity(shown.len() + padding as usize);
    pad(&mut out, spec.fill, left);
    out.push_str(shown);
    pad(&mut out, spec.fill, padding - left);
    Ok(out)
}
