//! Reading a trace's events and outcome from JSON (an imported trace file). An event is
//! written as one flat object, `{"t": .., "task": .., "step": .., "kind": "suspended",
//! "reason": {"on": "sleep", "until": ..}}`, an outcome as `{"outcome": "failed", "error":
//! ..}`: serde's derived reader of such internally tagged enums buffers each object first,
//! and that buffering was about a twentieth of the wasm (BENCHMARKS.md, "Release wasm
//! size"). Here every field a kind can have is read into one struct of optional fields,
//! then checked against its kind: the same files read, with the same outcome.

use super::trace::{
    Callback, Event, EventKind, Ms, Outcome, Reason, StepId, TaskId, TaskListId, TextId, WaitEdge,
};
use serde::de::Error;
use serde::{Deserialize, Deserializer};

/// Every field of every event kind (and the event's own).
#[derive(Deserialize)]
struct Raw {
    t: Ms,
    task: TaskId,
    step: Option<StepId>,
    kind: Kind,
    parent: Option<TaskId>,
    callback: Option<Callback>,
    reason: Option<RawReason>,
    ms: Option<Ms>,
    resource: Option<u32>,
    size: Option<u32>,
    worker: Option<u32>,
    text: Option<TextId>,
    value: Option<TextId>,
    error: Option<TextId>,
    ready: Option<u32>,
    from: Option<Ms>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    Created,
    Scheduled,
    Fired,
    Woke,
    Started,
    Resumed,
    Suspended,
    ComputeStart,
    ComputeEnd,
    Acquired,
    Released,
    QueuePut,
    QueueGet,
    ExecutorStart,
    ExecutorEnd,
    Print,
    TimedOut,
    Completed,
    Failed,
    Cancelled,
    Tick,
    IdleJump,
}

