//! A scenario of steps (the model the simulator runs, and what links and saved entries
//! of earlier Looplabs hold) written out as a Python asyncio program a learner can read
//! and run.
//!
//! Pure Rust, like `sim`: no web-sys, no yew.

mod listing;
pub mod python;

pub use listing::Code;
pub use python::{python_code, python_code_with_lines, PythonOptions};
