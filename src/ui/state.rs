//! The whole app state, every user intent as an [`Action`], and the reducer
//! (`state/reduce.rs`).
//!
//! Components never mutate state: they dispatch an `Action` through the context
//! ([`AppContext`]). The program is the scenario: the learner's Python
//! ([`State::program`]) runs once, on the interpreter's virtual clock, when it changes,
//! and every component renders from that one [`ProgramRun`]. A live run of it
//! (`live`) or an imported trace (`replay`) is shown in its place while there is one;
//! Compare races it against a second version (`rival`). Pure Rust, tested natively.

use crate::examples::{example, DEFAULT_EXAMPLE};
use crate::lessons::lesson;
use crate::sim::chrome_trace::from_chrome_trace;
use crate::sim::diagnostics::{diagnose_lanes, diagnose_timing, Diagnostic};
use crate::sim::metrics::speedup;
use crate::sim::{lanes, metrics, Lane, Metrics, Scenario, Trace};
use crate::ui::axis::{AxisMode, Ticked};
use crate::ui::program::{program_text, run_program, ParseError, ProgramRun};
use crate::ui::route::Item;
use crate::ui::running::{
    for_ms, start_later, start_program, Budget, Running, Started, FIRST_SLICE_MS,
};
use crate::ui::share::{Share, Shared};
use crate::ui::timeline_geometry::Model;
pub use challenge::OpenChallenge;
use std::cell::OnceCell;
use std::rc::Rc;
use yew::prelude::*;

/// Slowest and fastest playback speeds.
pub const MIN_SPEED: f64 = 0.25;
pub const MAX_SPEED: f64 = 8.0;
/// The most real time one animation frame plays: a frame that comes late (a busy page,
/// a tab in the background) moves the playhead as far as one of 100 ms would, so the
/// run slows down instead of skipping to its end.
pub const MAX_FRAME_MS: f64 = 100.0;
/// The speeds offered by the speed control.
pub const SPEEDS: [f64; 6] = [0.25, 0.5, 1.0, 2.0, 4.0, 8.0];

/// One run with what the views draw from it, computed once.
#[derive(Clone, Debug)]
pub struct Run {
    pub trace: Rc<Trace>,
    pub lanes: Rc<Vec<Lane>>,
    pub metrics: Rc<Metrics>,
    /// asyncio debug-mode warnings, pinned to the timeline.
    pub diagnostics: Rc<Vec<Diagnostic>>,
    /// The timeline chart's rows, worked out the first time a chart draws the run (or
    /// beforehand, in a slice of its own, for a big program: `ui/running.rs`), and
    /// shared by every chart that draws it.
    model: Rc<OnceCell<Rc<Model>>>,
}

/// Runs compare by identity: a new run is a new `Rc`, so props compare in O(1).
impl PartialEq for Run {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.trace, &other.trace)
    }
}

impl Run {
    /// A trace with every diagnostic: an imported trace, a scenario's run.
    pub fn new(trace: Trace) -> Run {
        let lanes = lanes(&trace);
        let diagnostics = diagnose_lanes(&trace, &lanes);
        Run::built(trace, lanes, Rc::new(diagnostics))
    }

    /// A program's run, with only the warnings that hold for a program: the time-based
    /// ones. "Never awaited" and "exception never retrieved" read who awaits a task off
    /// the step language's labels (`h = asyncio.create_task(...)`, `await h`) or a
    /// gather's children, which a program's trace does not name yet: every gathered task
    /// would be flagged.
    pub fn of_program(trace: Trace) -> Run {
        let lanes = lanes(&trace);
        let diagnostics = diagnose_timing(&trace, &lanes);
        Run::built(trace, lanes, Rc::new(diagnostics))
    }

    /// `trace` with the diagnostics of another view of the same run (the tick axis).
    pub fn with_diagnostics(trace: Trace, diagnostics: Rc<Vec<Diagnostic>>) -> Run {
        let lanes = lanes(&trace);
        Run::built(trace, lanes, diagnostics)
    }

    fn built(trace: Trace, lanes: Vec<Lane>, diagnostics: Rc<Vec<Diagnostic>>) -> Run {
        Run {
            diagnostics,
            lanes: Rc::new(lanes),
            metrics: Rc::new(metrics(&trace)),
            trace: Rc::new(trace),
            model: Rc::default(),
        }
    }

    /// The timeline chart's rows for this run.
    pub fn model(&self) -> Rc<Model> {
        let model = || Rc::new(Model::new(&self.trace, &self.lanes, &self.diagnostics));
        self.model.get_or_init(model).clone()
    }
}

/// The program and its second version, drawn on one time axis in Compare.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    pub first: Run,
    pub second: Run,
}

impl Pair {
    /// The first's total over the second's: how much faster the second version is.
    pub fn speedup(&self) -> Option<f64> {
        speedup(self.first.trace.end, self.second.trace.end)
    }

    /// The longer of the two totals: the shared time axis.
    pub fn longest(&self) -> f64 {
        self.first.trace.end.max(self.second.trace.end)
    }
}

