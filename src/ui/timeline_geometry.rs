//! The timeline's geometry and model: time ↔ position on the axis, "nice" ticks, lane
//! layout, the minimum visible width of instantaneous spans, and the rows the timeline
//! draws (one per task plus the event loop's own), derived from a [`Trace`] and its
//! [`Lane`]s that `sim` computed.
//!
//! Pure: no yew, no web-sys, no simulation (it only reads the trace). Tested natively.

use crate::sim::diagnostics::Diagnostic;
use crate::sim::trace::{EventKind, Ms, Outcome, Reason, StepId, TaskId, Trace};
use crate::sim::{Lane, SpanState};
use crate::ui::axis::AxisMode;
use crate::ui::describe;
use std::ops::Range;
use std::rc::Rc;

/// The narrowest a span is drawn, in percent of the axis: virtual time makes running
/// instantaneous, and a zero-length span must still be seen (and hovered).
pub const MIN_WIDTH_PCT: f64 = 0.4;
/// A segment shows its label inside only from this width (percent of the axis) on.
pub const LABEL_MIN_PCT: f64 = 9.0;
/// Row height in px with few lanes, and with many (compact, no labels inside segments).
pub const ROW_PX: f64 = 30.0;
pub const COMPACT_ROW_PX: f64 = 14.0;
/// From this many rows on, lanes are compact.
pub const COMPACT_FROM_ROWS: usize = 24;
/// A gather over more children than this draws one arrow: from the child that finished
/// last (the one that woke the waiter), not from each.
pub const MAX_GATHER_ARROWS: usize = 12;
/// At most this many arrows are drawn in one timeline.
pub const MAX_ARROWS: usize = 400;

/// Maps `[0, end]` ms (or callbacks, on the tick axis) onto `[0, 100]` percent of the
/// axis, and writes its positions in words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    end: Ms,
    mode: AxisMode,
}

impl Scale {
    /// A scale over `[0, end]`; an empty or invalid run gets a 1 ms axis, never a
    /// division by zero.
    pub fn new(end: Ms) -> Scale {
        let end = if end.is_finite() && end > 0.0 {
            end
        } else {
            1.0
        };
        Scale {
            end,
            mode: AxisMode::Time,
        }
    }

    /// The same scale on `mode`'s axis.
    pub fn on(self, mode: AxisMode) -> Scale {
        Scale { mode, ..self }
    }

    pub fn end(self) -> Ms {
        self.end
    }

    /// A position or length on this axis in words: `1.250 s`, or `3 callbacks`.
    pub fn exact(self, t: Ms) -> String {
        self.mode.exact(t)
    }

    /// Percent of the axis at time `t`, clamped to the axis.
    pub fn pct(self, t: Ms) -> f64 {
        (t / self.end * 100.0).clamp(0.0, 100.0)
    }

    /// The time at `fraction` (0..=1) of the axis, clamped.
    pub fn time_at(self, fraction: f64) -> Ms {
        if !fraction.is_finite() {
            return 0.0;
        }
        fraction.clamp(0.0, 1.0) * self.end
    }

    /// Where to draw the span `[start, end]`: `(left, width)` in percent, at least
    /// [`MIN_WIDTH_PCT`] wide and kept inside the axis.
    pub fn span_box(self, start: Ms, end: Ms) -> (f64, f64) {
        let left = self.pct(start);
        let width = (self.pct(end) - left).max(MIN_WIDTH_PCT);
        let left = left.min(100.0 - width).max(0.0);
        (left, width.min(100.0))
    }
}

/// A "nice" tick step (1, 2 or 5 × 10ⁿ ms) giving at most `max_ticks` intervals over
/// `span` ms.
pub fn nice_step(span: Ms, max_ticks: usize) -> Ms {
    let max_ticks = max_ticks.max(1) as f64;
    if !(span.is_finite() && span > 0.0) {
        return 1.0;
    }
    let raw = span / max_ticks;
    let mut magnitude = 10f64.powf(raw.log10().floor());
    if magnitude < 1.0 {
        magnitude = 1.0; // never below a millisecond
    }
    for m in [1.0, 2.0, 5.0, 10.0] {
        if m * magnitude >= raw {
            return m * magnitude;
        }
    }
    10.0 * magnitude
}

/// One tick of the time axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub t: Ms,
    pub pct: f64,
    pub label: String,
}

/// `0 s`, `0.5 s`, `2 s` on an axis of a second or more, else `0 ms`, `250 ms`.
pub fn tick_label(t: Ms, in_seconds: bool) -> String {
    if in_seconds {
        let s = format!("{:.3}", t / 1000.0);
        let s = s.trim_end_matches('0').trim_end_matches('.');
        format!("{s} s")
    } else {
        format!("{} ms", t.round())
    }
}

