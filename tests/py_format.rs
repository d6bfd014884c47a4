#![cfg(not(target_arch = "wasm32"))]
//! `looplab::py::format` against CPython 3.12: reference tables generated once with
//! CPython 3.12.1 (at the bottom of this file), plus hand-written edge cases and
//! random-input checks (round trips, no panics on odd specs).

use looplab::py::format::PercentArg::{self, Float, Int, Str};
use looplab::py::format::{
    apply_percent, float_repr, format_float, format_int, format_str, int_to_base, parse_float,
    parse_int, parse_percent, round_float, round_half_even, str_repr, FormatSpec, PercentCount,
    PercentFlags, PercentPiece, PercentSpec, MAX_FIELD,
};

type Arg = PercentArg<'static>;
/// A format, its one argument, and CPython's result or (exception, message).
type PercentCase = (
    &'static str,
    Arg,
    Result<&'static str, (&'static str, &'static str)>,
);

/// Collects mismatches so one run reports all of them.
#[derive(Default)]
struct Mismatches(Vec<String>);

impl Mismatches {
    fn check<T: std::fmt::Debug + PartialEq>(&mut self, what: &str, got: T, want: T) {
        if got != want {
            self.0.push(format!("{what}: got {got:?}, want {want:?}"));
        }
    }

    fn assert_none(self, total: usize) {
        assert!(
            self.0.is_empty(),
            "{} of {total} cases differ from CPython:\n{}",
            self.0.len(),
            self.0.join("\n")
        );
    }
}

fn float(text: &str) -> f64 {
    text.parse().expect("table floats are Python reprs")
}

#[test]
fn format_int_matches_cpython() {
    let mut m = Mismatches::default();
    for &(value, spec, want) in INT_CASES {
        let got = format_int(value, spec);
        m.check(
            &format!("format({value}, {spec:?})"),
            got.as_deref().map_err(|e| e.as_str()),
            want,
        );
    }
    m.assert_none(INT_CASES.len());
}

#[test]
fn format_float_matches_cpython() {
    let mut m = Mismatches::default();
    for &(value, spec, want) in FLOAT_CASES {
        let got = format_float(float(value), spec);
        m.check(
            &format!("format({value}, {spec:?})"),
            got.as_deref().map_err(|e| e.as_str()),
            want,
        );
    }
    m.assert_none(FLOAT_CASES.len());
}

#[test]
fn format_str_matches_cpython() {
    let mut m = Mismatches::default();
    for &(value, spec, want) in STR_CASES {
        let got = format_str(value, spec);
        m.check(
            &format!("format({value:?}, {spec:?})"),
            got.as_deref().map_err(|e| e.as_str()),
            want,
        );
    }
    m.assert_none(STR_CASES.len());
}

#[test]
fn float_repr_matches_cpython() {
    let mut m = Mismatches::default();
    for &(bits, want) in REPR_CASES {
        m.check(
            &format!("repr({want})"),
            float_repr(f64::from_bits(bits)).as_str(),
            want,
        );
    }
    m.assert_none(REPR_CASES.len());
}

#[test]
fn round_matches_cpython() {
    let mut m = Mismatches::default();
    for &(x, ndigits, want) in ROUND_CASES {
        let got = round_float(float(x), ndigits);
        let what = format!("round({x}, {ndigits})");
        if want == "OverflowError" {
            // The documented contract: a finite value rounding out of range gives an infinity.
            m.check(&what, got.is_infinite(), true);
        } else {
            m.check(&what, float_repr(got).as_str(), want);
        }
    }
    m.assert_none(ROUND_CASES.len());
}

#[test]
fn parse_int_matches_cpython() {
    let mut m = Mismatches::default();
    for &(text, base, want) in PARSE_INT_CASES {
        let got = parse_int(text, base);
        m.check(
            &format!("int({text:?}, {base})"),
            got.as_ref().map_err(|e| e.as_str()).copied(),
            want,
        );
    }
    m.assert_none(PARSE_INT_CASES.len());
}

#[test]
fn parse_float_matches_cpython() {
    let mut m = Mismatches::default();
    for &(text, want) in PARSE_FLOAT_CASES {
        let got = parse_float(text).map(float_repr);
        m.check(
            &format!("float({text:?})"),
            got.as_deref().map_err(|e| e.as_str()),
            want,
        );
    }
    m.assert_none(PARSE_FLOAT_CASES.len());
}

#[test]
fn str_repr_matches_cpython() {
    let mut m = Mismatches::default();
    for &(text, want) in STR_REPR_CASES {
        m.check(&format!("repr({text:?})"), str_repr(text).as_str(), want);
    }
    m.assert_none(STR_REPR_CASES.len());
}

/// `fmt % arg` the way the interpreter will run it: every conversion gets `arg`
/// (for `%r`, its repr, which the caller computes).
fn percent(fmt: &str, arg: Arg) -> Result<String, (&'static str, String)> {
    let mut out = String::new();
    for piece in parse_percent(fmt).map_err(|e| ("ValueError", e))? {
        match piece {
            PercentPiece::Literal(text) => out.push_str(&text),
            PercentPiece::Spec(spec) => {
                let repr;
                let arg = match arg {
                    Str(s) if spec.conversion == 'r' => {
                        repr = str_repr(s);
                        Str(&repr)
                    }
                    other => other,
                };
                let text =
                    apply_percent(&spec, None, None, arg).map_err(|e| (e.exception, e.message))?;
                out.push_str(&text);
            }
        }
    }
    Ok(out)
}

#[test]
fn percent_matches_cpython() {
    let mut m = Mismatches::default();
    for &(fmt, arg, want) in PERCENT_CASES {
        let got = percent(fmt, arg);
        let got = got
            .as_ref()
            .map(String::as_str)
            .map_err(|(kind, message)| (*kind, message.as_str()));
        m.check(&format!("{fmt:?} % {arg:?}"), got, want);
    }
    for &(fmt, want) in PERCENT_PARSE_CASES {
        let got = parse_percent(fmt).map(|_| ());
        m.check(
            &format!("parse {fmt:?}"),
            got.as_ref().map_err(|e| e.as_str()).copied(),
            want,
        );
    }
    m.assert_none(PERCENT_CASES.len() + PERCENT_PARSE_CASES.len());
}

#[test]
fn brief_examples() {
    for (x, want) in [
        (1.0, "1.0"),
        (0.1, "0.1"),
        (1e16, "1e+16"),
        (1e-5, "1e-05"),
        (1.5e-7, "1.5e-07"),
        (123456789012345.0, "123456789012345.0"),
        (1.2345678901234567e19, "1.2345678901234567e+19"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
        (f64::NAN, "nan"),
        (-0.0, "-0.0"),
    ] {
        assert_eq!(float_repr(x), want);
    }
    assert_eq!(format_int(1234, "010,").unwrap(), "00,001,234");
    assert_eq!(format_float(2.675, ".2f").unwrap(), "2.67");
    assert_eq!(format_float(0.125, ".2f").unwrap(), "0.12");
    assert_eq!(round_float(2.675, 2), 2.67);
    assert_eq!(round_float(1234.5, -2), 1200.0);
    assert_eq!(round_half_even(0.5), 0.0);
    assert_eq!(round_half_even(1.5), 2.0);
    assert_eq!(round_half_even(2.5), 2.0);
    assert_eq!(round_half_even(-2.5), -2.0);
    assert_eq!(str_repr("it's"), "\"it's\"");
    assert_eq!(str_repr("é😀\u{7}"), "'é😀\\x07'");
}

#[test]
fn spec_parse_fields() {
    let spec = FormatSpec::parse("*^+z#012,.3f", "float").unwrap();
    let want = FormatSpec {
        fill: '*',
        align: Some('^'),
        zero_pad: false,
        sign: Some('+'),
        no_neg_zero: true,
        alternate: true,
        width: Some(12),
        grouping: Some(','),
        precision: Some(3),
        kind: Some('f'),
    };
    assert_eq!(spec, want);
    let zero = FormatSpec::parse("08_x", "int").unwrap();
    assert_eq!(
        (zero.fill, zero.zero_pad, zero.align, zero.width),
        ('0', true, None, Some(8))
    );
    assert_eq!(
        FormatSpec::parse("5xx", "bool").unwrap_err(),
        "Invalid format specifier '5xx' for object of type 'bool'"
    );
    // Unicode decimal digits count as digits, as in CPython.
    assert_eq!(FormatSpec::parse("\u{663}", "int").unwrap().width, Some(3));
}

#[test]
fn bases_and_prefixes() {
    assert_eq!(int_to_base(-5, 2), "-101");
    assert_eq!(int_to_base(255, 16), "ff");
    assert_eq!(int_to_base(0, 8), "0");
    assert_eq!(int_to_base(35, 36), "z");
    assert_eq!(int_to_base(i64::MIN, 16), "-8000000000000000");
    assert_eq!(int_to_base(7, 99), "7", "bases clamp to 2..=36");
    assert_eq!(int_to_base(7, 0), "111", "bases clamp to 2..=36");
    // bin(), oct(), hex() put the prefix after the sign.
    assert_eq!(format_int(-5, "#b").unwrap(), "-0b101");
    assert_eq!(format_int(8, "#o").unwrap(), "0o10");
    assert_eq!(format_int(-255, "#x").unwrap(), "-0xff");
    assert_eq!(format_int(i64::MIN, "").unwrap(), "-9223372036854775808");
    assert_eq!(format_int(i64::MIN, "_b").unwrap().len(), 1 + 64 + 15);
}

#[test]
fn int_beyond_64_bits_is_refused_clearly() {
    let err = parse_int("9223372036854775808", 10).unwrap_err();
    assert!(err.starts_with("int too large"), "{err}");
    assert_eq!(parse_int("-9223372036854775808", 10), Ok(i64::MIN));
    // An invalid literal is reported as such even when it is also long.
    let err = parse_int("99999999999999999999x", 10).unwrap_err();
    assert!(err.starts_with("invalid literal"), "{err}");
}

#[test]
fn huge_fields_are_refused_not_allocated() {
    assert_eq!(
        format_int(1, &MAX_FIELD.to_string()).unwrap().len(),
        MAX_FIELD
    );
    assert_eq!(format_int(1, "10001").unwrap_err(), "width too big");
    assert_eq!(format_float(1.0, "10001").unwrap_err(), "width too big");
    assert_eq!(format_str("a", "10001").unwrap_err(), "width too big");
    assert_eq!(
        format_float(1.0, ".10001f").unwrap_err(),
        "precision too big"
    );
    assert_eq!(format_int(1, ".10001f").unwrap_err(), "precision too big");
    assert_eq!(
        format_float(1e308, ".10000f").unwrap().len(),
        309 + 1 + 10_000
    );
    // Truncating a str allocates nothing, so any precision is fine.
    assert_eq!(format_str("abc", ".99999999").unwrap(), "abc");
    let spec = |width, precision| PercentSpec {
        key: None,
        flags: PercentFlags::default(),
        width,
        precision,
        conversion: 'f',
    };
    let big = Some(PercentCount::Given(MAX_FIELD + 1));
    let err = apply_percent(&spec(big, None), None, None, Float(1.0)).unwrap_err();
    assert_eq!(
        (err.exception, err.message.as_str()),
        ("ValueError", "width too big")
    );
    let err = apply_percent(&spec(None, big), None, None, Float(1.0)).unwrap_err();
    assert_eq!(err.message, "precision too big");
    let star = Some(PercentCount::Star);
    let err = apply_percent(&spec(star, None), Some(i64::MIN), None, Float(1.0)).unwrap_err();
    assert_eq!(err.message, "width too big");
}

#[test]
fn percent_stars_and_keys() {
    let pieces = parse_percent("%(name)-*.*f|").unwrap();
    let PercentPiece::Spec(spec) = &pieces[0] else {
        panic!("{pieces:?}")
    };
    assert_eq!(spec.key.as_deref(), Some("name"));
    assert!(spec.flags.left);
    assert_eq!(
        (spec.width, spec.precision),
        (Some(PercentCount::Star), Some(PercentCount::Star))
    );
    assert_eq!(pieces[1], PercentPiece::Literal("|".into()));
    // '%*d' % (-5, 3) == '3    ' and '%.*f' % (-2, 3.24159) == '3'.
    let star = |fmt: &str| match parse_percent(fmt).unwrap().remove(0) {
        PercentPiece::Spec(spec) => spec,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        apply_percent(&star("%*d"), Some(-5), None, Int(3)).unwrap(),
        "3    "
    );
    assert_eq!(
        apply_percent(&star("%.*f"), None, Some(-2), Float(3.24159)).unwrap(),
        "3"
    );
    assert_eq!(
        apply_percent(&star("%*.*f"), Some(8), Some(2), Float(-3.24159)).unwrap(),
        "   -3.24"
    );
}

/// A tiny xorshift: reproducible "random" inputs without extra crates.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn float_repr_round_trips() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for i in 0..20_000 {
        // Half raw bit patterns (all exponents), half everyday magnitudes.
        let x = if i % 2 == 0 {
            f64::from_bits(rng.next())
        } else {
            (rng.next() % 2_000_000) as f64 / 1000.0 * 10f64.powi((rng.next() % 41) as i32 - 20)
        };
        let text = float_repr(x);
        let back: f64 = text.parse().unwrap();
        assert!(
            back == x || (x.is_nan() && back.is_nan()),
            "{x:e} -> {text}"
        );
        assert!(
            back.is_sign_negative() == x.is_sign_negative() || x.is_nan(),
            "{text}"
        );
        if x.is_finite() {
            assert_eq!(format_float(x, ".17g").unwrap().parse::<f64>().unwrap(), x);
            let rounded = round_float(x, (rng.next() % 40) as i64 - 20);
            assert!(rounded.is_finite() || x.abs() > 1e307, "round({x:e})");
        }
    }
}

