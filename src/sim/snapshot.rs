//! The loop's state at any instant, by replaying the trace up to it.
//!
//! Stepping back is a query at an earlier time, not a re-run.

use super::trace::{Callback, EventKind, Ms, Reason, TaskId, Trace};
use serde::Serialize;
use std::collections::VecDeque;

/// Where a task stands at the snapshot's instant.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum TaskState {
    /// Not created yet at this instant.
    NotCreated,
    Ready,
    Running,
    /// Running blocking work that holds the loop.
    Blocked,
    /// Waiting; `woken` once its wait is over and a callback for it is queued.
    Suspended {
        reason: Reason,
        woken: bool,
    },
    Completed {
        value: String,
    },
    Failed {
        error: String,
    },
    Cancelled,
}

impl TaskState {
    pub fn is_done(&self) -> bool {
        matches!(
            self,
            TaskState::Completed { .. } | TaskState::Failed { .. } | TaskState::Cancelled
        )
    }
}

/// An entry of the ready queue.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Queued {
    pub task: TaskId,
    pub callback: Callback,
}

/// A pending timer: a sleep, an async iterator's next item, or a `wait_for` deadline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Timer {
    pub task: TaskId,
    pub due: Ms,
    /// `sleep`, `stream` or `timeout`.
    pub kind: &'static str,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InFlight {
    pub task: TaskId,
    pub url: String,
    pub due: Ms,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResourceNow {
    pub name: String,
    pub kind: String,
    pub capacity: u32,
    pub holders: Vec<TaskId>,
    /// Tasks waiting, in the order they began to wait.
    pub waiters: Vec<TaskId>,
    /// Items in a queue.
    pub size: u32,
}

/// The loop's state at `t`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Snapshot {
    pub t: Ms,
    /// How many events have happened by `t`; the last of them is the current one.
    pub events: usize,
    /// Loop iterations so far.
    pub ticks: u32,
    pub running: Option<TaskId>,
    pub tasks: Vec<TaskState>,
    /// First in, first out: what the loop takes next is at the front, so a ready queue of
    /// thousands is replayed in time linear in the events.
    pub ready: VecDeque<Queued>,
    pub timers: Vec<Timer>,
    pub fetches: Vec<InFlight>,
    /// What each executor worker runs.
    pub workers: Vec<Option<TaskId>>,
    /// Jobs queued for a free worker.
    pub executor_queue: Vec<TaskId>,
    pub resources: Vec<ResourceNow>,
}

/// The state at time `t`: every event at or before `t` has happened.
pub fn snapshot_at(trace: &Trace, t: Ms) -> Snapshot {
    let mut s = snapshot_after(trace, trace.events_until(t));
    s.t = t;
    s
}

