//! The whole app state, every user intent as an [`Action`], and the reducer.
//!
//! Components never mutate state: they dispatch an `Action` through the context
//! ([`AppContext`]). The reducer re-runs the simulation when the scenario changes, so
//! every component renders from the same computed [`Runs`]. Pure Rust, tested natively.
//!
//! A real Python program from the code editor (one the step language does not read) is a
//! [`ProgramRun`] in `State::program`: the scenario keeps its steps, its `source` holds
//! the program (so saved scenarios and share links carry it), and `shown()` is the
//! program's run. A program runs live once, as written (`Live::program`); racing the
//! two start modes live is for step scenarios, and Compare races a program against a
//! second version of it (`State::rival`).

use crate::lessons::{lesson, with_lesson};
use crate::py::Ending;
use crate::sim::chrome_trace::from_chrome_trace;
use crate::sim::diagnostics::{diagnose_lanes, Diagnostic};
use crate::sim::metrics::{compare, speedup, Comparison};
use crate::sim::presets::preset;
use crate::sim::share::ShareState;
use crate::sim::{lanes, metrics, Lane, Metrics, Scenario, ScenarioError, StartMode, Trace};
use crate::ui::axis::{AxisMode, Ticked};
use crate::ui::program::{program_of, run_program, ProgramRun};
use std::rc::Rc;
use yew::prelude::*;

/// Slowest and fastest playback speeds.
pub const MIN_SPEED: f64 = 0.25;
pub const MAX_SPEED: f64 = 8.0;
/// The speeds offered by the speed control.
pub const SPEEDS: [f64; 6] = [0.25, 0.5, 1.0, 2.0, 4.0, 8.0];
/// The preset shown on first load.
pub const DEFAULT_PRESET: &str = "three-fetches";

/// One run of the scenario with what the views draw from it, computed once.
#[derive(Clone, Debug)]
pub struct Run {
    pub trace: Rc<Trace>,
    pub lanes: Rc<Vec<Lane>>,
    pub metrics: Rc<Metrics>,
    /// asyncio debug-mode warnings, pinned to the timeline.
    pub diagnostics: Rc<Vec<Diagnostic>>,
}

/// Runs compare by identity: a new run is a new `Rc`, so props compare in O(1).
impl PartialEq for Run {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.trace, &other.trace)
    }
}

impl Run {
    pub fn new(trace: Trace) -> Run {
        let lanes = lanes(&trace);
        Run {
            diagnostics: Rc::new(diagnose_lanes(&trace, &lanes)),
            lanes: Rc::new(lanes),
            metrics: Rc::new(metrics(&trace)),
            trace: Rc::new(trace),
        }
    }
}

/// The scenario run in turn and gathered.
#[derive(Clone, Debug, PartialEq)]
pub struct Runs {
    pub sequential: Run,
    pub concurrent: Run,
}

impl Runs {
    fn new(c: Comparison) -> Runs {
        Runs {
            sequential: Run::new(c.sequential),
            concurrent: Run::new(c.concurrent),
        }
    }

    /// The run in the given start mode.
    pub fn get(&self, mode: StartMode) -> &Run {
        match mode {
            StartMode::Sequential => &self.sequential,
            StartMode::Concurrent => &self.concurrent,
        }
    }

    /// Sequential total over concurrent total.
    pub fn speedup(&self) -> Option<f64> {
        speedup(self.sequential.trace.end, self.concurrent.trace.end)
    }

    /// The longer of the two totals: the shared time axis of the compare view.
    pub fn longest(&self) -> f64 {
        self.sequential.trace.end.max(self.concurrent.trace.end)
    }
}

/// Runs of the scenario on the browser's real event loop (live mode), by start mode.
/// A run in progress holds its trace so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Live {
    pub sequential: Option<Run>,
    pub concurrent: Option<Run>,
    /// The mode running now, while a run is in progress.
    pub running: Option<StartMode>,
    /// The editor's Python program run live: what it did so far (its ending
    /// `Running`), then how it ended.
    pub program: Option<ProgramRun>,
}

impl Live {
    pub fn get(&self, mode: StartMode) -> Option<&Run> {
        match mode {
            StartMode::Sequential => self.sequential.as_ref(),
            StartMode::Concurrent => self.concurrent.as_ref(),
        }
    }

    fn set(&mut self, mode: StartMode, run: Option<Run>) {
        match mode {
            StartMode::Sequential => self.sequential = run,
            StartMode::Concurrent => self.concurrent = run,
        }
    }

