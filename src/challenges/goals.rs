//! A challenge's goals, each checked on the program's run (its outcome, printed text
//! and trace), never on its text: a learner may solve it any way that behaves right.
//!
//! Work that stands for I/O is a wait on the clock inside a named function: the
//! challenges' programs fetch, download and save with `await asyncio.sleep(...)` in
//! `fetch`, `download`, `save` (so CPython runs them unchanged), and each such wait
//! counts as one request, download or save, whichever task makes it. A task suspended at
//! one is "under way" from its `Suspended` event until its next change of state (the
//! timer firing, a cancellation). The function is named as the trace's steps name it
//! (`fetch`, or `Crawler.fetch` for a method).

use crate::py::{Ending, RunOutput};
use crate::sim::diagnostics::SLOW_CALLBACK_MS;
use crate::sim::trace::{Event, EventKind, Ms, Reason, TaskId, Trace};

/// What a program's run must do.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Goal {
    /// The program ends (completes or raises) within `ms` of virtual time.
    FinishesWithin { ms: Ms },
    /// Never more than `max` waits on the clock inside `function` at the same time.
    AtMostAtOnce {
        function: &'static str,
        noun: &'static str,
        max: usize,
    },
    /// Between `min` and `max` waits on the clock inside `function` in all: the work
    /// was done, and not more often than allowed.
    Count {
        function: &'static str,
        noun: &'static str,
        min: usize,
        max: usize,
    },
    /// At least `min` jobs ran in worker threads (`to_thread`, `run_in_executor`).
    InThreads { min: usize },
    /// The run does not end in a deadlock.
    NoDeadlock,
    /// No task holds the loop longer than asyncio's slow-callback threshold (100 ms)
    /// between two suspensions.
    NeverBlocks,
    /// Every task has finished or been cancelled by the time `asyncio.run` starts its
    /// clean-up: none is left for it to cancel, and none is still waiting at the end.
    AllTasksEnded,
    /// What the program prints, exactly.
    Prints(&'static str),
    /// The program ends normally: no exception escapes, no deadlock, no limit.
    Completes,
}

/// What the goals read of a run, whoever ran it (`looplab-run` has the interpreter's
/// [`RunOutput`]; the app keeps a `ProgramRun` with the same parts).
#[derive(Clone, Copy, Debug)]
pub struct Ran<'a> {
    pub trace: &'a Trace,
    pub ending: Ending,
    /// When the program ended, in ms of virtual time.
    pub virtual_ms: Ms,
    pub stdout: &'a str,
    /// `ValueError: boom` for an escaped exception; the limit's or deadlock's message.
    pub exception: Option<&'a str>,
}

impl<'a> Ran<'a> {
    pub fn of(out: &'a RunOutput) -> Ran<'a> {
        Ran {
            trace: &out.trace,
            ending: out.ending,
            virtual_ms: out.virtual_ms,
            stdout: &out.stdout,
            exception: out.exception.as_deref(),
        }
    }
}

/// The instant of the run that breaks a goal: an index into `trace.events` and its time,
/// so that the timeline can seek there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Moment {
    pub event: usize,
    pub ms: Ms,
}

/// One goal checked: the goal and what was measured, in plain words.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct GoalResult {
    /// `at most 3 requests at a time`.
    pub goal: String,
    pub passed: bool,
    /// `4 requests were under way at 0.30 s`.
    pub detail: String,
    /// Where a failed goal breaks (not part of `looplab-run`'s JSON, which names the
    /// time in `detail`).
    #[serde(skip)]
    pub at: Option<Moment>,
}

impl Goal {
    /// Exactly `n` waits on the clock inside `function`: `n` requests, no more.
    pub const fn exactly(function: &'static str, noun: &'static str, n: usize) -> Goal {
        Goal::Count {
            function,
            noun,
            min: n,
            max: n,
        }
    }