/// Ticks every nice step from 0 to the scale's end (inclusive when it falls on a step).
pub fn ticks(scale: Scale, max_ticks: usize) -> (Ms, Vec<Tick>) {
    let step = nice_step(scale.end(), max_ticks);
    let n = (scale.end() / step + 1e-9).floor() as usize;
    let ticks = (0..=n)
        .map(|i| {
            let t = i as f64 * step;
            Tick {
                t,
                pct: scale.pct(t),
                label: scale.mode.tick_label(t, scale.end()),
            }
        })
        .collect();
    (step, ticks)
}

/// The height of one row for a timeline of `rows` rows.
pub fn row_px(rows: usize) -> f64 {
    if rows >= COMPACT_FROM_ROWS {
        COMPACT_ROW_PX
    } else {
        ROW_PX
    }
}

/// The rows whose band intersects a vertical viewport `[top, top + height)` px.
pub fn visible_rows(top: f64, height: f64, row_px: f64, rows: usize) -> Range<usize> {
    if row_px <= 0.0 || rows == 0 {
        return 0..0;
    }
    let first = (top.max(0.0) / row_px).floor() as usize;
    let last = ((top.max(0.0) + height.max(0.0)) / row_px).ceil() as usize;
    first.min(rows)..last.min(rows)
}

/// How many segments a chart draws in one go: a run of thousands of busy lanes draws
/// this many, lets the browser paint, and draws the next (every segment costs the
/// browser time to create and lay out; BENCHMARKS.md, "Opening a big program").
pub const SEGS_PER_DRAW: usize = 1_000;

/// The end of the rows from `from` drawn within a `budget` of segments: always at least
/// one row past `from` (when `from < to`), so drawing moves on however busy a lane is.
/// `to` is at most `rows.len()`.
pub fn rows_within(rows: &[Row], from: usize, to: usize, budget: usize) -> usize {
    let mut drawn = 0;
    for (i, row) in rows.iter().enumerate().take(to).skip(from) {
        drawn += row.segs.len();
        if drawn > budget && i > from {
            return i;
        }
    }
    to
}

/// The segments of a row (sorted by start) that overlap `[from, to]` ms.
pub fn visible_segs(segs: &[Seg], from: Ms, to: Ms) -> Range<usize> {
    let first = segs.partition_point(|s| s.end < from);
    let last = segs.partition_point(|s| s.start <= to);
    first..last.max(first)
}

/// How a stretch of a row is drawn (also its CSS modifier).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegKind {
    /// A task runs a step on the loop's thread.
    Running,
    /// On the ready queue, waiting for its turn.
    Ready,
    /// Suspended at an await.
    Suspended,
    /// Blocking work holding the loop (`compute`).
    Blocked,
    /// `run_in_executor`: a worker thread does the job.
    Executor,
    /// The loop lane: nothing was ready, the clock jumped.
    Idle,
    /// The loop lane: it ran tasks' steps at this instant.
    LoopStep,
}

impl SegKind {
    pub fn class(self) -> &'static str {
        match self {
            SegKind::Running => "running",
            SegKind::Ready => "ready",
            SegKind::Suspended => "suspended",
            SegKind::Blocked => "blocked",
            SegKind::Executor => "executor",
            SegKind::Idle => "idle",
            SegKind::LoopStep => "step",
        }
    }

    /// The state in words, for tooltips and the table.
    pub fn word(self) -> &'static str {
        match self {
            SegKind::Running => "running",
            SegKind::Ready => "ready, waiting for the loop",
            SegKind::Suspended => "suspended",
            SegKind::Blocked => "blocking the loop (compute)",
            SegKind::Executor => "in the executor",
            SegKind::Idle => "idle: waiting for a timer or I/O",
            SegKind::LoopStep => "running task steps",
        }
    }
}

/// One drawn stretch of a row.
#[derive(Clone, Debug, PartialEq)]
pub struct Seg {
    pub start: Ms,
    pub end: Ms,
    pub kind: SegKind,
    /// What it says, put in words only when drawn or hovered ([`Seg::label`],
    /// [`Seg::detail`]): a big run has 300,000 segments, and few are ever on screen.
    pub text: SegText,
    /// The step the task was at (for `trace.steps[step].label`).
    pub step: Option<StepId>,
    /// Waits until the end of a deadlocked run.
    pub stuck: bool,
}

