//! The Event loop panel: the loop's state at the playhead — what runs, the ready queue in
//! order, timers, requests in flight, executor threads, resources — the log of events so
//! far, and how the run ends when it does not simply complete.
//!
//! It takes `sim`'s snapshot of the shown run (after the cursor's events when stepping,
//! at the playhead otherwise) and words it with [`crate::ui::describe`]; each part is a
//! small component under [`super::event_loop`].

use yew::prelude::*;

use super::event_loop::{
    event_log::{EventLog, LogLine},
    outcome_banner::{OutcomeBanner, OutcomeView, WaitView},
    ready_queue::ReadyQueue,
    resources::{ResourceView, Resources},
    running::{Running, RunningView},
    task_chip::TaskRef,
    timed_list::TimedList,
    workers::Workers,
    Entry, LIST_LIMIT,
};
use super::{empty_state::EmptyState, panel::Panel};
use crate::sim::trace::{EventKind, Outcome, TaskId, Trace};
use crate::sim::{snapshot_after, Snapshot};
use crate::ui::describe::{self, Activity};
use crate::ui::layout::PanelKind;
use crate::ui::state::{AppContext, Run};
use std::rc::Rc;

/// A snapshot shared by pointer: cheap to pass as a prop and to compare.
#[derive(Clone)]
pub struct SnapshotRef(pub Rc<Snapshot>);

impl PartialEq for SnapshotRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[function_component(LoopPanel)]
pub fn loop_panel() -> Html {
    let ctx = use_context::<AppContext>().expect("LoopPanel is rendered inside the app");
    let run = ctx.shown().cloned();
    // The loop's state only changes when an event happens, not with every frame: the
    // snapshot (which replays the trace) is memoised by the run and the events done.
    // While playing, a big run applies events every frame; the panel follows them at
    // most every LIVE_UPDATE_MS (a reader cannot follow faster), and exactly when paused.
    let live = use_mut_ref(|| None::<(usize, f64)>);
    let done = {
        let now = web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now());
        let next = live_events(*live.borrow(), ctx.events_done(), now, ctx.playing);
        *live.borrow_mut() = Some(next);
        next.0
    };
    let snapshot = use_memo((run.clone(), done), |(run, done)| {
        run.as_ref()
            .map(|run| SnapshotRef(Rc::new(snapshot_after(&run.trace, *done))))
    });
    // Whether the run uses the executor at all (else its idle threads are noise).
    let uses_executor = use_memo(run.clone(), |run| {
        run.as_ref().is_some_and(|run| {
            run.trace
                .events
                .iter()
                .any(|e| matches!(e.kind, EventKind::ExecutorStart { .. }))
        })
    });
    let (Some(run), Some(snapshot)) = (run, (*snapshot).clone()) else {
        let (title, body) = if ctx.running() {
            (
                "The program is running",
                "The loop's ready queue, timers and event log show here once it has run.",
            )
        } else {
            (
                "Nothing to run",
                "The program cannot run, so the loop has nothing to show. Fix it in the Code \
                 panel and the loop comes back.",
            )
        };
        return html! {
            <Panel kind={PanelKind::EventLoop}>
                <EmptyState {title} {body} />
            </Panel>
        };
    };
    // Stepping shows the cursor's event's time; playing or scrubbing, the playhead's.
    let t = if ctx.cursor.is_some() {
        snapshot.0.t
    } else {
        ctx.clock()
    };
    let meta = format!("tick {} · {}", snapshot.0.ticks, describe::seconds(t));
    html! {
        <Panel kind={PanelKind::EventLoop} meta={AttrValue::from(meta)}>
            <LoopState {run} {snapshot} uses_executor={*uses_executor} playing={ctx.playing} />
        </Panel>
    }
}

/// How often, at most, the panel follows the events while playing, ms of real time.
pub const LIVE_UPDATE_MS: f64 = 100.0;

/// The events to show: `exact` (the events done at the playhead) when paused, or when the
/// last shown `(events, at)` is `LIVE_UPDATE_MS` old; else the last shown ones.
fn live_events(shown: Option<(usize, f64)>, exact: usize, now: f64, playing: bool) -> (usize, f64) {
    match shown {
        Some((events, at))
            if playing && events != exact && now - at < LIVE_UPDATE_MS && now >= at =>
        {
            (events, at)
        }
        Some((events, at)) if events == exact => (events, at),
        _ => (exact, now),
    }
}

#[derive(Properties, PartialEq)]
struct LoopStateProps {
    run: Run,
    snapshot: SnapshotRef,
    uses_executor: bool,
    playing: bool,
}