#[test]
fn odd_specs_never_panic() {
    let fixed = [
        "",
        "<<<",
        ".",
        "99999999999999999999d",
        ",,",
        "\u{0}",
        "é",
        "0",
        "=",
        ".0",
        "#",
        "z",
        // Digit runs around the 64-bit and 32-bit limits.
        "20000000000000000000d",
        "9223372036854775807",
        "9223372036854775808",
        ".2147483648f",
        ".9223372036854775807",
        "*<4294967296",
        "111111111111111111111111111111",
    ];
    let alphabet: Vec<char> = "<>=^+- z#0123456789,_.bcdeEfFgGnosxX%é*\u{663}"
        .chars()
        .collect();
    let mut rng = XorShift(42);
    let mut specs: Vec<String> = fixed.iter().map(|s| s.to_string()).collect();
    for _ in 0..20_000 {
        let len = rng.next() % 9;
        specs.push(
            (0..len)
                .map(|_| alphabet[(rng.next() % alphabet.len() as u64) as usize])
                .collect(),
        );
    }
    for spec in &specs {
        for value in [0, -7, 1234, i64::MIN, i64::MAX, 0x10FFFF] {
            let _ = format_int(value, spec);
        }
        for value in [
            0.0,
            -0.0,
            2.5,
            -1234.5678,
            1e300,
            5e-324,
            f64::NAN,
            f64::NEG_INFINITY,
        ] {
            let _ = format_float(value, spec);
        }
        for value in ["", "héllo"] {
            let _ = format_str(value, spec);
        }
        let printf = format!("%{spec}");
        if let Ok(pieces) = parse_percent(&printf) {
            for piece in pieces {
                if let PercentPiece::Spec(spec) = piece {
                    for arg in [Int(-3), Float(-2.5), Str("x"), Int(0x110000)] {
                        let _ = apply_percent(&spec, Some(-4), Some(3), arg);
                    }
                }
            }
        }
    }
    for text in [
        "",
        "_",
        "0x",
        "-",
        "1e",
        "\u{663}_\u{664}",
        "٣.",
        "+_1",
        "0b_",
    ] {
        let _ = (parse_int(text, 0), parse_int(text, 16), parse_float(text));
    }
}

// ---- Generated by running a script once under CPython 3.12.1 ----