/// What a segment is about, to be put in words.
#[derive(Clone, Debug, PartialEq)]
pub enum SegText {
    /// A task's span.
    Span(crate::sim::Span),
    /// The loop idle while the clock jumps.
    Idle,
    /// A task's blocking work holds the loop.
    BlockedBy(TaskId),
    /// The loop ran `n` task steps at one instant, the first of them `first`'s.
    Steps { n: usize, first: TaskId },
}

impl Seg {
    pub fn duration(&self) -> Ms {
        self.end - self.start
    }

    /// Short, drawn inside the segment when it fits: `await fetch /api/1.json`.
    pub fn label(&self, trace: &Trace) -> String {
        match &self.text {
            SegText::Span(span) => span_words(trace, span).0,
            SegText::Idle => "idle".into(),
            SegText::BlockedBy(task) => format!("blocked by {}", trace.task_name(*task)),
            SegText::Steps { n, .. } => n.to_string(),
        }
    }

    /// The full sentence, for the tooltip: `await fetch /api/1.json (due 1.000 s)`.
    pub fn detail(&self, trace: &Trace) -> String {
        match &self.text {
            SegText::Span(span) => span_words(trace, span).1,
            SegText::Idle => "nothing ready: the clock jumps to the next timer or response".into(),
            SegText::BlockedBy(task) => format!(
                "{} holds the loop with blocking work: nothing else can run",
                trace.task_name(*task)
            ),
            SegText::Steps { n: 1, first } => format!("ran a step of {}", trace.task_name(*first)),
            SegText::Steps { n, .. } => format!("ran {n} task steps at this instant"),
        }
    }

    /// The text of the step it was at, e.g. `await asyncio.sleep(1.0)`.
    pub fn step_text<'t>(&self, trace: &'t Trace) -> Option<&'t str> {
        step_label(trace, self.step)
    }
}

/// A point mark on a row.
#[derive(Clone, Debug, PartialEq)]
pub enum MarkKind {
    Suspend,
    Resume,
    Completed,
    /// Raised, e.g. `ValueError: bad input`.
    Failed(String),
    Cancelled,
    /// A `wait_for` deadline passed.
    TimedOut,
    /// Deadlocked: waits forever.
    Stuck,
    /// An asyncio debug-mode warning (see `sim::diagnostics`): a short name and the
    /// whole message.
    Warning {
        name: &'static str,
        message: String,
    },
}

/// The marks of a row worth drawing on `scale`: every mark that says how a task ended
/// or warns, and a suspend or resume tick only if it stands at least [`MIN_WIDTH_PCT`]
/// from the last tick drawn. Closer ones overlap it: a task taking 20 `sleep(0)` steps
/// in a sliver of a long run would put 40 ticks in a few pixels.
pub fn drawn_marks(marks: &[Mark], scale: Scale) -> impl Iterator<Item = &Mark> {
    let mut last_tick: Option<f64> = None;
    marks.iter().filter(move |m| {
        if !matches!(m.kind, MarkKind::Suspend | MarkKind::Resume) {
            return true;
        }
        let pct = scale.pct(m.t);
        let apart = last_tick.is_none_or(|last| (pct - last).abs() >= MIN_WIDTH_PCT);
        if apart {
            last_tick = Some(pct);
        }
        apart
    })
}

impl MarkKind {
    pub fn class(&self) -> &'static str {
        match self {
            MarkKind::Suspend => "suspend",
            MarkKind::Resume => "resume",
            MarkKind::Completed => "completed",
            MarkKind::Failed(_) => "failed",
            MarkKind::Cancelled => "cancelled",
            MarkKind::TimedOut => "timeout",
            MarkKind::Stuck => "stuck",
            MarkKind::Warning { .. } => "warning",
        }
    }

    /// The icon and words drawn on the lane; `None` for the small suspend/resume ticks.
    pub fn badge(&self) -> Option<String> {
        match self {
            MarkKind::Suspend | MarkKind::Resume => None,
            MarkKind::Completed => Some("✓".into()),
            MarkKind::Failed(error) => {
                let name = error.split(':').next().unwrap_or(error).trim();
                Some(format!("⚠ raised {name}"))
            }
            MarkKind::Cancelled => Some("✕ cancelled".into()),
            MarkKind::TimedOut => Some("◷ timed out".into()),
            MarkKind::Stuck => Some("⊘ stuck".into()),
            MarkKind::Warning { name, .. } => Some(format!("⚑ {name}")),
        }
    }

    /// What happened, for screen readers and titles.
    pub fn words(&self) -> String {
        match self {
            MarkKind::Suspend => "suspended".into(),
            MarkKind::Resume => "resumed".into(),
            MarkKind::Completed => "returned".into(),
            MarkKind::Failed(error) => format!("raised {error}"),
            MarkKind::Cancelled => "was cancelled".into(),
            MarkKind::TimedOut => "wait_for timed out".into(),
            MarkKind::Stuck => "stuck: deadlocked to the end of the run".into(),
            MarkKind::Warning { message, .. } => format!("warning: {message}"),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub t: Ms,
    pub kind: MarkKind,
}

/// One row of the timeline: the event loop's, or one task's.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// `TaskId::LOOP` for the event loop's row.
    pub task: TaskId,
    pub name: String,
    /// How deep in the parent chain (main 0, its children 1, …); the loop's row is 0.
    pub depth: u32,
    /// `from main`, for a task created by another.
    pub note: Option<String>,
    pub segs: Vec<Seg>,
    pub marks: Vec<Mark>,
    pub stuck: bool,
}

