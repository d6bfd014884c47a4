//! The Python interpreter: real asyncio programs, run on a virtual clock.
//!
//! Pure Rust like `sim`: no web-sys, tested natively. A program flows
//! text → [`parser`] → [`ast`] → [`compile`] → [`code`] → [`vm`] (with [`aio`], the
//! event loop) → [`run::RunOutput`] (printed text, outcome, virtual time, `Trace`).
//!
//! - [`format`]: how Python writes numbers and strings (`repr`, format specs).
//! - [`builtins`]: the builtin functions, the methods of built-in types, the modules.

pub mod aio;
pub mod ast;
pub mod builtins;
pub mod code;
pub mod compile;
pub mod format;
pub mod inspect;
pub mod lexer;
pub mod lines;
pub mod parser;
pub mod run;
pub mod stepped;
pub mod value;
pub mod vm;

pub use run::{run_source, Ending, RunOutput};