const INT_CASES: &[(i64, &str, Result<&str, &str>)] = &[
    (-9223372036854775808, "", Ok("-9223372036854775808")),
    (42, "", Ok("42")),
    (-1234567, "", Ok("-1234567")),
    (65, "d", Ok("65")),
    (-1, "d", Ok("-1")),
    (255, "d", Ok("255")),
    (0, "5", Ok("    0")),
    (-42, "5", Ok("  -42")),
    (1234, "5", Ok(" 1234")),
    (-1234, "<5", Ok("-1234")),
    (-1234567, "<5", Ok("-1234567")),
    (128512, "<5", Ok("128512")),
    (9223372036854775807, "^7", Ok("9223372036854775807")),
    (65, "^7", Ok("  65   ")),
    (1000000000000000, "^7", Ok("1000000000000000")),
    (1234, "*^7", Ok("*1234**")),
    (-1234, "*^7", Ok("*-1234*")),
    (0, "*^7", Ok("***0***")),
    (42, "=+8", Ok("+     42")),
    (1234, "=+8", Ok("+   1234")),
    (-42, "=+8", Ok("-     42")),
    (-42, "+", Ok("-42")),
    (-9223372036854775808, "+", Ok("-9223372036854775808")),
    (7, "+", Ok("+7")),
    (1, " ", Ok(" 1")),
    (1234567, " ", Ok(" 1234567")),
    (1000000000000000, " ", Ok(" 1000000000000000")),
    (255, "-", Ok("255")),
    (1, "-", Ok("1")),
    (-1234, "-", Ok("-1234")),
    (-1234567, ",", Ok("-1,234,567")),
    (-9223372036854775808, ",", Ok("-9,223,372,036,854,775,808")),
    (255, ",", Ok("255")),
    (-1, "_", Ok("-1")),
    (0, "_", Ok("0")),
    (9223372036854775807, "_", Ok("9_223_372_036_854_775_807")),
    (1234, "010", Ok("0000001234")),
    (1, "010", Ok("0000000001")),
    (255, "010", Ok("0000000255")),
    (9223372036854775807, "010,", Ok("9,223,372,036,854,775,807")),
    (1, "010,", Ok("00,000,001")),
    (-1234567, "010,", Ok("-1,234,567")),
    (1000000000000000, "012_", Ok("1_000_000_000_000_000")),
    (-1, "012_", Ok("-000_000_001")),
    (-1234, "012_", Ok("-000_001_234")),
    (-1234567, "08,", Ok("-1,234,567")),
    (9223372036854775807, "08,", Ok("9,223,372,036,854,775,807")),
    (1234567, "08,", Ok("1,234,567")),
    (-42, "0=10,", Ok("-0,000,042")),
    (65, "0=10,", Ok("00,000,065")),
    (0, "0=10,", Ok("00,000,000")),
    (-42, "0>10,", Ok("0000000-42")),
    (-1234, "0>10,", Ok("0000-1,234")),
    (1000000000000000, "0>10,", Ok("1,000,000,000,000,000")),
    (-1, "0<10", Ok("-100000000")),
    (255, "0<10", Ok("2550000000")),
    (1234567, "0<10", Ok("1234567000")),
    (1000000000000000, "x", Ok("38d7ea4c68000")),
    (-1234567, "x", Ok("-12d687")),
    (1234567, "x", Ok("12d687")),
    (-9223372036854775808, "X", Ok("-8000000000000000")),
    (1234, "X", Ok("4D2")),
    (1234567, "X", Ok("12D687")),
    (128512, "#x", Ok("0x1f600")),
    (-1234, "#x", Ok("-0x4d2")),
    (0, "#x", Ok("0x0")),
    (-1, "#X", Ok("-0X1")),
    (7, "#X", Ok("0X7")),
    (128512, "#X", Ok("0X1F600")),
    (-1234, "#010x", Ok("-0x00004d2")),
    (-42, "#010x", Ok("-0x000002a")),
    (9223372036854775807, "#010x", Ok("0x7fffffffffffffff")),
    (128512, "_x", Ok("1_f600")),
    (-1234567, "_x", Ok("-12_d687")),
    (42, "_x", Ok("2a")),
    (7, "#_b", Ok("0b111")),
    (42, "#_b", Ok("0b10_1010")),
    (
        -9223372036854775808,
        "#_b",
        Ok("-0b1000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000"),
    ),
    (-1234567, "b", Ok("-100101101011010000111")),
    (-42, "b", Ok("-101010")),
    (
        9223372036854775807,
        "b",
        Ok("111111111111111111111111111111111111111111111111111111111111111"),
    ),
    (-42, "#b", Ok("-0b101010")),
    (0, "#b", Ok("0b0")),
    (255, "#b", Ok("0b11111111")),
    (1000000000000000, "o", Ok("34327724461500000")),
    (0, "o", Ok("0")),
    (-1234, "o", Ok("-2322")),
    (0, "#o", Ok("0o0")),
    (7, "#o", Ok("0o7")),
    (-1234567, "#o", Ok("-0o4553207")),
    (
        1000000000000000,
        "08b",
        Ok("11100011010111111010100100110001101000000000000000"),
    ),
    (0, "08b", Ok("00000000")),
    (255, "08b", Ok("11111111")),
    (255, "n", Ok("255")),
    (128512, "n", Ok("128512")),
    (1234567, "n", Ok("1234567")),
    (7, "5n", Ok("    7")),
    (128512, "5n", Ok("128512")),
    (-1234, "5n", Ok("-1234")),
    (1234, "e", Ok("1.234000e+03")),
    (-1, "e", Ok("-1.000000e+00")),
    (1, "e", Ok("1.000000e+00")),
    (-1234, ".2e", Ok("-1.23e+03")),
    (0, ".2e", Ok("0.00e+00")),
    (255, ".2e", Ok("2.55e+02")),
    (-1234, "f", Ok("-1234.000000")),
    (1234, "f", Ok("1234.000000")),
    (-42, "f", Ok("-42.000000")),
    (1, ".1f", Ok("1.0")),
    (-1234, ".1f", Ok("-1234.0")),
    (1234, ".1f", Ok("1234.0")),
    (65, "%", Ok("6500.000000%")),
    (7, "%", Ok("700.000000%")),
    (-42, "%", Ok("-4200.000000%")),
    (1234567, ".0%", Ok("123456700%")),
    (1234, ".0%", Ok("123400%")),
    (9223372036854775807, ".0%", Ok("922337203685477580800%")),
    (-9223372036854775808, "g", Ok("-9.22337e+18")),
    (7, "g", Ok("7")),
    (-1, "g", Ok("-1")),
    (9223372036854775807, "G", Ok("9.22337E+18")),
    (-9223372036854775808, "G", Ok("-9.22337E+18")),
    (-1234, "G", Ok("-1234")),
    (65, ",.2f", Ok("65.00")),
    (-1, ",.2f", Ok("-1.00")),
    (7, ",.2f", Ok("7.00")),
    (1234, "+.3e", Ok("+1.234e+03")),
    (9223372036854775807, "+.3e", Ok("+9.223e+18")),
    (1234567, "+.3e", Ok("+1.235e+06")),
    (0, "=^10", Ok("====0=====")),
    (42, "=^10", Ok("====42====")),
    (128512, "=^10", Ok("==128512==")),
    (-1234567, "\u{e9}>6", Ok("-1234567")),
    (-1, "\u{e9}>6", Ok("\u{e9}\u{e9}\u{e9}\u{e9}-1")),
    (7, "\u{e9}>6", Ok("\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}7")),
    (
        0,
        "\u{1f600}^5",
        Ok("\u{1f600}\u{1f600}0\u{1f600}\u{1f600}"),
    ),
    (-1234, "\u{1f600}^5", Ok("-1234")),
    (
        -9223372036854775808,
        "\u{1f600}^5",
        Ok("-9223372036854775808"),
    ),
    (1234, " d", Ok(" 1234")),
    (1234567, " d", Ok(" 1234567")),
    (1, " d", Ok(" 1")),
    (65, "-#x", Ok("0x41")),
    (-1234, "-#x", Ok("-0x4d2")),
    (9223372036854775807, "-#x", Ok("0x7fffffffffffffff")),
    (42, "x<", Ok("42")),
    (0, "x<", Ok("0")),
    (-42, "x<", Ok("-42")),
    (-1234, "#012_X", Ok("-0X0000_04D2")),
    (-1234567, "#012_X", Ok("-0X0012_D687")),
    (1, "#012_X", Ok("0X0_0000_0001")),
    (1234, "+#o", Ok("+0o2322")),
    (128512, "+#o", Ok("+0o373000")),
    (-1234, "+#o", Ok("-0o2322")),
    (
        -9223372036854775808,
        " 20,",
        Ok("-9,223,372,036,854,775,808"),
    ),
    (1234, " 20,", Ok("               1,234")),
    (-1234567, " 20,", Ok("          -1,234,567")),
    (65, "^+9", Ok("   +65   ")),
    (42, "^+9", Ok("   +42   ")),
    (-1234567, "^+9", Ok("-1234567 ")),
    (9223372036854775807, "=9", Ok("9223372036854775807")),
    (-9223372036854775808, "=9", Ok("-9223372036854775808")),
    (65, "=9", Ok("       65")),
    (-42, "_d", Ok("-42")),
    (1234, "_d", Ok("1_234")),
    (42, "_d", Ok("42")),
    (1, "#d", Ok("1")),
    (42, "#d", Ok("42")),
    (-42, "#d", Ok("-42")),
    (9223372036854775807, "0", Ok("9223372036854775807")),
    (65, "0", Ok("65")),
    (128512, "0", Ok("128512")),
    (255, "1", Ok("255")),
    (65, "1", Ok("65")),
    (42, "1", Ok("42")),
    (-1234, "20_b", Ok("      -100_1101_0010")),
    (0, "20_b", Ok("                   0")),
    (-1234567, "20_b", Ok("-1_0010_1101_0110_1000_0111")),
    (0, "E", Ok("0.000000E+00")),
    (65, "E", Ok("6.500000E+01")),
    (-9223372036854775808, "E", Ok("-9.223372E+18")),
    (42, ".3G", Ok("42")),
    (-1234, ".3G", Ok("-1.23E+03")),
    (-9223372036854775808, ".3G", Ok("-9.22E+18")),
    (1000000000000000, "#.0f", Ok("1000000000000000.")),
    (-1, "#.0f", Ok("-1.")),
    (7, "#.0f", Ok("7.")),
    (
        255,
        ".2d",
        Err("Precision not allowed in integer format specifier"),
    ),
    (
        -9223372036854775808,
        ".2d",
        Err("Precision not allowed in integer format specifier"),
    ),
    (
        1234,
        ".2d",
        Err("Precision not allowed in integer format specifier"),
    ),
    (
        1,
        "s",
        Err("Unknown format code 's' for object of type 'int'"),
    ),
    (
        -1234,
        "s",
        Err("Unknown format code 's' for object of type 'int'"),
    ),
    (
        1234567,
        "s",
        Err("Unknown format code 's' for object of type 'int'"),
    ),
    (
        -1234,
        "z",
        Err("Negative zero coercion (z) not allowed in integer format specifier"),
    ),
    (
        128512,
        "z",
        Err("Negative zero coercion (z) not allowed in integer format specifier"),
    ),
    (
        0,
        "z",
        Err("Negative zero coercion (z) not allowed in integer format specifier"),
    ),
    (
        1000000000000000,
        "zd",
        Err("Negative zero coercion (z) not allowed in integer format specifier"),
    ),
    (
        255,
        "zd",
        Err("Negative zero coercion (z) not allowed in integer format specifier"),
    ),
    (
        1234567,
        "zd",
        Err("Negative zero coercion (z) not allowed in integer format specifier"),
    ),
    (
        -1,
        "+c",
        Err("Sign not allowed with integer format specifier 'c'"),
    ),
    (
        9223372036854775807,
        "+c",
        Err("Sign not allowed with integer format specifier 'c'"),
    ),
    (
        255,
        "+c",
        Err("Sign not allowed with integer format specifier 'c'"),
    ),
    (
        255,
        "#c",
        Err("Alternate form (#) not allowed with integer format specifier 'c'"),
    ),
    (
        1234567,
        "#c",
        Err("Alternate form (#) not allowed with integer format specifier 'c'"),
    ),
    (
        -1234,
        "#c",
        Err("Alternate form (#) not allowed with integer format specifier 'c'"),
    ),
    (65, ",c", Err("Cannot specify ',' with 'c'.")),
    (-42, ",c", Err("Cannot specify ',' with 'c'.")),
    (-1234567, ",c", Err("Cannot specify ',' with 'c'.")),
    (128512, ",x", Err("Cannot specify ',' with 'x'.")),
    (1234567, ",x", Err("Cannot specify ',' with 'x'.")),
    (-1, ",x", Err("Cannot specify ',' with 'x'.")),
    (0, ",,", Err("Cannot specify ',' with ','.")),
    (65, ",,", Err("Cannot specify ',' with ','.")),
    (
        9223372036854775807,
        ",,",
        Err("Cannot specify ',' with ','."),
    ),
    (42, ".", Err("Format specifier missing precision")),
    (
        9223372036854775807,
        ".",
        Err("Format specifier missing precision"),
    ),
    (0, ".", Err("Format specifier missing precision")),
    (
        1,
        "<<<",
        Err("Unknown format code '<' for object of type 'int'"),
    ),
    (
        9223372036854775807,
        "<<<",
        Err("Unknown format code '<' for object of type 'int'"),
    ),
    (
        -9223372036854775808,
        "<<<",
        Err("Unknown format code '<' for object of type 'int'"),
    ),
    (
        1000000000000000,
        ",_",
        Err("Cannot specify both ',' and '_'."),
    ),
    (-1234, ",_", Err("Cannot specify both ',' and '_'.")),
    (7, ",_", Err("Cannot specify both ',' and '_'.")),
    (128512, "_,", Err("Cannot specify both ',' and '_'.")),
    (
        -9223372036854775808,
        "_,",
        Err("Cannot specify both ',' and '_'."),
    ),
    (1, "_,", Err("Cannot specify both ',' and '_'.")),
    (
        65,
        "99999999999999999999d",
        Err("Too many decimal digits in format string"),
    ),
    (
        7,
        "99999999999999999999d",
        Err("Too many decimal digits in format string"),
    ),
    (
        42,
        "99999999999999999999d",
        Err("Too many decimal digits in format string"),
    ),
    (-1234, ",n", Err("Cannot specify ',' with 'n'.")),
    (
        9223372036854775807,
        ",n",
        Err("Cannot specify ',' with 'n'."),
    ),
    (128512, ",n", Err("Cannot specify ',' with 'n'.")),
    (
        -9223372036854775808,
        "_n",
        Err("Cannot specify '_' with 'n'."),
    ),
    (1234567, "_n", Err("Cannot specify '_' with 'n'.")),
    (
        9223372036854775807,
        "_n",
        Err("Cannot specify '_' with 'n'."),
    ),
    (
        7,
        ".2,f",
        Err("Invalid format specifier '.2,f' for object of type 'int'"),
    ),
    (
        -9223372036854775808,
        ".2,f",
        Err("Invalid format specifier '.2,f' for object of type 'int'"),
    ),
    (
        -1234,
        ".2,f",
        Err("Invalid format specifier '.2,f' for object of type 'int'"),
    ),
    (
        128512,
        "q",
        Err("Unknown format code 'q' for object of type 'int'"),
    ),
    (
        1234567,
        "q",
        Err("Unknown format code 'q' for object of type 'int'"),
    ),
    (
        7,
        "q",
        Err("Unknown format code 'q' for object of type 'int'"),
    ),
    (
        -1,
        "\u{e9}",
        Err("Unknown format code '\\xe9' for object of type 'int'"),
    ),
    (
        255,
        "\u{e9}",
        Err("Unknown format code '\\xe9' for object of type 'int'"),
    ),
    (
        -42,
        "\u{e9}",
        Err("Unknown format code '\\xe9' for object of type 'int'"),
    ),
    (-1234567, " ", Ok("-1234567")),
    (1, " ", Ok(" 1")),
    (-9223372036854775808, " ", Ok("-9223372036854775808")),
    (
        -1234567,
        "10000000000000000000",
        Err("Too many decimal digits in format string"),
    ),
    (
        -1,
        "10000000000000000000",
        Err("Too many decimal digits in format string"),
    ),
    (
        -9223372036854775808,
        "10000000000000000000",
        Err("Too many decimal digits in format string"),
    ),
    (-1, ".x", Err("Format specifier missing precision")),
    (65, ".x", Err("Format specifier missing precision")),
    (42, ".x", Err("Format specifier missing precision")),
    (1234567, "1_,", Err("Cannot specify both ',' and '_'.")),
    (65, "1_,", Err("Cannot specify both ',' and '_'.")),
    (-1, "1_,", Err("Cannot specify both ',' and '_'.")),
    (1000000000000000, ".10000000000f", Err("precision too big")),
    (-42, ".10000000000f", Err("precision too big")),
    (-1, ".10000000000f", Err("precision too big")),
    (65, "c", Ok("A")),
    (128512, "c", Ok("\u{1f600}")),
    (233, "c", Ok("\u{e9}")),
    (0, "c", Ok("\u{0}")),
    (1114111, "c", Ok("\u{10ffff}")),
    (-1, "c", Err("%c arg not in range(0x110000)")),
    (1114112, "c", Err("%c arg not in range(0x110000)")),
    (10, "c", Ok("\n")),
    (65, "^5c", Ok("  A  ")),
    (128512, "^5c", Ok("  \u{1f600}  ")),
    (233, "^5c", Ok("  \u{e9}  ")),
    (0, "^5c", Ok("  \u{0}  ")),
    (1114111, "^5c", Ok("  \u{10ffff}  ")),
    (-1, "^5c", Err("%c arg not in range(0x110000)")),
    (1114112, "^5c", Err("%c arg not in range(0x110000)")),
    (10, "^5c", Ok("  \n  ")),
    (65, "0=5c", Ok("0000A")),
    (128512, "0=5c", Ok("0000\u{1f600}")),
    (233, "0=5c", Ok("0000\u{e9}")),
    (0, "0=5c", Ok("0000\u{0}")),
    (1114111, "0=5c", Ok("0000\u{10ffff}")),
    (-1, "0=5c", Err("%c arg not in range(0x110000)")),
    (1114112, "0=5c", Err("%c arg not in range(0x110000)")),
    (10, "0=5c", Ok("0000\n")),
];

