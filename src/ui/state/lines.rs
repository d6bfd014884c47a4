//! Stepping by line: the statement about to run, as Python Tutor's Next and Prev move,
//! inside a task's synchronous run as well as from one await to the next.
//!
//! [`State::line`] is an index into the shown program's [`LineSteps`]. The playhead
//! stands at that statement's event (how many events came before it), so the timeline,
//! loop panel and console show the same moment; a line step holds only while the
//! playhead stays there, so any other move (an event step, a seek, Play) ends it.

use super::State;
use crate::py::lines::{LineStep, LineSteps};
use crate::ui::program::ProgramRun;
use std::rc::Rc;

/// Where the playhead is, as stepping by line reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineAt {
    /// At statement `k` of the run.
    Line(usize),
    /// After the first `n` events (the state at the end of the loop callback that
    /// recorded the `n`-th; before anything at `0`).
    Event(usize),
}

/// The statement one step from `at`, forward or back; `None` past either end.
///
/// From an event, forward is the first statement run after the callback the event is in
/// (statements recorded with at most `n` events before them are that callback's or
/// earlier; at `0` nothing has run), and back is the last statement of that callback.
pub fn line_from(steps: &[LineStep], at: LineAt, forward: bool) -> Option<usize> {
    match (at, forward) {
        (LineAt::Line(k), true) => (k + 1 < steps.len()).then_some(k + 1),
        (LineAt::Line(k), false) => k.checked_sub(1),
        (LineAt::Event(0), true) => (!steps.is_empty()).then_some(0),
        (LineAt::Event(0), false) => None,
        (LineAt::Event(n), true) => {
            let k = steps.partition_point(|s| s.events <= n);
            (k < steps.len()).then_some(k)
        }
        (LineAt::Event(n), false) => steps.partition_point(|s| s.events <= n).checked_sub(1),
    }
}

impl State {
    /// The program that can be stepped by line: the program's own run on the virtual
    /// clock, while it is shown (not a live run or an imported trace).
    pub fn line_program(&self) -> Option<&ProgramRun> {
        if self.live.is_some() || self.replay.is_some() {
            return None;
        }
        self.program.as_ref().ok()
    }

    /// The statement the playhead stands at, when stepping by line, with every
    /// statement of the run.
    pub fn line_step(&self) -> Option<(usize, Rc<LineSteps>)> {
        let k = self.line?;
        Some((k, self.line_program()?.line_steps()))
    }

    /// One statement forward or back; past the last, the end of the run; before the
    /// first, its start.
    pub(super) fn step_line(&mut self, forward: bool) {
        let Some(program) = self.line_program() else {
            return;
        };
        let steps = program.line_steps();
        let at = match self.line {
            Some(k) => LineAt::Line(k),
            None => LineAt::Event(self.events_done()),
        };
        match line_from(&steps.steps, at, forward) {
            Some(k) => {
                self.step_to(steps.steps[k].events);
                self.line = Some(k);
            }
            None if forward => self.step_to(usize::MAX),
            None => self.step_to(0),
        }
    }

    /// Ends a line step the playhead has moved away from (or that belongs to a program
    /// no longer shown).
    pub(super) fn keep_line(&mut self) {
        let Some(k) = self.line else { return };
        let holds = !self.playing
            && self.cursor.is_some()
            && self
                .line_program()
                .and_then(|p| p.line_steps().steps.get(k).copied())
                .is_some_and(|step| step.events == self.events_done());
        if !holds {
            self.line = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps(events: &[usize]) -> Vec<LineStep> {
        events
            .iter()
            .map(|&events| LineStep {
                line: 1,
                task: None,
                events,
            })
            .collect()
    }

    #[test]
    fn from_a_statement_the_next_and_previous_are_its_neighbours() {
        let s = steps(&[0, 0, 2, 5]);
        assert_eq!(line_from(&s, LineAt::Line(1), true), Some(2));
        assert_eq!(line_from(&s, LineAt::Line(1), false), Some(0));
        assert_eq!(line_from(&s, LineAt::Line(3), true), None);
        assert_eq!(line_from(&s, LineAt::Line(0), false), None);
    }

    #[test]
    fn from_an_event_forward_is_the_first_statement_after_its_callback() {
        let s = steps(&[0, 0, 2, 2, 5]);
        assert_eq!(line_from(&s, LineAt::Event(0), true), Some(0));
        assert_eq!(line_from(&s, LineAt::Event(1), true), Some(2));
        assert_eq!(line_from(&s, LineAt::Event(2), true), Some(4));
        assert_eq!(line_from(&s, LineAt::Event(5), true), None);
    }

    #[test]
    fn from_an_event_back_is_the_last_statement_of_its_callback() {
        let s = steps(&[0, 0, 2, 2, 5]);
        assert_eq!(line_from(&s, LineAt::Event(0), false), None);
        assert_eq!(line_from(&s, LineAt::Event(1), false), Some(1));
        assert_eq!(line_from(&s, LineAt::Event(2), false), Some(3));
        assert_eq!(line_from(&s, LineAt::Event(9), false), Some(4));
        assert_eq!(line_from(&[], LineAt::Event(3), true), None);
    }
}
