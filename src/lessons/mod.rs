//! Guided lessons: a program, narration tied to moments of its run, a "predict before
//! you run" question whose answer the run reveals, and a change to try.
//!
//! Pure data plus queries over a [`Trace`]: no web-sys, no yew. Programs live in
//! `src/lessons/programs/*.py`; the step scenarios that are the simulator's reference
//! for them in `src/lessons/*.json` or `sim::presets`.

mod catalogue;

pub use catalogue::{lesson, lessons, with_lesson};

use crate::sim::{Comparison, EventKind, Outcome, Scenario, ScenarioError, StartMode, Trace};

/// One guided lesson.
#[derive(Clone, Debug, PartialEq)]
pub struct Lesson {
    /// 1-based position in the course.
    pub id: u32,
    /// Stable name used in share links (`gather`, `semaphore`, ...).
    pub slug: &'static str,
    pub title: &'static str,
    /// A paragraph shown before the run.
    pub intro: &'static str,
    /// The lesson as a real Python program (what the app shows and runs), and the same
    /// work written the other way, raced beside it in Compare.
    pub program: LessonProgram,
    /// Shown as the playhead reaches each moment.
    pub narration: Vec<Narration>,
    pub predict: Prediction,
    /// A change to make to the program, and what to look for.
    pub try_this: &'static str,
}

/// A lesson's program: `.py` files in `src/lessons/programs/` that run unchanged with
/// python3 (checked against CPython with the corpus, `tests/py_corpus.rs`).
#[derive(Clone, Debug, PartialEq)]
pub struct LessonProgram {
    pub source: &'static str,
    /// The other version (gathered where the program awaits in turn), if the lesson
    /// compares two.
    pub pair: Option<&'static str>,
    /// The same program written with tokio (`src/lessons/programs/*.rs`), compiled and
    /// run on tokio's paused clock by `tests/lessons_tokio.rs`: the same lines printed
    /// at the same times.
    pub rust: &'static str,
    /// Run with the loop's own cost counted (`crate::py::aio::cost`): the lesson is
    /// about that cost.
    pub loop_cost: bool,
}

/// A sentence shown when the playhead reaches `at`.
#[derive(Clone, Debug, PartialEq)]
pub struct Narration {
    pub at: Moment,
    pub text: &'static str,
}

/// A point of the timeline, resolved against a run's trace.
#[derive(Clone, Debug, PartialEq)]
pub enum Moment {
    /// The start of the run (t = 0).
    Start,
    /// When the run ends.
    End,
    /// A fixed time, in ms.
    At(f64),
    /// The first time something happens in a coroutine (matched by the step's
    /// coroutine, so a coroutine awaited inline counts too, or else by the task's).
    First { coroutine: &'static str, what: What },
    /// The last time something happens in a coroutine.
    Last { coroutine: &'static str, what: What },
}

/// What happens at a [`Moment::First`]/[`Moment::Last`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum What {
    /// A task of the coroutine starts running.
    Start,
    /// It suspends at an `await`.
    Suspend,
    /// It resumes after a suspension.
    Resume,
    /// It begins blocking work that holds the loop.
    Block,
    /// It acquires a semaphore permit or a lock.
    Acquire,
    /// It puts into or gets from a queue.
    QueuePut,
    QueueGet,
    /// An executor worker starts its job.
    Offload,
    Print,
    /// A `wait_for` deadline passes.
    TimeOut,
    Complete,
    Fail,
    Cancel,
}

impl What {
    fn matches(self, kind: &EventKind) -> bool {
        matches!(
            (self, kind),
            (What::Start, EventKind::Started)
                | (What::Suspend, EventKind::Suspended { .. })
                | (What::Resume, EventKind::Resumed)
                | (What::Block, EventKind::ComputeStart { .. })
                | (What::Acquire, EventKind::Acquired { .. })
                | (What::QueuePut, EventKind::QueuePut { .. })
                | (What::QueueGet, EventKind::QueueGet { .. })
                | (What::Offload, EventKind::ExecutorStart { .. })
                | (What::Print, EventKind::Print { .. })
                | (What::TimeOut, EventKind::TimedOut)
                | (What::Complete, EventKind::Completed { .. })
                | (What::Fail, EventKind::Failed { .. })
                | (What::Cancel, EventKind::Cancelled)
        )
    }
}

impl Moment {
    /// The time of this moment in `trace`, or `None` if it never happens there.
    pub fn resolve(&self, trace: &Trace) -> Option<f64> {
        match self {
            Moment::Start => Some(0.0),
            Moment::End => Some(trace.end),
            Moment::At(t) => (*t >= 0.0 && *t <= trace.end).then_some(*t),
            Moment::First { coroutine, what } => trace
                .events
                .iter()
                .find(|e| what.matches(&e.kind) && event_coroutine(trace, e) == Some(coroutine))
                .map(|e| e.t),
            Moment::Last { coroutine, what } => trace
                .events
                .iter()
                .rev()
                .find(|e| what.matches(&e.kind) && event_coroutine(trace, e) == Some(coroutine))
                .map(|e| e.t),
        }
    }
}

/// The coroutine an event happened in: its step's, else its task's.
fn event_coroutine<'a>(trace: &'a Trace, e: &crate::sim::Event) -> Option<&'a str> {
    let by_step = e
        .step()
        .and_then(|s| trace.steps.get(s as usize))
        .map(|s| s.coroutine.as_str());
    // Task-level events (start, end) belong to the task's coroutine.
    let task_level = matches!(
        e.kind,
        EventKind::Started
            | EventKind::Completed { .. }
            | EventKind::Failed { .. }
            | EventKind::Cancelled
    );
    let by_task = trace.tasks.get(e.task.index()).map(|t| &*t.coroutine);
    if task_level {
        by_task
    } else {
        by_step.or(by_task)
    }
}

