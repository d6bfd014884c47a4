//! Challenges that check themselves: a starter program that misbehaves, a goal in
//! words, hints revealed one at a time, a reference solution, and goals checked on the
//! run of the learner's program (`goals`), never on its text.
//!
//! Pure Rust like `sim` and `py`: no web-sys, no yew. Programs live in
//! `src/challenges/programs/` (`name.py` the starter, `name_solution.py` the solution)
//! and run unchanged with python3 (`tests/challenges.rs` checks them against CPython).

mod catalogue;
pub mod goals;
pub mod report;

pub use catalogue::{challenge, challenges};
pub use goals::{Goal, GoalResult, Moment, Ran};

use crate::py::ast::SyntaxError;

/// One challenge.
#[derive(Debug, PartialEq)]
pub struct Challenge {
    /// Stable, URL-safe name (`crawler`), used in links and by `looplab-run`.
    pub slug: &'static str,
    pub title: &'static str,
    /// The goal in words, for a learner: one to three sentences.
    pub brief: &'static str,
    /// The program the learner starts from: it runs, and fails at least one goal.
    pub starter: &'static str,
    /// A reference solution: it passes every goal.
    pub solution: &'static str,
    /// Revealed one at a time, each more specific than the last.
    pub hints: &'static [&'static str],
    pub goals: &'static [Goal],
}

/// Every goal of a challenge checked on one run.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Verdict {
    /// Every goal passed.
    pub passed: bool,
    pub goals: Vec<GoalResult>,
}

impl Challenge {
    /// The challenge's goals checked on a run the caller already has.
    pub fn grade(&self, out: Ran<'_>) -> Verdict {
        let goals: Vec<GoalResult> = self.goals.iter().map(|g| g.check(out)).collect();
        Verdict {
            passed: goals.iter().all(|g| g.passed),
            goals,
        }
    }
}

/// Runs `source` and checks the challenge's goals on the run; a program that cannot
/// run (a syntax error, a refused construct) is the `Err`.
pub fn check_program(challenge: &Challenge, source: &str) -> Result<Verdict, SyntaxError> {
    Ok(challenge.grade(Ran::of(&crate::py::run_source(source)?)))
}
