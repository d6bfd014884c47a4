//! [`Events`]: a trace's events, stored packed in 16 bytes each.
//!
//! A run records four events per await, so a large run writes hundreds of thousands of
//! them and the bytes written are a large part of its cost. Each event is stored as
//! four `u32`s: its time in sixteenths of a ms, its task, its kind's tag with its step,
//! and one argument. The few kinds with two arguments (a fetch's url and due time, a
//! `wait_for`'s task and deadline, a queue's resource and size) keep them in a side
//! table. The `Woke` events of a turn taken in one pass repeat its `Scheduled` events
//! (a fifth of a large run's events): they are not stored, only where they go and
//! what they repeat ([`Events::push_woke`]). Readers get whole [`Event`] values back,
//! decoded on the fly; serialized, a trace lists its events exactly as it did when they
//! were stored whole.

use super::trace::{Callback, Event, EventKind, Ms, Reason, StepId, TaskId, TaskListId, TextId};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Sixteenths of a ms: the resolution of event times. Virtual time is whole ms; a live
/// run's `performance.now()` stamps are rounded to 62.5 µs. A `u32` of ticks spans
/// 74 hours, past the longest run the limits allow.
pub const TICKS_PER_MS: u32 = 16;

/// A time in ticks.
pub type Ticks = u32;

/// The latest whole ms that has a time in ticks.
pub const MAX_TICKED_MS: u64 = (u32::MAX / TICKS_PER_MS) as u64;

/// The largest step id that fits beside the tag (24 bits); the all-ones value means
/// "no step". Programs have at most 100,000 steps.
pub const NO_STEP: u32 = (1 << 24) - 1;

/// Ms to ticks, rounded; negative and non-finite times become 0 or saturate (an
/// imported trace is checked before it is stored, see [`Events`]'s `Deserialize`).
#[inline(always)]
fn ticks(ms: Ms) -> Ticks {
    (ms * TICKS_PER_MS as f64 + 0.5) as u32
}

#[inline(always)]
fn ms(ticks: Ticks) -> Ms {
    ticks as f64 / TICKS_PER_MS as f64
}