const FLOAT_CASES: &[(&str, &str, Result<&str, &str>)] = &[
    ("-0.0", "", Ok("-0.0")),
    ("1e+16", "", Ok("1e+16")),
    ("0.5", "", Ok("0.5")),
    ("999999.9999", "", Ok("999999.9999")),
    ("1e+100", "f", Ok("10000000000000000159028911097599180468360808563945281389781327557747838772170381060813469985856815104.000000")),
    ("0.5", "f", Ok("0.500000")),
    ("-123.456", "f", Ok("-123.456000")),
    ("-1.0", "f", Ok("-1.000000")),
    ("1000000000000000.0", ".2f", Ok("1000000000000000.00")),
    ("1.7976931348623157e+308", ".2f", Ok("179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.00")),
    ("3.14159265358979", ".2f", Ok("3.14")),
    ("1.5e-07", ".2f", Ok("0.00")),
    ("5e-324", ".0f", Ok("0")),
    ("2.5", ".0f", Ok("2")),
    ("1e-05", ".0f", Ok("0")),
    ("0.0", ".0f", Ok("0")),
    ("-inf", "#.0f", Ok("-inf")),
    ("1e+22", "#.0f", Ok("10000000000000000000000.")),
    ("1234567.891", "#.0f", Ok("1234568.")),
    ("100.0", "#.0f", Ok("100.")),
    ("1e+23", ".10f", Ok("99999999999999991611392.0000000000")),
    ("1e-05", ".10f", Ok("0.0000100000")),
    ("123456789012345.0", ".10f", Ok("123456789012345.0000000000")),
    ("0.375", ".10f", Ok("0.3750000000")),
    ("1e-07", "e", Ok("1.000000e-07")),
    ("1.7976931348623157e+308", "e", Ok("1.797693e+308")),
    ("123.456", "e", Ok("1.234560e+02")),
    ("3.14159265358979", "e", Ok("3.141593e+00")),
    ("nan", ".3e", Ok("nan")),
    ("1000000000000000.0", ".3e", Ok("1.000e+15")),
    ("1e-07", ".3e", Ok("1.000e-07")),
    ("1.5e-07", ".3e", Ok("1.500e-07")),
    ("3.14159265358979", ".0e", Ok("3e+00")),
    ("-1.0", ".0e", Ok("-1e+00")),
    ("1e-05", ".0e", Ok("1e-05")),
    ("1e-05", ".0e", Ok("1e-05")),
    ("99999.5", "#.0e", Ok("1.e+05")),
    ("0.0001", "#.0e", Ok("1.e-04")),
    ("123456789012345.0", "#.0e", Ok("1.e+14")),
    ("1e+100", "#.0e", Ok("1.e+100")),
    ("-1.0", "E", Ok("-1.000000E+00")),
    ("2.5", "E", Ok("2.500000E+00")),
    ("0.000123456", "E", Ok("1.234560E-04")),
    ("-0.0004", "E", Ok("-4.000000E-04")),
    ("1e+23", "g", Ok("1e+23")),
    ("inf", "g", Ok("inf")),
    ("-0.0", "g", Ok("-0")),
    ("5e-324", "g", Ok("4.94066e-324")),
    ("0.5", ".3g", Ok("0.5")),
    ("-inf", ".3g", Ok("-inf")),
    ("0.995", ".3g", Ok("0.995")),
    ("1e+23", ".3g", Ok("1e+23")),
    ("123.456", "#g", Ok("123.456")),
    ("0.125", "#g", Ok("0.125000")),
    ("0.6666666666666666", "#g", Ok("0.666667")),
    ("1e-05", "#g", Ok("1.00000e-05")),
    ("99999.5", "#.3g", Ok("1.00e+05")),
    ("0.125", "#.3g", Ok("0.125")),
    ("1.2345678901234567e+19", "#.3g", Ok("1.23e+19")),
    ("0.5", "#.3g", Ok("0.500")),
    ("1.0", "G", Ok("1")),
    ("100.0", "G", Ok("100")),
    ("-inf", "G", Ok("-INF")),
    ("1e+23", "G", Ok("1E+23")),
    ("1e-05", ".0g", Ok("1e-05")),
    ("0.995", ".0g", Ok("1")),
    ("1000000000000000.0", ".0g", Ok("1e+15")),
    ("1e+23", ".0g", Ok("1e+23")),
    ("nan", ".1g", Ok("nan")),
    ("1000000000000000.0", ".1g", Ok("1e+15")),
    ("5e-324", ".1g", Ok("5e-324")),
    ("0.375", ".1g", Ok("0.4")),
    ("0.125", ".10g", Ok("0.125")),
    ("1.2345678901234567e+19", ".10g", Ok("1.23456789e+19")),
    ("-1e-300", ".10g", Ok("-1e-300")),
    ("1.0", ".10g", Ok("1")),
    ("1000000000000000.0", ".17g", Ok("1000000000000000")),
    ("nan", ".17g", Ok("nan")),
    ("1e-05", ".17g", Ok("1.0000000000000001e-05")),
    ("100.0", ".17g", Ok("100")),
    ("999999.9999", "%", Ok("99999999.990000%")),
    ("1.2345678901234567e+19", "%", Ok("1234567890123456774144.000000%")),
    ("1.7976931348623157e+308", "%", Ok("inf%")),
    ("1e-05", "%", Ok("0.001000%")),
    ("nan", ".1%", Ok("nan%")),
    ("0.5", ".1%", Ok("50.0%")),
    ("0.0001", ".1%", Ok("0.0%")),
    ("-123.456", ".1%", Ok("-12345.6%")),
    ("123.456", "10.2f", Ok("    123.46")),
    ("1e+16", "10.2f", Ok("10000000000000000.00")),
    ("1.2345678901234567e+19", "10.2f", Ok("12345678901234567168.00")),
    ("2.675", "10.2f", Ok("      2.67")),
    ("1e+22", "<10.2f", Ok("10000000000000000000000.00")),
    ("123456789012345.0", "<10.2f", Ok("123456789012345.00")),
    ("-1.0", "<10.2f", Ok("-1.00     ")),
    ("-1e-300", "<10.2f", Ok("-0.00     ")),
    ("inf", "^12.3e", Ok("    inf     ")),
    ("1e+23", "^12.3e", Ok(" 1.000e+23  ")),
    ("0.125", "^12.3e", Ok(" 1.250e-01  ")),
    ("1e+16", "^12.3e", Ok(" 1.000e+16  ")),
    ("-0.0", "=+12.2f", Ok("-       0.00")),
    ("0.000123456", "=+12.2f", Ok("+       0.00")),
    ("1e+23", "=+12.2f", Ok("+99999999999999991611392.00")),
    ("1.0", "=+12.2f", Ok("+       1.00")),
    ("0.0", "+", Ok("+0.0")),
    ("123.456", "+", Ok("+123.456")),
    ("1234567.891", "+", Ok("+1234567.891")),
    ("1e+23", "+", Ok("+1e+23")),
    ("1234567.891", " ", Ok(" 1234567.891")),
    ("-123.456", " ", Ok("-123.456")),
    ("1e+23", " ", Ok(" 1e+23")),
    ("99999.5", " ", Ok(" 99999.5")),
    ("-0.0", "+.2f", Ok("-0.00")),
    ("1000000000000000.0", "+.2f", Ok("+1000000000000000.00")),
    ("2.5", "+.2f", Ok("+2.50")),
    ("-inf", "+.2f", Ok("-inf")),
    ("0.5", " .2f", Ok(" 0.50")),
    ("99999.5", " .2f", Ok(" 99999.50")),
    ("1234567.891", " .2f", Ok(" 1234567.89")),
    ("1e+100", " .2f", Ok(" 10000000000000000159028911097599180468360808563945281389781327557747838772170381060813469985856815104.00")),
    ("2.5", "010.2f", Ok("0000002.50")),
    ("123456789012345.0", "010.2f", Ok("123456789012345.00")),
    ("0.0", "010.2f", Ok("0000000.00")),
    ("-1e-300", "010.2f", Ok("-000000.00")),
    ("0.125", "010,.2f", Ok("000,000.12")),
    ("0.0001", "010,.2f", Ok("000,000.00")),
    ("1e-07", "010,.2f", Ok("000,000.00")),
    ("0.5", "010,.2f", Ok("000,000.50")),
    ("0.995", ",", Ok("0.995")),
    ("1e+23", ",", Ok("1e+23")),
    ("3.14159265358979", ",", Ok("3.14159265358979")),
    ("inf", ",", Ok("inf")),
    ("0.995", ",.2f", Ok("0.99")),
    ("nan", ",.2f", Ok("nan")),
    ("1e-05", ",.2f", Ok("0.00")),
    ("123456789012345.0", ",.2f", Ok("123,456,789,012,345.00")),
    ("-0.0", "_.3f", Ok("-0.000")),
    ("1e+22", "_.3f", Ok("10_000_000_000_000_000_000_000.000")),
    ("0.375", "_.3f", Ok("0.375")),
    ("0.5", "_.3f", Ok("0.500")),
    ("-inf", ",g", Ok("-inf")),
    ("2.5", ",g", Ok("2.5")),
    ("100.0", ",g", Ok("100")),
    ("0.000123456", ",g", Ok("0.000123456")),
    ("0.0001", "0=15,.2f", Ok("0,000,000,000.00")),
    ("1000000000000000.0", "0=15,.2f", Ok("1,000,000,000,000,000.00")),
    ("-inf", "0=15,.2f", Ok("-00000000000inf")),
    ("0.1", "0=15,.2f", Ok("0,000,000,000.10")),
    ("0.125", "z.2f", Ok("0.12")),
    ("inf", "z.2f", Ok("inf")),
    ("-1.0", "z.2f", Ok("-1.00")),
    ("1e-05", "z.2f", Ok("0.00")),
    ("2.5", "z", Ok("2.5")),
    ("100.0", "z", Ok("100.0")),
    ("1.5", "z", Ok("1.5")),
    ("-1.0", "z", Ok("-1.0")),
    ("0.0", "z.0f", Ok("0")),
    ("1.5e-07", "z.0f", Ok("0")),
    ("-0.0", "z.0f", Ok("0")),
    ("2.675", "z.0f", Ok("3")),
    ("-0.0004", "z.1e", Ok("-4.0e-04")),
    ("999999.9999", "z.1e", Ok("1.0e+06")),
    ("-1e-300", "z.1e", Ok("-1.0e-300")),
    ("-0.0", "z.1e", Ok("0.0e+00")),
    ("9.5", ".3", Ok("9.5")),
    ("1e-05", ".3", Ok("1e-05")),
    ("0.6666666666666666", ".3", Ok("0.667")),
    ("0.995", ".3", Ok("0.995")),
    ("1e+16", ".1", Ok("1e+16")),
    ("3.14159265358979", ".1", Ok("3e+00")),
    ("1.7976931348623157e+308", ".1", Ok("2e+308")),
    ("100.0", ".1", Ok("1e+02")),
    ("-1e-300", ".0", Ok("-1e-300")),
    ("99999.5", ".0", Ok("1e+05")),
    ("5e-324", ".0", Ok("5e-324")),
    ("1.5e-07", ".0", Ok("1e-07")),
    ("0.0001", "#", Ok("0.0001")),
    ("1.5", "#", Ok("1.5")),
    ("-1e-300", "#", Ok("-1.e-300")),
    ("1000000000000000.0", "#", Ok("1000000000000000.0")),
    ("1.7976931348623157e+308", "#.3", Ok("1.80e+308")),
    ("-1.0", "#.3", Ok("-1.00")),
    ("-inf", "#.3", Ok("-inf")),
    ("0.375", "#.3", Ok("0.375")),
    ("1e+23", "10", Ok("     1e+23")),
    ("2.675", "10", Ok("     2.675")),
    ("0.5", "10", Ok("       0.5")),
    ("1000000000000000.0", "10", Ok("1000000000000000.0")),
    ("0.125", "012", Ok("00000000.125")),
    ("1e+22", "012", Ok("00000001e+22")),
    ("0.0", "012", Ok("0000000000.0")),
    ("1234567.891", "012", Ok("01234567.891")),
    ("1e-05", "n", Ok("1e-05")),
    ("2.675", "n", Ok("2.675")),
    ("0.6666666666666666", "n", Ok("0.666667")),
    ("100.0", "n", Ok("100")),
    ("1.7976931348623157e+308", ".3n", Ok("1.8e+308")),
    ("0.0001", ".3n", Ok("0.0001")),
    ("5e-324", ".3n", Ok("4.94e-324")),
    ("1000000000000000.0", ".3n", Ok("1e+15")),
    ("nan", "F", Ok("NAN")),
    ("0.5", "F", Ok("0.500000")),
    ("1.7976931348623157e+308", "F", Ok("179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.000000")),
    ("1234567.891", "F", Ok("1234567.891000")),
    ("999999.9999", ".2F", Ok("1000000.00")),
    ("0.995", ".2F", Ok("0.99")),
    ("99999.5", ".2F", Ok("99999.50")),
    ("-inf", ".2F", Ok("-INF")),
    ("0.1", "12,.0f", Ok("           0")),
    ("1e-05", "12,.0f", Ok("           0")),
    ("1.7976931348623157e+308", "12,.0f", Ok("179,769,313,486,231,570,814,527,423,731,704,356,798,070,567,525,844,996,598,917,476,803,157,260,780,028,538,760,589,558,632,766,878,171,540,458,953,514,382,464,234,321,326,889,464,182,768,467,546,703,537,516,986,049,910,576,551,282,076,245,490,090,389,328,944,075,868,508,455,133,942,304,583,236,903,222,948,165,808,559,332,123,348,274,797,826,204,144,723,168,738,177,180,919,299,881,250,404,026,184,124,858,368")),
    ("nan", "12,.0f", Ok("         nan")),
    ("1e+22", "+015_.1f", Ok("+10_000_000_000_000_000_000_000.0")),
    ("999999.9999", "+015_.1f", Ok("+0_001_000_000.0")),
    ("-0.0004", "+015_.1f", Ok("-0_000_000_000.0")),
    ("0.125", "+015_.1f", Ok("+0_000_000_000.1")),
    ("99999.5", "*^15g", Ok("****99999.5****")),
    ("1e+100", "*^15g", Ok("****1e+100*****")),
    ("1e+22", "*^15g", Ok("*****1e+22*****")),
    ("1.2345678901234567e+19", "*^15g", Ok("**1.23457e+19**")),
    ("1.7976931348623157e+308", "#.0%", Ok("inf%")),
    ("1e-05", "#.0%", Ok("0.%")),
    ("2.5", "#.0%", Ok("250.%")),
    ("2.675", "#.0%", Ok("268.%")),
    ("9.5", ",.0%", Ok("950%")),
    ("0.995", ",.0%", Ok("100%")),
    ("0.5", ",.0%", Ok("50%")),
    ("-123.456", ",.0%", Ok("-12,346%")),
    ("-inf", " =12", Ok("-        inf")),
    ("0.000123456", " =12", Ok(" 0.000123456")),
    ("0.375", " =12", Ok("       0.375")),
    ("1000000000000000.0", " =12", Ok("1000000000000000.0")),
    ("999999.9999", ".20f", Ok("999999.99990000005345791578")),
    ("-0.0004", ".20f", Ok("-0.00040000000000000002")),
    ("1e+22", ".20f", Ok("10000000000000000000000.00000000000000000000")),
    ("nan", ".20f", Ok("nan")),
    ("1.7976931348623157e+308", ".25e", Ok("1.7976931348623157081452742e+308")),
    ("1e+23", ".25e", Ok("9.9999999999999991611392000e+22")),
    ("-inf", ".25e", Ok("-inf")),
    ("inf", ".25e", Ok("inf")),
    ("1.7976931348623157e+308", ".30g", Ok("1.79769313486231570814527423732e+308")),
    ("1e-07", ".30g", Ok("9.99999999999999954748111825886e-08")),
    ("1000000000000000.0", ".30g", Ok("1000000000000000")),
    ("3.14159265358979", ".30g", Ok("3.14159265358979000737349451811")),
    ("0.1", "^", Ok("0.1")),
    ("-123.456", "^", Ok("-123.456")),
    ("999999.9999", "^", Ok("999999.9999")),
    ("0.0001", "^", Ok("0.0001")),
    ("1e+16", "#10.4g", Ok(" 1.000e+16")),
    ("5e-324", "#10.4g", Ok("4.941e-324")),
    ("999999.9999", "#10.4g", Ok(" 1.000e+06")),
    ("-inf", "#10.4g", Ok("      -inf")),
    ("999999.9999", "-", Ok("999999.9999")),
    ("inf", "-", Ok("inf")),
    ("0.375", "-", Ok("0.375")),
    ("1e+23", "-", Ok("1e+23")),
    ("1.7976931348623157e+308", "d", Err("Unknown format code 'd' for object of type 'float'")),
    ("-1e-300", "d", Err("Unknown format code 'd' for object of type 'float'")),
    ("0.0001", "d", Err("Unknown format code 'd' for object of type 'float'")),
    ("1.0", "d", Err("Unknown format code 'd' for object of type 'float'")),
    ("123456789012345.0", "x", Err("Unknown format code 'x' for object of type 'float'")),
    ("1.7976931348623157e+308", "x", Err("Unknown format code 'x' for object of type 'float'")),
    ("-1e-300", "x", Err("Unknown format code 'x' for object of type 'float'")),
    ("99999.5", "x", Err("Unknown format code 'x' for object of type 'float'")),
    ("0.1", "s", Err("Unknown format code 's' for object of type 'float'")),
    ("123456789012345.0", "s", Err("Unknown format code 's' for object of type 'float'")),
    ("2.5", "s", Err("Unknown format code 's' for object of type 'float'")),
    ("1.2345678901234567e+19", "s", Err("Unknown format code 's' for object of type 'float'")),
    ("123.456", "c", Err("Unknown format code 'c' for object of type 'float'")),
    ("0.5", "c", Err("Unknown format code 'c' for object of type 'float'")),
    ("1.5", "c", Err("Unknown format code 'c' for object of type 'float'")),
    ("1e+23", "c", Err("Unknown format code 'c' for object of type 'float'")),
    ("123.456", ".2,f", Err("Invalid format specifier '.2,f' for object of type 'float'")),
    ("1e+100", ".2,f", Err("Invalid format specifier '.2,f' for object of type 'float'")),
    ("1e-05", ".2,f", Err("Invalid format specifier '.2,f' for object of type 'float'")),
    ("1e+23", ".2,f", Err("Invalid format specifier '.2,f' for object of type 'float'")),
    ("0.1", ",n", Err("Cannot specify ',' with 'n'.")),
    ("1e-05", ",n", Err("Cannot specify ',' with 'n'.")),
    ("1234567.891", ",n", Err("Cannot specify ',' with 'n'.")),
    ("1e+22", ",n", Err("Cannot specify ',' with 'n'.")),
    ("0.995", ".10000000000f", Err("precision too big")),
    ("2.675", ".10000000000f", Err("precision too big")),
    ("1e+16", ".10000000000f", Err("precision too big")),
    ("9.5", ".10000000000f", Err("precision too big")),
    ("-123.456", "99999999999999999999f", Err("Too many decimal digits in format string")),
    ("0.6666666666666666", "99999999999999999999f", Err("Too many decimal digits in format string")),
    ("1e+23", "99999999999999999999f", Err("Too many decimal digits in format string")),
    ("3.14159265358979", "99999999999999999999f", Err("Too many decimal digits in format string")),
    ("0.125", ",,", Err("Cannot specify ',' with ','.")),
    ("0.6666666666666666", ",,", Err("Cannot specify ',' with ','.")),
    ("0.0001", ",,", Err("Cannot specify ',' with ','.")),
    ("1e+100", ",,", Err("Cannot specify ',' with ','.")),
    ("3.14159265358979", "#_", Ok("3.14159265358979")),
    ("nan", "#_", Ok("nan")),
    ("-inf", "#_", Ok("-inf")),
    ("1e+22", "#_", Ok("1.e+22")),
    ("1234567.891", "zg", Ok("1.23457e+06")),
    ("1.5e-07", "zg", Ok("1.5e-07")),
    ("9.5", "zg", Ok("9.5")),
    ("123456789012345.0", "zg", Ok("1.23457e+14")),
    ("0.5", "_n", Err("Cannot specify '_' with 'n'.")),
    ("1e-07", "_n", Err("Cannot specify '_' with 'n'.")),
    ("999999.9999", "_n", Err("Cannot specify '_' with 'n'.")),
    ("1.7976931348623157e+308", "_n", Err("Cannot specify '_' with 'n'.")),
    ("inf", ". f", Err("Format specifier missing precision")),
    ("0.0001", ". f", Err("Format specifier missing precision")),
    ("1e+23", ". f", Err("Format specifier missing precision")),
    ("0.125", ". f", Err("Format specifier missing precision")),
    ("-0.0", "1.2.3", Err("Invalid format specifier '1.2.3' for object of type 'float'")),
    ("0.1", "1.2.3", Err("Invalid format specifier '1.2.3' for object of type 'float'")),
    ("1e+23", "1.2.3", Err("Invalid format specifier '1.2.3' for object of type 'float'")),
    ("nan", "1.2.3", Err("Invalid format specifier '1.2.3' for object of type 'float'")),
];