    /// The goal in plain words.
    pub fn describe(&self) -> String {
        match *self {
            Goal::FinishesWithin { ms } => format!("finishes within {}", secs(ms)),
            Goal::AtMostAtOnce { noun, max, .. } => {
                format!("at most {} at a time", count(max, noun))
            }
            Goal::Count { noun, min, max, .. } if min == max => {
                format!("exactly {}", count(min, noun))
            }
            Goal::Count { noun, min, max, .. } => {
                format!("between {min} and {}", count(max, noun))
            }
            Goal::InThreads { min } => {
                format!("at least {} in worker threads", count(min, "job"))
            }
            Goal::NoDeadlock => "no deadlock".into(),
            Goal::NeverBlocks => {
                format!("nothing holds the loop for more than {SLOW_CALLBACK_MS:.0} ms")
            }
            Goal::AllTasksEnded => "every task finished or cancelled before main() returns".into(),
            Goal::Prints(_) => "prints the expected output".into(),
            Goal::Completes => "completes without an exception".into(),
        }
    }

    /// The goal checked on a run.
    pub fn check(&self, out: Ran<'_>) -> GoalResult {
        let trace = out.trace;
        let (passed, detail, at) = match *self {
            Goal::FinishesWithin { ms } => finishes_within(out, ms),
            Goal::AtMostAtOnce {
                function,
                noun,
                max,
            } => at_most_at_once(trace, function, noun, max),
            Goal::Count {
                function,
                noun,
                min,
                max,
            } => count_waits(trace, function, noun, (min, max)),
            Goal::InThreads { min } => in_threads(trace, min),
            Goal::NoDeadlock => match out.ending {
                Ending::Deadlock => (false, trace.outcome.describe(trace), last(trace)),
                _ => (true, "no deadlock".into(), None),
            },
            Goal::NeverBlocks => never_blocks(trace),
            Goal::AllTasksEnded => all_tasks_ended(trace),
            Goal::Prints(expected) => prints(trace, out.stdout, expected),
            Goal::Completes => completes(out),
        };
        GoalResult {
            goal: self.describe(),
            passed,
            detail,
            at: if passed { None } else { at },
        }
    }
}

type Checked = (bool, String, Option<Moment>);

fn secs(ms: Ms) -> String {
    format!("{:.2} s", ms / 1000.0)
}

/// `1 request`, `3 requests`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn moment(trace: &Trace, event: usize) -> Option<Moment> {
    (event < trace.events.len()).then(|| Moment {
        event,
        ms: trace.events.at(event).t,
    })
}

/// The run's last event: where a run that stopped, or lacks something, is shown.
fn last(trace: &Trace) -> Option<Moment> {
    moment(trace, trace.events.len().checked_sub(1)?)
}

/// A task as a learner recognises it: `Task-3 fetch(7)`.
fn who(trace: &Trace, task: TaskId) -> String {
    let name = trace.task_name(task);
    match trace
        .tasks
        .get(task.index())
        .and_then(|t| t.call.as_deref())
    {
        Some(call) => format!("{name} {call}"),
        None => name.into_owned(),
    }
}

/// Names of a few tasks, then how many more.
fn some_tasks(trace: &Trace, tasks: &[TaskId]) -> String {
    const SHOWN: usize = 3;
    let mut names: Vec<String> = tasks.iter().take(SHOWN).map(|t| who(trace, *t)).collect();
    if tasks.len() > SHOWN {
        names.push(format!("and {} more", tasks.len() - SHOWN));
    }
    names.join(", ")
}

fn finishes_within(out: Ran<'_>, ms: Ms) -> Checked {
    let trace = out.trace;
    match out.ending {
        Ending::Completed | Ending::Exception if out.virtual_ms <= ms => {
            (true, format!("finished at {}", secs(out.virtual_ms)), None)
        }
        Ending::Completed | Ending::Exception => (
            false,
            format!("finished at {}", secs(out.virtual_ms)),
            moment(trace, trace.events.until(ms)),
        ),
        ending => (
            false,
            format!(
                "never finished: the run stopped at {} ({})",
                secs(out.virtual_ms),
                ending.as_str()
            ),
            last(trace),
        ),
    }
}

/// Whether `e` is a wait on the clock at a line inside `function`.
fn waits_in(trace: &Trace, e: &Event, function: &str) -> bool {
    matches!(
        e.kind,
        EventKind::Suspended {
            reason: Reason::Sleep { .. }
        }
    ) && e
        .step()
        .and_then(|s| trace.steps.get(s as usize))
        .is_some_and(|s| s.coroutine == function)
}

