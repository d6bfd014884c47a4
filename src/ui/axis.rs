//! The timeline's two axes: time (the virtual clock) or ticks (the loop's work, one
//! unit a callback, [`crate::sim::tick_axis`]), so that what happens within one
//! instant can be watched step by step.
//!
//! Pure Rust, tested natively. The state keeps the shown run on the tick axis
//! ([`Ticked`]); the playhead moves on the chosen axis, and event `n` is the same event
//! on both, so the loop panel, the code and the console follow either.

use crate::sim::tick_axis::on_ticks;
use crate::sim::trace::Ms;
use crate::ui::describe::seconds;
use crate::ui::state::Run;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AxisMode {
    /// Spaced by virtual time.
    #[default]
    Time,
    /// Spaced by the loop's callbacks and iterations.
    Ticks,
}

/// How far a second of playback moves on the tick axis at 1×: three callbacks, slow
/// enough to read each step.
const CALLBACKS_PER_SECOND: f64 = 3.0;

impl AxisMode {
    /// How far the playhead moves in a ms of real time at 1×.
    pub fn per_ms(self) -> f64 {
        match self {
            AxisMode::Time => 1.0,
            AxisMode::Ticks => CALLBACKS_PER_SECOND / 1000.0,
        }
    }

    /// A position or a length on this axis, in words: `1.250 s` or `12 callbacks`.
    pub fn exact(self, t: Ms) -> String {
        match self {
            AxisMode::Time => seconds(t),
            AxisMode::Ticks => {
                let n = (t * 2.0).round() / 2.0;
                let unit = if n == 1.0 { "callback" } else { "callbacks" };
                format!("{n} {unit}")
            }
        }
    }

    /// Where the playhead is, in words: `t = 1.250 s / 3.000 s`; on the tick axis the
    /// clock's time with the callbacks run, `t = 0.000 s · 4 of 12 callbacks`.
    pub fn readout(self, playhead: Ms, end: Ms, clock: Ms) -> String {
        match self {
            AxisMode::Time => crate::ui::describe::readout(playhead, end),
            AxisMode::Ticks => format!(
                "t = {} · {} of {}",
                seconds(clock),
                playhead.floor(),
                self.exact(end.floor())
            ),
        }
    }

    /// The label of a tick mark at `t` on an axis ending at `end`.
    pub fn tick_label(self, t: Ms, end: Ms) -> String {
        match self {
            AxisMode::Time => crate::ui::timeline_geometry::tick_label(t, end >= 1000.0),
            AxisMode::Ticks => format!("{}", t.round()),
        }
    }
}

/// The shown run on the tick axis, kept while that run is shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Ticked {
    /// The run on the clock it was made from.
    pub of: Run,
    pub run: Run,
}

impl Ticked {
    /// `run` on the tick axis; its warnings stay those of the run on the clock.
    pub fn new(run: &Run) -> Ticked {
        Ticked {
            of: run.clone(),
            run: Run::with_diagnostics(on_ticks(&run.trace), run.diagnostics.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::state::{Action, State};
    use std::rc::Rc;
    use yew::Reducible;

    fn reduce(s: State, action: Action) -> State {
        (*Rc::new(s).reduce(action)).clone()
    }

    #[test]
    fn lesson_1_happens_in_one_instant_and_moves_on_the_tick_axis() {
        let s = reduce(State::default(), Action::OpenLesson("event-loop".into()));
        assert_eq!(s.end(), 0.0, "on the clock the whole run is at 0 ms");
        let s = reduce(s, Action::SetAxis(AxisMode::Ticks));
        assert!(s.end() >= 8.0, "{} callbacks", s.end());
        // A second of playback at 1× runs three callbacks' worth, events happening.
        let mut s = reduce(s, Action::Play);
        for _ in 0..20 {
            s = reduce(s, Action::Frame(50.0));
        }
        assert!((s.playhead - 3.0).abs() < 1e-9, "{}", s.playhead);
        let done = s.events_done();
        assert!(done > 3, "{done}");
        assert_eq!(s.clock(), 0.0);
        // Back on the time axis, the same events have happened.
        let s = reduce(s, Action::SetAxis(AxisMode::Time));
        assert_eq!(s.events_done(), done);
        assert_eq!(s.end(), 0.0);
    }

    #[test]
    fn a_warning_seeks_by_the_clock_on_either_axis() {
        let s = State::default();
        let s = reduce(s, Action::SetAxis(AxisMode::Ticks));
        let s = reduce(s, Action::SeekClock(500.0));
        let run = s.shown().unwrap().clone();
        assert_eq!(s.events_done(), run.trace.events_until(500.0));
        assert!(s.playhead < 50.0, "a position in callbacks: {}", s.playhead);
    }

    #[test]
    fn positions_read_in_seconds_or_in_callbacks() {
        assert_eq!(AxisMode::Time.exact(1250.0), "1.250 s");
        assert_eq!(AxisMode::Ticks.exact(1.0), "1 callback");
        assert_eq!(AxisMode::Ticks.exact(12.0), "12 callbacks");
        assert_eq!(AxisMode::Ticks.exact(2.5), "2.5 callbacks");
        assert_eq!(AxisMode::Ticks.tick_label(10.0, 40.0), "10");
        assert_eq!(AxisMode::Time.tick_label(500.0, 2000.0), "0.5 s");
        assert_eq!(
            AxisMode::Ticks.readout(4.5, 12.0, 0.0),
            "t = 0.000 s · 4 of 12 callbacks"
        );
    }
}
