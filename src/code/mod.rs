//! Code views: a scenario written out as a program a learner can read and run, and a
//! program read back into a scenario.
//!
//! Pure Rust, like `sim`: no web-sys, no yew.

mod listing;
pub mod parse;
pub mod python;
pub mod rust;

pub use listing::Code;
pub use parse::{parse_python, parse_python_with_lines, ParseError};
pub use python::{python_code, python_code_with_lines, PythonOptions};
pub use rust::rust_code;
