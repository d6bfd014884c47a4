//! Plain words for what the event loop does: one line per event for the log, one phrase
//! per ready-queue callback and per wait, what the loop is busy with, and the times and
//! speeds the playback controls show.
//!
//! Pure: reads a [`Trace`] and a [`Snapshot`] that `sim` computed; no yew, no web-sys,
//! no simulation. Tested natively.

use crate::sim::snapshot::Queued;
use crate::sim::trace::{Callback, Event, EventKind, Ms, Reason, TaskId, Trace, WaitEdge};
use crate::sim::{Snapshot, TaskState};
use std::ops::Range;

/// How many log lines the panel renders at most, ending at the current event.
pub const LOG_WINDOW: usize = 200;
/// The same while playing: about what the log shows at once. Playing a big run moves
/// the window by hundreds of events a frame, and every line drawn is laid out again.
pub const LOG_WINDOW_PLAYING: usize = 30;

/// `1.250 s`: a time on the virtual clock, to the millisecond.
pub fn seconds(ms: Ms) -> String {
    format!("{:.3} s", ms / 1000.0)
}

/// `t = 1.250 s / 3.000 s`: the playhead against the end of the run.
pub fn readout(t: Ms, end: Ms) -> String {
    format!("t = {} / {}", seconds(t), seconds(end))
}

/// `0.25×`, `1×`, `8×`.
pub fn speed(x: f64) -> String {
    let text = format!("{x:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text}×")
}

/// The events the log shows: those done so far, at most `max`, ending at the current one.
pub fn log_window(done: usize, max: usize) -> Range<usize> {
    done.saturating_sub(max)..done
}

/// What happened, split so the view can draw the subject as a task chip.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// The task it happened to; `None` for the loop's own events.
    pub task: Option<TaskId>,
    /// The predicate: `suspended: await fetch /api/1 (due 1.000 s)`.
    pub text: String,
}

impl Line {
    /// The whole sentence: `get_user suspended: await fetch /api/1 (due 1.000 s)`.
    pub fn sentence(&self, trace: &Trace) -> String {
        match self.task {
            Some(task) => format!("{} {}", trace.task_name(task), self.text),
            None => self.text.clone(),
        }
    }
}

/// The log line of the event at `index` in `trace.events`.
pub fn event(trace: &Trace, index: usize) -> Option<Line> {
    let e = trace.events.get(index)?;
    let task = (e.task != TaskId::LOOP).then_some(e.task);
    Some(Line {
        task,
        text: event_text(trace, index, &e),
    })
}

fn event_text(trace: &Trace, index: usize, e: &Event) -> String {
    match &e.kind {
        EventKind::Created { parent: None } => "created: the main task".into(),
        EventKind::Created { parent: Some(p) } => {
            format!("created by {}", trace.task_name(*p))
        }
        EventKind::Scheduled { callback } => match callback {
            Callback::Step => "queued: its next step is ready to run".into(),
            Callback::Timer => "timer came due: wake-up queued".into(),
            Callback::Io => match fetch_url(trace, index, e.task) {
                Some(url) => format!("response arrived for {url}: callback queued"),
                None => "response arrived: callback queued".into(),
            },
            Callback::Executor => "executor job done: callback queued".into(),
            Callback::Gather => "a gathered child finished: callback queued".into(),
        },
        EventKind::Fired { callback } => match callback {
            Callback::Step => "step callback ran".into(),
            Callback::Timer => "timer callback ran: the task can resume".into(),
            Callback::Io => "I/O callback ran: the response is handed over".into(),
            Callback::Executor => "executor callback ran: the result is handed over".into(),
            Callback::Gather => "gather callback ran: checks whether every child is done".into(),
        },
        EventKind::Woke { callback } => match callback {
            Callback::Step => "step callback ran".into(),
            Callback::Timer => "timer callback ran: its next step is queued".into(),
            Callback::Io => {
                "I/O callback ran: the response is handed over, its next step queued".into()
            }
            Callback::Executor => {
                "executor callback ran: the result is handed over, its next step queued".into()
            }
            Callback::Gather => {
                "gather callback ran: the gather is over, its next step queued".into()
            }
        },
        EventKind::Started => match trace.tasks.get(e.task.index()) {
            Some(info) => format!("started: runs {}()", info.coroutine),
            None => "started".into(),
        },
        EventKind::Resumed => "resumed".into(),
        EventKind::Suspended { reason } => format!("suspended: {}", wait(trace, reason)),
        EventKind::ComputeStart { ms } => {
            let call = step_label(trace, e.step()).unwrap_or("blocking work");
            format!(
                "blocks the loop: {call} holds it until {}",
                seconds(e.t + ms)
            )
        }
        EventKind::ComputeEnd => "blocking work finished: the loop is free again".into(),
        EventKind::Acquired { resource } => format!("acquired {}", resource_name(trace, *resource)),
        EventKind::Released { resource } => format!("released {}", resource_name(trace, *resource)),
        EventKind::QueuePut { resource, size } => format!(
            "put an item into {} ({} in it)",
            resource_name(trace, *resource),
            items(*size)
        ),
        EventKind::QueueGet { resource, size } => format!(
            "took an item from {} ({} left)",
            resource_name(trace, *resource),
            items(*size)
        ),
        EventKind::ExecutorStart { worker } => {
            format!("its job started on worker {}", worker + 1)
        }
        EventKind::ExecutorEnd { worker } => format!("its job finished on worker {}", worker + 1),
        EventKind::Print { text } => format!("printed “{}”", trace.text(*text).trim_end()),
        EventKind::TimedOut => "wait_for deadline passed: the awaited task is cancelled".into(),
        EventKind::Completed { value } => format!("returned {}", trace.text(*value)),
        EventKind::Failed { error } => format!("raised {}", trace.text(*error)),
        EventKind::Cancelled => "was cancelled".into(),
        EventKind::Tick { ready } => match ready {
            1 => "loop tick: 1 callback ready".into(),
            n => format!("loop tick: {n} callbacks ready"),
        },
        EventKind::IdleJump { from } => format!(
            "clock jumped {:.3} → {}: nothing was ready",
            from / 1000.0,
            seconds(e.t)
        ),
    }
}