const STR_CASES: &[(&str, &str, Result<&str, &str>)] = &[
    ("h\u{e9}llo", "", Ok("h\u{e9}llo")),
    ("\u{1f600}x", "", Ok("\u{1f600}x")),
    ("ab", "", Ok("ab")),
    ("abcdefgh", "s", Ok("abcdefgh")),
    ("\u{1f600}x", "s", Ok("\u{1f600}x")),
    ("h\u{e9}llo", "s", Ok("h\u{e9}llo")),
    ("h\u{e9}llo", "5", Ok("h\u{e9}llo")),
    ("", "5", Ok("     ")),
    ("\u{1f600}x", "5", Ok("\u{1f600}x   ")),
    ("\u{1f600}x", "<5", Ok("\u{1f600}x   ")),
    ("abcdefgh", "<5", Ok("abcdefgh")),
    ("ab", "<5", Ok("ab   ")),
    ("", ">5", Ok("     ")),
    ("ab", ">5", Ok("   ab")),
    ("abcdefgh", ">5", Ok("abcdefgh")),
    ("ab", "^6", Ok("  ab  ")),
    ("h\u{e9}llo", "^6", Ok("h\u{e9}llo ")),
    ("abcdefgh", "^6", Ok("abcdefgh")),
    ("", "*^7", Ok("*******")),
    ("abcdefgh", "*^7", Ok("abcdefgh")),
    ("ab", "*^7", Ok("**ab***")),
    ("abcdefgh", ".2", Ok("ab")),
    ("\u{1f600}x", ".2", Ok("\u{1f600}x")),
    ("h\u{e9}llo", ".2", Ok("h\u{e9}")),
    ("\u{1f600}x", "5.2", Ok("\u{1f600}x   ")),
    ("h\u{e9}llo", "5.2", Ok("h\u{e9}   ")),
    ("abcdefgh", "5.2", Ok("ab   ")),
    ("ab", "05", Ok("ab000")),
    ("", "05", Ok("00000")),
    ("abcdefgh", "05", Ok("abcdefgh")),
    ("", "0>5", Ok("00000")),
    ("\u{1f600}x", "0>5", Ok("000\u{1f600}x")),
    ("h\u{e9}llo", "0>5", Ok("h\u{e9}llo")),
    ("h\u{e9}llo", "\u{e9}^5", Ok("h\u{e9}llo")),
    ("abcdefgh", "\u{e9}^5", Ok("abcdefgh")),
    ("ab", "\u{e9}^5", Ok("\u{e9}ab\u{e9}\u{e9}")),
    ("", ".2s", Ok("")),
    ("abcdefgh", ".2s", Ok("ab")),
    ("h\u{e9}llo", ".2s", Ok("h\u{e9}")),
    ("ab", ">10.3s", Ok("        ab")),
    ("", ">10.3s", Ok("          ")),
    ("\u{1f600}x", ">10.3s", Ok("        \u{1f600}x")),
    ("ab", "x<5", Ok("abxxx")),
    ("\u{1f600}x", "x<5", Ok("\u{1f600}xxxx")),
    ("abcdefgh", "x<5", Ok("abcdefgh")),
    ("\u{1f600}x", "^", Ok("\u{1f600}x")),
    ("", "^", Ok("")),
    ("h\u{e9}llo", "^", Ok("h\u{e9}llo")),
    ("ab", ".0", Ok("")),
    ("\u{1f600}x", ".0", Ok("")),
    ("", ".0", Ok("")),
    ("ab", ".100", Ok("ab")),
    ("\u{1f600}x", ".100", Ok("\u{1f600}x")),
    ("", ".100", Ok("")),
    ("h\u{e9}llo", "0", Ok("h\u{e9}llo")),
    ("\u{1f600}x", "0", Ok("\u{1f600}x")),
    ("ab", "0", Ok("ab")),
    ("ab", "00", Ok("ab")),
    ("\u{1f600}x", "00", Ok("\u{1f600}x")),
    ("h\u{e9}llo", "00", Ok("h\u{e9}llo")),
    (
        "abcdefgh",
        "=5",
        Err("'=' alignment not allowed in string format specifier"),
    ),
    (
        "\u{1f600}x",
        "=5",
        Err("'=' alignment not allowed in string format specifier"),
    ),
    (
        "h\u{e9}llo",
        "=5",
        Err("'=' alignment not allowed in string format specifier"),
    ),
    (
        "ab",
        "+",
        Err("Sign not allowed in string format specifier"),
    ),
    (
        "h\u{e9}llo",
        "+",
        Err("Sign not allowed in string format specifier"),
    ),
    ("", "+", Err("Sign not allowed in string format specifier")),
    ("", " ", Err("Space not allowed in string format specifier")),
    (
        "ab",
        " ",
        Err("Space not allowed in string format specifier"),
    ),
    (
        "abcdefgh",
        " ",
        Err("Space not allowed in string format specifier"),
    ),
    (
        "ab",
        "-",
        Err("Sign not allowed in string format specifier"),
    ),
    (
        "h\u{e9}llo",
        "-",
        Err("Sign not allowed in string format specifier"),
    ),
    ("", "-", Err("Sign not allowed in string format specifier")),
    (
        "",
        "z",
        Err("Negative zero coercion (z) not allowed in string format specifier"),
    ),
    (
        "h\u{e9}llo",
        "z",
        Err("Negative zero coercion (z) not allowed in string format specifier"),
    ),
    (
        "abcdefgh",
        "z",
        Err("Negative zero coercion (z) not allowed in string format specifier"),
    ),
    (
        "h\u{e9}llo",
        "#",
        Err("Alternate form (#) not allowed in string format specifier"),
    ),
    (
        "\u{1f600}x",
        "#",
        Err("Alternate form (#) not allowed in string format specifier"),
    ),
    (
        "abcdefgh",
        "#",
        Err("Alternate form (#) not allowed in string format specifier"),
    ),
    ("ab", ",", Err("Cannot specify ',' with 's'.")),
    ("abcdefgh", ",", Err("Cannot specify ',' with 's'.")),
    ("", ",", Err("Cannot specify ',' with 's'.")),
    ("h\u{e9}llo", "_", Err("Cannot specify '_' with 's'.")),
    ("abcdefgh", "_", Err("Cannot specify '_' with 's'.")),
    ("", "_", Err("Cannot specify '_' with 's'.")),
    ("ab", ",s", Err("Cannot specify ',' with 's'.")),
    ("abcdefgh", ",s", Err("Cannot specify ',' with 's'.")),
    ("\u{1f600}x", ",s", Err("Cannot specify ',' with 's'.")),
    (
        "ab",
        "d",
        Err("Unknown format code 'd' for object of type 'str'"),
    ),
    (
        "",
        "d",
        Err("Unknown format code 'd' for object of type 'str'"),
    ),
    (
        "abcdefgh",
        "d",
        Err("Unknown format code 'd' for object of type 'str'"),
    ),
    (
        "abcdefgh",
        "x",
        Err("Unknown format code 'x' for object of type 'str'"),
    ),
    (
        "",
        "x",
        Err("Unknown format code 'x' for object of type 'str'"),
    ),
    (
        "ab",
        "x",
        Err("Unknown format code 'x' for object of type 'str'"),
    ),
    (
        "abcdefgh",
        "=",
        Err("'=' alignment not allowed in string format specifier"),
    ),
    (
        "",
        "=",
        Err("'=' alignment not allowed in string format specifier"),
    ),
    (
        "ab",
        "=",
        Err("'=' alignment not allowed in string format specifier"),
    ),
    ("abcdefgh", ".", Err("Format specifier missing precision")),
    ("h\u{e9}llo", ".", Err("Format specifier missing precision")),
    ("ab", ".", Err("Format specifier missing precision")),
    (
        "\u{1f600}x",
        "10000000000000000000000",
        Err("Too many decimal digits in format string"),
    ),
    (
        "ab",
        "10000000000000000000000",
        Err("Too many decimal digits in format string"),
    ),
    (
        "h\u{e9}llo",
        "10000000000000000000000",
        Err("Too many decimal digits in format string"),
    ),
    (
        "",
        "ss",
        Err("Invalid format specifier 'ss' for object of type 'str'"),
    ),
    (
        "h\u{e9}llo",
        "ss",
        Err("Invalid format specifier 'ss' for object of type 'str'"),
    ),
    (
        "abcdefgh",
        "ss",
        Err("Invalid format specifier 'ss' for object of type 'str'"),
    ),
    (
        "abcdefgh",
        " 5",
        Err("Space not allowed in string format specifier"),
    ),
    (
        "\u{1f600}x",
        " 5",
        Err("Space not allowed in string format specifier"),
    ),
    (
        "h\u{e9}llo",
        " 5",
        Err("Space not allowed in string format specifier"),
    ),
];

