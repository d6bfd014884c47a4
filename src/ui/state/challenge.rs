//! A challenge open in the Lesson panel: its program is the learner's (the starter, or
//! the last program checked in this browser), every run of it is checked against the
//! challenge's goals (`crate::challenges`), hints are revealed one at a time and the
//! solution on request, raced beside the learner's program in Compare.

use super::{Run, State};
use crate::challenges::{challenge, Challenge, Verdict};
use std::rc::Rc;

/// The open challenge and how far the learner has got in it.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenChallenge {
    pub slug: &'static str,
    /// How many hints are shown.
    pub hints: usize,
    /// The reference solution is shown.
    pub solution: bool,
    /// The goals checked on the program's run (the run they were checked on, to tell
    /// when the program changes); `None` while the program cannot run.
    pub checked: Option<(Run, Rc<Verdict>)>,
}

impl OpenChallenge {
    pub fn challenge(&self) -> &'static Challenge {
        challenge(self.slug).expect("an open challenge exists")
    }

    /// The goals checked on the program on screen.
    pub fn verdict(&self) -> Option<&Rc<Verdict>> {
        self.checked.as_ref().map(|(_, v)| v)
    }
}

impl State {
    /// Opens challenge `slug` with `code` (the learner's last program for it), or its
    /// starter; `false` if there is no such challenge.
    pub(super) fn open_challenge(&mut self, slug: &str, code: Option<String>) -> bool {
        let Some(c) = challenge(slug) else {
            return false;
        };
        self.open(code.as_deref().unwrap_or(c.starter));
        self.challenge = Some(OpenChallenge {
            slug: c.slug,
            hints: 0,
            solution: false,
            checked: None,
        });
        true
    }

    pub(super) fn show_hint(&mut self) {
        if let Some(open) = &mut self.challenge {
            open.hints = (open.hints + 1).min(open.challenge().hints.len());
        }
    }

    /// Shows the solution, and races it beside the learner's program.
    pub(super) fn show_solution(&mut self) {
        let Some(open) = &mut self.challenge else {
            return;
        };
        open.solution = true;
        let solution = open.challenge().solution;
        self.rival = self.run(solution);
    }

    /// The challenge's starting program again (what the learner wrote stays kept as
    /// their last program checked).
    pub(super) fn start_over(&mut self) {
        if let Some(open) = self.challenge.clone() {
            self.open(open.challenge().starter);
            self.challenge = Some(OpenChallenge {
                checked: None,
                ..open
            });
        }
    }

    /// Checks the goals again when the program on screen is not the one checked.
    pub(super) fn keep_checked(&mut self) {
        let program = self.program.as_ref().ok();
        let Some(open) = &mut self.challenge else {
            return;
        };
        let Some(program) = program else {
            open.checked = None;
            return;
        };
        if open.checked.as_ref().map(|(run, _)| run) != Some(&program.run) {
            let verdict = open.challenge().grade(program.ran());
            open.checked = Some((program.run.clone(), Rc::new(verdict)));
        }
    }
}