/// A lesson's second version before it is raced in Compare.
#[derive(Clone, Debug, PartialEq)]
pub enum PairPending {
    /// Not run yet: its text.
    Waiting(&'static str),
    /// Its run under way.
    Running(Running),
}

/// A program with no run to show: its text, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct NoRun {
    pub source: Rc<str>,
    pub why: Why,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Why {
    /// The interpreter cannot read it (text from a link, a file or a saved entry is kept
    /// all the same, and the editor shows it with the error).
    Unreadable(ParseError),
    /// Its run is under way, a slice at a time (`ui/running.rs`).
    Running(Running),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// One timeline: the program's run.
    Single,
    /// The program and its second version side by side on one time axis.
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
    /// The program on screen, run on the virtual clock; or its text, and why there is
    /// no run to show: it cannot run, or its run is under way.
    pub program: Result<ProgramRun, NoRun>,
    /// A second version of the program, run beside it in the Compare panel.
    pub rival: Option<ProgramRun>,
    /// An opened lesson's second version on its way: it begins to run
    /// (`Action::RunPair`) once the lesson has painted and its program has run, so a
    /// lesson racing two big programs opens sooner; a big one then runs in slices.
    pub pair_pending: Option<PairPending>,
    pub view: View,
    /// Playhead, in ms of the trace's time (or units of the tick axis).
    pub playhead: f64,
    /// When stepping event by event: how many events of the shown run have happened.
    /// A new program starts at `Some(0)`: nothing has happened yet.
    pub cursor: Option<usize>,
    pub playing: bool,
    pub speed: f64,
    pub presenter: bool,
    /// The `?` list of keyboard shortcuts is open.
    pub shortcuts: bool,
    pub theme: Theme,
    /// A message for the user (a rejected file, an older link opened).
    pub notice: Option<String>,
    /// The program run on the browser's real event loop: what it did so far (its ending
    /// `Running`), then how it ended.
    pub live: Option<ProgramRun>,
    /// The open lesson's slug; its program is `program` (until edited).
    pub lesson: Option<String>,
    /// An imported trace, replayed in place of the program's run.
    pub replay: Option<Run>,
    /// The choice picked for the open lesson's "predict before you run" question.
    pub prediction: Option<usize>,
    /// The axis the single view's timeline and playhead use.
    pub axis: AxisMode,
    /// The shown run on the tick axis, while that axis is chosen.
    pub ticked: Option<Ticked>,
    /// The open challenge (its program is `program`).
    pub challenge: Option<OpenChallenge>,
    /// The progress page is shown in the Lesson panel.
    pub overview: bool,
    /// A teacher's course being followed: its lessons and challenges in order.
    pub course: Option<Rc<Vec<Item>>>,
    /// Stepping by line: the statement about to run, an index into the program's
    /// [`ProgramRun::line_steps`] (`state/lines.rs`).
    pub line: Option<usize>,
    /// Programs run with the loop's own cost counted (`crate::py::aio::cost`).
    pub loop_cost: bool,
    /// How long (ms) a program opened may run where it is opened before the rest of its
    /// run goes on in slices (`ui/running.rs`): the app's [`FIRST_SLICE_MS`]; with no
    /// end, a program runs to its end where it is opened.
    pub first_slice_ms: f64,
}

impl Default for State {
    fn default() -> Self {
        State::with_program(default_source())
    }
}

pub enum Action {
    /// Open a lesson by its slug: its program replaces the current one.
    OpenLesson(String),
    /// Leave the lesson (or the challenge, the progress page, the course), keeping the
    /// program to play with.
    CloseLesson,
    /// Open a challenge by its slug, with the learner's last program for it (kept in
    /// this browser) or else its starter.
    OpenChallenge {
        slug: String,
        code: Option<String>,
    },
    /// The open challenge's next hint.
    ShowHint,
    /// The open challenge's solution, raced as the second version.
    ShowSolution,
    /// The open challenge's starting program again.
    StartOver,
    /// The progress page, in the Lesson panel.
    ShowProgress,
    /// Follow a teacher's course (its items open one by one, by their own actions).
    SetCourse(Vec<Item>),
    /// Pick a choice (by index) of the open lesson's prediction question.
    Predict(usize),
    /// Restore what a share link holds (program, lesson, speed, playhead).
    Restore(Shared),
    /// Show a program from outside the editor (a saved one, an example): run it.
    Open(String),
    /// Open a file: a `.py` program, or a scenario of steps saved as JSON by an earlier
    /// Looplab (opened as its program). A file that cannot be read leaves a notice.
    OpenFile {
        name: String,
        text: String,
    },
    /// The code editor ran its program (or began to).
    RunProgram(Started),
    /// The next slice of the program's run under way (`Why::Running`), for as long as
    /// the budget says.
    RunSlice(Budget),
    /// Run the opened lesson's second version (`pair_pending`), if still pending.
    RunPair,
    /// Run a second version of the program beside it (Compare panel).
    SetRival(ProgramRun),
    /// Drop the second version.
    CloseRival,
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
    /// Count the loop's own cost per callback, or not: the program (and its second
    /// version) run again.
    SetLoopCost(bool),
    /// To the next or the previous event of the shown run.
    StepForward,
    StepBack,
    /// To the next or the previous statement the program runs (stepping by line).
    LineForward,
    LineBack,
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
    /// The program running live: what it did so far, or how it ended.
    LiveProgram(ProgramRun),
    /// Back to the virtual-clock run.
    LiveClear,
    /// Replay a trace read from a file (Chrome Trace export or a bare Looplab trace).
    ImportTrace(String),
    /// Stop replaying the imported trace.
    CloseReplay,
    /// Show a message (e.g. from a panic hook or a failed import).
    Notify(String),
    DismissNotice,
}

/// The playground's program when nothing else is opened.
fn default_source() -> &'static str {
    example(DEFAULT_EXAMPLE)
        .expect("the default example exists")
        .source
}