/// An arrow from an awaited task's end to the waiter's resumption.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    pub from_row: usize,
    pub from_t: Ms,
    pub to_row: usize,
    pub to_t: Ms,
}

/// Everything one timeline draws, computed once per run.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// Row 0 is the event loop; row `i + 1` is task `i`.
    pub rows: Vec<Row>,
    pub arrows: Vec<Arrow>,
    /// When the run ended.
    pub end: Ms,
    /// The run, which segments are put in words from.
    pub trace: Rc<Trace>,
}

impl Model {
    pub fn new(run: &Rc<Trace>, lanes: &[Lane], diagnostics: &[Diagnostic]) -> Model {
        let trace: &Trace = run;
        let stuck = stuck_tasks(trace);
        let mut rows = vec![loop_row(trace)];
        let depths = depths(trace);
        // Each task's lane and marks found in one pass each: a lookup per task would make
        // a fan-out of 10,000 tasks quadratic.
        let mut lane_of: Vec<Option<&Lane>> = vec![None; trace.tasks.len()];
        for lane in lanes {
            if let Some(slot) = lane_of.get_mut(lane.task.index()) {
                slot.get_or_insert(lane);
            }
        }
        let mut marks_of = task_marks(trace);
        let mut warnings_of: Vec<Vec<&Diagnostic>> = vec![Vec::new(); trace.tasks.len()];
        for d in diagnostics {
            if let Some(list) = warnings_of.get_mut(d.task.index()) {
                list.push(d);
            }
        }
        for (i, info) in trace.tasks.iter().enumerate() {
            let task = TaskId(i as u32);
            let is_stuck = stuck.binary_search(&task).is_ok();
            let mut segs: Vec<Seg> = lane_of[i]
                .map(|l| l.spans.iter().map(task_seg).collect())
                .unwrap_or_default();
            if is_stuck {
                if let Some(last) = segs.last_mut() {
                    last.stuck = true;
                }
            }
            let mut marks = std::mem::take(&mut marks_of[i]);
            marks.extend(warnings_of[i].iter().map(|d| Mark {
                t: d.t,
                kind: MarkKind::Warning {
                    name: d.kind.name(),
                    message: d.message.clone(),
                },
            }));
            if is_stuck {
                marks.push(Mark {
                    t: trace.end,
                    kind: MarkKind::Stuck,
                });
            }
            rows.push(Row {
                task,
                name: info.name().into_owned(),
                depth: depths.get(i).copied().unwrap_or(0),
                note: if info.is_python() {
                    Some(
                        info.call
                            .as_deref()
                            .map_or_else(|| format!("{}()", info.coroutine), String::from),
                    )
                } else {
                    info.parent
                        .map(|p| format!("from {}", short_name(trace, p)))
                },
                segs,
                marks,
                stuck: is_stuck,
            });
        }
        Model {
            arrows: arrows(trace),
            rows,
            end: trace.end,
            trace: run.clone(),
        }
    }

    /// The segment at `(row, seg)`, if both exist.
    pub fn seg(&self, row: usize, seg: usize) -> Option<&Seg> {
        self.rows.get(row)?.segs.get(seg)
    }

    /// The segment of `row` nearest in time to `t` (for moving between lanes).
    pub fn nearest_seg(&self, row: usize, t: Ms) -> Option<usize> {
        let segs = &self.rows.get(row)?.segs;
        if segs.is_empty() {
            return None;
        }
        let i = segs.partition_point(|s| s.end < t).min(segs.len() - 1);
        Some(i)
    }

    /// How many segments all rows have.
    pub fn seg_count(&self) -> usize {
        self.rows.iter().map(|r| r.segs.len()).sum()
    }
}