fn items(n: u32) -> String {
    match n {
        1 => "1 item".into(),
        n => format!("{n} items"),
    }
}

fn step_label(trace: &Trace, step: Option<u32>) -> Option<&str> {
    trace
        .steps
        .get(step? as usize)
        .map(|info| info.label.as_str())
}

/// `lock lock_a`, `semaphore pool`, `queue jobs`.
pub fn resource_name(trace: &Trace, resource: u32) -> String {
    match trace.resources.get(resource as usize) {
        Some(r) => format!("{} {}", r.kind, r.name),
        None => "a resource".into(),
    }
}

/// The URL `task` was fetching at event `index`: its last wait before it.
fn fetch_url(trace: &Trace, index: usize, task: TaskId) -> Option<&str> {
    trace
        .events
        .range(0..index.min(trace.events.len()))
        .rev()
        .filter(|e| e.task == task)
        .find_map(|e| match e.kind {
            EventKind::Suspended { reason } => Some(reason),
            _ => None,
        })
        .and_then(|reason| match reason {
            Reason::Fetch { url, .. } => Some(trace.text(url)),
            _ => None,
        })
}

/// What a suspended task waits for: `await fetch /api/1 (due 1.000 s)`.
pub fn wait(trace: &Trace, reason: &Reason) -> String {
    match reason {
        Reason::Sleep { until } => format!("await asyncio.sleep (due {})", seconds(*until)),
        Reason::Fetch { url, until } => {
            format!("await fetch {} (due {})", trace.text(*url), seconds(*until))
        }
        Reason::Task { task } => format!("await {}", trace.task_name(*task)),
        Reason::WaitFor { task, deadline: d } => format!(
            "await {} with a timeout (deadline {})",
            trace.task_name(*task),
            seconds(*d)
        ),
        Reason::Gather { tasks } => {
            let names: Vec<_> = trace
                .task_list(*tasks)
                .iter()
                .map(|t| trace.task_name(*t))
                .collect();
            format!("await gather({})", names.join(", "))
        }
        Reason::Acquire { resource } => {
            format!("waiting to acquire {}", resource_name(trace, *resource))
        }
        Reason::QueuePut { resource } => {
            format!("waiting for room in {}", resource_name(trace, *resource))
        }
        Reason::QueueGet { resource } => {
            format!("waiting for an item in {}", resource_name(trace, *resource))
        }
        Reason::Executor => "await run_in_executor: a worker thread does the job".into(),
        Reason::Stream { until } => {
            format!("async for: next item due {}", seconds(*until))
        }
    }
}