fn at_most_at_once(trace: &Trace, function: &str, noun: &str, max: usize) -> Checked {
    let mut under_way = vec![false; trace.tasks.len()];
    let (mut now, mut most, mut first_over) = (0usize, 0usize, None);
    for (i, e) in trace.events.iter().enumerate() {
        let Some(slot) = under_way.get_mut(e.task.index()) else {
            continue;
        };
        // Any change of the task's state ends the wait it was in.
        if matches!(
            e.kind,
            EventKind::Scheduled { .. }
                | EventKind::Woke { .. }
                | EventKind::Resumed
                | EventKind::Suspended { .. }
                | EventKind::Completed { .. }
                | EventKind::Failed { .. }
                | EventKind::Cancelled
        ) && std::mem::take(slot)
        {
            now -= 1;
        }
        if waits_in(trace, &e, function) {
            *slot = true;
            now += 1;
            if now > most {
                most = now;
                if most > max && first_over.is_none() {
                    first_over = Some(i);
                }
            }
        }
    }
    match first_over.and_then(|i| moment(trace, i)) {
        Some(m) => (
            false,
            format!(
                "{} were under way at {} ({most} at the most)",
                count(max + 1, noun),
                secs(m.ms)
            ),
            Some(m),
        ),
        None => (
            true,
            format!("never more than {} under way at once", count(most, noun)),
            None,
        ),
    }
}

fn count_waits(trace: &Trace, function: &str, noun: &str, (min, max): (usize, usize)) -> Checked {
    let waits: Vec<usize> = trace
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| waits_in(trace, e, function))
        .map(|(i, _)| i)
        .collect();
    let made = format!("{} (each a sleep in {function})", count(waits.len(), noun));
    if waits.len() > max {
        (false, made, moment(trace, waits[max]))
    } else if waits.len() < min {
        (false, made, last(trace))
    } else {
        (true, made, None)
    }
}

fn in_threads(trace: &Trace, min: usize) -> Checked {
    let jobs = trace
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::ExecutorStart { .. }))
        .count();
    let detail = format!("{} ran in worker threads", count(jobs, "job"));
    (jobs >= min, detail, last(trace))
}

fn never_blocks(trace: &Trace) -> Checked {
    // Each task's current stretch on the loop: the event that started it, and when.
    let mut running: Vec<Option<(usize, Ms)>> = vec![None; trace.tasks.len()];
    let mut longest: Option<(Ms, usize, TaskId)> = None;
    for (i, e) in trace.events.iter().enumerate() {
        let Some(slot) = running.get_mut(e.task.index()) else {
            continue;
        };
        match e.kind {
            EventKind::Started | EventKind::Resumed => *slot = Some((i, e.t)),
            EventKind::Suspended { .. }
            | EventKind::Completed { .. }
            | EventKind::Failed { .. }
            | EventKind::Cancelled => {
                if let Some((start, t)) = slot.take() {
                    let held = e.t - t;
                    if longest.is_none_or(|(most, ..)| held > most) {
                        longest = Some((held, start, e.task));
                    }
                }
            }
            _ => {}
        }
    }
    match longest {
        Some((held, start, task)) if held > SLOW_CALLBACK_MS => {
            let at = moment(trace, start);
            let from = secs(at.map_or(0.0, |m| m.ms));
            let detail = format!(
                "{} held the loop for {held:.0} ms from {from}",
                who(trace, task)
            );
            (false, detail, at)
        }
        Some((held, ..)) => (
            true,
            format!("the loop was held for {held:.0} ms at the most"),
            None,
        ),
        None => (true, "no task ran".into(), None),
    }
}

