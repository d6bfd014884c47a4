//! The literal values a scenario needs from the source: durations in seconds, counts,
//! names and texts.

use super::ast::{Expr, ExprKind};
use super::error::ParseError;
use crate::sim::scenario::Millis;
use std::collections::HashMap;

/// Numbers the program names (`DELAY = 0.5`), so `asyncio.sleep(DELAY)` can be read.
pub type Constants = HashMap<String, String>;

/// `asyncio.sleep`, `a.b.c`: a name or a chain of attributes, as written.
pub fn dotted(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Name(n) => Some(n.clone()),
        ExprKind::Attribute(base, attr) => Some(format!("{}.{attr}", dotted(base)?)),
        _ => None,
    }
}

/// The number an expression stands for, as written, following named constants.
fn number<'a>(e: &'a Expr, constants: &'a Constants) -> Option<&'a str> {
    match &e.kind {
        ExprKind::Number(n) => Some(n),
        ExprKind::Name(n) => constants.get(n).map(String::as_str),
        _ => None,
    }
}

/// A duration written in seconds, as whole milliseconds.
pub fn millis(e: &Expr, constants: &Constants, what: &str) -> Result<Millis, ParseError> {
    let bad = |message: String| ParseError::new(e.span, message);
    if let ExprKind::Operator("-", _) = e.kind {
        return Err(bad(format!("{what} cannot be negative")));
    }
    let Some(text) = number(e, constants) else {
        return Err(bad(format!(
            "{what} must be a number of seconds, such as 0.5"
        )));
    };
    seconds_to_millis(text)
        .ok_or_else(|| bad(format!("{what} must be a number of seconds, such as 0.5")))
}

/// `"0.25"` → 250; exact for decimals, rounded to the millisecond otherwise.
fn seconds_to_millis(text: &str) -> Option<Millis> {
    let text = text.replace('_', "");
    if text.contains(['e', 'E']) {
        let x: f64 = text.parse().ok()?;
        let ms = (x * 1000.0).round();
        return (x.is_finite() && (0.0..1e18).contains(&ms)).then_some(ms as Millis);
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    if !whole
        .chars()
        .chain(fraction.chars())
        .all(|c| c.is_ascii_digit())
        || (whole.len() > 1 && whole.starts_with('0') && fraction.is_empty() && !text.contains('.'))
    {
        return None;
    }
    let whole: Millis = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let mut ms = whole.checked_mul(1000)?;
    let digits: Vec<u64> = fraction.bytes().map(|b| u64::from(b - b'0')).collect();
    for (i, scale) in [100, 10, 1].into_iter().enumerate() {
        ms = ms.checked_add(digits.get(i).copied().unwrap_or(0) * scale)?;
    }
    if digits.get(3).is_some_and(|d| *d >= 5) {
        ms = ms.checked_add(1)?;
    }
    Some(ms)
}

/// A whole number such as a `range()` count or a queue's size.
pub fn count(e: &Expr, constants: &Constants, what: &str) -> Result<u32, ParseError> {
    number(e, constants)
        .and_then(|n| n.replace('_', "").parse().ok())
        .ok_or_else(|| ParseError::new(e.span, format!("{what} must be a whole number, such as 3")))
}

/// The text of a string literal, or the source of any other expression.
pub fn text(e: &Expr, source: &str) -> String {
    match &e.kind {
        ExprKind::Str { value, .. } => value.clone(),
        _ => source
            .get(e.span.start..e.span.end)
            .unwrap_or("")
            .to_string(),
    }
}

/// The last part of a dotted exception name: `asyncio.CancelledError` → `CancelledError`.
pub fn exception_name(e: &Expr) -> Option<String> {
    let name = dotted(e)?;
    Some(name.rsplit('.').next().unwrap_or(&name).to_string())
}

#[cfg(test)]
mod tests {
    use super::seconds_to_millis;

    #[test]
    fn seconds_become_whole_milliseconds() {
        assert_eq!(seconds_to_millis("0.25"), Some(250));
        assert_eq!(seconds_to_millis("3"), Some(3000));
        assert_eq!(seconds_to_millis(".5"), Some(500));
        assert_eq!(seconds_to_millis("0.0015"), Some(2));
        assert_eq!(seconds_to_millis("1e-3"), Some(1));
        assert_eq!(seconds_to_millis("0x10"), None);
    }
}