    /// Is the program running live now?
    pub fn program_running(&self) -> bool {
        self.program
            .as_ref()
            .is_some_and(|p| p.ending == Ending::Running)
    }

    /// Both modes, once both have run live to their end.
    pub fn race(&self) -> Option<Runs> {
        if self.running.is_some() {
            return None;
        }
        Some(Runs {
            sequential: self.sequential.clone()?,
            concurrent: self.concurrent.clone()?,
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// One timeline, of the scenario in its own start mode.
    Single,
    /// Sequential and concurrent side by side on one time axis.
    Compare,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    Auto,
    Light,
    Dark,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub scenario: Scenario,
    /// The preset the scenario came from, while unedited.
    pub preset: Option<String>,
    /// The runs of the scenario, or why it cannot run.
    pub runs: Result<Runs, ScenarioError>,
    pub view: View,
    /// Playhead, in ms of the trace's time.
    pub playhead: f64,
    /// When stepping event by event: how many events of the shown run have happened.
    /// A new scenario starts at `Some(0)`: nothing has happened yet.
    pub cursor: Option<usize>,
    pub playing: bool,
    pub speed: f64,
    pub presenter: bool,
    /// The `?` list of keyboard shortcuts is open.
    pub shortcuts: bool,
    pub theme: Theme,
    /// A message for the user (a rejected import, for example).
    pub notice: Option<String>,
    /// Live runs, when the user ran the scenario on the real event loop.
    pub live: Option<Live>,
    /// The open lesson's slug; its scenario is `scenario` (until edited).
    pub lesson: Option<String>,
    /// An imported trace, replayed in place of the scenario's run.
    pub replay: Option<Run>,
    /// The choice picked for the open lesson's "predict before you run" question.
    pub prediction: Option<usize>,
    /// The Python program the scenario's `source` holds, run by the interpreter, when
    /// the step language does not read it. Shown in place of the scenario's runs.
    pub program: Option<ProgramRun>,
    /// A second version of the program, run beside it in the Compare panel.
    pub rival: Option<ProgramRun>,
    /// The axis the single view's timeline and playhead use.
    pub axis: AxisMode,
    /// The shown run on the tick axis, while that axis is chosen.
    pub ticked: Option<Ticked>,
}

impl Default for State {
    fn default() -> Self {
        let scenario = preset(DEFAULT_PRESET).expect("the default preset exists");
        State::with_scenario(scenario, Some(DEFAULT_PRESET.into()))
    }
}

pub enum Action {
    /// Replace the scenario by a preset.
    LoadPreset(String),
    /// Open a lesson by its slug: its scenario replaces the current one.
    OpenLesson(String),
    /// Leave the lesson, keeping its scenario to play with.
    CloseLesson,
    /// Pick a choice (by index) of the open lesson's prediction question.
    Predict(usize),
    /// Restore what a share link holds (scenario, lesson, speed, playhead).
    Restore(ShareState),
    /// Replace the scenario by a saved one, by name.
    Open(Scenario),
    /// Replace the scenario by one read from JSON (import); a bad file leaves a notice.
    Import(String),
    /// Replace the scenario by an edited copy (every form edit goes through this). The
    /// learner's program no longer describes it, so `source` is dropped.
    Edit(Scenario),
    /// Replace the scenario by one the code editor parsed; `source` holds the program.
    EditCode(Scenario),
    /// Show a Python program the code editor ran (the step language did not read it).
    /// The scenario keeps its steps; its `source` becomes the program.
    RunProgram(ProgramRun),
    /// Run a second version of the program beside it (Compare panel).
    SetRival(ProgramRun),
    /// Drop the second version.
    CloseRival,
    SetMode(StartMode),
    TogglePlay,
    Play,
    Pause,
    /// An animation frame: this many real ms passed since the last one.
    Frame(f64),
    /// Move the playhead to a position on the timeline's axis (scrubber, the axis).
    Seek(f64),
    /// Move the playhead to a time of the virtual clock, on either axis (a warning).
    SeekClock(f64),
    /// Space the timeline by time or by the loop's callbacks.
    SetAxis(AxisMode),
    /// To the next or the previous event of the shown run.
    StepForward,
    StepBack,
    /// Back to the start, paused.
    Restart,
    /// Just after the first `n` events of the shown run, paused (a console line, End).
    StepTo(usize),
    SetSpeed(f64),
    SetView(View),
    TogglePresenter,
    /// `?`: open or close the list of keyboard shortcuts.
    ToggleShortcuts,
    /// Esc, or its Close button: close that list.
    CloseShortcuts,
    SetTheme(Theme),
    /// A live run of the scenario in this mode begins.
    LiveStart(StartMode),
    /// A live run in progress: its trace so far.
    LiveProgress(StartMode, Trace),
    /// A live run ended (or was stopped).
    LiveFinished(StartMode, Trace),
    /// The editor's program running live: what it did so far, or how it ended.
    LiveProgram(ProgramRun),
    /// Back to the virtual-clock runs.
    LiveClear,
    /// Replay a trace read from a file (Chrome Trace export or a bare Looplab trace).
    ImportTrace(String),
    /// Stop replaying the imported trace.
    CloseReplay,
    /// Show a message (e.g. from a panic hook or a failed import).
    Notify(String),
    DismissNotice,
}

impl State {
    pub fn with_scenario(scenario: Scenario, preset: Option<String>) -> State {
        State {
            runs: compute(&scenario),
            program: program_of(&scenario),
            scenario,
            preset,
            view: View::Single,
            playhead: 0.0,
            cursor: Some(0),
            playing: false,
            speed: 1.0,
            presenter: false,
            shortcuts: false,
            theme: Theme::Auto,
            notice: None,
            live: None,
            lesson: None,
            replay: None,
            prediction: None,
            rival: None,
            axis: AxisMode::Time,
            ticked: None,
        }
    }

    /// The run the single view shows: the live run in progress, else an imported
    /// trace, else the editor's Python program, else the scenario in its own start mode
    /// (live if it ran live).
    pub fn shown(&self) -> Option<&Run> {
        let mode = self.scenario.main.mode;
        if let Some(live) = &self.live {
            if let Some(program) = &live.program {
                return Some(&program.run);
            }
            if let Some(run) = live.running.and_then(|m| live.get(m)).or(live.get(mode)) {
                return Some(run);
            }
        }
        if let Some(run) = &self.replay {
            return Some(run);
        }
        if let Some(program) = &self.program {
            return Some(&program.run);
        }
        self.runs.as_ref().ok().map(|r| r.get(mode))
    }

    /// The Python program whose run is shown (not covered by a replay): its live run,
    /// else its run on the virtual clock.
    pub fn shown_program(&self) -> Option<&ProgramRun> {
        if self.replay.is_some() {
            return None;
        }
        match &self.live {
            Some(live) => live.program.as_ref(),
            None => self.program.as_ref(),
        }
    }

    /// Is the program shown the open lesson's own (not one typed over it)?
    pub fn shows_lesson_program(&self) -> bool {
        let (Some(slug), Some(shown)) = (self.lesson.as_deref(), self.shown_program()) else {
            return false;
        };
        with_lesson(slug, |l| {
            l.program
                .as_ref()
                .is_some_and(|own| own.source == &*shown.source)
        })
        .unwrap_or(false)
    }

    /// The pair the compare view shows: both live runs once raced, else simulated. For
    /// a Python program, the program (`sequential`) and its second version
    /// (`concurrent`), once there is one.
    pub fn compared(&self) -> Option<Runs> {
        if let Some(program) = &self.program {
            return self.rival.as_ref().map(|rival| Runs {
                sequential: program.run.clone(),
                concurrent: rival.run.clone(),
            });
        }
        self.live
            .as_ref()
            .and_then(Live::race)
            .or_else(|| self.runs.as_ref().ok().cloned())
    }

    /// The time the playhead can reach: the end of the shown run(s).
    pub fn end(&self) -> f64 {
        match (self.compared(), self.view) {
            (Some(runs), View::Compare) => runs.longest(),
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
    fn keep_ticked(&mut self) {
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

    fn set_scenario(&mut self, scenario: Scenario, preset: Option<String>) {
        self.live = None;
        self.replay = None;
        self.runs = compute(&scenario);
        self.program = None;
        self.rival = None;
        self.scenario = scenario;
        self.preset = preset;
        self.playhead = 0.0;
        self.cursor = Some(0);
        self.playing = false;
    }

    /// [`Self::set_scenario`] for a scenario from outside (a link, a saved scenario, a
    /// file): a Python program its `source` holds runs again.
    fn load(&mut self, scenario: Scenario, preset: Option<String>) {
        self.set_scenario(scenario, preset);
        self.program = program_of(&self.scenario);
    }

    /// Back to the playground: no lesson, so no prediction either.
    fn leave_lesson(&mut self) {
        self.lesson = None;
        self.prediction = None;
    }

    fn seek(&mut self, t: f64) {
        self.playhead = t.clamp(0.0, self.end());
        self.cursor = None;
    }

    /// [`Self::step_to`] event `n`, if it happened at `t` (a link's count of events
    /// that does not match its time is ignored: the time wins).
    fn step_to_within(&mut self, n: usize, t: f64) {
        let Some(run) = self.shown() else { return };
        let events = &run.trace.events;
        if n <= events.len() && events.time_after(n) == t {
            self.step_to(n);
        }
    }

    fn step_to(&mut self, n: usize) {
        let Some(run) = self.on_axis() else { return };
        let events = &run.trace.events;
        let n = n.min(events.len());
        let t = events.time_after(n);
        self.cursor = Some(n);
        self.playhead = t;
        self.playing = false;
    }
}

fn compute(scenario: &Scenario) -> Result<Runs, ScenarioError> {
    compare(scenario).map(Runs::new)
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::LoadPreset(id) => match preset(&id) {
                Some(scenario) => {
                    s.set_scenario(scenario, Some(id));
                    s.leave_lesson();
                }
                None => s.notice = Some(format!("There is no preset called “{id}”.")),
            },
            Action::OpenLesson(slug) => match lesson(&slug) {
                Some(l) => {
                    s.set_scenario(l.scenario, None);
                    // A lesson written as a program shows the program, its pair as the
                    // second version in Compare.
                    if let Some(p) = &l.program {
                        s.scenario.source = Some(p.source.to_string());
                        s.program = run_program(p.source).ok();
                        s.rival = p.pair.and_then(|pair| run_program(pair).ok());
                    }
                    s.lesson = Some(slug);
                    s.prediction = None;
                }
                None => {
                    s.leave_lesson();
                    s.notice = Some(format!(
                        "There is no lesson called “{slug}”; here is the playground instead."
                    ))
                }
            },
            Action::CloseLesson => s.leave_lesson(),
            Action::Predict(choice) => s.prediction = s.lesson.is_some().then_some(choice),
            Action::Restore(shared) => {
                s.load(shared.scenario, None);
                s.lesson = shared.lesson.filter(|slug| lesson(slug).is_some());
                s.prediction = None;
                s.speed = shared.speed.clamp(MIN_SPEED, MAX_SPEED);
                // A link's playhead is a time of the clock.
                s.axis = AxisMode::Time;
                s.seek(shared.playhead);
                if let Some(n) = shared.events {
                    s.step_to_within(n, shared.playhead);
                }
            }
            Action::Open(scenario) => {
                s.load(scenario, None);
                s.leave_lesson();
            }
            Action::Import(text) => match Scenario::from_json(&text) {
                Ok(scenario) => {
                    s.load(scenario, None);
                    s.notice = None;
                }
                Err(message) => s.notice = Some(message),
            },
            Action::Edit(mut scenario) => {
                scenario.source = None;
                s.set_scenario(scenario, None);
            }
            Action::EditCode(scenario) => s.set_scenario(scenario, None),
            Action::SetRival(rival) => {
                s.rival = Some(rival);
                s.seek(s.playhead);
            }
            Action::CloseRival => {
                s.rival = None;
                s.view = View::Single;
                s.seek(s.playhead);
            }
            Action::RunProgram(program) => {
                // The steps are unchanged, so their runs are too: only `source` moves.
                s.scenario.source = Some(program.source.to_string());
                s.program = Some(program);
                s.preset = None;
                s.live = None;
                s.replay = None;
                s.view = View::Single;
                s.playhead = 0.0;
                s.cursor = Some(0);
                s.playing = false;
            }
            Action::SetMode(mode) => {
                let mut scenario = s.scenario.with_mode(mode);
                scenario.source = None;
                let preset = s.preset.clone();
                s.set_scenario(scenario, preset);
            }
            Action::TogglePlay => {
                if s.playing {
                    s.playing = false;
                } else {
                    start_playing(&mut s);
                }
            }
            Action::Play => start_playing(&mut s),
            Action::Pause => s.playing = false,
            Action::Frame(dt) => {
                if !s.playing {
                    return self;
                }
                let end = s.end();
                let step = dt.max(0.0) * s.speed * s.axis_now().per_ms();
                s.playhead = (s.playhead + step).min(end);
                s.cursor = None;
                if s.playhead >= end {
                    s.playing = false;
                }
            }
            Action::Seek(t) => s.seek(t),
            Action::SeekClock(t) => match s.axis_now() {
                AxisMode::Time => s.seek(t),
                AxisMode::Ticks => {
                    let n = s.shown().map_or(0, |run| run.trace.events_until(t));
                    s.step_to(n);
                }
            },
            Action::SetAxis(axis) => {
                let n = s.events_done();
                s.axis = axis;
                s.keep_ticked();
                // The same event on the other axis (where many share a time, only the
                // count of events says which).
                let t = s
                    .on_axis()
                    .map_or(0.0, |run| run.trace.events.time_after(n));
                s.playhead = t;
                s.cursor = Some(n);
            }
            Action::StepForward => {
                let n = s.events_done();
                s.step_to(n + 1);
            }
            Action::StepBack => {
                let n = s.events_done();
                s.step_to(n.saturating_sub(1));
            }
            Action::Restart => s.step_to(0),
            Action::StepTo(n) => s.step_to(n),
            Action::SetSpeed(x) => s.speed = x.clamp(MIN_SPEED, MAX_SPEED),
            Action::SetView(view) => {
                s.view = view;
                s.seek(s.playhead);
            }
            Action::TogglePresenter => s.presenter = !s.presenter,
            Action::ToggleShortcuts => s.shortcuts = !s.shortcuts,
            Action::CloseShortcuts => s.shortcuts = false,
            Action::SetTheme(theme) => s.theme = theme,
            Action::LiveStart(_) if s.program.is_some() => return self,
            Action::LiveStart(mode) => {
                s.replay = None;
                let live = s.live.get_or_insert_with(Live::default);
                live.set(mode, None);
                live.running = Some(mode);
                s.playing = false;
                s.playhead = 0.0;
                s.cursor = None;
            }
            Action::LiveProgress(mode, trace) => {
                let Some(live) = s.live.as_mut().filter(|l| l.running == Some(mode)) else {
                    return self;
                };
                live.set(mode, Some(Run::new(trace)));
                s.playhead = s.end();
            }
            Action::LiveFinished(mode, trace) => {
                let Some(live) = s.live.as_mut().filter(|l| l.running == Some(mode)) else {
                    return self;
                };
                live.set(mode, Some(Run::new(trace)));
                live.running = None;
                s.playhead = s.end();
            }
            Action::LiveProgram(run) => {
                // A run of a program no longer in the editor is dropped.
                if s.program.as_ref().map(|p| &p.source) != Some(&run.source) {
                    return self;
                }
                s.replay = None;
                s.live.get_or_insert_with(Live::default).program = Some(run);
                s.playing = false;
                s.cursor = None;
                s.playhead = s.end();
            }
            Action::ImportTrace(text) => match from_chrome_trace(&text) {
                Ok(trace) => {
                    s.live = None;
                    s.replay = Some(Run::new(trace));
                    s.notice = None;
                    s.step_to(0);
                }
                Err(message) => s.notice = Some(message),
            },
            Action::CloseReplay => {
                s.replay = None;
                s.seek(s.playhead);
            }
            Action::LiveClear => {
                s.live = None;
                s.seek(s.playhead);
            }
            Action::Notify(message) => s.notice = Some(message),
            Action::DismissNotice => s.notice = None,
        }
        s.keep_ticked();
        Rc::new(s)
    }
}

/// Play from the start again when the playhead is at the end.
fn start_playing(s: &mut State) {
    if s.playhead >= s.end() {
        s.playhead = 0.0;
    }
    s.cursor = None;
    s.playing = true;
}

/// The reducer handle every component reaches through `use_context::<AppContext>()`.
pub type AppContext = UseReducerHandle<State>;

/// A callback that dispatches `make(value)`: `make_callback(&ctx, Action::Seek)`.
pub fn make_callback<T: 'static>(
    ctx: &AppContext,
    make: impl Fn(T) -> Action + 'static,
) -> Callback<T> {
    let ctx = ctx.clone();
    Callback::from(move |value: T| ctx.dispatch(make(value)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::chrome_trace::to_chrome_trace;

    fn reduce(s: State, action: Action) -> State {
        (*Rc::new(s).reduce(action)).clone()
    }

    #[test]
    fn the_editors_program_stays_with_its_scenario_until_a_form_edit() {
        let mut scenario = State::default().scenario;
        scenario.source = Some("# mine".into());
        let s = reduce(State::default(), Action::EditCode(scenario.clone()));
        assert_eq!(s.scenario.source.as_deref(), Some("# mine"));
        assert!(s.runs.is_ok());
        let edited = reduce(s.clone(), Action::Edit(scenario));
        assert_eq!(edited.scenario.source, None);
        let moded = reduce(s, Action::SetMode(StartMode::Sequential));
        assert_eq!(moded.scenario.source, None);
    }

    #[test]
    fn the_default_state_runs_the_three_fetches_both_ways() {
        let s = State::default();
        let runs = s.runs.as_ref().unwrap();
        assert_eq!(runs.sequential.trace.end, 6000.0);
        assert_eq!(runs.concurrent.trace.end, 3000.0);
        assert_eq!(runs.speedup(), Some(2.0));
        assert_eq!(s.end(), 3000.0);
    }

    #[test]
    fn frames_advance_the_playhead_by_speed_and_stop_at_the_end() {
        let mut s = reduce(State::default(), Action::Play);
        s = reduce(s, Action::SetSpeed(2.0));
        s = reduce(s, Action::Frame(500.0));
        assert_eq!(s.playhead, 1000.0);
        s = reduce(s, Action::Frame(10_000.0));
        assert_eq!(s.playhead, 3000.0);
        assert!(!s.playing);
        s = reduce(s, Action::TogglePlay);
        assert_eq!(s.playhead, 0.0, "play at the end starts over");
    }

    #[test]
    fn stepping_moves_one_event_at_a_time_and_back() {
        let s = reduce(State::default(), Action::Restart);
        assert_eq!(s.events_done(), 0);
        let s = reduce(reduce(s, Action::StepForward), Action::StepForward);
        assert_eq!(s.events_done(), 2);
        let s = reduce(s, Action::StepBack);
        assert_eq!(s.events_done(), 1);
        let s = reduce(s, Action::Seek(1500.0));
        assert_eq!(s.cursor, None);
        let before = s.events_done();
        let s = reduce(s, Action::StepForward);
        assert_eq!(s.events_done(), before + 1);
        assert!(s.playhead >= 1500.0);
    }

    #[test]
    fn a_share_link_made_between_events_of_one_instant_opens_at_that_event() {
        let mut s = reduce(State::default(), Action::Restart);
        for _ in 0..7 {
            s = reduce(s, Action::StepForward);
        }
        let at_zero = s.shown().unwrap().trace.events_until(0.0);
        assert!(
            at_zero > 7,
            "the default scenario starts with a burst at 0 ms"
        );
        assert_eq!((s.events_done(), s.playhead), (7, 0.0));
        let link = |events| ShareState {
            scenario: s.scenario.clone(),
            lesson: None,
            speed: 1.0,
            playhead: s.playhead,
            events,
        };
        let restored = reduce(State::default(), Action::Restore(link(s.cursor)));
        assert_eq!(restored.events_done(), 7);
        // Without the count (an older link), or with one that is not at its time, the
        // time alone decides.
        let timed = reduce(State::default(), Action::Restore(link(None)));
        assert_eq!(timed.events_done(), at_zero);
        let wrong = reduce(State::default(), Action::Restore(link(Some(at_zero + 50))));
        assert_eq!(wrong.events_done(), at_zero);
    }

    #[test]
    fn a_bad_import_keeps_the_scenario_and_explains() {
        let s = State::default();
        let after = reduce(s.clone(), Action::Import("{not json".into()));
        assert_eq!(after.scenario, s.scenario);
        assert!(after
            .notice
            .unwrap()
            .starts_with("This is not a valid scenario"));
    }

    #[test]
    fn an_invalid_edit_is_kept_with_its_error() {
        let mut scenario = State::default().scenario;
        scenario.main.run.push("missing".into());
        let s = reduce(State::default(), Action::Edit(scenario.clone()));
        assert_eq!(s.scenario, scenario);
        assert!(s.runs.unwrap_err().to_string().contains("missing"));
    }

    #[test]
    fn a_live_run_is_shown_while_it_fills_in_and_raced_runs_are_compared() {
        let live_trace = |end: f64| {
            let mut t = State::default().shown().unwrap().trace.as_ref().clone();
            t.end = end;
            t
        };
        let s = reduce(State::default(), Action::LiveStart(StartMode::Sequential));
        assert_eq!(
            s.live.as_ref().unwrap().running,
            Some(StartMode::Sequential)
        );
        let s = reduce(
            s,
            Action::LiveProgress(StartMode::Sequential, live_trace(1200.0)),
        );
        assert_eq!(
            s.shown().unwrap().trace.end,
            1200.0,
            "the run in progress is shown"
        );
        assert_eq!(s.playhead, 1200.0, "the playhead follows the live run");
        let s = reduce(
            s,
            Action::LiveFinished(StartMode::Sequential, live_trace(6010.0)),
        );
        assert_eq!(
            s.compared().unwrap().sequential.trace.end,
            6000.0,
            "not raced yet"
        );
        let s = reduce(s, Action::LiveStart(StartMode::Concurrent));
        // A late update of a finished run changes nothing.
        let late = reduce(
            s.clone(),
            Action::LiveProgress(StartMode::Sequential, live_trace(1.0)),
        );
        assert_eq!(late, s);
        let s = reduce(
            s,
            Action::LiveFinished(StartMode::Concurrent, live_trace(3004.0)),
        );
        let raced = s.compared().unwrap();
        assert_eq!(
            (raced.sequential.trace.end, raced.concurrent.trace.end),
            (6010.0, 3004.0)
        );
        assert_eq!(
            s.shown().unwrap().trace.end,
            3004.0,
            "the scenario's own mode"
        );
        let s = reduce(s, Action::LiveClear);
        assert_eq!(
            s.shown().unwrap().trace.end,
            3000.0,
            "back to the simulation"
        );
        let s = reduce(s, Action::LiveStart(StartMode::Concurrent));
        let s = reduce(s, Action::LoadPreset("deadlock".into()));
        assert_eq!(s.live, None, "a new scenario ends live mode");
    }

    #[test]
    fn a_lesson_opens_with_its_scenario_and_a_share_link_restores_exactly() {
        let s = reduce(State::default(), Action::OpenLesson("gather".into()));
        let mut gather = lesson("gather").unwrap();
        // Written as a program: the scenario carries it, and its pair is the second
        // version in Compare.
        let program = gather.program.clone().unwrap();
        gather.scenario.source = Some(program.source.to_string());
        assert_eq!(
            (s.lesson.as_deref(), &s.scenario),
            (Some("gather"), &gather.scenario)
        );
        assert_eq!(s.program.as_ref().map(|p| &*p.source), Some(program.source));
        assert_eq!(s.rival.as_ref().map(|p| &*p.source), program.pair);
        assert_eq!(s.compared().map(|r| r.concurrent.trace.end), Some(1500.0));
        let shared = ShareState {
            scenario: s.scenario.clone(),
            lesson: s.lesson.clone(),
            speed: 2.0,
            playhead: 1234.5,
            events: None,
        };
        let restored = reduce(State::default(), Action::Restore(shared));
        assert_eq!(restored.scenario, gather.scenario);
        assert_eq!(restored.lesson.as_deref(), Some("gather"));
        assert_eq!((restored.speed, restored.playhead), (2.0, 1234.5));
        let missing = reduce(State::default(), Action::OpenLesson("nope".into()));
        assert_eq!(missing.scenario, State::default().scenario);
        assert!(missing.notice.unwrap().contains("no lesson called “nope”"));
        // An unknown lesson's address leaves the open lesson for the playground it names.
        let left = reduce(s.clone(), Action::OpenLesson("nope".into()));
        assert_eq!((left.lesson, left.scenario), (None, s.scenario.clone()));
        let s = reduce(s, Action::Predict(1));
        assert_eq!(s.prediction, Some(1));
        let s = reduce(s, Action::LoadPreset("deadlock".into()));
        assert_eq!(s.lesson, None, "a preset leaves the lesson");
        assert_eq!(s.prediction, None, "and its prediction");
        assert_eq!(
            reduce(s, Action::Predict(0)).prediction,
            None,
            "no lesson, nothing to predict"
        );
    }

    #[test]
    fn an_exported_trace_replays_and_a_foreign_file_is_explained() {
        let deadlock = State::with_scenario(preset("deadlock").unwrap(), None);
        let exported = to_chrome_trace(&deadlock.shown().unwrap().trace);
        let s = reduce(State::default(), Action::ImportTrace(exported));
        let shown = &s.shown().unwrap().trace;
        assert_eq!(**shown, *deadlock.shown().unwrap().trace);
        assert_eq!(s.events_done(), 0, "the replay starts at its beginning");
        let s = reduce(s, Action::CloseReplay);
        assert_eq!(
            s.shown().unwrap().trace.end,
            3000.0,
            "back to the scenario's run"
        );
        let s = reduce(s, Action::ImportTrace("{\"traceEvents\": []}".into()));
        assert!(s.notice.unwrap().contains("not exported by Looplab"));
        assert_eq!(s.replay, None);
    }

    const PROGRAM: &str = "import asyncio\n\nasync def f(n):\n    await asyncio.sleep(n)\n    \
                           print(n)\n\nasync def main():\n    for i in range(2):\n        \
                           await f(0.25)\n\nasyncio.run(main())\n";

    #[test]
    fn a_program_run_live_is_shown_while_it_runs_and_a_stale_one_is_dropped() {
        let live_run = |src: &str, ending: crate::py::Ending| {
            let mut out = crate::py::run_source(src).unwrap();
            out.ending = ending;
            ProgramRun::new(src, out)
        };
        let simulated = crate::ui::program::run_program(PROGRAM).unwrap();
        let s = reduce(State::default(), Action::RunProgram(simulated.clone()));
        let so_far = live_run(PROGRAM, crate::py::Ending::Running);
        let s = reduce(s, Action::LiveProgram(so_far.clone()));
        assert!(s.live.as_ref().unwrap().program_running());
        assert_eq!(s.shown(), Some(&so_far.run));
        assert_eq!(s.shown_program(), Some(&so_far));
        assert_eq!(s.playhead, 500.0, "the playhead follows the live run");
        let ended = live_run(PROGRAM, crate::py::Ending::Completed);
        let s = reduce(s, Action::LiveProgram(ended.clone()));
        assert!(!s.live.as_ref().unwrap().program_running());
        assert_eq!(s.shown_program(), Some(&ended));
        assert_eq!(s.program, Some(simulated.clone()), "the prediction is kept");
        // A run of another program (the editor changed meanwhile) is not shown.
        let other = PROGRAM.replace("0.25", "0.5");
        let stale = reduce(
            s.clone(),
            Action::LiveProgram(live_run(&other, crate::py::Ending::Stopped)),
        );
        assert_eq!(stale.shown_program(), Some(&ended));
        let s = reduce(s, Action::LiveClear);
        assert_eq!(
            s.shown_program(),
            Some(&simulated),
            "back to the simulated run"
        );
    }

    #[test]
    fn a_python_program_is_shown_in_place_of_the_scenario_and_keeps_its_source() {
        let program = crate::ui::program::run_program(PROGRAM).unwrap();
        let before = State::default();
        let s = reduce(before.clone(), Action::RunProgram(program.clone()));
        assert_eq!(s.shown(), Some(&program.run));
        assert_eq!(s.shown_program(), Some(&program));
        assert_eq!(s.end(), 500.0);
        assert_eq!(s.events_done(), 0, "it starts at its beginning");
        assert_eq!(s.compared(), None, "a program has nothing to compare");
        assert_eq!(s.scenario.source.as_deref(), Some(PROGRAM));
        assert_eq!(s.scenario.coroutines, before.scenario.coroutines);
        assert_eq!(s.runs, before.runs, "the steps did not run again");
        // Live mode is for step scenarios.
        assert_eq!(
            reduce(s.clone(), Action::LiveStart(StartMode::Concurrent)),
            s
        );
        // A share link (or a saved scenario) carrying the program runs it again.
        let shared = ShareState {
            scenario: s.scenario.clone(),
            lesson: None,
            speed: 1.0,
            playhead: 250.0,
            events: None,
        };
        let restored = reduce(State::default(), Action::Restore(shared));
        assert_eq!(restored.program.as_ref().unwrap().run.trace.end, 500.0);
        assert_eq!(restored.playhead, 250.0);
        // A form edit, a preset or the step language leave the program.
        let edited = reduce(s.clone(), Action::Edit(s.scenario.clone()));
        assert_eq!((edited.program.as_ref(), edited.end()), (None, 3000.0));
        assert_eq!(
            reduce(s.clone(), Action::LoadPreset("deadlock".into())).program,
            None
        );
        let mut steps = before.scenario.clone();
        steps.source = Some("# steps".into());
        assert_eq!(reduce(s.clone(), Action::EditCode(steps)).program, None);
        // A saved scenario carrying the program runs it again.
        let opened = reduce(State::default(), Action::Open(s.scenario.clone()));
        assert_eq!(opened.shown().unwrap().trace.end, 500.0);
    }

    #[test]
    fn an_imported_trace_covers_the_program_until_closed() {
        let program = crate::ui::program::run_program(PROGRAM).unwrap();
        let s = reduce(State::default(), Action::RunProgram(program.clone()));
        let exported = to_chrome_trace(&State::default().shown().unwrap().trace);
        let s = reduce(s, Action::ImportTrace(exported));
        assert_eq!(s.shown().unwrap().trace.end, 3000.0);
        assert_eq!(s.shown_program(), None);
        let s = reduce(s, Action::CloseReplay);
        assert_eq!(s.shown(), Some(&program.run));
    }

    #[test]
    fn speed_is_clamped() {
        let s = reduce(State::default(), Action::SetSpeed(100.0));
        assert_eq!(s.speed, MAX_SPEED);
        let s = reduce(s, Action::SetSpeed(0.0));
        assert_eq!(s.speed, MIN_SPEED);
    }
}