/// What a ready-queue entry will do when the loop pops it.
pub fn callback(trace: &Trace, snapshot: &Snapshot, queued: &Queued) -> String {
    let reason = match snapshot.tasks.get(queued.task.index()) {
        Some(TaskState::Suspended { reason, .. }) => Some(reason),
        _ => None,
    };
    match queued.callback {
        Callback::Step => "next step".into(),
        Callback::Timer => match reason {
            Some(Reason::Stream { .. }) => "timer done → next async-for item".into(),
            Some(Reason::WaitFor { task, .. }) => {
                format!("deadline passed → cancel {}", trace.task_name(*task))
            }
            _ => "timer done → wake its sleep".into(),
        },
        Callback::Io => match reason {
            Some(Reason::Fetch { url, .. }) => {
                format!("response arrived for {}", trace.text(*url))
            }
            _ => "response arrived".into(),
        },
        Callback::Executor => "executor job done".into(),
        Callback::Gather => "gather child done".into(),
    }
}

/// What holds the loop at the snapshot's instant.
#[derive(Clone, Debug, PartialEq)]
pub enum Activity {
    /// No event has happened yet.
    NotStarted,
    /// A task's step runs; `doing` is its current line of Python, if known.
    Running { task: TaskId, doing: Option<String> },
    /// A task runs blocking work that holds the whole loop until `until`.
    Blocked {
        task: TaskId,
        call: Option<String>,
        until: Option<Ms>,
    },
    /// Between callbacks: the loop picks the next one off the ready queue.
    Dispatching { ready: usize },
    /// Nothing is ready; the next timer or I/O is due at `next`.
    Idle { next: Option<Ms> },
    /// Every task is done.
    Finished,
    /// Tasks wait, but nothing that could wake them is pending.
    Stuck,
}

/// What the loop is doing right after the snapshot's events.
pub fn activity(trace: &Trace, snapshot: &Snapshot) -> Activity {
    let done = snapshot.events.min(trace.events.len());
    if done == 0 {
        return Activity::NotStarted;
    }
    if let Some(task) = snapshot.running {
        let last = trace
            .events
            .range(0..done)
            .rev()
            .filter(|e| e.task == task)
            .find(|e| e.step().is_some());
        let call = last
            .and_then(|e| step_label(trace, e.step()))
            .map(String::from);
        if let Some(TaskState::Blocked) = snapshot.tasks.get(task.index()) {
            let until = trace
                .events
                .range(0..done)
                .rev()
                .filter(|e| e.task == task)
                .find_map(|e| match e.kind {
                    EventKind::ComputeStart { ms } => Some(e.t + ms),
                    _ => None,
                });
            return Activity::Blocked { task, call, until };
        }
        return Activity::Running { task, doing: call };
    }
    if !snapshot.ready.is_empty() {
        return Activity::Dispatching {
            ready: snapshot.ready.len(),
        };
    }
    if snapshot.tasks.iter().all(|t| t.is_done()) {
        return Activity::Finished;
    }
    let next = snapshot
        .timers
        .iter()
        .map(|t| t.due)
        .chain(snapshot.fetches.iter().map(|f| f.due))
        .min_by(f64::total_cmp);
    let working = snapshot.workers.iter().any(Option::is_some);
    if next.is_none() && !working {
        // Between a callback that ran and the wake-up it queues (the next event, at the
        // same instant), nothing is pending for a moment: stuck only if nothing follows.
        return match trace
            .events
            .range(done..trace.events.len())
            .find(|e| e.task != TaskId::LOOP)
        {
            Some(e) => Activity::Idle { next: Some(e.t) },
            None => Activity::Stuck,
        };
    }
    Activity::Idle { next }
}

/// One link of a deadlock's waits-for chain: `task` waits for `on`, held by `holder`.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub task: TaskId,
    /// What it waits for, without the holder: `lock lock_b`.
    pub on: String,
    pub holder: Option<TaskId>,
}

/// The waits-for edges as links, the holder's name dropped from the words (it is drawn
/// as the next link's task).
pub fn chain(edges: &[WaitEdge]) -> Vec<Link> {
    edges
        .iter()
        .map(|e| Link {
            task: e.task,
            on: e
                .on
                .split_once(" (")
                .map_or(e.on.as_str(), |(head, _)| head)
                .to_string(),
            holder: e.holder,
        })
        .collect()
}