/// Each narration's time in `trace` and its text, in time order (stable for equal
/// times); narration whose moment never happens in this run is left out.
pub fn narration_times<'a>(lesson: &'a Lesson, trace: &Trace) -> Vec<(f64, &'a str)> {
    let mut out: Vec<(f64, &str)> = lesson
        .narration
        .iter()
        .filter_map(|n| Some((n.at.resolve(trace)?, n.text)))
        .collect();
    crate::sort::sort_by(&mut out, |a, b| a.0.total_cmp(&b.0));
    out
}

/// The narration to show with the playhead at `t`: the latest one whose moment has
/// been reached, if any.
pub fn narration_at<'a>(lesson: &'a Lesson, trace: &Trace, t: f64) -> Option<&'a str> {
    narration_times(lesson, trace)
        .into_iter()
        .take_while(|(at, _)| *at <= t)
        .last()
        .map(|(_, text)| text)
}

/// "Predict before you run": a question whose answer is read off the run.
#[derive(Clone, Debug, PartialEq)]
pub struct Prediction {
    pub question: &'static str,
    /// What the run measures to answer it.
    pub measure: Measure,
    /// Each choice with the value of the measure it stands for; the answer is the choice
    /// nearest to what the run measures.
    pub choices: Vec<Choice>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub text: &'static str,
    pub value: f64,
}