const REPR_CASES: &[(u64, &str)] = &[
    (0x4341c37937e08000, "1e+16"),
    (0x430c6bf526340000, "1000000000000000.0"),
    (0x4341c37937e07fff, "9999999999999998.0"),
    (0x3f1a36e2eb1c432d, "0.0001"),
    (0x3ee4f8b588e368f1, "1e-05"),
    (0x3f202c9dedbc309d, "0.0001234"),
    (0x4351c37937e08002, "2.000000000000001e+16"),
    (0x0000000000000001, "5e-324"),
    (0x0010000000000000, "2.2250738585072014e-308"),
    (0x7fefffffffffffff, "1.7976931348623157e+308"),
    (0x8000000000000000, "-0.0"),
    (0x3fd3333333333334, "0.30000000000000004"),
    (0x3fd5555555555555, "0.3333333333333333"),
    (0x437b69b4ba630f35, "1.2345678901234568e+17"),
    (0x43e56a95319d63e1, "1.2345678901234567e+19"),
    (0xc0655543538059f0, "-170.6644685274946"),
    (0xd2eeeb1c2af42d39, "-3.1490945094957058e+91"),
    (0xc03bf9e1406f3b3b, "-27.9760933181344"),
    (0x4910c37602a50ee6, "9.345974394199176e+43"),
    (0xc16b224c6eb19d94, "-14226019.459181584"),
    (0x6f061d6dc38671b6, "6.548665900164014e+226"),
    (0x2b5f0d7f34c29d95, "8.873217502318333e-100"),
    (0x054d94aff457da46, "3.9785438461967566e-283"),
    (0x9f4d5964ee7e74f5, "-6.680185135569682e-158"),
    (0x5ba2c7dd5ae10604, "2.6661241316537593e+133"),
    (0x181123454ae6403c, "9.390684453297159e-193"),
    (0x7d7495289cefae90, "2.103279844068053e+296"),
    (0x6a365f055f3557ca, "4.3837511747457446e+203"),
    (0x5343d1535b0b298b, "1.2918183478854994e+93"),
    (0x90f579800a44acfb, "-5.66563461921083e-227"),
    (0x89ee6ffc4d78c14d, "-7.732891943801916e-261"),
    (0x87a0d63bdf391f6c, "-6.224647959654323e-272"),
    (0xfcbd001f9f3a7d24, "-7.235041499479518e+292"),
    (0xe79e5b8e8e068a05, "-1.3525873815826315e+191"),
    (0x4c76c9470276290d, "2.2885047233259945e+60"),
    (0xdf3a9c7e9fa427c5, "-5.444325174971896e+150"),
    (0x50ad0e2e8f2daa81, "4.3064130955624916e+80"),
    (0xefdf751c23aa2228, "-7.630980742701265e+230"),
    (0x0ebe23f4d6be2478, "1.1571595231808432e-237"),
    (0x516af10ceb0ba117, "1.6355817113871876e+84"),
    (0xee8f68553d3e5076, "-3.6329620044705347e+224"),
    (0xa953d1ff8b9de2e1, "-1.3186572672502793e-109"),
    (0xb4dc0ea3c82b9142, "-4.577042129244489e-54"),
    (0x3455d959e4b2a62a, "1.3923003854156658e-56"),
    (0x1f25b1afe268fe0c, "1.2344506478942797e-158"),
    (0xf5adc298165f5ae8, "-7.149590419105579e+258"),
    (0x10e0b380f564d963, "2.2031324546194194e-227"),
    (0x2ce7fa4b9c106a74, "2.299000975894252e-92"),
    (0x6e4a348ebe33be03, "1.894506027626325e+223"),
    (0xd1b7b97bfe5facc4, "-4.608894185361081e+85"),
    (0xade25234fc9aea31, "-1.1512332216852175e-87"),
    (0xff98620d5728c5cb, "-4.2805840407363406e+306"),
    (0xc77e262b44806cb2, "-2.5046890453153308e+36"),
    (0x6ff0045e0b8727dc, "1.5541734660063165e+231"),
    (0xe95436d4380fad24, "-2.4176486327855752e+199"),
    (0x510ef81d5fb19a67, "2.937641502791343e+82"),
    (0x0d2ef61056555894, "3.5425104658611286e-245"),
    (0xf59b4f46a1a38d93, "-3.2804450939654898e+258"),
    (0xe1958bb0fcc7d3a1, "-1.2116513639167155e+162"),
    (0xa9086d4c50afa90b, "-5.078562203156456e-111"),
    (0x7ae27fb0b0aa66e0, "8.596254143461597e+283"),
    (0x342a8ce0e6c48a1d, "2.1148539439709408e-57"),
    (0x38255519dc3bed39, "3.134518259016573e-38"),
    (0x114481a39efe45e4, "1.7312617839780965e-225"),
    (0x180cc025d37db35e, "7.876972981849528e-193"),
    (0x7aa5c038ab34f137, "6.317168667639684e+282"),
    (0xe571c7807e57d0c4, "-4.610968777190115e+180"),
    (0xeea7f7dfcecf282a, "-1.1089788498692267e+225"),
    (0x83acfa6029fb0d62, "-5.8076850552735055e-291"),
    (0xac6bb15c33d0ea44, "-1.0371903080444674e-94"),
    (0x77c8619be79b2b6a, "1.0062890324875893e+269"),
    (0xc6b42f9c88aadb04, "-4.0942036059348986e+32"),
    (0xb4cfed4363d0a63d, "-2.6041519116156562e-54"),
    (0xfc1f843b5611d2db, "-7.67846213213011e+289"),
    (0xd87c2d5130e87472, "-1.7763697946277366e+118"),
    (0x4307db7056988000, "839400000000000.0"),
    (0x418167a3c0000000, "36500600.0"),
    (0x3cbf4d44000a646e, "4.344e-16"),
    (0xbe04804b61640fbf, "-5.96662e-10"),
    (0xbc27ebbb0a47a324, "-6.483751999999999e-19"),
    (0xc114fe3eb851eb85, "-343951.68"),
    (0x439274aed061e580, "3.3247e+17"),
    (0xbd4e7f70b86b3ebd, "-2.167e-13"),
    (0x43e00f0ea967213c, "9.257278e+18"),
    (0xbd321003dbcf1284, "-6.41711e-14"),
    (0xbd6d43502dea5a14, "-8.317028400000001e-13"),
    (0x42f96225e3078800, "446549330000000.0"),
    (0x3e2c00d0d9209616, "3.26e-09"),
    (0xc18ad7f570000000, "-56295086.0"),
    (0x3d60fd9396d27cf1, "4.829e-13"),
    (0x415f8b3440a3d70a, "8269009.01"),
    (0x427fa8ec92a40000, "2175649000000.0"),
    (0x419ad88f00000000, "112600000.0"),
    (0x3ed8997eec9a1ca1, "5.865e-06"),
    (0x3e2c752a87ba775b, "3.3129100000000003e-09"),
    (0x3e6a6f5dc29baf09, "4.9239070000000004e-08"),
    (0xbd6194e5c06fadc4, "-4.997e-13"),
    (0x42a19a4af1db0000, "9677190000000.0"),
    (0x43281b779d967fff, "3392799999999999.5"),
    (0xc2355a76112c0000, "-91712000300.0"),
    (0x43382ade3336da92, "6802533271394962.0"),
    (0x433f997bc4b0d1fe, "8894481137979902.0"),
    (0x4317fed2b0555e21, "1688526329829256.2"),
    (0x431fa4f8088013f1, "2226777369871612.2"),
    (0x432b221ece649df0, "3818670039125752.0"),
    (0x43320b7416c5bf9c, "5079142806962076.0"),
    (0x43233e7d056ba286, "2708365620138307.0"),
    (0x433d684a11ae6a1a, "8277441658120730.0"),
    (0x4330f204ea7a58f0, "4769702555048176.0"),
    (0x432d64d1af3918b6, "4136813037653083.0"),
    (0x431dc0549a8f4465, "2093560981868825.2"),
    (0x432903820520157a, "3520365692193469.0"),
    (0x432b7eec86b8fbf2, "3869689354419705.0"),
    (0x4336b6ada8724493, "6393306459292819.0"),
    (0x43370a6f704a6bc9, "6485398205918153.0"),
    (0x433a6f36e0ef85df, "7440630887187935.0"),
    (0x43310047c882444a, "4785382910739530.0"),
    (0x4329ecbfe62ccd02, "3648591681185409.0"),
    (0x431deb73fe900289, "2105414437306530.2"),
    (0x43298084a7cb452c, "3589090828460694.0"),
    (0x4296469600000000, "6123105026048.0"),
    (0x417c559400000000, "29710656.0"),
    (0x4508e2c600000000, "3.7606408689007793e+24"),
    (0x42ce868c00000000, "67126446522368.0"),
    (0x3ed07f0000000000, "3.932975232601166e-06"),
    (0x4395c7c000000000, "3.9235852534861005e+17"),
    (0x3f7dd00000000000, "0.0072784423828125"),
    (0x444d414000000000, "1.0793146722971036e+21"),
    (0x455dd8f800000000, "1.4433381888661748e+26"),
    (0x45f5bda400000000, "1.0765514646813763e+29"),
];