/// A short word for a task's state, for chips and their accessible names.
pub fn state_word(state: &TaskState) -> &'static str {
    match state {
        TaskState::NotCreated => "not created",
        TaskState::Ready => "ready",
        TaskState::Running => "running",
        TaskState::Blocked => "blocking the loop",
        TaskState::Suspended { woken: true, .. } => "woken",
        TaskState::Suspended { .. } => "waiting",
        TaskState::Completed { .. } => "done",
        TaskState::Failed { .. } => "failed",
        TaskState::Cancelled => "cancelled",
    }
}

/// The CSS modifier of a task's chip, matching the timeline's state colours.
pub fn state_class(state: &TaskState) -> &'static str {
    match state {
        TaskState::NotCreated => "new",
        TaskState::Ready | TaskState::Suspended { woken: true, .. } => "ready",
        TaskState::Running => "running",
        TaskState::Blocked => "blocked",
        TaskState::Suspended { .. } => "waiting",
        TaskState::Completed { .. } => "done",
        TaskState::Failed { .. } | TaskState::Cancelled => "error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::presets::preset;
    use crate::sim::{run, snapshot_after, Outcome};

    fn trace_of(id: &str) -> Trace {
        run(&preset(id).unwrap()).unwrap()
    }

    #[test]
    fn only_a_deadlocked_run_is_ever_stuck_and_only_at_its_end() {
        for (id, _) in crate::sim::presets::presets() {
            let t = trace_of(id);
            let deadlocked = matches!(t.outcome, Outcome::Deadlock { .. });
            for n in 1..=t.events.len() {
                let stuck = activity(&t, &snapshot_after(&t, n)) == Activity::Stuck;
                let after = t
                    .events
                    .range(n..t.events.len())
                    .any(|e| e.task != TaskId::LOOP);
                assert!(
                    !stuck || (deadlocked && !after),
                    "{id}: stuck after {n} events"
                );
            }
        }
    }

    /// The index of the first event that queues a `callback`.
    fn first_scheduled(t: &Trace, callback: Callback) -> usize {
        t.events
            .iter()
            .position(|e| e.kind == EventKind::Scheduled { callback })
            .unwrap()
    }

    fn sentences(trace: &Trace) -> Vec<String> {
        (0..trace.events.len())
            .map(|i| event(trace, i).unwrap().sentence(trace))
            .collect()
    }

    #[test]
    fn times_read_to_the_millisecond() {
        assert_eq!(seconds(1250.0), "1.250 s");
        assert_eq!(readout(1250.0, 3000.0), "t = 1.250 s / 3.000 s");
        assert_eq!(readout(0.0, 0.0), "t = 0.000 s / 0.000 s");
    }

    #[test]
    fn speeds_drop_trailing_zeros() {
        let words: Vec<String> = crate::ui::state::SPEEDS.iter().map(|x| speed(*x)).collect();
        assert_eq!(words, ["0.25×", "0.5×", "1×", "2×", "4×", "8×"]);
    }

    #[test]
    fn the_log_window_ends_at_the_current_event() {
        assert_eq!(log_window(0, 200), 0..0);
        assert_eq!(log_window(50, 200), 0..50);
        assert_eq!(log_window(1000, 200), 800..1000);
    }

    #[test]
    fn three_fetches_read_as_a_story() {
        let t = trace_of("three-fetches");
        let lines = sentences(&t);
        assert_eq!(lines[0], "main created: the main task");
        assert_eq!(lines[2], "loop tick: 1 callback ready");
        assert_eq!(lines[3], "main started: runs main()");
        assert!(lines.contains(
            &"get_user suspended: await fetch /api/users/1.json (due 1.000 s)".to_string()
        ));
        assert!(lines.contains(&"clock jumped 0.000 → 1.000 s: nothing was ready".to_string()));
        assert!(lines.contains(
            &"get_user response arrived for /api/users/1.json: callback queued".to_string()
        ));
        assert!(lines.contains(&"get_user returned user".to_string()));
        assert!(lines.contains(
            &"main suspended: await gather(get_user, get_posts, get_comments)".to_string()
        ));
    }

    #[test]
    fn failures_and_cancellations_are_named() {
        let t = trace_of("errors");
        let lines = sentences(&t);
        assert!(
            lines.contains(&"main raised ConnectionError: fetch /api/missing.json failed".into())
        );
        assert!(lines.contains(&"ok_fetch was cancelled".into()));
    }

    #[test]
    fn blocking_work_says_how_long_it_holds_the_loop() {
        let t = trace_of("blocking-sleep");
        let i = t
            .events
            .iter()
            .position(|e| matches!(e.kind, EventKind::ComputeStart { .. }))
            .unwrap();
        assert_eq!(
            event(&t, i).unwrap().sentence(&t),
            "rude blocks the loop: time.sleep(1.0) holds it until 1.000 s"
        );
        let s = snapshot_after(&t, i + 1);
        assert_eq!(
            activity(&t, &s),
            Activity::Blocked {
                task: TaskId(3),
                call: Some("time.sleep(1.0)".into()),
                until: Some(1000.0)
            }
        );
    }

    #[test]
    fn ready_callbacks_say_what_they_will_do() {
        let t = trace_of("three-fetches");
        // Right after the response for /api/users/1.json is queued.
        let i = first_scheduled(&t, Callback::Io);
        let s = snapshot_after(&t, i + 1);
        let words: Vec<String> = s.ready.iter().map(|q| callback(&t, &s, q)).collect();
        assert_eq!(words, ["response arrived for /api/users/1.json"]);
        // After main's first step, three tasks are queued to start.
        let s = snapshot_after(&t, 11);
        assert_eq!(s.ready.len(), 3);
        assert!(s.ready.iter().all(|q| callback(&t, &s, q) == "next step"));
        assert_eq!(activity(&t, &s), Activity::Dispatching { ready: 3 });
    }

    #[test]
    fn timer_callbacks_wake_the_sleep() {
        let t = trace_of("turn-vs-gather");
        let i = first_scheduled(&t, Callback::Timer);
        let s = snapshot_after(&t, i + 1);
        assert_eq!(callback(&t, &s, &s.ready[0]), "timer done → wake its sleep");
    }

    #[test]
    fn the_loop_idles_until_the_next_due_time_and_then_finishes() {
        let t = trace_of("three-fetches");
        assert_eq!(activity(&t, &snapshot_after(&t, 0)), Activity::NotStarted);
        let jump = t
            .events
            .iter()
            .position(|e| matches!(e.kind, EventKind::IdleJump { .. }))
            .unwrap();
        assert_eq!(
            activity(&t, &snapshot_after(&t, jump)),
            Activity::Idle { next: Some(1000.0) }
        );
        assert_eq!(
            activity(&t, &snapshot_after(&t, t.events.len())),
            Activity::Finished
        );
    }

    #[test]
    fn a_deadlock_is_stuck_and_its_cycle_reads_task_resource_holder() {
        let t = trace_of("deadlock");
        assert_eq!(
            activity(&t, &snapshot_after(&t, t.events.len())),
            Activity::Stuck
        );
        let Outcome::Deadlock { cycle, .. } = &t.outcome else {
            panic!("the deadlock preset deadlocks");
        };
        let links = chain(cycle);
        let words: Vec<(String, String, Option<String>)> = links
            .iter()
            .map(|l| {
                (
                    t.task_name(l.task).to_string(),
                    l.on.clone(),
                    l.holder.map(|h| t.task_name(h).to_string()),
                )
            })
            .collect();
        assert_eq!(
            words,
            [
                (
                    "transfer_ab".into(),
                    "lock lock_b".into(),
                    Some("transfer_ba".into())
                ),
                (
                    "transfer_ba".into(),
                    "lock lock_a".into(),
                    Some("transfer_ab".into())
                ),
            ]
        );
    }

    #[test]
    fn every_event_of_every_preset_has_words() {
        for (id, scenario) in crate::sim::presets::presets() {
            let t = run(&scenario).unwrap();
            for (i, line) in sentences(&t).iter().enumerate() {
                assert!(!line.trim().is_empty(), "{id}: event {i} has no words");
                assert!(
                    !line.contains('?'),
                    "{id}: event {i} names an unknown task: {line}"
                );
            }
        }
        assert!(event(&trace_of("three-fetches"), usize::MAX).is_none());
    }

    #[test]
    fn chips_name_their_state_in_words_too() {
        assert_eq!(state_word(&TaskState::Running), "running");
        assert_eq!(state_class(&TaskState::Cancelled), "error");
        let woken = TaskState::Suspended {
            reason: Reason::Executor,
            woken: true,
        };
        assert_eq!(state_class(&woken), "ready");
    }
}