/// The state right after the first `n` events.
pub fn snapshot_after(trace: &Trace, n: usize) -> Snapshot {
    let n = n.min(trace.events.len());
    let mut tasks = vec![TaskState::NotCreated; trace.tasks.len()];
    // When each task began its current wait, to order waiters.
    let mut since = vec![0usize; trace.tasks.len()];
    let mut s = Snapshot {
        t: trace.events.time_after(n),
        events: n,
        ticks: 0,
        running: None,
        tasks: Vec::new(),
        ready: VecDeque::new(),
        timers: Vec::new(),
        fetches: Vec::new(),
        workers: vec![None; trace.executor_workers as usize],
        executor_queue: Vec::new(),
        resources: trace
            .resources
            .iter()
            .map(|r| ResourceNow {
                name: r.name.clone(),
                kind: r.kind.clone(),
                capacity: r.capacity,
                holders: Vec::new(),
                waiters: Vec::new(),
                size: 0,
            })
            .collect(),
    };
    for (i, e) in trace.events.range(0..n).enumerate() {
        let e = &e;
        if e.task == TaskId::LOOP {
            // A program's callback (not a task) may put into or get from a queue.
            match e.kind {
                EventKind::Tick { .. } => s.ticks += 1,
                EventKind::QueuePut { resource, size } | EventKind::QueueGet { resource, size } => {
                    queue_size(&mut s, resource, size)
                }
                _ => {}
            }
            continue;
        }
        let Some(state) = tasks.get_mut(e.task.index()) else {
            continue;
        };
        match &e.kind {
            EventKind::Created { .. } => *state = TaskState::Ready,
            EventKind::Scheduled { callback } => {
                s.ready.push_back(Queued {
                    task: e.task,
                    callback: *callback,
                });
                match state {
                    TaskState::Suspended { woken, .. } if *callback != Callback::Step => {
                        *woken = true
                    }
                    _ if *callback == Callback::Step => *state = TaskState::Ready,
                    _ => {}
                }
            }
            EventKind::Fired { callback } => dequeue(&mut s.ready, e.task, *callback),
            EventKind::Woke { callback } => {
                dequeue(&mut s.ready, e.task, *callback);
                s.ready.push_back(Queued {
                    task: e.task,
                    callback: Callback::Step,
                });
                *state = TaskState::Ready;
            }
            EventKind::Started | EventKind::Resumed => {
                dequeue(&mut s.ready, e.task, Callback::Step);
                *state = TaskState::Running;
                s.running = Some(e.task);
            }
            EventKind::ComputeStart { .. } => *state = TaskState::Blocked,
            EventKind::ComputeEnd => *state = TaskState::Running,
            EventKind::Suspended { reason } => {
                *state = TaskState::Suspended {
                    reason: *reason,
                    woken: false,
                };
                since[e.task.index()] = i;
                s.running = None;
            }
            EventKind::Acquired { resource } => {
                if let Some(r) = s.resources.get_mut(*resource as usize) {
                    r.holders.push(e.task);
                }
            }
            EventKind::Released { resource } => {
                if let Some(r) = s.resources.get_mut(*resource as usize) {
                    if let Some(p) = r.holders.iter().position(|h| *h == e.task) {
                        r.holders.remove(p);
                    }
                }
            }
            EventKind::QueuePut { resource, size } | EventKind::QueueGet { resource, size } => {
                queue_size(&mut s, *resource, *size)
            }
            EventKind::ExecutorStart { worker } => {
                if let Some(w) = s.workers.get_mut(*worker as usize) {
                    *w = Some(e.task);
                }
            }
            EventKind::ExecutorEnd { worker } => {
                if let Some(w) = s.workers.get_mut(*worker as usize) {
                    *w = None;
                }
            }
            EventKind::Completed { value } => {
                *state = TaskState::Completed {
                    value: trace.text(*value).to_string(),
                };
                ended(&mut s, e.task);
            }
            EventKind::Failed { error } => {
                *state = TaskState::Failed {
                    error: trace.text(*error).to_string(),
                };
                ended(&mut s, e.task);
            }
            EventKind::Cancelled => {
                *state = TaskState::Cancelled;
                ended(&mut s, e.task);
            }
            EventKind::Print { .. } | EventKind::TimedOut | EventKind::Tick { .. } => {}
            EventKind::IdleJump { .. } => {}
        }
    }
    // What suspended tasks wait on, in the order they began to wait.
    let mut waiting: Vec<(usize, TaskId, &Reason)> = tasks
        .iter()
        .enumerate()
        .filter_map(|(i, st)| match st {
            TaskState::Suspended {
                reason,
                woken: false,
            } => Some((since[i], TaskId(i as u32), reason)),
            _ => None,
        })
        .collect();
    crate::sort::sort_by_key(&mut waiting, |(at, ..)| *at);
    for (_, task, reason) in waiting {
        match reason {
            Reason::Sleep { until } => s.timers.push(Timer {
                task,
                due: *until,
                kind: "sleep",
            }),
            Reason::Stream { until } => s.timers.push(Timer {
                task,
                due: *until,
                kind: "stream",
            }),
            Reason::WaitFor { deadline: due, .. } => s.timers.push(Timer {
                task,
                due: *due,
                kind: "timeout",
            }),
            Reason::Fetch { url, until } => s.fetches.push(InFlight {
                task,
                url: trace.text(*url).to_string(),
                due: *until,
            }),
            Reason::Acquire { resource }
            | Reason::QueuePut { resource }
            | Reason::QueueGet { resource } => {
                if let Some(r) = s.resources.get_mut(*resource as usize) {
                    r.waiters.push(task);
                }
            }
            Reason::Executor if !s.workers.contains(&Some(task)) => s.executor_queue.push(task),
            Reason::Executor | Reason::Task { .. } | Reason::Gather { .. } => {}
        }
    }
    crate::sort::sort_by(&mut s.timers, |a, b| a.due.total_cmp(&b.due));
    s.tasks = tasks;
    s
}

fn queue_size(s: &mut Snapshot, resource: u32, size: u32) {
    if let Some(r) = s.resources.get_mut(resource as usize) {
        r.size = size;
    }
}

fn dequeue(ready: &mut VecDeque<Queued>, task: TaskId, callback: Callback) {
    if let Some(p) = ready
        .iter()
        .position(|q| q.task == task && q.callback == callback)
    {
        ready.remove(p);
    }
}

/// A task ended: it leaves the ready queue (cancelled before it ran) and the loop.
fn ended(s: &mut Snapshot, task: TaskId) {
    dequeue(&mut s.ready, task, Callback::Step);
    if s.running == Some(task) {
        s.running = None;
    }
}