/// The coroutine name of a task, `main` for the main task: `from main`.
fn short_name(trace: &Trace, task: TaskId) -> String {
    trace
        .tasks
        .get(task.index())
        .map_or_else(|| "?".into(), |t| t.coroutine.to_string())
}

/// Parent-chain depth of every task (bounded, so a malformed trace cannot loop).
fn depths(trace: &Trace) -> Vec<u32> {
    let n = trace.tasks.len();
    (0..n)
        .map(|i| {
            let mut depth = 0;
            let mut at = trace.tasks[i].parent;
            while let Some(p) = at {
                depth += 1;
                if depth as usize > n {
                    break;
                }
                at = trace.tasks.get(p.index()).and_then(|t| t.parent);
            }
            depth
        })
        .collect()
}

/// The coroutine a program's task waits in when it is not the task's own (main waits
/// in `brew_coffee`, which it awaits): so a run awaited in turn still says which.
fn awaited_in<'t>(trace: &'t Trace, span: &crate::sim::Span) -> Option<&'t str> {
    let info = trace
        .tasks
        .get(span.task.index())
        .filter(|t| t.is_python())?;
    let step = trace.steps.get(span.step? as usize)?;
    (step.coroutine != *info.coroutine && step.coroutine != "<module>")
        .then_some(step.coroutine.as_str())
}

/// A span's label and detail (see [`Seg::label`]).
fn span_words(trace: &Trace, span: &crate::sim::Span) -> (String, String) {
    match &span.state {
        SpanState::Running => ("running".into(), "running a step".into()),
        SpanState::Ready => (
            "ready".into(),
            "on the ready queue, waiting for the loop".into(),
        ),
        SpanState::Blocked => (
            "blocks the loop".into(),
            "blocking work holds the loop: nothing else runs".into(),
        ),
        SpanState::Suspended { reason } => {
            // A sleep says how long it was asked for: `await sleep(0.25)`.
            let wait = match reason {
                Reason::Sleep { until } => format!(
                    "await sleep({})",
                    crate::py::format::float_repr(
                        ((until - span.start) / 1000.0 * 1e6).round() / 1e6
                    )
                ),
                _ => trace.wait_label(reason),
            };
            (
                awaited_in(trace, span).map_or(wait.clone(), |f| format!("{f}: {wait}")),
                describe::wait(trace, reason),
            )
        }
    }
}

fn task_seg(span: &crate::sim::Span) -> Seg {
    let kind = match &span.state {
        SpanState::Running => SegKind::Running,
        SpanState::Ready => SegKind::Ready,
        SpanState::Blocked => SegKind::Blocked,
        SpanState::Suspended {
            reason: Reason::Executor,
        } => SegKind::Executor,
        SpanState::Suspended { .. } => SegKind::Suspended,
    };
    Seg {
        start: span.start,
        end: span.end,
        kind,
        text: SegText::Span(span.clone()),
        step: span.step,
        stuck: false,
    }
}

/// The event loop's own row: idle while the clock jumps, blocked while a compute step
/// holds it, and an instant mark where it runs tasks' steps.
pub fn loop_row(trace: &Trace) -> Row {
    let mut segs: Vec<Seg> = Vec::new();
    for e in &trace.events {
        match &e.kind {
            EventKind::IdleJump { from } => segs.push(Seg {
                start: *from,
                end: e.t,
                kind: SegKind::Idle,
                text: SegText::Idle,
                step: None,
                stuck: false,
            }),
            EventKind::ComputeStart { ms } => segs.push(Seg {
                start: e.t,
                end: e.t + ms,
                kind: SegKind::Blocked,
                text: SegText::BlockedBy(e.task),
                step: e.step(),
                stuck: false,
            }),
            EventKind::Started | EventKind::Resumed => match segs.last_mut() {
                Some(Seg {
                    kind: SegKind::LoopStep,
                    start,
                    text: SegText::Steps { n, .. },
                    ..
                }) if *start == e.t => *n += 1,
                _ => segs.push(Seg {
                    start: e.t,
                    end: e.t,
                    kind: SegKind::LoopStep,
                    text: SegText::Steps {
                        n: 1,
                        first: e.task,
                    },
                    step: e.step(),
                    stuck: false,
                }),
            },
            _ => {}
        }
    }
    crate::sort::sort_by(&mut segs, |a, b| a.start.total_cmp(&b.start));
    let stuck = matches!(trace.outcome, Outcome::Deadlock { .. });
    let mut marks = Vec::new();
    if stuck {
        marks.push(Mark {
            t: trace.end,
            kind: MarkKind::Stuck,
        });
    }
    Row {
        task: TaskId::LOOP,
        name: "event loop".into(),
        depth: 0,
        note: None,
        segs,
        marks,
        stuck,
    }
}