const ROUND_CASES: &[(&str, i64, &str)] = &[
    ("2.675", 2, "2.67"),
    ("0.125", 2, "0.12"),
    ("0.375", 2, "0.38"),
    ("1234.5", -2, "1200.0"),
    ("1250.0", -2, "1200.0"),
    ("1350.0", -2, "1400.0"),
    ("5e-324", 323, "0.0"),
    ("5e-324", 400, "5e-324"),
    ("1e+300", -300, "1e+300"),
    ("-0.4", 0, "-0.0"),
    ("0.5", 0, "0.0"),
    ("1.5", 0, "2.0"),
    ("2.5", 0, "2.0"),
    ("-2.5", 0, "-2.0"),
    ("123.456", 1, "123.5"),
    ("0.285", 2, "0.28"),
    ("1.005", 2, "1.0"),
    ("1e+22", -21, "1e+22"),
    ("4.5", -1, "0.0"),
    ("5.5", -1, "10.0"),
    ("15.0", -1, "20.0"),
    ("25.0", -1, "20.0"),
    ("-25.0", -1, "-20.0"),
    ("-4.0", -1, "-0.0"),
    ("1245.4", -1, "1250.0"),
    ("1244.6", -1, "1240.0"),
    ("9.5", 0, "10.0"),
    ("999.9", -3, "1000.0"),
    ("499.9", -3, "0.0"),
    ("500.0", -3, "0.0"),
    ("-500.1", -3, "-1000.0"),
    ("1.7976931348623157e+308", -307, "OverflowError"),
    ("1e-300", 300, "1e-300"),
    ("0.1", 20, "0.1"),
    ("1e+300", -309, "0.0"),
    ("-1e+300", -400, "-0.0"),
    ("123.456", -1, "120.0"),
    ("inf", 2, "inf"),
    ("nan", -2, "nan"),
    ("2.5e-08", 8, "2e-08"),
    ("0.19999999999999998", 1, "0.2"),
    ("1.0000000000000002e+16", -1, "1e+16"),
    ("1.2345678901234568e+16", -3, "1.2345678901235e+16"),
    ("726242.7487717839", 8, "726242.74877178"),
    ("612338.265668768", 8, "612338.26566877"),
    ("392431.2407562996", 4, "392431.2408"),
    ("-226718.92207956174", -5, "-200000.0"),
    ("-814778.1954662253", 8, "-814778.19546623"),
    ("933355.1549463472", 3, "933355.155"),
    ("-109245.23818298115", 5, "-109245.23818"),
    ("979408.2007502583", 7, "979408.2007503"),
    ("652638.352648129", -2, "652600.0"),
    ("101939.77203992498", 5, "101939.77204"),
    ("-527729.9277925467", -6, "-1000000.0"),
    ("747040.7664187718", -1, "747040.0"),
    ("-12922.072523120674", 2, "-12922.07"),
    ("-374234.08394113404", 5, "-374234.08394"),
    ("955379.6972916464", 8, "955379.69729165"),
    ("-729167.5239292863", -5, "-700000.0"),
    ("-172616.42022545834", -5, "-200000.0"),
    ("246256.2818689521", 0, "246256.0"),
    ("-988219.8673724469", 1, "-988219.9"),
    ("-448351.10969143116", -5, "-400000.0"),
    ("-380052.4422807881", -1, "-380050.0"),
    ("-958713.1871578752", -1, "-958710.0"),
    ("-152380.07551188977", -2, "-152400.0"),
    ("-610067.3517635348", 0, "-610067.0"),
    ("-730289.2177311992", 8, "-730289.2177312"),
    ("561995.0401522873", 3, "561995.04"),
    ("627786.293774121", 5, "627786.29377"),
    ("718126.3599808351", -2, "718100.0"),
    ("-782347.0972276945", 6, "-782347.097228"),
    ("369028.3246527915", 5, "369028.32465"),
    ("415398.62965865014", -6, "0.0"),
    ("583478.8735060871", 2, "583478.87"),
    ("712808.4017022406", -1, "712810.0"),
    ("-579282.787856123", 0, "-579283.0"),
    ("245383.3388882915", -5, "200000.0"),
    ("690887.6162912813", 8, "690887.61629128"),
    ("500821.3752462063", -1, "500820.0"),
    ("678818.0690703478", -4, "680000.0"),
    ("-725904.41067488", -4, "-730000.0"),
    ("440160.71404919587", -1, "440160.0"),
];

