//! Reads a Python asyncio program into a [`Scenario`]: the inverse of
//! [`python_code`](crate::code::python_code) for the subset of Python Looplab models.
//!
//! Hand-written (see docs/parser-choice.md): `lexer` makes tokens with indentation,
//! `parser` and `expressions` build a small syntax tree, `lower` and `steps` give it meaning as a
//! scenario. Pure Rust like `sim`; arbitrary text gives a [`ParseError`], never a panic.
//!
//! Besides the code, two comments `python_code` writes are read back: the title line
//! (`# <name>, as Python asyncio. …`) gives the scenario's name, and `# Looplab seed: N`
//! its seed. Normalisations: `except Exception:` reads as a `try` with no error type
//! (the same meaning), and the default title reads as an empty name.

mod ast;
mod error;
mod expressions;
mod lexer;
mod lower;
mod parser;
mod steps;
mod values;

pub use error::{ParseError, Span};

use crate::code::python::{DEFAULT_TITLE, SEED_COMMENT, TITLE_SUFFIX};
use crate::sim::{Scenario, ScenarioError};

/// Parses a Python asyncio program into the scenario it describes, and checks it with
/// [`Scenario::validate`]: a scenario that cannot run is an error at the line it came
/// from.
pub fn parse_python(source: &str) -> Result<Scenario, ParseError> {
    parse_python_with_lines(source).map(|(scenario, _)| scenario)
}

/// [`parse_python`], with the 1-based source line of each step, indexed by `StepId`
/// (pre-order over the coroutines, then `main`, as `Program` numbers them), so an
/// editor can highlight the line of the running step.
pub fn parse_python_with_lines(source: &str) -> Result<(Scenario, Vec<usize>), ParseError> {
    let source = source.replace("\r\n", "\n").replace('\r', "\n");
    let tokens = lexer::tokenize(&source)?;
    let module = parser::parse_module(tokens)?;
    let (mut scenario, places) = lower::lower(&source, &module)?;
    scenario.name = title(&source);
    scenario.seed = seed(&source);
    match scenario.validate() {
        Ok(_) => {
            let lines = places
                .coroutines
                .iter()
                .flat_map(|(_, steps)| steps)
                .chain(&places.main_steps)
                .map(|span| span.line)
                .collect();
            Ok((scenario, lines))
        }
        Err(e) => Err(ParseError::new(
            place(&scenario, &places, &e),
            in_our_style(&e.message),
        )),
    }
}

/// `Give the fetch a URL.` → `give the fetch a URL`, as the parser's own messages read.
fn in_our_style(message: &str) -> String {
    let message = message.trim_end_matches('.');
    let first_word = message.split(' ').next().unwrap_or("");
    let capitalised = first_word
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_uppercase())
        && first_word.chars().skip(1).all(|c| c.is_ascii_lowercase());
    if capitalised {
        message[..1].to_ascii_lowercase() + &message[1..]
    } else {
        message.to_string()
    }
}

/// The line a validation error belongs to: its step, else its coroutine, else `main`.
fn place(scenario: &Scenario, places: &lower::Places, e: &ScenarioError) -> Span {
    let coroutine = e
        .coroutine
        .as_ref()
        .and_then(|name| scenario.coroutines.iter().position(|c| &c.name == name))
        .and_then(|i| places.coroutines.get(i));
    match (coroutine, e.step) {
        (Some((_, steps)), Some((n, _))) if n >= 1 && n <= steps.len() => steps[n - 1],
        (Some((def, _)), _) => *def,
        _ if places.main.line > 0 => places.main,
        _ => Span {
            line: 1,
            column: 1,
            end_column: 2,
            ..Span::default()
        },
    }
}

fn title(source: &str) -> String {
    let first = source.lines().next().unwrap_or("");
    match first
        .strip_prefix("# ")
        .and_then(|t| t.strip_suffix(TITLE_SUFFIX))
    {
        Some(DEFAULT_TITLE) | None => String::new(),
        Some(name) => name.to_string(),
    }
}

fn seed(source: &str) -> u64 {
    source
        .lines()
        .find_map(|l| l.strip_prefix(SEED_COMMENT)?.trim().parse().ok())
        .unwrap_or(0)
}