/// Every task's marks (suspend, resume, its end), by task index, in one pass.
fn task_marks(trace: &Trace) -> Vec<Vec<Mark>> {
    let mut marks: Vec<Vec<Mark>> = vec![Vec::new(); trace.tasks.len()];
    for e in &trace.events {
        let kind = match &e.kind {
            EventKind::Suspended { .. } => MarkKind::Suspend,
            EventKind::Resumed => MarkKind::Resume,
            EventKind::Completed { .. } => MarkKind::Completed,
            EventKind::Failed { error } => MarkKind::Failed(trace.text(*error).to_string()),
            EventKind::Cancelled => MarkKind::Cancelled,
            EventKind::TimedOut => MarkKind::TimedOut,
            _ => continue,
        };
        if let Some(list) = marks.get_mut(e.task.index()) {
            list.push(Mark { t: e.t, kind });
        }
    }
    marks
}

/// Tasks a deadlock leaves waiting forever.
pub fn stuck_tasks(trace: &Trace) -> Vec<TaskId> {
    match &trace.outcome {
        Outcome::Deadlock { cycle, waits } => {
            let mut tasks: Vec<TaskId> = cycle.iter().chain(waits).map(|e| e.task).collect();
            crate::sort::sort(&mut tasks);
            tasks.dedup();
            tasks
        }
        _ => Vec::new(),
    }
}