const PARSE_INT_CASES: &[(&str, u32, Result<i64, &str>)] = &[
    ("42", 10, Ok(42)),
    (" -17 ", 10, Ok(-17)),
    ("+0", 10, Ok(0)),
    ("0", 0, Ok(0)),
    ("00", 0, Ok(0)),
    ("0_0", 0, Ok(0)),
    ("010", 0, Err("invalid literal for int() with base 0: '010'")),
    ("0_1", 0, Err("invalid literal for int() with base 0: '0_1'")),
    ("0x1f", 0, Ok(31)),
    ("0X1F", 16, Ok(31)),
    ("0x_1f", 16, Ok(31)),
    ("0x__1f", 0, Err("invalid literal for int() with base 0: '0x__1f'")),
    ("1_000", 10, Ok(1000)),
    ("1__0", 10, Err("invalid literal for int() with base 10: '1__0'")),
    ("_1", 10, Err("invalid literal for int() with base 10: '_1'")),
    ("1_", 10, Err("invalid literal for int() with base 10: '1_'")),
    ("- 1", 10, Err("invalid literal for int() with base 10: '- 1'")),
    ("\u{a0}12\u{2003}", 10, Ok(12)),
    ("\u{1c}12", 10, Err("invalid literal for int() with base 10: '\\x1c12'")),
    ("12", 1, Err("int() base must be >= 2 and <= 36, or 0")),
    ("12", 37, Err("int() base must be >= 2 and <= 36, or 0")),
    ("z", 36, Ok(35)),
    ("Z", 36, Ok(35)),
    ("0b", 0, Err("invalid literal for int() with base 0: '0b'")),
    ("0b2", 0, Err("invalid literal for int() with base 0: '0b2'")),
    ("0o17", 8, Ok(15)),
    ("0x1", 10, Err("invalid literal for int() with base 10: '0x1'")),
    ("", 10, Err("invalid literal for int() with base 10: ''")),
    ("abc", 10, Err("invalid literal for int() with base 10: 'abc'")),
    ("abc", 16, Ok(2748)),
    ("\u{663}\u{664}", 10, Ok(34)),
    ("9223372036854775807", 10, Ok(9223372036854775807)),
    ("-9223372036854775808", 10, Ok(-9223372036854775808)),
    ("0b101", 2, Ok(5)),
    ("0B101", 0, Ok(5)),
    ("777", 8, Ok(511)),
    ("8", 8, Err("invalid literal for int() with base 8: '8'")),
    ("1e5", 10, Err("invalid literal for int() with base 10: '1e5'")),
    ("1.0", 10, Err("invalid literal for int() with base 10: '1.0'")),
    ("  \t\n", 10, Err("invalid literal for int() with base 10: '  \\t\\n'")),
    ("-0x10", 0, Ok(-16)),
    ("+0o7", 0, Ok(7)),
    ("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 10, Err("invalid literal for int() with base 10: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")),
    ("\u{e9}", 10, Err("invalid literal for int() with base 10: '\u{e9}'")),
    ("1\u{e9}", 16, Err("invalid literal for int() with base 16: '1\u{e9}'")),
    ("\n5\n", 0, Ok(5)),
    ("0_b1", 0, Err("invalid literal for int() with base 0: '0_b1'")),
    ("0b_1", 0, Ok(1)),
    ("0b1_", 0, Err("invalid literal for int() with base 0: '0b1_'")),
    ("1 2", 10, Err("invalid literal for int() with base 10: '1 2'")),
    ("ff", 15, Err("invalid literal for int() with base 15: 'ff'")),
    ("ff", 16, Ok(255)),
    ("07", 10, Ok(7)),
    ("00012", 10, Ok(12)),
    ("-_1", 10, Err("invalid literal for int() with base 10: '-_1'")),
];

const PARSE_FLOAT_CASES: &[(&str, Result<&str, &str>)] = &[
    ("1.5", Ok("1.5")),
    (" -2.5e3 ", Ok("-2500.0")),
    ("1_0.5_5", Ok("10.55")),
    ("1_.5", Err("could not convert string to float: '1_.5'")),
    ("1._5", Err("could not convert string to float: '1._5'")),
    ("1e_5", Err("could not convert string to float: '1e_5'")),
    ("_1", Err("could not convert string to float: '_1'")),
    (" -InFiNiTy ", Ok("-inf")),
    ("nan_", Err("could not convert string to float: 'nan_'")),
    ("+nAn", Ok("nan")),
    ("1e500", Ok("inf")),
    ("-1e500", Ok("-inf")),
    ("", Err("could not convert string to float: ''")),
    (".", Err("could not convert string to float: '.'")),
    ("e5", Err("could not convert string to float: 'e5'")),
    ("1e", Err("could not convert string to float: '1e'")),
    ("0x1p3", Err("could not convert string to float: '0x1p3'")),
    (
        "\u{1c}1.5",
        Err("could not convert string to float: '\\x1c1.5'"),
    ),
    ("1.5\u{85}", Ok("1.5")),
    ("1.5\n", Ok("1.5")),
    (
        "infinit",
        Err("could not convert string to float: 'infinit'"),
    ),
    ("-.5e-3", Ok("-0.0005")),
    ("1.5e+3_0", Ok("1.5e+30")),
    ("1_0e1_0", Ok("100000000000.0")),
    ("\u{663}.\u{664}", Ok("3.4")),
    ("5.", Ok("5.0")),
    (".5", Ok("0.5")),
    ("1.e5", Ok("100000.0")),
    ("inf", Ok("inf")),
    ("-inf", Ok("-inf")),
    ("INF", Ok("inf")),
    ("Infinity", Ok("inf")),
    ("-0", Ok("-0.0")),
    ("0e0", Ok("0.0")),
    ("1__0", Err("could not convert string to float: '1__0'")),
    ("1_", Err("could not convert string to float: '1_'")),
    ("  ", Err("could not convert string to float: '  '")),
    ("1 2", Err("could not convert string to float: '1 2'")),
    ("+-1", Err("could not convert string to float: '+-1'")),
    ("1e+", Err("could not convert string to float: '1e+'")),
    ("1E5", Ok("100000.0")),
    ("00001.5", Ok("1.5")),
    ("4.9e-324", Ok("5e-324")),
    ("2e-324", Ok("0.0")),
    ("1.7976931348623157e308", Ok("1.7976931348623157e+308")),
    ("1.7976931348623159e308", Ok("inf")),
    ("0.1", Ok("0.1")),
    ("x", Err("could not convert string to float: 'x'")),
    ("\u{e9}", Err("could not convert string to float: '\u{e9}'")),
    ("1,5", Err("could not convert string to float: '1,5'")),
    ("nan(1)", Err("could not convert string to float: 'nan(1)'")),
    ("+.5", Ok("0.5")),
    ("-.e1", Err("could not convert string to float: '-.e1'")),
];

const STR_REPR_CASES: &[(&str, &str)] = &[
    ("", "''"),
    ("abc", "'abc'"),
    ("it's", "\"it's\""),
    ("say \"hi\"", "'say \"hi\"'"),
    ("'\"", "'\\'\"'"),
    ("a\\b", "'a\\\\b'"),
    ("line\nnext\r\t", "'line\\nnext\\r\\t'"),
    ("\u{0}\u{1}\u{1f}\u{7f}", "'\\x00\\x01\\x1f\\x7f'"),
    (
        "\u{80}\u{9f}\u{a0}\u{ad}\u{ff}",
        "'\\x80\\x9f\\xa0\\xad\u{ff}'",
    ),
    ("h\u{e9}llo", "'h\u{e9}llo'"),
    (
        "\u{2028}\u{2029}\u{200b}\u{feff}",
        "'\\u2028\\u2029\\u200b\\ufeff'",
    ),
    ("\u{1f600}", "'\u{1f600}'"),
    ("\u{e000}", "'\\ue000'"),
    ("\u{e0001}", "'\\U000e0001'"),
    ("\u{10ffff}", "'\\U0010ffff'"),
    ("\u{378}", "'\\u0378'"),
    ("\u{3000}x", "'\\u3000x'"),
    ("\u{a0}", "'\\xa0'"),
    (" ", "' '"),
    ("\u{301}", "'\u{301}'"),
    ("\u{4e2d}\u{6587}", "'\u{4e2d}\u{6587}'"),
    ("\u{1f1fa}\u{1f1f8}", "'\u{1f1fa}\u{1f1f8}'"),
    ("\u{1b}[0m", "'\\x1b[0m'"),
    ("'", "\"'\""),
    ("\"", "'\"'"),
    ("'\"'", "'\\'\"\\''"),
];

const PERCENT_CASES: &[PercentCase] = &[
    ("%d", Int(42), Ok("42")),
    ("%5d|", Int(-42), Ok("  -42|")),
    ("%-5d|", Int(42), Ok("42   |")),
    ("%05d", Int(-42), Ok("-0042")),
    ("%+d", Int(5), Ok("+5")),
    ("% d", Int(5), Ok(" 5")),
    ("%.3d", Int(-5), Ok("-005")),
    ("%+.3d", Int(5), Ok("+005")),
    ("%08.3d", Int(-5), Ok("-0000005")),
    ("%-08d|", Int(-5), Ok("-5      |")),
    ("%#08x", Int(255), Ok("0x0000ff")),
    ("%#8x", Int(-255), Ok("   -0xff")),
    ("%#X", Int(255), Ok("0XFF")),
    ("%#o", Int(8), Ok("0o10")),
    ("%x", Int(255), Ok("ff")),
    ("%.3x", Int(255), Ok("0ff")),
    ("%#.3o", Int(-8), Ok("-0o010")),
    ("%0#8x", Int(255), Ok("0x0000ff")),
    ("%+x", Int(255), Ok("+ff")),
    ("%+#x", Int(255), Ok("+0xff")),
    ("% #x", Int(255), Ok(" 0xff")),
    ("%-#8x|", Int(255), Ok("0xff    |")),
    ("%i", Int(3), Ok("3")),
    ("%u", Int(4), Ok("4")),
    ("%ld", Int(5), Ok("5")),
    ("%hd", Int(1), Ok("1")),
    ("%d", Float(3.7), Ok("3")),
    ("%d", Float(-3.7), Ok("-3")),
    ("%f", Float(3.24159), Ok("3.241590")),
    ("%.2f", Float(2.675), Ok("2.67")),
    ("%010.2f", Float(-1.5), Ok("-000001.50")),
    ("%+e", Float(1.0), Ok("+1.000000e+00")),
    ("% g", Float(1e-05), Ok(" 1e-05")),
    ("%#g", Float(1.0), Ok("1.00000")),
    ("%.0e", Float(2.5), Ok("2e+00")),
    ("%#.0f", Float(2.0), Ok("2.")),
    ("%010f", Float(f64::INFINITY), Ok("0000000inf")),
    ("%F", Float(f64::NAN), Ok("NAN")),
    ("%E", Float(12345.678), Ok("1.234568E+04")),
    ("%G", Float(1e-10), Ok("1E-10")),
    ("%5.1f%%", Float(99.44), Ok(" 99.4%")),
    ("%f", Int(3), Ok("3.000000")),
    ("%08.2e", Float(-1e+100), Ok("-1.00e+100")),
    ("%lf", Float(1.5), Ok("1.500000")),
    ("%.1e", Float(0.25), Ok("2.5e-01")),
    ("%-10.3f|", Float(3.24159), Ok("3.242     |")),
    ("%g", Float(100000.0), Ok("100000")),
    ("%g", Float(1000000.0), Ok("1e+06")),
    ("%s", Str("abc"), Ok("abc")),
    ("%5s|", Str("ab"), Ok("   ab|")),
    ("%-5s|", Str("ab"), Ok("ab   |")),
    ("%5.2s|", Str("abcdef"), Ok("   ab|")),
    ("%.0s|", Str("abc"), Ok("|")),
    ("%+s", Str("a"), Ok("a")),
    ("%08s", Str("a"), Ok("       a")),
    ("%s", Int(12), Ok("12")),
    ("%s", Float(1.0), Ok("1.0")),
    ("%s", Float(1e+16), Ok("1e+16")),
    ("%r", Str("a"), Ok("'a'")),
    ("%c", Int(65), Ok("A")),
    ("%5c|", Str("x"), Ok("    x|")),
    ("%05c", Str("a"), Ok("    a")),
    ("%c", Int(128512), Ok("\u{1f600}")),
    ("%(name)s!", Str("x"), Ok("x!")),
    ("%(a)5d|", Int(7), Ok("    7|")),
    ("%((a))s", Str("y"), Ok("y")),
    ("%%d %d", Int(1), Ok("%d 1")),
    ("%.d", Int(5), Ok("5")),
    ("%0 5d", Int(3), Ok(" 0003")),
    ("% 05d", Int(3), Ok(" 0003")),
    ("%+ d", Int(3), Ok("+3")),
    ("%  d", Int(3), Ok(" 3")),
    ("%5.3d", Int(7), Ok("  007")),
    ("%-+5d|", Int(7), Ok("+7   |")),
    (
        "%c",
        Int(1114112),
        Err(("OverflowError", "%c arg not in range(0x110000)")),
    ),
    (
        "%c",
        Int(-1),
        Err(("OverflowError", "%c arg not in range(0x110000)")),
    ),
    (
        "%c",
        Str("ab"),
        Err(("TypeError", "%c requires int or char")),
    ),
    (
        "%x",
        Float(3.7),
        Err(("TypeError", "%x format: an integer is required, not float")),
    ),
    (
        "%d",
        Str("a"),
        Err(("TypeError", "%d format: a real number is required, not str")),
    ),
    (
        "%f",
        Str("a"),
        Err(("TypeError", "must be real number, not str")),
    ),
    (
        "%X",
        Str("a"),
        Err(("TypeError", "%X format: an integer is required, not str")),
    ),
    (
        "%c",
        Float(2.0),
        Err(("TypeError", "%c requires int or char")),
    ),
    (
        "%d",
        Float(f64::NAN),
        Err(("ValueError", "cannot convert float NaN to integer")),
    ),
    (
        "%d",
        Float(f64::INFINITY),
        Err(("OverflowError", "cannot convert float infinity to integer")),
    ),
];

const PERCENT_PARSE_CASES: &[(&str, Result<(), &str>)] = &[
    ("%s %s", Ok(())),
    ("%.*f", Ok(())),
    ("%*d", Ok(())),
    ("x%", Err("incomplete format")),
    ("%", Err("incomplete format")),
    ("%(a", Err("incomplete format key")),
    ("%(a)", Err("incomplete format")),
    (
        "%q",
        Err("unsupported format character 'q' (0x71) at index 1"),
    ),
    (
        "ab%\u{e9}",
        Err("unsupported format character '?' (0xe9) at index 3"),
    ),
    (
        "%5%",
        Err("unsupported format character '%' (0x25) at index 2"),
    ),
    (
        "%lld",
        Err("unsupported format character 'l' (0x6c) at index 2"),
    ),
    ("%L", Err("incomplete format")),
    (
        "%H",
        Err("unsupported format character 'H' (0x48) at index 1"),
    ),
    (
        "%\u{1f}",
        Err("unsupported format character '\u{1f}' (0x1f) at index 1"),
    ),
    ("%99999999999999999999d", Err("width too big")),
    ("%.99999999999999999999d", Err("precision too big")),
    ("%20000000000000000000d", Err("width too big")),
    ("%.20000000000d", Err("precision too big")),
];