/// A number read off a lesson's runs.
#[derive(Clone, Debug, PartialEq)]
pub enum Measure {
    /// Total time of the lesson's own run (in its start mode), ms.
    Total,
    SequentialTotal,
    ConcurrentTotal,
    /// The second version's total, as [`Measure::ConcurrentTotal`], when that version is
    /// not the gathered one: named as the answer says it (`the program on uvloop`).
    SecondTotal(&'static str),
    /// 1 if the lesson's own run deadlocks, else 0.
    Deadlocked,
    /// 0-based position of the first `print(text)` among all prints (-1 if never).
    PrintPosition(&'static str),
    /// When `print(text)` first happens, ms (-1 if never).
    FirstPrintAt(&'static str),
    /// How many times `print(text)` happens.
    Prints(&'static str),
    /// The most fetches in flight at once.
    MaxInFlight,
}

impl Measure {
    /// The run the measure is read off, when it is one start mode's (a prediction is
    /// revealed only once that run has been on screen).
    pub fn mode(&self) -> Option<StartMode> {
        match self {
            Measure::SequentialTotal => Some(StartMode::Sequential),
            Measure::ConcurrentTotal | Measure::SecondTotal(_) => Some(StartMode::Concurrent),
            _ => None,
        }
    }

    /// The value in `own` (the lesson's run in its own mode) and `c` (both modes).
    pub fn value(&self, own: &Trace, c: &Comparison) -> f64 {
        let prints = || {
            own.events.iter().filter_map(|e| match &e.kind {
                EventKind::Print { text } => Some((e.t, own.text(*text).trim_end_matches('\n'))),
                _ => None,
            })
        };
        match self {
            Measure::Total => own.end,
            Measure::SequentialTotal => c.sequential.end,
            Measure::ConcurrentTotal | Measure::SecondTotal(_) => c.concurrent.end,
            Measure::Deadlocked => {
                f64::from(u8::from(matches!(own.outcome, Outcome::Deadlock { .. })))
            }
            Measure::PrintPosition(text) => prints()
                .position(|(_, t)| t == *text)
                .map_or(-1.0, |i| i as f64),
            Measure::FirstPrintAt(text) => {
                prints().find(|(_, t)| *t == *text).map_or(-1.0, |(t, _)| t)
            }
            Measure::Prints(text) => prints().filter(|(_, t)| t == text).count() as f64,
            Measure::MaxInFlight => {
                let (mut now, mut max) = (0i64, 0i64);
                let mut in_flight = vec![false; own.tasks.len()];
                for e in &own.events {
                    let Some(flag) = in_flight.get_mut(e.task.index()) else {
                        continue;
                    };
                    let fetching = matches!(
                        &e.kind,
                        EventKind::Suspended {
                            reason: crate::sim::Reason::Fetch { .. }
                        }
                    );
                    let leaves = matches!(
                        e.kind,
                        EventKind::Resumed
                            | EventKind::Scheduled { .. }
                            | EventKind::Woke { .. }
                            | EventKind::Completed { .. }
                            | EventKind::Failed { .. }
                            | EventKind::Cancelled
                    );
                    if fetching && !*flag {
                        *flag = true;
                        now += 1;
                        max = max.max(now);
                    } else if leaves && *flag {
                        *flag = false;
                        now -= 1;
                    }
                }
                max as f64
            }
        }
    }
}

impl Prediction {
    /// The index of the right choice: the one nearest to what the run measures.
    pub fn answer(&self, own: &Trace, c: &Comparison) -> usize {
        let measured = self.measure.value(own, c);
        self.choices
            .iter()
            .enumerate()
            .min_by(|a, b| {
                (a.1.value - measured)
                    .abs()
                    .total_cmp(&(b.1.value - measured).abs())
            })
            .map_or(0, |(i, _)| i)
    }
}

/// A lesson's program run, and its other version: `sequential` is the program's own
/// run, `concurrent` its pair's (or the program's again).
#[derive(Clone, Debug, PartialEq)]
pub struct LessonRun {
    pub comparison: Comparison,
}

impl LessonRun {
    /// The program's own run: the one narrated.
    pub fn own(&self) -> &Trace {
        &self.comparison.sequential
    }
}

impl Lesson {
    /// The program as a scenario of steps, the step simulator's reference for it (the
    /// tests compare the two); `None` where the step language cannot say what the program
    /// does (a TaskGroup, a retry loop, a `finally`, several `asyncio.run`s). The app
    /// never runs a scenario, so it is parsed only when asked for.
    pub fn scenario(&self) -> Option<Scenario> {
        catalogue::scenario_of(self.slug)
    }

    /// Runs the program as `sequential` (its own run) and its pair as `concurrent` (or
    /// the program again).
    pub fn run(&self) -> Result<LessonRun, ScenarioError> {
        let program = &self.program;
        let opts = crate::py::run::Options::costed(program.loop_cost);
        let trace = |source: &str| {
            crate::py::run::run_source_with(source, opts)
                .map(|out| out.trace)
                .map_err(|e| ScenarioError {
                    coroutine: None,
                    step: None,
                    message: format!("line {}: {}", e.pos.line, e.message),
                })
        };
        let own = trace(program.source)?;
        let pair = program.pair.map(trace).transpose()?;
        Ok(LessonRun {
            comparison: Comparison {
                concurrent: pair.unwrap_or_else(|| own.clone()),
                sequential: own,
            },
        })
    }

    /// Is the prediction's answer read off a run that is not on screen? A lesson's own
    /// run is its program (`sequential`); the other version shows only while both play
    /// side by side (`comparing`).
    pub fn measured_elsewhere(&self, comparing: bool) -> bool {
        self.predict
            .measure
            .mode()
            .is_some_and(|m| m != StartMode::Sequential && !comparing)
    }

    /// The index of the right answer to the prediction, read off `run`.
    pub fn answer(&self, run: &LessonRun) -> usize {
        self.predict.answer(run.own(), &run.comparison)
    }
}