/// Every field of every [`Reason`].
#[derive(Deserialize)]
struct RawReason {
    on: On,
    until: Option<Ms>,
    url: Option<TextId>,
    task: Option<TaskId>,
    deadline: Option<Ms>,
    tasks: Option<TaskListId>,
    resource: Option<u32>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum On {
    Sleep,
    Fetch,
    Task,
    WaitFor,
    Gather,
    Acquire,
    QueuePut,
    QueueGet,
    Executor,
    Stream,
}

/// A field the kind needs, or serde's own words for a missing one.
pub(super) fn needs<T, E: Error>(field: Option<T>, name: &'static str) -> Result<T, E> {
    field.ok_or_else(|| E::missing_field(name))
}

impl RawReason {
    fn reason<E: Error>(self) -> Result<Reason, E> {
        let until = || needs(self.until, "until");
        let task = || needs(self.task, "task");
        let resource = || needs(self.resource, "resource");
        Ok(match self.on {
            On::Sleep => Reason::Sleep { until: until()? },
            On::Fetch => Reason::Fetch {
                url: needs(self.url, "url")?,
                until: until()?,
            },
            On::Task => Reason::Task { task: task()? },
            On::WaitFor => Reason::WaitFor {
                task: task()?,
                deadline: needs(self.deadline, "deadline")?,
            },
            On::Gather => Reason::Gather {
                tasks: needs(self.tasks, "tasks")?,
            },
            On::Acquire => Reason::Acquire {
                resource: resource()?,
            },
            On::QueuePut => Reason::QueuePut {
                resource: resource()?,
            },
            On::QueueGet => Reason::QueueGet {
                resource: resource()?,
            },
            On::Executor => Reason::Executor,
            On::Stream => Reason::Stream { until: until()? },
        })
    }
}

impl Raw {
    fn kind<E: Error>(self) -> Result<EventKind, E> {
        let callback = || needs(self.callback, "callback");
        let resource = || needs(self.resource, "resource");
        let size = || needs(self.size, "size");
        let worker = || needs(self.worker, "worker");
        Ok(match self.kind {
            Kind::Created => EventKind::Created {
                parent: self.parent,
            },
            Kind::Scheduled => EventKind::Scheduled {
                callback: callback()?,
            },
            Kind::Fired => EventKind::Fired {
                callback: callback()?,
            },
            Kind::Woke => EventKind::Woke {
                callback: callback()?,
            },
            Kind::Started => EventKind::Started,
            Kind::Resumed => EventKind::Resumed,
            Kind::Suspended => EventKind::Suspended {
                reason: needs(self.reason, "reason")?.reason()?,
            },
            Kind::ComputeStart => EventKind::ComputeStart {
                ms: needs(self.ms, "ms")?,
            },
            Kind::ComputeEnd => EventKind::ComputeEnd,
            Kind::Acquired => EventKind::Acquired {
                resource: resource()?,
            },
            Kind::Released => EventKind::Released {
                resource: resource()?,
            },
            Kind::QueuePut => EventKind::QueuePut {
                resource: resource()?,
                size: size()?,
            },
            Kind::QueueGet => EventKind::QueueGet {
                resource: resource()?,
                size: size()?,
            },
            Kind::ExecutorStart => EventKind::ExecutorStart { worker: worker()? },
            Kind::ExecutorEnd => EventKind::ExecutorEnd { worker: worker()? },
            Kind::Print => EventKind::Print {
                text: needs(self.text, "text")?,
            },
            Kind::TimedOut => EventKind::TimedOut,
            Kind::Completed => EventKind::Completed {
                value: needs(self.value, "value")?,
            },
            Kind::Failed => EventKind::Failed {
                error: needs(self.error, "error")?,
            },
            Kind::Cancelled => EventKind::Cancelled,
            Kind::Tick => EventKind::Tick {
                ready: needs(self.ready, "ready")?,
            },
            Kind::IdleJump => EventKind::IdleJump {
                from: needs(self.from, "from")?,
            },
        })
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Event, D::Error> {
        let raw = Raw::deserialize(deserializer)?;
        let (t, task, step) = (raw.t, raw.task, raw.step);
        Ok(Event::new(t, task, step, raw.kind()?))
    }
}

/// Every field of every [`Outcome`].
#[derive(Deserialize)]
struct RawOutcome {
    outcome: Ending,
    value: Option<String>,
    error: Option<String>,
    cycle: Option<Vec<WaitEdge>>,
    waits: Option<Vec<WaitEdge>>,
    message: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Ending {
    Completed,
    Failed,
    Deadlock,
    LimitExceeded,
    Stopped,
}

impl<'de> Deserialize<'de> for Outcome {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Outcome, D::Error> {
        let raw = RawOutcome::deserialize(deserializer)?;
        Ok(match raw.outcome {
            Ending::Completed => Outcome::Completed {
                value: needs(raw.value, "value")?,
            },
            Ending::Failed => Outcome::Failed {
                error: needs(raw.error, "error")?,
            },
            Ending::Deadlock => Outcome::Deadlock {
                cycle: needs(raw.cycle, "cycle")?,
                waits: needs(raw.waits, "waits")?,
            },
            Ending::LimitExceeded => Outcome::LimitExceeded {
                message: needs(raw.message, "message")?,
            },
            Ending::Stopped => Outcome::Stopped,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_event_reads_back_as_it_was_written() {
        let events = super::super::events::tests::every_event();
        let json = serde_json::to_string(&events).unwrap();
        let back: Vec<Event> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, events);
    }

    #[test]
    fn an_event_missing_what_its_kind_needs_is_refused_in_serdes_words() {
        let read = |text: &str| serde_json::from_str::<Event>(text).unwrap_err().to_string();
        assert!(read(r#"{"t": 0, "task": 0, "kind": "tick"}"#).contains("missing field `ready`"));
        let sleep = r#"{"t": 0, "task": 0, "kind": "suspended", "reason": {"on": "sleep"}}"#;
        assert!(read(sleep).contains("missing field `until`"));
        assert!(read(r#"{"t": 0, "task": 0, "kind": "nap"}"#).contains("unknown variant `nap`"));
        assert!(read(r#"{"t": 0, "kind": "started"}"#).contains("missing field `task`"));
    }

    #[test]
    fn every_outcome_reads_back_as_it_was_written() {
        let edge = |task: u32, on: &str, holder: Option<u32>| WaitEdge {
            task: TaskId(task),
            on: on.into(),
            holder: holder.map(TaskId),
        };
        let outcomes = vec![
            Outcome::Completed { value: "42".into() },
            Outcome::Failed {
                error: "ValueError: bad input".into(),
            },
            Outcome::Deadlock {
                cycle: vec![edge(1, "lock a (held by Task-2)", Some(2))],
                waits: vec![edge(2, "queue q", None)],
            },
            Outcome::LimitExceeded {
                message: "more than 20,000 tasks".into(),
            },
            Outcome::Stopped,
        ];
        let json = serde_json::to_string(&outcomes).unwrap();
        let back: Vec<Outcome> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, outcomes);
    }

    #[test]
    fn an_outcome_missing_what_it_needs_is_refused_in_serdes_words() {
        let read = |text: &str| {
            serde_json::from_str::<Outcome>(text)
                .unwrap_err()
                .to_string()
        };
        assert!(read(r#"{"outcome": "failed"}"#).contains("missing field `error`"));
        let deadlock = r#"{"outcome": "deadlock", "cycle": []}"#;
        assert!(read(deadlock).contains("missing field `waits`"));
        assert!(read(r#"{"outcome": "won"}"#).contains("unknown variant `won`"));
        assert!(read(r#"{"value": "1"}"#).contains("missing field `outcome`"));
    }
}
