//! Reads a Python asyncio program into a [`Scenario`]: the inverse of
//! [`python_code`](crate::code::python_code) for the subset of Python Looplab models.
//!
//! Hand-written (see docs/parser-choice.md): [`lexer`] makes tokens with indentation,
//! [`parser`] builds a small syntax tree, [`lower`] and [`steps`] give it meaning as a
//! scenario. Pure Rust like `sim`; arbitrary text gives a [`ParseError`], never a panic.
//!
//! Besides the code, two comments `python_code` writes are read back: the title line
//! (`# <name>, as Python asyncio. …`) gives the scenario's name, and `# Looplab seed: N`
//! its seed. Normalisations: `except Exception:` reads as a `try` with no error type
//! (the same meaning), and the default title reads as an empty name.

mod ast;
mod error;
mod lexer;
mod lower;
mod parser;
mod steps;
mod values;

pub use error::{ParseError, Span};

use crate::code::python::{DEFAULT_TITLE, SEED_COMMENT, TITLE_SUFFIX};
use crate::sim::Scenario;

/// Parses a Python asyncio program into the scenario it describes.
pub fn parse_python(source: &str) -> Result<Scenario, ParseError> {
    let source = source.replace("\r\n", "\n").replace('\r', "\n");
    let tokens = lexer::tokenize(&source)?;
    let module = parser::parse_module(tokens)?;
    let mut scenario = lower::lower(&source, &module)?;
    scenario.name = title(&source);
    scenario.seed = seed(&source);
    Ok(scenario)
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