/// `source` run by the interpreter (or its run begun, for as long as `first` says), or
/// kept with why it cannot run.
fn read(source: &str, loop_cost: bool, first: Budget) -> Result<ProgramRun, NoRun> {
    match start_program(source, loop_cost, first) {
        Ok(started) => shown(started),
        Err(error) => Err(NoRun {
            source: source.into(),
            why: Why::Unreadable(error),
        }),
    }
}

/// A program's run, or its run under way, or why it cannot run.
fn shown(started: Started) -> Result<ProgramRun, NoRun> {
    let (source, why) = match started {
        Started::Ran(program) => return Ok(program),
        Started::Running(running) => (running.source.clone(), Why::Running(running)),
        Started::Unreadable(source, error) => (source, Why::Unreadable(error)),
    };
    Err(NoRun { source, why })
}

impl State {
    /// `source` run to its end, and every program opened after it too (no slices: how
    /// the reducer's tests see it, whatever the machine's speed).
    pub fn with_program(source: &str) -> State {
        State::showing(read(source, false, Box::new(|_| true)))
    }

    /// The app's first state: the default example, its run begun a slice later
    /// ([`start_later`]), so the page's first render (the program, the panels) is not
    /// held up by it, and a lesson or a link opened at load replaces it before it runs.
    /// A program opened after it runs for [`FIRST_SLICE_MS`] where it is opened, then
    /// in slices.
    pub fn first() -> State {
        State {
            first_slice_ms: FIRST_SLICE_MS,
            ..State::showing(shown(Started::Running(start_later(
                default_source(),
                false,
            ))))
        }
    }

    fn showing(program: Result<ProgramRun, NoRun>) -> State {
        State {
            program,
            rival: None,
            pair_pending: None,
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
            axis: AxisMode::Time,
            ticked: None,
            line: None,
            challenge: None,
            overview: false,
            course: None,
            loop_cost: false,
            first_slice_ms: f64::INFINITY,
        }
    }

    /// A new program on screen, from its start: what was shown of the old one goes.
    fn set_program(&mut self, program: Result<ProgramRun, NoRun>) {
        self.program = program;
        self.live = None;
        self.replay = None;
        self.view = View::Single;
        self.playhead = 0.0;
        self.cursor = Some(0);
        self.playing = false;
        self.line = None;
    }

    /// A program from outside the editor, with no second version and no lesson.
    fn open(&mut self, source: &str) {
        self.set_program(read(source, self.loop_cost, for_ms(self.first_slice_ms)));
        self.rival = None;
        self.pair_pending = None;
        self.leave_lesson();
    }

    /// Back to the playground: no lesson, so no prediction either.
    fn leave_lesson(&mut self) {
        self.lesson = None;
        self.prediction = None;
        self.challenge = None;
        self.overview = false;
    }

    fn restore(&mut self, share: Share) {
        self.loop_cost = share.loop_cost;
        self.open(&share.program);
        // The link's moment is found in the run, which so must have ended.
        self.finish_running();
        self.rival = share.rival.as_deref().and_then(|r| self.run(r));
        self.lesson = share.lesson.filter(|slug| lesson(slug).is_some());
        self.speed = share.speed.clamp(MIN_SPEED, MAX_SPEED);
        // A link's playhead is a time of the clock.
        self.axis = AxisMode::Time;
        self.seek(share.playhead);
        if let Some(n) = share.events {
            self.step_to_within(n, share.playhead);
        }
    }

    /// `source` run as the setting says (a second version, which runs or is not shown).
    fn run(&self, source: &str) -> Option<ProgramRun> {
        run_program(source, self.loop_cost).ok()
    }

    /// A lesson's second version, raced once it has run.
    fn race(&mut self, pair: Started) {
        match pair {
            Started::Ran(program) => {
                self.pair_pending = None;
                self.rival = Some(program);
            }
            Started::Running(running) => self.pair_pending = Some(PairPending::Running(running)),
            Started::Unreadable(..) => self.pair_pending = None,
        }
    }

    /// The program's run under way, run to its end now.
    fn finish_running(&mut self) {
        if let Err(NoRun {
            why: Why::Running(running),
            ..
        }) = &self.program
        {
            self.program = shown(Started::Running(running.clone()).to_end());
        }
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

mod challenge;
mod lines;
mod reduce;
mod views;

#[cfg(test)]
mod tests;