/// The loop's state in one snapshot; re-rendered only when an event happens (its props
/// compare the run and the snapshot by identity).
#[function_component(LoopState)]
fn loop_state(props: &LoopStateProps) -> Html {
    let trace = &*props.run.trace;
    let snapshot = &*props.snapshot.0;
    let done = snapshot.events;
    let current = done.checked_sub(1);
    let task = |id: TaskId| task_ref(trace, snapshot, id);

    let ready: Vec<Entry> = snapshot
        .ready
        .iter()
        .take(LIST_LIMIT)
        .map(|q| Entry {
            task: task(q.task),
            text: describe::callback(trace, snapshot, q),
            time: None,
        })
        .collect();
    let timers: Vec<Entry> = snapshot
        .timers
        .iter()
        .take(LIST_LIMIT)
        .map(|t| Entry {
            task: task(t.task),
            text: match t.kind {
                "stream" => "next async-for item".into(),
                "timeout" => "wait_for deadline".into(),
                _ => "asyncio.sleep".into(),
            },
            time: Some(describe::seconds(t.due)),
        })
        .collect();
    let fetches: Vec<Entry> = snapshot
        .fetches
        .iter()
        .take(LIST_LIMIT)
        .map(|f| Entry {
            task: task(f.task),
            text: f.url.clone(),
            time: Some(describe::seconds(f.due)),
        })
        .collect();
    let workers: Vec<Option<TaskRef>> = snapshot.workers.iter().map(|w| w.map(task)).collect();
    let queued: Vec<TaskRef> = snapshot.executor_queue.iter().map(|t| task(*t)).collect();
    let resources: Vec<ResourceView> = snapshot
        .resources
        .iter()
        .map(|r| resource_view(r, &task))
        .collect();

    let size = match props.playing {
        true => describe::LOG_WINDOW_PLAYING,
        false => describe::LOG_WINDOW,
    };
    let window = describe::log_window(done, size);
    let skipped = window.start;
    let lines: Vec<LogLine> = window
        .filter_map(|i| {
            let line = describe::event(trace, i)?;
            let e = trace.events.at(i);
            Some(LogLine {
                index: i,
                time: describe::seconds(e.t),
                task: line.task.map(task),
                text: line.text,
                kind: log_kind(&e.kind),
            })
        })
        .collect();
    let announce = (!props.playing)
        .then(|| current.and_then(|i| describe::event(trace, i)))
        .flatten()
        .map(|line| line.sentence(trace));

    html! {
        <div class="loop" data-events-done={done.to_string()}>
            if let Some(view) = outcome_view(trace, snapshot, &task) {
                <OutcomeBanner {view} />
            }
            <Running view={running_view(trace, snapshot, &task)} />
            <ReadyQueue entries={ready} total={snapshot.ready.len()} />
            <div class="loop__pair">
                <TimedList title="Timers" part="timers" empty="No timer is pending."
                    entries={timers} total={snapshot.timers.len()} />
                <TimedList title="I/O in flight" part="fetches" empty="No request is in flight."
                    code=true entries={fetches} total={snapshot.fetches.len()} />
            </div>
            if props.uses_executor && !workers.is_empty() {
                <Workers {workers} {queued} />
            }
            if !resources.is_empty() {
                <Resources {resources} />
            }
            <EventLog {lines} {skipped} {current} {announce} />
        </div>
    }
}

/// A task as a chip, in its state at the snapshot.
fn task_ref(trace: &Trace, snapshot: &Snapshot, id: TaskId) -> TaskRef {
    let (class, word) = snapshot
        .tasks
        .get(id.index())
        .map_or(("new", "unknown"), |s| {
            (describe::state_class(s), describe::state_word(s))
        });
    TaskRef {
        name: trace.task_name(id).to_string(),
        class,
        word,
    }
}

fn running_view(
    trace: &Trace,
    snapshot: &Snapshot,
    task: &dyn Fn(TaskId) -> TaskRef,
) -> RunningView {
    match describe::activity(trace, snapshot) {
        Activity::NotStarted => RunningView {
            tone: "not-started",
            task: None,
            headline: "Not started yet".into(),
            code: None,
            detail: Some("Press Play, or step forward one event at a time.".into()),
        },
        Activity::Running { task: t, doing } => RunningView {
            tone: "running",
            task: Some(task(t)),
            headline: "is running".into(),
            code: doing,
            detail: None,
        },
        Activity::Blocked {
            task: t,
            call,
            until,
        } => RunningView {
            tone: "blocked",
            task: Some(task(t)),
            headline: match until {
                Some(u) => format!("blocks the loop until {}", describe::seconds(u)),
                None => "blocks the loop".into(),
            },
            code: call,
            detail: Some("Blocking work holds the loop: nothing else can run.".into()),
        },
        Activity::Dispatching { ready } => RunningView {
            tone: "dispatching",
            task: None,
            headline: "Between callbacks".into(),
            code: None,
            detail: Some(match ready {
                1 => "the loop takes the next callback off the ready queue".into(),
                n => format!("the loop takes the next of {n} callbacks off the ready queue"),
            }),
        },
        Activity::Idle { next } => RunningView {
            tone: "idle",
            task: None,
            headline: "Idle — waiting for the next timer or I/O".into(),
            code: None,
            detail: next.map(|t| format!("next one due at {}", describe::seconds(t))),
        },
        Activity::Finished => RunningView {
            tone: "finished",
            task: None,
            headline: "Finished — every task is done".into(),
            code: None,
            detail: None,
        },
        Activity::Stuck => RunningView {
            tone: "stuck",
            task: None,
            headline: "Stuck — nothing can wake the waiting tasks".into(),
            code: None,
            detail: None,
        },
    }
}