fn all_tasks_ended(trace: &Trace) -> Checked {
    let mut ended: Vec<Option<usize>> = vec![None; trace.tasks.len()];
    let mut ticks = Vec::new();
    for (i, e) in trace.events.iter().enumerate() {
        match e.kind {
            EventKind::Completed { .. } | EventKind::Failed { .. } | EventKind::Cancelled => {
                if let Some(end) = ended.get_mut(e.task.index()) {
                    end.get_or_insert(i);
                }
            }
            EventKind::Tick { .. } => ticks.push(i),
            _ => {}
        }
    }
    // A task belongs to the `asyncio.run` of the task it descends from, the one with no
    // parent (`main()`). When main ends, its done callback stops the loop in the next
    // turn, which also runs the callbacks queued before it (tasks main cancelled end
    // there); any later turn is asyncio.run cancelling what was left.
    let root = |mut t: usize| {
        while let Some(p) = trace.tasks[t].parent.filter(|p| p.index() < t) {
            t = p.index();
        }
        t
    };
    let clean_up = |main_end: usize| {
        let later = ticks.partition_point(|&tick| tick <= main_end);
        ticks.get(later + 1).copied().unwrap_or(usize::MAX)
    };
    let mut left = Vec::new();
    let mut main_returned = None;
    for (t, end) in ended.iter().enumerate() {
        let main = ended[root(t)];
        // With main still running when the run stopped, only a task that ended is done.
        let in_time = match (end, main) {
            (Some(end), Some(main_end)) => *end < clean_up(main_end),
            (end, None) => end.is_some(),
            (None, Some(_)) => false,
        };
        if !in_time {
            left.push(TaskId(t as u32));
            main_returned = main_returned.or(main);
        }
    }
    if left.is_empty() {
        return (
            true,
            format!(
                "every task ended in time ({})",
                count(trace.tasks.len(), "task")
            ),
            None,
        );
    }
    let (n, tasks) = (count(left.len(), "task"), some_tasks(trace, &left));
    match main_returned.and_then(|i| moment(trace, i)) {
        Some(m) => (
            false,
            format!(
                "{n} still pending when main() returned at {}, for asyncio.run to cancel: {tasks}",
                secs(m.ms)
            ),
            Some(m),
        ),
        None => (false, format!("{n} never ended: {tasks}"), last(trace)),
    }
}

fn prints(trace: &Trace, stdout: &str, expected: &str) -> Checked {
    if stdout == expected {
        let lines = stdout.lines().count();
        return (
            true,
            format!("printed the {} expected", count(lines, "line")),
            None,
        );
    }
    let same = stdout
        .char_indices()
        .zip(expected.chars())
        .find(|((_, a), b)| a != b)
        .map_or(stdout.len().min(expected.len()), |((i, _), _)| i);
    let line = stdout[..same].matches('\n').count();
    let got = stdout.lines().nth(line);
    let want = expected.lines().nth(line);
    let detail = match (got, want) {
        (Some(got), Some(want)) if got == want => {
            format!(
                "line {} ends differently (a newline missing or extra)",
                line + 1
            )
        }
        (Some(got), Some(want)) => format!("line {} is {got:?}, expected {want:?}", line + 1),
        (Some(got), None) => format!("line {} is {got:?}, expected nothing more", line + 1),
        (None, Some(want)) => format!("line {} is missing, expected {want:?}", line + 1),
        (None, None) => "the output ends differently (a newline missing or extra)".into(),
    };
    // The print that wrote the first differing character.
    let mut written = 0;
    let at = trace
        .events
        .iter()
        .enumerate()
        .find_map(|(i, e)| match e.kind {
            EventKind::Print { text } => {
                written += trace.text(text).len();
                (written > same).then_some(i)
            }
            _ => None,
        });
    (
        false,
        detail,
        at.and_then(|i| moment(trace, i)).or_else(|| last(trace)),
    )
}

fn completes(out: Ran<'_>) -> Checked {
    let trace = out.trace;
    match out.ending {
        Ending::Completed => (true, "completed".into(), None),
        ending => {
            let failed = trace
                .events
                .iter()
                .position(|e| matches!(e.kind, EventKind::Failed { .. }) && e.task == TaskId::MAIN);
            let what = out.exception.unwrap_or(ending.as_str());
            let detail = match ending {
                Ending::Exception => format!("{what} escaped"),
                _ => format!("it stopped: {what}"),
            };
            (
                false,
                detail,
                failed
                    .and_then(|i| moment(trace, i))
                    .or_else(|| last(trace)),
            )
        }
    }
}
