//! Code views: a scenario written out as a program a learner can read and run, and a
//! program read back into a scenario.
//!
//! Pure Rust, like `sim`: no web-sys, no yew.

pub mod parse;
pub mod python;

pub use parse::{parse_python, ParseError};
pub use python::{python_code, PythonOptions};
