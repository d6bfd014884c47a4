//! Floats as CPython writes them (`repr`, the `e`/`f`/`g` codes) and rounds them (`round`).
//!
//! CPython's `PyOS_double_to_string` asks David Gay's dtoa for correctly rounded digits and
//! lays them out itself (`format_float_short`). Rust's `{:e}`, `{:.Ne}` and `{:.N}` give the
//! same digits (the shortest round-trip digits, or the exact binary value rounded half-even),
//! so we take the digits from them and port CPython's layout.

use std::fmt::Write;

/// Layout options of CPython's `format_float_short`.
#[derive(Clone, Copy, Default)]
pub(super) struct Flags {
    /// `#`: keep the trailing zeros of `g`, and the decimal point even with no digits after it.
    pub alt: bool,
    /// Write integral values as `1.0` (`repr`, and a spec without a type code).
    pub add_dot_0: bool,
    /// `z`: drop the minus sign of a value that rounds to zero.
    pub no_neg_0: bool,
}

/// Which digits dtoa is asked for.
#[derive(Clone, Copy)]
enum Mode {
    /// Mode 0: the shortest digits that read back as the same float.
    Shortest,
    /// Mode 2: this many significant digits.
    Significant(usize),
    /// Mode 3: this many digits after the decimal point.
    Decimals(usize),
}

/// The digits of `|x|` for `mode`, without leading or trailing zeros ("0" for zero), and
/// `decpt`, the position of the decimal point: `|x| ≈ 0.DIGITS × 10^decpt`.
fn digits(x: f64, mode: Mode) -> (String, i64) {
    let a = x.abs();
    let text = match mode {
        Mode::Shortest => shortest(a),
        Mode::Significant(n) => format!("{a:.*e}", n.saturating_sub(1)),
        Mode::Decimals(n) => format!("{a:.n$}"),
    };
    // Rust writes `d.ddde-5` or `ddd.ddd`.
    let (mantissa, mut decpt) = match text.split_once('e') {
        Some((m, e)) => (m, e.parse::<i64>().unwrap_or(0) + 1),
        None => (text.as_str(), text.find('.').unwrap_or(text.len()) as i64),
    };
    let all: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let significant = all.trim_start_matches('0');
    decpt -= (all.len() - significant.len()) as i64;
    let significant = significant.trim_end_matches('0');
    if significant.is_empty() {
        return (String::from("0"), 1);
    }
    (significant.to_owned(), decpt)
}

/// Rust's shortest round-trip form of `a` (`1.5e-7`), with ties broken as dtoa breaks them.
fn shortest(a: f64) -> String {
    let shortest = format!("{a:e}");
    let len = shortest.bytes().take_while(|&b| b != b'e');
    let len = len.filter(u8::is_ascii_digit).count();
    // When two shortest candidates are equally near (x = ...0.25 with 0.2 and 0.3), Rust
    // takes the upper one and dtoa the even one, which is what rounding the exact value to
    // that many digits gives. Ties need 16 or 17 digits: with fewer, the two candidates are
    // more than an ulp apart and cannot both read back as `a`.
    if len >= 16 {
        let exact = format!("{a:.*e}", len - 1);
        if exact != shortest && exact.parse() == Ok(a) {
            return exact;
        }
    }
    shortest
}

/// Appends `n` copies of `c` (nothing when `n <= 0`).
pub(super) fn pad(out: &mut String, c: char, n: i64) {
    out.extend(std::iter::repeat_n(c, usize::try_from(n).unwrap_or(0)));
}