/// Arrows from each awaited task's end to the resumption of the task awaiting it
/// (`await task`, `gather`, `wait_for`). At most [`MAX_ARROWS`].
pub fn arrows(trace: &Trace) -> Vec<Arrow> {
    let n = trace.tasks.len();
    let mut ended: Vec<Option<Ms>> = vec![None; n];
    for e in &trace.events {
        if let EventKind::Completed { .. } | EventKind::Failed { .. } | EventKind::Cancelled =
            e.kind
        {
            if let Some(slot) = ended.get_mut(e.task.index()) {
                slot.get_or_insert(e.t);
            }
        }
    }
    let mut waiting: Vec<Option<Reason>> = vec![None; n];
    let mut out = Vec::new();
    for e in &trace.events {
        let Some(slot) = waiting.get_mut(e.task.index()) else {
            continue;
        };
        match e.kind {
            EventKind::Suspended { reason } => *slot = Some(reason),
            EventKind::Resumed => {
                let awaited: Vec<TaskId> = match slot.take() {
                    Some(Reason::Task { task } | Reason::WaitFor { task, .. }) => vec![task],
                    Some(Reason::Gather { tasks })
                        if trace.task_list(tasks).len() <= MAX_GATHER_ARROWS =>
                    {
                        trace.task_list(tasks).to_vec()
                    }
                    Some(Reason::Gather { tasks }) => trace
                        .task_list(tasks)
                        .iter()
                        .filter(|t| ended.get(t.index()).copied().flatten().is_some())
                        .max_by(|a, b| {
                            let ea = ended[a.index()].unwrap_or(0.0);
                            let eb = ended[b.index()].unwrap_or(0.0);
                            ea.total_cmp(&eb)
                        })
                        .into_iter()
                        .copied()
                        .collect(),
                    _ => Vec::new(),
                };
                for a in awaited {
                    let Some(Some(end)) = ended.get(a.index()).copied() else {
                        continue;
                    };
                    if end <= e.t && out.len() < MAX_ARROWS {
                        out.push(Arrow {
                            from_row: a.index() + 1,
                            from_t: end,
                            to_row: e.task.index() + 1,
                            to_t: e.t,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The text of step `step`, e.g. `await asyncio.sleep(1.0)`.
pub fn step_label(trace: &Trace, step: Option<StepId>) -> Option<&str> {
    trace.steps.get(step? as usize).map(|s| s.label.as_str())
}

/// `1.250 s` to the millisecond.
pub fn exact(ms: Ms) -> String {
    describe::seconds(ms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::diagnostics::diagnose;
    use crate::sim::presets::preset;
    use crate::sim::{lanes, run, StartMode};

    #[test]
    fn debug_mode_warnings_are_pinned_to_their_task_lane() {
        let trace = run(&preset("blocking-sleep").unwrap()).unwrap();
        let diagnostics = diagnose(&trace);
        let slow = diagnostics
            .iter()
            .find(|d| d.kind.name() == "slow callback")
            .expect("time.sleep(1.0) holds the loop: a slow callback");
        let m = Model::new(&Rc::new(trace.clone()), &lanes(&trace), &diagnostics);
        let row = &m.rows[slow.task.index() + 1];
        assert_eq!(row.name, "rude");
        let mark = row
            .marks
            .iter()
            .find(|mark| mark.kind.class() == "warning")
            .unwrap();
        assert_eq!(mark.t, slow.t);
        assert_eq!(mark.kind.badge().as_deref(), Some("⚑ slow callback"));
    }

    fn model(id: &str, mode: StartMode) -> (Trace, Model) {
        let scenario = preset(id).unwrap().with_mode(mode);
        let trace = run(&scenario).unwrap();
        let m = Model::new(&Rc::new(trace.clone()), &lanes(&trace), &diagnose(&trace));
        (trace, m)
    }

    #[test]
    fn scale_maps_time_to_percent_and_back() {
        let s = Scale::new(3000.0);
        assert_eq!(s.pct(1500.0), 50.0);
        assert_eq!(s.pct(-5.0), 0.0);
        assert_eq!(s.pct(9000.0), 100.0);
        assert_eq!(s.time_at(0.25), 750.0);
        assert_eq!(s.time_at(f64::NAN), 0.0);
        assert_eq!(
            Scale::new(0.0).end(),
            1.0,
            "an empty run never divides by zero"
        );
    }

    #[test]
    fn zero_length_spans_stay_visible_and_inside_the_axis() {
        let s = Scale::new(1000.0);
        assert_eq!(s.span_box(500.0, 500.0), (500.0 / 10.0, MIN_WIDTH_PCT));
        let (left, width) = s.span_box(1000.0, 1000.0);
        assert!(width >= MIN_WIDTH_PCT && left + width <= 100.0 + 1e-9);
        assert_eq!(s.span_box(0.0, 250.0), (0.0, 25.0));
    }

    #[test]
    fn nice_steps_are_one_two_or_five_times_a_power_of_ten() {
        assert_eq!(nice_step(3000.0, 6), 500.0);
        assert_eq!(nice_step(6000.0, 6), 1000.0);
        assert_eq!(nice_step(340.0, 8), 50.0);
        assert_eq!(nice_step(12_000.0, 5), 5000.0);
        assert_eq!(nice_step(3.0, 10), 1.0, "never below a millisecond");
        assert_eq!(nice_step(0.0, 5), 1.0);
    }

    #[test]
    fn ticks_read_in_seconds_or_milliseconds() {
        let (step, t) = ticks(Scale::new(3000.0), 6);
        assert_eq!(step, 500.0);
        let labels: Vec<&str> = t.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            labels,
            ["0 s", "0.5 s", "1 s", "1.5 s", "2 s", "2.5 s", "3 s"]
        );
        let (_, t) = ticks(Scale::new(340.0), 4);
        let labels: Vec<&str> = t.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["0 ms", "100 ms", "200 ms", "300 ms"]);
    }

    #[test]
    fn rows_are_drawn_within_a_budget_of_segments_and_always_one() {
        let (_, model) = model("three-fetches", StartMode::Concurrent);
        let rows = &model.rows;
        let all = rows.len();
        assert_eq!(rows_within(rows, 0, all, usize::MAX), all);
        let first_two = rows[0].segs.len() + rows[1].segs.len();
        assert_eq!(rows_within(rows, 0, all, first_two), 2);
        assert_eq!(rows_within(rows, 0, all, first_two - 1), 1);
        assert_eq!(rows_within(rows, 1, all, 0), 2, "one row at least");
        assert_eq!(rows_within(rows, 2, 3, usize::MAX), 3);
        assert_eq!(rows_within(rows, 3, 3, 0), 3, "nothing to draw");
    }

    #[test]
    fn many_rows_are_compact_and_only_visible_rows_are_listed() {
        assert_eq!(row_px(5), ROW_PX);
        assert_eq!(row_px(1001), COMPACT_ROW_PX);
        assert_eq!(visible_rows(0.0, 100.0, 10.0, 1000), 0..10);
        assert_eq!(visible_rows(95.0, 10.0, 10.0, 1000), 9..11);
        assert_eq!(visible_rows(0.0, 1e9, 10.0, 3), 0..3);
    }

    #[test]
    fn three_fetches_gathered_have_a_loop_row_main_and_three_tasks() {
        let (trace, m) = model("three-fetches", StartMode::Concurrent);
        assert_eq!(m.rows.len(), 1 + trace.tasks.len());
        assert_eq!(m.rows.len(), 5);
        assert_eq!(m.rows[0].task, TaskId::LOOP);
        assert_eq!(m.rows[1].depth, 0);
        assert!(m.rows[2..].iter().all(|r| r.depth == 1));
        assert_eq!(m.rows[2].note.as_deref(), Some("from main"));
        let user = &m.rows[2];
        assert!(
            user.segs
                .iter()
                .any(|s| s.label(&trace) == "await fetch /api/users/1.json"),
            "{:?}",
            user.segs
        );
        assert!(m.rows[1]
            .segs
            .iter()
            .any(|s| s.label(&trace) == "await gather (3)"));
        // main resumes after each child's end: one arrow per child.
        assert_eq!(m.arrows.len(), 3);
        assert!(m.arrows.iter().all(|a| a.to_row == 1 && a.from_t <= a.to_t));
        // the loop idles while the fetches are in flight.
        let idle: Ms = m.rows[0]
            .segs
            .iter()
            .filter(|s| s.kind == SegKind::Idle)
            .map(Seg::duration)
            .sum();
        assert_eq!(idle, 3000.0);
        assert!(m.rows[0].segs.iter().any(|s| s.kind == SegKind::LoopStep));
    }

    #[test]
    fn segments_in_a_row_are_in_time_order_and_findable() {
        let (_, m) = model("three-fetches", StartMode::Concurrent);
        for row in &m.rows {
            assert!(row.segs.windows(2).all(|w| w[0].start <= w[1].start));
        }
        let r = &m.rows[4];
        let i = m.nearest_seg(4, 2500.0).unwrap();
        assert!(r.segs[i].start <= 2500.0 && r.segs[i].end >= 2500.0);
        let range = visible_segs(&r.segs, 2500.0, 2600.0);
        assert!(range.contains(&i));
    }

    #[test]
    fn compute_blocks_the_loop_row() {
        let (_, m) = model("blocking-sleep", StartMode::Concurrent);
        assert!(m.rows[0].segs.iter().any(|s| s.kind == SegKind::Blocked));
        assert!(m.rows[1..]
            .iter()
            .any(|r| r.segs.iter().any(|s| s.kind == SegKind::Blocked)));
    }

    #[test]
    fn a_deadlock_marks_its_waiting_lanes_stuck_to_the_end() {
        let (trace, m) = model("deadlock", StartMode::Concurrent);
        assert!(matches!(trace.outcome, Outcome::Deadlock { .. }));
        let stuck: Vec<&Row> = m.rows.iter().filter(|r| r.stuck).collect();
        assert!(stuck.len() >= 3, "the loop and at least two tasks");
        for row in stuck.iter().skip(1) {
            let last = row.segs.last().unwrap();
            assert!(last.stuck && last.end == trace.end);
            assert!(row.marks.iter().any(|m| m.kind == MarkKind::Stuck));
        }
    }

    #[test]
    fn failures_cancellations_and_timeouts_get_badges() {
        assert_eq!(
            MarkKind::Failed("ValueError: bad".into()).badge().unwrap(),
            "⚠ raised ValueError"
        );
        assert_eq!(MarkKind::Cancelled.badge().unwrap(), "✕ cancelled");
        assert_eq!(MarkKind::TimedOut.badge().unwrap(), "◷ timed out");
        assert!(MarkKind::Suspend.badge().is_none());
        let (_, m) = model("timeout", StartMode::Concurrent);
        let kinds: Vec<&MarkKind> = m
            .rows
            .iter()
            .flat_map(|r| &r.marks)
            .map(|k| &k.kind)
            .collect();
        assert!(kinds.contains(&&MarkKind::TimedOut), "{kinds:?}");
        assert!(kinds.contains(&&MarkKind::Cancelled), "{kinds:?}");
    }

    #[test]
    fn ticks_closer_than_a_sliver_are_drawn_once_and_endings_always() {
        let mark = |t: Ms, kind: MarkKind| Mark { t, kind };
        let marks = [
            mark(0.0, MarkKind::Suspend),
            mark(0.1, MarkKind::Resume),
            mark(0.2, MarkKind::Suspend),
            mark(50.0, MarkKind::Resume),
            mark(50.1, MarkKind::Completed),
        ];
        let drawn: Vec<Ms> = drawn_marks(&marks, Scale::new(100.0))
            .map(|m| m.t)
            .collect();
        assert_eq!(drawn, [0.0, 50.0, 50.1]);
        // On a short axis the same ticks are far apart: all drawn.
        assert_eq!(drawn_marks(&marks, Scale::new(1.0)).count(), 5);
    }

    #[test]
    fn executor_waits_are_their_own_kind() {
        let (trace, m) = model("executor", StartMode::Concurrent);
        let seg = m
            .rows
            .iter()
            .flat_map(|r| &r.segs)
            .find(|s| s.kind == SegKind::Executor)
            .unwrap();
        assert_eq!(seg.label(&trace), "in executor");
    }
}