fn resource_view(
    r: &crate::sim::snapshot::ResourceNow,
    task: &dyn Fn(TaskId) -> TaskRef,
) -> ResourceView {
    let holders: Vec<TaskRef> = r.holders.iter().map(|t| task(*t)).collect();
    let waiters: Vec<TaskRef> = r.waiters.iter().map(|t| task(*t)).collect();
    let (usage, fill) = match r.kind.as_str() {
        "queue" if r.capacity == 0 => (format!("{} item(s), unbounded", r.size), None),
        "queue" => (
            format!("{} / {} items", r.size, r.capacity),
            Some(f64::from(r.size) / f64::from(r.capacity)),
        ),
        "lock" => (
            if holders.is_empty() { "free" } else { "held" }.to_string(),
            Some(if holders.is_empty() { 0.0 } else { 1.0 }),
        ),
        "semaphore" => (
            format!("{} / {} permits used", holders.len(), r.capacity),
            (r.capacity > 0).then(|| holders.len() as f64 / f64::from(r.capacity)),
        ),
        // What a Python program's tasks wait on besides (a gather, an event, a future).
        _ => (
            match waiters.len() {
                0 => "no task waiting".to_string(),
                1 => "1 task waiting".to_string(),
                n => format!("{n} tasks waiting"),
            },
            None,
        ),
    };
    ResourceView {
        name: r.name.clone(),
        kind: r.kind.clone(),
        usage,
        fill,
        holders,
        waiters,
    }
}

fn outcome_view(
    trace: &Trace,
    snapshot: &Snapshot,
    task: &dyn Fn(TaskId) -> TaskRef,
) -> Option<OutcomeView> {
    let reached = snapshot.events >= trace.events.len();
    let when = if reached {
        format!("at {}", describe::seconds(trace.end))
    } else {
        format!("comes at {}", describe::seconds(trace.end))
    };
    let sentence = match &trace.outcome {
        // A Python program's deadlock names no waits (the interpreter's message does).
        Outcome::Deadlock { cycle, waits } if cycle.is_empty() && waits.is_empty() => {
            "Deadlock: no task can run again, and no timer is left to wake one.".to_string()
        }
        outcome => outcome.describe(trace),
    };
    let (tone, title, waits, cycle) = match &trace.outcome {
        Outcome::Completed { .. } => return None,
        Outcome::Failed { .. } => ("error", "main() raised an exception", Vec::new(), false),
        Outcome::Deadlock { cycle, waits } => {
            let edges = if cycle.is_empty() { waits } else { cycle };
            let waits = describe::chain(edges)
                .into_iter()
                .map(|l| WaitView {
                    task: task(l.task),
                    on: l.on,
                    holder: l.holder.map(task),
                })
                .collect();
            ("deadlock", "Deadlock", waits, !cycle.is_empty())
        }
        Outcome::LimitExceeded { .. } => ("limit", "Stopped by a safety limit", Vec::new(), false),
        Outcome::Stopped => ("stopped", "Stopped", Vec::new(), false),
    };
    Some(OutcomeView {
        tone,
        title: title.into(),
        sentence,
        when,
        waits,
        cycle,
    })
}

/// The mark beside a log line.
fn log_kind(kind: &EventKind) -> &'static str {
    match kind {
        EventKind::Tick { .. } => "tick",
        EventKind::IdleJump { .. } => "jump",
        EventKind::Suspended { .. } => "suspend",
        EventKind::Started | EventKind::Resumed => "run",
        EventKind::ComputeStart { .. } => "block",
        EventKind::Failed { .. } | EventKind::Cancelled | EventKind::TimedOut => "error",
        EventKind::Completed { .. } => "done",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_events_at_most_every_live_update_while_playing() {
        // Paused: always the exact events.
        assert_eq!(live_events(Some((3, 0.0)), 9, 10.0, false), (9, 10.0));
        // Playing: the first frame shows them, then holds them for LIVE_UPDATE_MS.
        assert_eq!(live_events(None, 5, 0.0, true), (5, 0.0));
        assert_eq!(live_events(Some((5, 0.0)), 8, 40.0, true), (5, 0.0));
        assert_eq!(
            live_events(Some((5, 0.0)), 12, LIVE_UPDATE_MS, true),
            (12, LIVE_UPDATE_MS)
        );
        // Nothing new: nothing changes, not even the time of the last update.
        assert_eq!(live_events(Some((5, 0.0)), 5, 500.0, true), (5, 0.0));
        // A clock going backwards never freezes the panel.
        assert_eq!(live_events(Some((5, 300.0)), 7, 10.0, true), (7, 10.0));
    }
}