/// True if `ms` is a time [`Events`] can store.
fn storable(ms: Ms) -> bool {
    ms.is_finite() && ms >= 0.0 && ms * (TICKS_PER_MS as f64) < u32::MAX as f64
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Packed {
    t: u32,
    task: u32,
    /// The kind's tag in the low 8 bits, the step (or [`NO_STEP`]) in the high 24.
    head: u32,
    arg: u32,
}

const _: () = assert!(std::mem::size_of::<Packed>() == 16);

/// The kinds' tags: one per [`EventKind`], with `Suspended` split by its [`Reason`].
mod tag {
    pub const CREATED: u8 = 0;
    pub const SCHEDULED: u8 = 1;
    pub const FIRED: u8 = 2;
    pub const WOKE: u8 = 3;
    pub const STARTED: u8 = 4;
    pub const RESUMED: u8 = 5;
    pub const COMPUTE_START: u8 = 6;
    pub const COMPUTE_END: u8 = 7;
    pub const ACQUIRED: u8 = 8;
    pub const RELEASED: u8 = 9;
    pub const QUEUE_PUT: u8 = 10;
    pub const QUEUE_GET: u8 = 11;
    pub const EXECUTOR_START: u8 = 12;
    pub const EXECUTOR_END: u8 = 13;
    pub const PRINT: u8 = 14;
    pub const TIMED_OUT: u8 = 15;
    pub const COMPLETED: u8 = 16;
    pub const FAILED: u8 = 17;
    pub const CANCELLED: u8 = 18;
    pub const TICK: u8 = 19;
    pub const IDLE_JUMP: u8 = 20;
    pub const ON_SLEEP: u8 = 32;
    pub const ON_FETCH: u8 = 33;
    pub const ON_TASK: u8 = 34;
    pub const ON_WAIT_FOR: u8 = 35;
    pub const ON_GATHER: u8 = 36;
    pub const ON_ACQUIRE: u8 = 37;
    pub const ON_QUEUE_PUT: u8 = 38;
    pub const ON_QUEUE_GET: u8 = 39;
    pub const ON_EXECUTOR: u8 = 40;
    pub const ON_STREAM: u8 = 41;
}

const NO_TASK: u32 = u32::MAX;

/// The events of a trace, in the order they happened.
#[derive(Clone, Debug, Default)]
pub struct Events {
    /// The events stored: all but the [`Copies`].
    packed: Vec<Packed>,
    /// Second arguments: `[first, second]` of the kinds that have two.
    wide: Vec<[u32; 2]>,
    /// Runs of `Woke` events that repeat stored `Scheduled` ones, in order.
    copies: Vec<Copies>,
}

/// A run of `Woke` events, each repeating a stored `Scheduled` event with its tag
/// changed ([`Events::push_woke`]).
#[derive(Clone, Copy, Debug)]
struct Copies {
    /// The index (among all events) of the run's first event.
    at: usize,
    /// The run's length.
    len: usize,
    /// The index in `packed` of the first `Scheduled` event it repeats.
    from: usize,
    /// The copied events before the run's (the earlier runs' lengths).
    before: usize,
}

impl Copies {
    fn end(&self) -> usize {
        self.at + self.len
    }
}

impl Events {
    /// Room for `n` events.
    pub fn with_capacity(n: usize) -> Events {
        Events {
            packed: Vec::with_capacity(n),
            ..Events::default()
        }
    }

    pub fn len(&self) -> usize {
        self.packed.len() + self.copied()
    }

    /// The events in [`Self::copies`], not stored.
    fn copied(&self) -> usize {
        self.copies.last().map_or(0, |c| c.before + c.len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The events stored: all but the `Woke` copies ([`Self::push_woke`]).
    #[inline(always)]
    pub fn stored(&self) -> usize {
        self.packed.len()
    }

    /// Event `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<Event> {
        (i < self.len()).then(|| self.at(i))
    }

    /// Event `i`; panics if there is none (as indexing a slice does).
    pub fn at(&self, i: usize) -> Event {
        self.decode(&self.packed_at(i))
    }

    /// The time of event `i`, without decoding the rest of it.
    pub fn time(&self, i: usize) -> Ms {
        ms(self.packed_at(i).t)
    }

    /// The time once the first `n` events have happened: the last one's (0 before any).
    pub fn time_after(&self, n: usize) -> Ms {
        n.checked_sub(1).map_or(0.0, |i| self.time(i))
    }

    /// Event `i` as stored (a copy with its tag changed); panics if there is none.
    fn packed_at(&self, i: usize) -> Packed {
        self.range(i..i + 1)
            .next_packed()
            .expect("a range of one event yields it")
    }

    /// The copied events before run `run` of [`Self::copies`] (all of them if it is past
    /// the last).
    fn copied_before(&self, run: usize) -> usize {
        self.copies
            .get(run)
            .map_or_else(|| self.copied(), |c| c.before)
    }

    /// Every event, in order.
    pub fn iter(&self) -> Iter<'_> {
        self.range(0..self.len())
    }

    /// The events with indices in `range`.
    pub fn range(&self, range: std::ops::Range<usize>) -> Iter<'_> {
        assert!(
            range.start <= range.end && range.end <= self.len(),
            "events {range:?} of {}",
            self.len()
        );
        let run = self.copies.partition_point(|c| c.end() <= range.start);
        // The stored events before `range.start`: if it falls in a run of copies,
        // those before the run.
        let stored = match self.copies.get(run) {
            Some(c) if c.at <= range.start => c.at - c.before,
            _ => range.start - self.copied_before(run),
        };
        Iter {
            events: self,
            front: range.start,
            back: range.end,
            run,
            stored,
        }
    }

    /// The number of events at or before time `t`.
    pub fn until(&self, t: Ms) -> usize {
        if t < 0.0 {
            return 0;
        }
        // Events are stored at whole ticks: those at or before `t` are those at or
        // before its tick, rounded down. A run of copies is at the time of the events
        // it copies.
        let last = (t * TICKS_PER_MS as f64).min(u32::MAX as f64) as u32;
        let runs = self
            .copies
            .partition_point(|c| self.packed[c.from].t <= last);
        self.packed.partition_point(|p| p.t <= last) + self.copied_before(runs)
    }

    /// Appends `e` (its time rounded to a sixteenth of a ms).
    #[inline(always)]
    pub fn push(&mut self, e: Event) {
        self.push_at(ticks(e.t), e.task, e.step(), e.kind);
    }

    /// Appends an event at `t`, given in ticks (see [`Self::ticks_of`]).
    #[inline(always)]
    pub fn push_at(&mut self, t: Ticks, task: TaskId, step: Option<StepId>, kind: EventKind) {
        let (tag, arg) = self.encode(kind);
        self.push_packed(t, task, step, tag, arg);
    }

    /// Appends a task's suspension on a sleep (`stream`: on an async iterator's next
    /// item) due at `until`, both times in ticks: what [`Self::push_at`] stores for
    /// `Suspended { reason: Sleep { until } }`, for the hot path, which has its times
    /// in ticks already (a `Reason` holds ms, converted back through floating point).
    #[inline(always)]
    pub fn push_sleep(
        &mut self,
        t: Ticks,
        task: TaskId,
        step: Option<StepId>,
        stream: bool,
        until: Ticks,
    ) {
        let tag = if stream {
            tag::ON_STREAM
        } else {
            tag::ON_SLEEP
        };
        self.push_packed(t, task, step, tag, until);
    }

    #[inline(always)]
    fn push_packed(&mut self, t: Ticks, task: TaskId, step: Option<StepId>, tag: u8, arg: u32) {
        // Programs have at most 100,000 steps and an imported trace is checked when
        // read, so a step id always fits its 24 bits.
        let step = step.unwrap_or(NO_STEP);
        debug_assert!(step <= NO_STEP, "step id {step} does not fit in 24 bits");
        self.packed.push(Packed {
            t,
            task: task.0,
            head: tag as u32 | step << 8,
            arg,
        });
    }

    /// Appends, for each event in `scheduled` (each a `Scheduled` event, after the
    /// last copies), the `Woke` event of the same time, task, step and callback, in
    /// the same order: the callbacks a turn queued, run. They are not stored; the run
    /// records which events it repeats.
    pub fn push_woke(&mut self, scheduled: std::ops::Range<usize>) {
        let before = self.copied();
        debug_assert!(scheduled.start >= self.copies.last().map_or(0, Copies::end));
        let from = scheduled.start - before;
        debug_assert!(self.packed[from..scheduled.end - before]
            .iter()
            .all(|p| p.head as u8 == tag::SCHEDULED));
        self.copies.push(Copies {
            at: self.len(),
            len: scheduled.len(),
            from,
            before,
        });
    }

    /// A time in ticks, as [`Self::push_at`] takes it.
    #[inline(always)]
    pub fn ticks_of(t: Ms) -> Ticks {
        ticks(t)
    }

    fn wide(&mut self, a: u32, b: u32) -> u32 {
        self.wide.push([a, b]);
        (self.wide.len() - 1) as u32
    }

    #[inline(always)]
    fn encode(&mut self, kind: EventKind) -> (u8, u32) {
        match kind {
            EventKind::Created { parent } => (tag::CREATED, parent.map_or(NO_TASK, |p| p.0)),
            EventKind::Scheduled { callback } => (tag::SCHEDULED, callback.code()),
            EventKind::Fired { callback } => (tag::FIRED, callback.code()),
            EventKind::Woke { callback } => (tag::WOKE, callback.code()),
            EventKind::Started => (tag::STARTED, 0),
            EventKind::Resumed => (tag::RESUMED, 0),
            EventKind::Suspended { reason } => match reason {
                Reason::Sleep { until } => (tag::ON_SLEEP, ticks(until)),
                Reason::Fetch { url, until } => (tag::ON_FETCH, self.wide(url.0, ticks(until))),
                Reason::Task { task } => (tag::ON_TASK, task.0),
                Reason::WaitFor { task, deadline } => {
                    (tag::ON_WAIT_FOR, self.wide(task.0, ticks(deadline)))
                }
                Reason::Gather { tasks } => (tag::ON_GATHER, tasks.0),
                Reason::Acquire { resource } => (tag::ON_ACQUIRE, resource),
                Reason::QueuePut { resource } => (tag::ON_QUEUE_PUT, resource),
                Reason::QueueGet { resource } => (tag::ON_QUEUE_GET, resource),
                Reason::Executor => (tag::ON_EXECUTOR, 0),
                Reason::Stream { until } => (tag::ON_STREAM, ticks(until)),
            },
            EventKind::ComputeStart { ms } => (tag::COMPUTE_START, ticks(ms)),
            EventKind::ComputeEnd => (tag::COMPUTE_END, 0),
            EventKind::Acquired { resource } => (tag::ACQUIRED, resource),
            EventKind::Released { resource } => (tag::RELEASED, resource),
            EventKind::QueuePut { resource, size } => (tag::QUEUE_PUT, self.wide(resource, size)),
            EventKind::QueueGet { resource, size } => (tag::QUEUE_GET, self.wide(resource, size)),
            EventKind::ExecutorStart { worker } => (tag::EXECUTOR_START, worker),
            EventKind::ExecutorEnd { worker } => (tag::EXECUTOR_END, worker),
            EventKind::Print { text } => (tag::PRINT, text.0),
            EventKind::TimedOut => (tag::TIMED_OUT, 0),
            EventKind::Completed { value } => (tag::COMPLETED, value.0),
            EventKind::Failed { error } => (tag::FAILED, error.0),
            EventKind::Cancelled => (tag::CANCELLED, 0),
            EventKind::Tick { ready } => (tag::TICK, ready),
            EventKind::IdleJump { from } => (tag::IDLE_JUMP, ticks(from)),
        }
    }

    fn decode(&self, p: &Packed) -> Event {
        let arg = p.arg;
        let wide = || self.wide[arg as usize];
        let kind = match (p.head & 0xff) as u8 {
            tag::CREATED => EventKind::Created {
                parent: (arg != NO_TASK).then_some(TaskId(arg)),
            },
            tag::SCHEDULED => EventKind::Scheduled {
                callback: Callback::from_code(arg),
            },
            tag::FIRED => EventKind::Fired {
                callback: Callback::from_code(arg),
            },
            tag::WOKE => EventKind::Woke {
                callback: Callback::from_code(arg),
            },
            tag::STARTED => EventKind::Started,
            tag::RESUMED => EventKind::Resumed,
            tag::COMPUTE_START => EventKind::ComputeStart { ms: ms(arg) },
            tag::COMPUTE_END => EventKind::ComputeEnd,
            tag::ACQUIRED => EventKind::Acquired { resource: arg },
            tag::RELEASED => EventKind::Released { resource: arg },
            tag::QUEUE_PUT => {
                let [resource, size] = wide();
                EventKind::QueuePut { resource, size }
            }
            tag::QUEUE_GET => {
                let [resource, size] = wide();
                EventKind::QueueGet { resource, size }
            }
            tag::EXECUTOR_START => EventKind::ExecutorStart { worker: arg },
            tag::EXECUTOR_END => EventKind::ExecutorEnd { worker: arg },
            tag::PRINT => EventKind::Print { text: TextId(arg) },
            tag::TIMED_OUT => EventKind::TimedOut,
            tag::COMPLETED => EventKind::Completed { value: TextId(arg) },
            tag::FAILED => EventKind::Failed { error: TextId(arg) },
            tag::CANCELLED => EventKind::Cancelled,
            tag::TICK => EventKind::Tick { ready: arg },
            tag::IDLE_JUMP => EventKind::IdleJump { from: ms(arg) },
            suspended => EventKind::Suspended {
                reason: match suspended {
                    tag::ON_SLEEP => Reason::Sleep { until: ms(arg) },
                    tag::ON_FETCH => {
                        let [url, until] = wide();
                        Reason::Fetch {
                            url: TextId(url),
                            until: ms(until),
                        }
                    }
                    tag::ON_TASK => Reason::Task { task: TaskId(arg) },
                    tag::ON_WAIT_FOR => {
                        let [task, deadline] = wide();
                        Reason::WaitFor {
                            task: TaskId(task),
                            deadline: ms(deadline),
                        }
                    }
                    tag::ON_GATHER => Reason::Gather {
                        tasks: TaskListId(arg),
                    },
                    tag::ON_ACQUIRE => Reason::Acquire { resource: arg },
                    tag::ON_QUEUE_PUT => Reason::QueuePut { resource: arg },
                    tag::ON_QUEUE_GET => Reason::QueueGet { resource: arg },
                    tag::ON_EXECUTOR => Reason::Executor,
                    _ => Reason::Stream { until: ms(arg) },
                },
            },
        };
        let step = p.head >> 8;
        Event::new(
            ms(p.t),
            TaskId(p.task),
            (step != NO_STEP).then_some(step),
            kind,
        )
    }
}

