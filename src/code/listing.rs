//! Program text written line by line, remembering the line of each step, so a code
//! view can highlight the step the playhead is at. Shared by the Python and Rust
//! writers.

use crate::sim::trace::StepId;
use std::fmt::Write;

/// A written program and where each step is in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Code {
    pub text: String,
    /// The 1-based line of each step, indexed by `StepId` (pre-order over the
    /// coroutines, then `main` as the scenario's start mode writes it).
    pub lines: Vec<usize>,
}

impl Code {
    /// The 1-based line of a step, if it has one.
    pub fn line_of(&self, step: StepId) -> Option<usize> {
        self.lines.get(step as usize).copied()
    }
}

#[derive(Default)]
pub struct Listing {
    pub out: String,
    /// Lines written so far.
    lines: usize,
    /// The 1-based line of each step written so far, in step-id (pre-order) order.
    pub step_lines: Vec<usize>,
}

impl Listing {
    /// One line, indented by `indent` levels of four spaces.
    pub fn line(&mut self, indent: usize, text: &str) {
        let _ = writeln!(self.out, "{}{text}", "    ".repeat(indent));
        self.lines += 1;
    }

    /// Text of whole lines, written as it is.
    pub fn raw(&mut self, text: &str) {
        self.out.push_str(text);
        self.lines += text.matches('\n').count();
    }

    /// The next line written is the statement of the next step.
    pub fn step(&mut self) {
        self.step_lines.push(self.lines + 1);
    }

    /// The program written.
    pub fn finish(self) -> Code {
        Code {
            text: self.out,
            lines: self.step_lines,
        }
    }
}
