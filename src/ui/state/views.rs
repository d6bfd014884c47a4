//! What the state shows: the program's text and title, the run on screen and on the
//! axis in use, the playhead's clock time and how many events it has passed. Queries
//! only; the reducer (`state.rs`) changes the state.

use super::{NoRun, Pair, PairPending, Run, State, View, Why};
use crate::lessons::with_lesson;
use crate::py::Ending;
use crate::ui::axis::{AxisMode, Ticked};
use crate::ui::program::ProgramRun;
use crate::ui::share::Share;
use std::rc::Rc;

impl State {
    /// Slices run so far of the run under way: the program's, else its second
    /// version's (which begins once the program has run).
    pub fn slices(&self) -> Option<u32> {
        match (&self.program, &self.pair_pending) {
            (
                Err(NoRun {
                    why: Why::Running(running),
                    ..
                }),
                _,
            )
            | (_, Some(PairPending::Running(running))) => Some(running.slices),
            _ => None,
        }
    }

    /// Is the program's run under way?
    pub fn running(&self) -> bool {
        matches!(
            self.program,
            Err(NoRun {
                why: Why::Running(_),
                ..
            })
        )
    }

    /// The program's text, whether or not it runs.
    pub fn source(&self) -> &str {
        self.text()
    }

    fn text(&self) -> &Rc<str> {
        match &self.program {
            Ok(p) => &p.source,
            Err(u) => &u.source,
        }
    }

    /// What the program is called in file names and saved entries: the open lesson's
    /// title, else "program".
    pub fn title(&self) -> String {
        self.lesson
            .as_deref()
            .and_then(|slug| with_lesson(slug, |l| l.title.to_string()))
            .unwrap_or_else(|| "program".into())
    }

    /// What a share link of this state carries: the program, its second version, the
    /// lesson, the speed and the moment shown.
    pub fn share(&self) -> Share {
        Share {
            program: self.source().to_string(),
            rival: self.rival.as_ref().map(|r| r.source.to_string()),
            lesson: self.lesson.clone(),
            speed: self.speed,
            playhead: self.clock(),
            events: self.cursor,
            loop_cost: self.loop_cost,
        }
    }

    /// The program's text, shared (the editor and the Code panel hold it without a copy).
    pub fn shared_source(&self) -> Rc<str> {
        self.text().clone()
    }

    /// The open lesson's tokio version, while its own program is shown.
    pub fn lesson_rust(&self) -> Option<&'static str> {
        if !self.shows_lesson_program() {
            return None;
        }
        with_lesson(self.lesson.as_deref()?, |l| l.program.rust)
    }

    /// The run the single view shows: the live run, else an imported trace, else the
    /// program's run on the virtual clock.
    pub fn shown(&self) -> Option<&Run> {
        if let Some(live) = &self.live {
            return Some(&live.run);
        }
        if let Some(run) = &self.replay {
            return Some(run);
        }
        self.program.as_ref().ok().map(|p| &p.run)
    }

    /// The program whose run is shown (not covered by a replay): its live run, else its
    /// run on the virtual clock.
    pub fn shown_program(&self) -> Option<&ProgramRun> {
        if self.replay.is_some() {
            return None;
        }
        self.live.as_ref().or(self.program.as_ref().ok())
    }

    /// Is the program running live now?
    pub fn live_running(&self) -> bool {
        self.live
            .as_ref()
            .is_some_and(|p| p.ending == Ending::Running)
    }

    /// Is the program shown the open lesson's own (not one typed over it)?
    pub fn shows_lesson_program(&self) -> bool {
        let (Some(slug), Some(shown)) = (self.lesson.as_deref(), self.shown_program()) else {
            return false;
        };
        with_lesson(slug, |l| l.program.source == &*shown.source).unwrap_or(false)
    }

    /// The program and its second version, once there is one.
    pub fn compared(&self) -> Option<Pair> {
        let program = self.program.as_ref().ok()?;
        self.rival.as_ref().map(|rival| Pair {
            first: program.run.clone(),
            second: rival.run.clone(),
        })
    }

    /// The time the playhead can reach: the end of the shown run(s).
    pub fn end(&self) -> f64 {
        match (self.compared(), self.view) {
            (Some(pair), View::Compare) => pair.longest(),
            _ => self.on_axis().map_or(0.0, |run| run.trace.end),
        }
    }

    /// The axis in use: the tick axis only in the single view.
    pub fn axis_now(&self) -> AxisMode {
        match self.view {
            View::Single => self.axis,
            View::Compare => AxisMode::Time,
        }
    }

    /// The shown run on the axis in use: what the timeline draws and the playhead
    /// moves along.
    pub fn on_axis(&self) -> Option<&Run> {
        let shown = self.shown()?;
        match (&self.ticked, self.axis_now()) {
            (Some(t), AxisMode::Ticks) if t.of == *shown => Some(&t.run),
            _ => Some(shown),
        }
    }

    /// The virtual clock's time at the playhead: the playhead itself on the time axis,
    /// the time of the last event done on the tick axis.
    pub fn clock(&self) -> f64 {
        match (self.axis_now(), self.shown()) {
            (AxisMode::Ticks, Some(run)) => run.trace.events.time_after(self.events_done()),
            _ => self.playhead,
        }
    }

    /// Makes the tick axis's run for the shown run when that axis is chosen.
    pub(super) fn keep_ticked(&mut self) {
        if self.axis_now() != AxisMode::Ticks {
            return;
        }
        let Some(shown) = self.shown() else { return };
        if self.ticked.as_ref().map(|t| &t.of) != Some(shown) {
            self.ticked = Some(Ticked::new(shown));
        }
    }

    /// How many events of the shown run have happened at the playhead.
    pub fn events_done(&self) -> usize {
        match (self.cursor, self.on_axis()) {
            (Some(n), _) => n,
            // At the end everything has happened (a stopped live run's last events
            // may be stamped a little after the end it was stopped at).
            (None, Some(run)) if self.playhead >= run.trace.end => run.trace.events.len(),
            (None, Some(run)) => run.trace.events_until(self.playhead),
            (None, None) => 0,
        }
    }
}
