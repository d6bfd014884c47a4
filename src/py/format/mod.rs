//! How CPython 3.12 writes numbers and strings, as pure functions over plain Rust types.
//!
//! - [`float_repr`], [`str_repr`]: `repr(float)` and `repr(str)`.
//! - [`format_int`], [`format_float`], [`format_str`]: `format(value, spec)`, with the
//!   spec mini-language parsed by [`FormatSpec::parse`].
//! - [`round_float`], [`round_half_even`]: `round(x, n)` and `round(x)`.
//! - [`parse_percent`], [`apply_percent`]: printf-style `"%5.2f" % args`.
//! - [`int_to_base`], [`parse_int`], [`parse_float`]: digits for other bases, `int(str, base)`
//!   and `float(str)`.
//!
//! Errors are CPython's exception messages; the exception class is documented per function
//! (mostly `ValueError`). Nothing here panics, and nothing writes more than about
//! [`MAX_FIELD`] padding or precision characters: a learner's `format(1, '9999999999')` is
//! refused instead of allocating gigabytes.

mod float;
mod parse;
mod percent;
mod spec;
mod tables;
mod text;

pub use float::{float_repr, round_float, round_half_even};
pub use parse::{int_to_base, parse_float, parse_int};
pub use percent::{
    apply_percent, parse_percent, PercentArg, PercentCount, PercentError, PercentFlags,
    PercentPiece, PercentSpec,
};
pub use spec::{format_float, format_int, format_str, FormatSpec};
pub use text::str_repr;

/// The largest width or precision Looplab writes. CPython has no such limit, but a field
/// this wide is always a mistake in a lesson, and refusing it keeps memory bounded.
pub const MAX_FIELD: usize = 10_000;
