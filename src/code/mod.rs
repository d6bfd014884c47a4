//! Code views: a scenario written out as a program a learner can read and run.
//!
//! Pure Rust, like `sim`: no web-sys, no yew.

pub mod python;

pub use python::{python_code, PythonOptions};