/// Appends `x` written with `code` (`e E f F g G`, or `r` for repr) and `precision`, as CPython's
/// `PyOS_double_to_string` does. Callers keep `precision` at most [`super::MAX_FIELD`].
pub(super) fn write_float(out: &mut String, x: f64, code: char, precision: usize, flags: Flags) {
    let upper = code.is_ascii_uppercase();
    if x.is_nan() {
        out.push_str(if upper { "NAN" } else { "nan" });
        return;
    }
    if x.is_infinite() {
        if x < 0.0 {
            out.push('-');
        }
        out.push_str(if upper { "INF" } else { "inf" });
        return;
    }
    let code = code.to_ascii_lowercase();
    // `e` asks for one digit more than its precision; `g` treats precision 0 as 1.
    let (mode, precision) = match code {
        'e' => (Mode::Significant(precision + 1), precision + 1),
        'f' => (Mode::Decimals(precision), precision),
        'g' => (Mode::Significant(precision.max(1)), precision.max(1)),
        _ => (Mode::Shortest, 0),
    };
    let precision = precision as i64;
    let (digit_buf, mut decpt) = digits(x, mode);
    let digits = digit_buf.as_str();
    let len = digits.len() as i64;

    // Output the slice [vstart, vend) of the digits padded with zeros on both sides,
    // with the decimal point after position `decpt`; or in exponent form.
    let mut vend = len;
    let use_exp = match code {
        'e' => {
            vend = precision;
            true
        }
        'f' => {
            vend = decpt + precision;
            false
        }
        'g' => {
            if flags.alt {
                vend = precision;
            }
            decpt <= -4 || decpt > precision - i64::from(flags.add_dot_0)
        }
        // repr switches to exponents at 1e16 and below 1e-4.
        _ => decpt <= -4 || decpt > 16,
    };
    let exp = decpt - 1;
    if use_exp {
        decpt = 1;
    }
    let vstart = if decpt <= 0 { decpt - 1 } else { 0 };
    vend = vend.max(decpt + i64::from(!use_exp && flags.add_dot_0));

    if x.is_sign_negative() && !(flags.no_neg_0 && digits == "0") {
        out.push('-');
    }
    if decpt <= 0 {
        pad(out, '0', decpt - vstart);
        out.push('.');
        pad(out, '0', -decpt);
        out.push_str(digits);
    } else if decpt <= len {
        let (int_part, frac_part) = digits.split_at(decpt as usize);
        out.push_str(int_part);
        out.push('.');
        out.push_str(frac_part);
    } else {
        out.push_str(digits);
    }
    if len < decpt {
        pad(out, '0', decpt - len);
        out.push('.');
        pad(out, '0', vend - decpt);
    } else {
        pad(out, '0', vend - len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        let _ = write!(out, "{exp:+03}");
    }
}

/// `repr(x)`: the shortest digits that read back as `x`, e.g. `0.1`, `1.0`, `1e+16`, `1e-05`,
/// `inf`, `nan`, `-0.0`.
pub fn float_repr(x: f64) -> String {
    let mut out = String::with_capacity(24);
    let flags = Flags {
        add_dot_0: true,
        ..Flags::default()
    };
    write_float(&mut out, x, 'r', 0, flags);
    out
}

/// `round(x, ndigits)`: the float nearest to `x` rounded half-even at `10**-ndigits`, judged
/// on the exact binary value (`round(2.675, 2) == 2.67`, `round(1234.5, -2) == 1200.0`).
///
/// NaN and infinities round to themselves. A finite `x` that rounds beyond the float range
/// (`round(1.7e308, -308)`) returns an infinity: CPython raises
/// `OverflowError("rounded value too large to represent")` there, so the caller should too.
pub fn round_float(x: f64, ndigits: i64) -> f64 {
    // Past these CPython returns x itself, or a zero with x's sign.
    if !x.is_finite() || ndigits > 323 {
        return x;
    }
    if ndigits < -308 {
        return 0.0 * x;
    }
    let text = match usize::try_from(ndigits) {
        Ok(n) => format!("{x:.n$}"),
        Err(_) => round_integer(x, ndigits.unsigned_abs() as usize),
    };
    text.parse().unwrap_or(x)
}

/// Rounds `x` half-even to a multiple of `10^places` and writes it as `DIGITSe<places>`.
fn round_integer(x: f64, places: usize) -> String {
    let whole = x.abs().trunc();
    let inexact = whole != x.abs();
    let digits = format!("{whole:.0}");
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let Some(kept_len) = digits.len().checked_sub(places) else {
        // |x| < 10^(places-1): far below half a unit.
        return format!("{sign}0");
    };
    let (kept, dropped) = digits.split_at(kept_len);
    let half = dropped.bytes().next().unwrap_or(b'0');
    let up = half > b'5'
        || (half == b'5'
            && (inexact
                || dropped.bytes().skip(1).any(|b| b != b'0')
                || kept.bytes().last().is_some_and(|b| (b - b'0') % 2 == 1)));
    let mut kept = if kept.is_empty() { "0" } else { kept }.as_bytes().to_vec();
    if up {
        // Decimal increment with carry.
        let mut i = kept.len();
        loop {
            if i == 0 {
                kept.insert(0, b'1');
                break;
            }
            i -= 1;
            if kept[i] == b'9' {
                kept[i] = b'0';
            } else {
                kept[i] += 1;
                break;
            }
        }
    }
    let kept: String = kept.into_iter().map(char::from).collect();
    format!("{sign}{kept}e{places}")
}

/// `round(x)` without digits: the nearest integral float, ties to even (`round(2.5) == 2`).
/// The caller converts it to an int, raising for NaN (`ValueError: cannot convert float NaN
/// to integer`) and infinities (`OverflowError: cannot convert float infinity to integer`).
pub fn round_half_even(x: f64) -> f64 {
    x.round_ties_even()
}