/// `Woke` for the `Scheduled` event `p` (both kinds store the callback's code as their
/// argument).
fn woke(p: Packed) -> Packed {
    Packed {
        head: (p.head & !0xff) | tag::WOKE as u32,
        ..p
    }
}

/// Equal when they hold the same events, however they are stored.
impl PartialEq for Events {
    fn eq(&self, other: &Events) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl From<Vec<Event>> for Events {
    fn from(events: Vec<Event>) -> Events {
        let mut stored = Events::with_capacity(events.len());
        for e in events {
            stored.push(e);
        }
        stored
    }
}

impl<'a> IntoIterator for &'a Events {
    type Item = Event;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// Decoded events, in order ([`Events::iter`], [`Events::range`]).
#[derive(Clone)]
pub struct Iter<'a> {
    events: &'a Events,
    /// The indices of the events left: `front..back`.
    front: usize,
    back: usize,
    /// The first run of copies that does not end before `front`.
    run: usize,
    /// The index in `packed` of the first stored event at or after `front`.
    stored: usize,
}

impl Iter<'_> {
    /// The next event as stored (a copy with its tag changed).
    fn next_packed(&mut self) -> Option<Packed> {
        if self.front >= self.back {
            return None;
        }
        let events = self.events;
        let p = match events.copies.get(self.run) {
            Some(c) if c.at <= self.front => {
                if self.front + 1 == c.end() {
                    self.run += 1;
                }
                woke(events.packed[c.from + (self.front - c.at)])
            }
            _ => {
                self.stored += 1;
                events.packed[self.stored - 1]
            }
        };
        self.front += 1;
        Some(p)
    }
}

