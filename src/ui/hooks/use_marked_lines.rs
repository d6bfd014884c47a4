//! The lines of the program to mark at the playhead: the running line (or, stepping by
//! line, the statement about to run) and the lines other tasks wait at. The Code panel
//! and the embed mark them in their editors.

use std::collections::BTreeSet;
use yew::prelude::*;

use crate::sim::positions::positions;
use crate::ui::state::AppContext;

/// The running line and the waiting lines, 1-based.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MarkedLines {
    pub running: Option<usize>,
    pub waiting: BTreeSet<usize>,
}

impl MarkedLines {
    /// The note beside the Code panel's title.
    pub fn summary(&self) -> String {
        match self.running {
            Some(n) => format!("running line {n}"),
            None => "nothing running".to_string(),
        }
    }
}

/// The shown program's marked lines; the positions are found again only when the run or
/// the count of events done changes.
#[hook]
pub fn use_marked_lines(ctx: &AppContext) -> MarkedLines {
    let done = ctx.events_done();
    let at = {
        let run = ctx.shown().cloned();
        use_memo((run, done), |(run, done)| {
            run.as_ref()
                .map(|r| positions(&r.trace, *done))
                .unwrap_or_default()
        })
    };
    // A program's steps are its lines (an imported trace has no program to mark).
    let program = ctx.shown_program();
    let line_of = |step: u32| program.and_then(|p| p.line_of(step));
    let running = match ctx.line_step() {
        Some((k, steps)) => Some(steps.steps[k].line as usize),
        None => at.running.and_then(line_of),
    };
    MarkedLines {
        running,
        waiting: at.waiting.iter().filter_map(|&s| line_of(s)).collect(),
    }
}