impl Iterator for Iter<'_> {
    type Item = Event;

    fn next(&mut self) -> Option<Event> {
        self.next_packed().map(|p| self.events.decode(&p))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back.saturating_sub(self.front);
        (n, Some(n))
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Event> {
        if self.front >= self.back {
            return None;
        }
        self.back -= 1;
        Some(self.events.at(self.back))
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl Serialize for Events {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Events {
    /// Reads a list of events, refusing what [`Events`] cannot store (a time that is
    /// negative or past 74 hours, a step id of 16 million or more) rather than storing
    /// something else.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Events, D::Error> {
        let events = Vec::<Event>::deserialize(deserializer)?;
        let times = |e: &Event| match e.kind {
            EventKind::Suspended {
                reason:
                    Reason::Sleep { until }
                    | Reason::Fetch { until, .. }
                    | Reason::Stream { until }
                    | Reason::WaitFor {
                        deadline: until, ..
                    },
            } => [e.t, until],
            EventKind::ComputeStart { ms } | EventKind::IdleJump { from: ms } => [e.t, ms],
            _ => [e.t, 0.0],
        };
        for (i, e) in events.iter().enumerate() {
            if !times(e).into_iter().all(storable) {
                return Err(serde::de::Error::custom(format!(
                    "event {i}'s time is out of range"
                )));
            }
            if e.step().is_some_and(|s| s >= NO_STEP) {
                return Err(serde::de::Error::custom(format!(
                    "event {i}'s step is out of range"
                )));
            }
        }
        Ok(Events::from(events))
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    fn every_kind() -> Vec<EventKind> {
        let reasons = [
            Reason::Sleep { until: 12.5 },
            Reason::Fetch {
                url: TextId(3),
                until: 1500.0,
            },
            Reason::Task { task: TaskId(7) },
            Reason::WaitFor {
                task: TaskId(8),
                deadline: 2000.0625,
            },
            Reason::Gather {
                tasks: TaskListId(2),
            },
            Reason::Acquire { resource: 1 },
            Reason::QueuePut { resource: 2 },
            Reason::QueueGet { resource: 3 },
            Reason::Executor,
            Reason::Stream { until: 90.0 },
        ];
        let callbacks = Callback::ALL;
        let mut kinds = vec![
            EventKind::Created { parent: None },
            EventKind::Created {
                parent: Some(TaskId(4)),
            },
            EventKind::Started,
            EventKind::Resumed,
            EventKind::ComputeStart { ms: 250.0 },
            EventKind::ComputeEnd,
            EventKind::Acquired { resource: 5 },
            EventKind::Released { resource: 6 },
            EventKind::QueuePut {
                resource: 1,
                size: 40_000,
            },
            EventKind::QueueGet {
                resource: 2,
                size: 0,
            },
            EventKind::ExecutorStart { worker: 3 },
            EventKind::ExecutorEnd { worker: 0 },
            EventKind::Print { text: TextId(9) },
            EventKind::TimedOut,
            EventKind::Completed { value: TextId(1) },
            EventKind::Failed { error: TextId(2) },
            EventKind::Cancelled,
            EventKind::Tick { ready: 10_000 },
            EventKind::IdleJump { from: 3.25 },
        ];
        for callback in callbacks {
            kinds.push(EventKind::Scheduled { callback });
            kinds.push(EventKind::Fired { callback });
            kinds.push(EventKind::Woke { callback });
        }
        kinds.extend(reasons.map(|reason| EventKind::Suspended { reason }));
        kinds
    }

    /// An event of every kind (and every reason and callback).
    pub(in crate::sim) fn every_event() -> Vec<Event> {
        every_kind()
            .into_iter()
            .enumerate()
            .map(|(i, kind)| {
                let step = (i % 3 != 0).then_some(i as StepId * 1000);
                let task = if i % 5 == 0 {
                    TaskId::LOOP
                } else {
                    TaskId(i as u32)
                };
                Event::new(i as f64 * 0.5, task, step, kind)
            })
            .collect()
    }

    #[test]
    fn every_kind_reads_back_as_it_was_stored() {
        let events = every_event();
        let stored = Events::from(events.clone());
        assert_eq!(stored.len(), events.len());
        assert_eq!(stored.iter().collect::<Vec<_>>(), events);
        let backwards: Vec<_> = stored.iter().rev().collect();
        assert_eq!(backwards.last(), events.first());
        for (i, e) in events.iter().enumerate() {
            assert_eq!(stored.at(i), *e);
            assert_eq!(stored.time(i), e.t);
        }
    }

    #[test]
    fn woke_events_repeat_scheduled_ones_with_their_callbacks() {
        let scheduled = |callback| EventKind::Scheduled { callback };
        let mut stored = Events::from(vec![Event::new(
            1.0,
            TaskId(9),
            None,
            EventKind::Suspended {
                reason: Reason::Sleep { until: 3.0 },
            },
        )]);
        let callbacks: Vec<(u32, Option<StepId>, Callback)> = Callback::ALL
            .iter()
            .enumerate()
            .map(|(i, &c)| (i as u32, (i % 2 == 0).then_some(i as StepId * 1000), c))
            .collect();
        for &(task, step, callback) in &callbacks {
            stored.push(Event::new(3.0, TaskId(task), step, scheduled(callback)));
        }
        stored.push(Event::new(
            3.0,
            TaskId::LOOP,
            None,
            EventKind::Tick { ready: 9 },
        ));
        stored.push_woke(1..1 + callbacks.len());
        let woke: Vec<Event> = stored.range(2 + callbacks.len()..stored.len()).collect();
        let expected: Vec<Event> = callbacks
            .iter()
            .map(|&(task, step, callback)| {
                Event::new(3.0, TaskId(task), step, EventKind::Woke { callback })
            })
            .collect();
        assert_eq!(woke, expected);
        assert_eq!(stored.len(), 2 + 2 * callbacks.len());
    }

    /// Turns like a run's: a few events, then `Scheduled` events, a `Tick` and their
    /// `Woke` copies (some turns without copies), at rising times. Returns what was
    /// stored and the same events as a plain list.
    fn turns(seed: u64) -> (Events, Vec<Event>) {
        let mut rng = fastrand::Rng::with_seed(seed);
        let (mut stored, mut plain) = (Events::default(), Vec::new());
        let push = |stored: &mut Events, plain: &mut Vec<Event>, e: Event| {
            stored.push(e);
            plain.push(e);
        };
        for turn in 0..rng.usize(0..8) {
            let t = turn as f64 * 10.0;
            for _ in 0..rng.usize(0..4) {
                let task = TaskId(rng.u32(0..50));
                push(
                    &mut stored,
                    &mut plain,
                    Event::new(t, task, None, EventKind::Resumed),
                );
            }
            let first = stored.len();
            let n = rng.usize(0..6);
            let scheduled: Vec<Event> = (0..n)
                .map(|_| {
                    let callback = Callback::ALL[rng.usize(0..Callback::ALL.len())];
                    let step = rng.bool().then(|| rng.u32(0..1000));
                    Event::new(
                        t,
                        TaskId(rng.u32(0..50)),
                        step,
                        EventKind::Scheduled { callback },
                    )
                })
                .collect();
            for &e in &scheduled {
                push(&mut stored, &mut plain, e);
            }
            let tick = EventKind::Tick { ready: n as u32 };
            push(
                &mut stored,
                &mut plain,
                Event::new(t, TaskId::LOOP, None, tick),
            );
            if n > 0 && rng.bool() {
                stored.push_woke(first..first + n);
                plain.extend(scheduled.iter().map(|e| {
                    let EventKind::Scheduled { callback } = e.kind else {
                        unreachable!()
                    };
                    Event::new(e.t, e.task, e.step(), EventKind::Woke { callback })
                }));
            }
        }
        (stored, plain)
    }

    #[test]
    fn copied_events_read_back_in_place_however_they_are_read() {
        for seed in 0..300 {
            let (stored, plain) = turns(seed);
            assert_eq!(stored.len(), plain.len(), "seed {seed}");
            assert_eq!(stored.iter().collect::<Vec<_>>(), plain, "seed {seed}");
            assert_eq!(stored, Events::from(plain.clone()), "seed {seed}");
            for (i, e) in plain.iter().enumerate() {
                assert_eq!(stored.at(i), *e, "seed {seed}, event {i}");
                assert_eq!(stored.time(i), e.t);
            }
            assert_eq!(stored.get(plain.len()), None);
            for a in 0..=plain.len() {
                for b in a..=plain.len() {
                    let forward: Vec<Event> = stored.range(a..b).collect();
                    assert_eq!(forward, plain[a..b], "seed {seed}, events {a}..{b}");
                    let mut backward: Vec<Event> = stored.range(a..b).rev().collect();
                    backward.reverse();
                    assert_eq!(backward, plain[a..b]);
                    assert_eq!(stored.range(a..b).len(), b - a);
                }
            }
            for t in [-1.0, 0.0, 5.0, 10.0, 35.0, 70.0, 1e6] {
                let expected = plain.iter().filter(|e| e.t <= t).count();
                assert_eq!(stored.until(t), expected, "seed {seed}, at {t}");
            }
        }
    }

    #[test]
    fn times_are_rounded_to_a_sixteenth_of_a_ms() {
        let stored = Events::from(vec![Event::new(
            1.03,
            TaskId(1),
            None,
            EventKind::Suspended {
                reason: Reason::Sleep { until: 1001.04 },
            },
        )]);
        let e = stored.at(0);
        assert_eq!(e.t, 1.0);
        assert_eq!(
            e.kind,
            EventKind::Suspended {
                reason: Reason::Sleep { until: 1001.0625 }
            }
        );
    }

    #[test]
    fn until_counts_the_events_at_or_before_a_time() {
        let stored = Events::from(every_event());
        for t in [-1.0, 0.0, 0.2, 0.5, 3.0, 3.4, 1e9] {
            let expected = every_event().iter().filter(|e| e.t <= t).count();
            assert_eq!(stored.until(t), expected, "at {t}");
        }
    }

    #[test]
    fn serializes_as_the_list_of_events() {
        let events = every_event();
        let json = serde_json::to_string(&Events::from(events.clone())).unwrap();
        assert_eq!(json, serde_json::to_string(&events).unwrap());
        let back: Events = serde_json::from_str(&json).unwrap();
        assert_eq!(back.iter().collect::<Vec<_>>(), events);
    }

    #[test]
    fn refuses_to_read_what_it_cannot_store() {
        let stored =
            |e: Event| serde_json::from_str::<Events>(&serde_json::to_string(&[e]).unwrap());
        let sleep = |t, until| {
            Event::new(
                t,
                TaskId(1),
                None,
                EventKind::Suspended {
                    reason: Reason::Sleep { until },
                },
            )
        };
        assert!(stored(sleep(1.0, 2.0)).is_ok());
        assert!(stored(sleep(-1.0, 2.0)).is_err());
        assert!(stored(sleep(1.0, 1e12)).is_err());
        assert!(stored(Event::new(
            0.0,
            TaskId(1),
            Some(1 << 24),
            EventKind::Resumed
        ))
        .is_err());
    }
}
