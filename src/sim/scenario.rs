//! The scenario model: named coroutines made of steps, plus how `main` starts them.
//!
//! This is also the JSON format of share links, import and export (see README.md), so
//! field names are part of the public format: rename nothing without a migration.

use serde::{Deserialize, Serialize};

/// Milliseconds of virtual time, as written in a scenario.
pub type Millis = u64;

/// A whole program: coroutine definitions, shared resources, and `main`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    #[serde(default)]
    pub name: String,
    pub coroutines: Vec<Coroutine>,
    pub main: Main,
    /// Semaphores, locks and queues, shared by every coroutine (module-level objects).
    #[serde(default)]
    pub resources: Vec<Resource>,
    /// Worker threads of the default executor used by `run_in_executor`.
    #[serde(default = "default_workers")]
    pub executor_workers: u32,
    /// Seed for latency jitter; the same seed gives the same trace.
    #[serde(default)]
    pub seed: u64,
    /// The learner's own program, when the scenario came from the code editor: saved and
    /// shared with the scenario so the editor shows it again. Ignored by validation and
    /// the simulation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

fn default_workers() -> u32 {
    4
}

/// `async def name(): ...`
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coroutine {
    pub name: String,
    pub steps: Vec<Step>,
}

/// How `main()` starts the top-level coroutines listed in `run`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Main {
    pub mode: StartMode,
    /// Coroutine names, in order; a name may appear more than once.
    pub run: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StartMode {
    /// `await a(); await b(); ...` — one after another, inside the main task.
    Sequential,
    /// `await asyncio.gather(a(), b(), ...)` — each in a task of its own.
    Concurrent,
}

impl StartMode {
    /// Its name in the scenario format and in words: `sequential`, `concurrent`.
    pub fn name(self) -> &'static str {
        match self {
            StartMode::Sequential => "sequential",
            StartMode::Concurrent => "concurrent",
        }
    }
}

/// A module-level synchronisation object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    pub name: String,
    pub kind: ResourceKind,
}

/// (Read from JSON by `scenario_de.rs`.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum ResourceKind {
    /// `asyncio.Semaphore(permits)`
    Semaphore { permits: u32 },
    /// `asyncio.Lock()`
    Lock,
    /// `asyncio.Queue(maxsize)`; 0 means unbounded.
    Queue { maxsize: u32 },
}

/// Something a coroutine can `await`: a coroutine called inline, or a task handle.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Awaitable {
    /// `await name()` / a coroutine object passed to gather or wait_for.
    Coroutine(String),
    /// `await handle` where `handle = asyncio.create_task(...)` earlier.
    Task(String),
}

/// One statement of a coroutine, each the counterpart of an asyncio call. (Read from
/// JSON by `scenario_de.rs`.)
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "op")]
pub enum Step {
    /// `await asyncio.sleep(ms / 1000)`
    Sleep { ms: Millis },
    /// Non-blocking I/O: `await fetch(url)` taking `latency_ms` (± jitter), failing with
    /// `fail` (an exception name such as `ConnectionError`) if set.
    Fetch {
        url: String,
        latency_ms: Millis,
        #[serde(skip_serializing_if = "is_zero")]
        jitter_ms: Millis,
        #[serde(skip_serializing_if = "is_zero")]
        size_bytes: u64,
        #[serde(skip_serializing_if = "Option::is_none")]
        fail: Option<String>,
    },
    /// Blocking work on the loop's thread (`time.sleep`, CPU work): nothing else runs.
    Compute { ms: Millis },
    /// `await loop.run_in_executor(None, blocking, ms)`: blocking work on a worker thread.
    RunInExecutor { ms: Millis },
    /// `handle = asyncio.create_task(coroutine())`
    CreateTask { coroutine: String, handle: String },
    /// `await coroutine()` or `await handle`
    Await { target: Awaitable },
    /// `await asyncio.gather(*items, return_exceptions=...)`
    Gather {
        items: Vec<Awaitable>,
        return_exceptions: bool,
    },
    /// `await asyncio.wait_for(target, timeout=timeout_ms / 1000)`
    WaitFor {
        target: Awaitable,
        timeout_ms: Millis,
    },
    /// `handle.cancel()`
    Cancel { handle: String },
    /// `raise Error(message)`
    Raise {
        error: String,
        #[serde(skip_serializing_if = "String::is_empty")]
        message: String,
    },
    /// `try: body except error: handler` (`error` None catches any `Exception`).
    Try {
        body: Vec<Step>,
        #[serde(skip_serializing_if = "Option::is_none")]
        error: Option<String>,
        handler: Vec<Step>,
    },
    /// `async with resource: body` for a semaphore or a lock.
    With { resource: String, body: Vec<Step> },
    /// `await queue.put(item)`
    Put { queue: String, item: String },
    /// `item = await queue.get()`
    Get { queue: String },
    /// `async for item in ticker(items, every_ms): body` — an async generator that
    /// yields `items` items, one every `every_ms`.
    AsyncFor {
        items: u32,
        every_ms: Millis,
        body: Vec<Step>,
    },
    /// `for _ in range(times): body`
    Repeat { times: u32, body: Vec<Step> },
    /// `print(text)`, shown on the timeline at its instant.
    Print { text: String },
    /// `return value`
    Return { value: String },
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl Step {
    /// The nested blocks of this step, in execution order.
    pub fn blocks(&self) -> Vec<&[Step]> {
        match self {
            Step::Try { body, handler, .. } => vec![body, handler],
            Step::With { body, .. } | Step::AsyncFor { body, .. } | Step::Repeat { body, .. } => {
                vec![body]
            }
            _ => Vec::new(),
        }
    }

    /// A short name of the operation, as used in messages (`sleep`, `fetch`, ...).
    pub fn op(&self) -> &'static str {
        match self {
            Step::Sleep { .. } => "sleep",
            Step::Fetch { .. } => "fetch",
            Step::Compute { .. } => "compute",
            Step::RunInExecutor { .. } => "run_in_executor",
            Step::CreateTask { .. } => "create_task",
            Step::Await { .. } => "await",
            Step::Gather { .. } => "gather",
            Step::WaitFor { .. } => "wait_for",
            Step::Cancel { .. } => "cancel",
            Step::Raise { .. } => "raise",
            Step::Try { .. } => "try",
            Step::With { .. } => "async with",
            Step::Put { .. } => "put",
            Step::Get { .. } => "get",
            Step::AsyncFor { .. } => "async for",
            Step::Repeat { .. } => "repeat",
            Step::Print { .. } => "print",
            Step::Return { .. } => "return",
        }
    }
}

impl Scenario {
    /// Parses the JSON format, with a message a learner can act on when it is wrong.
    pub fn from_json(text: &str) -> Result<Scenario, String> {
        serde_json::from_str(text)
            .map_err(|e| format!("This is not a valid scenario: {}.", plain_json_error(&e)))
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a scenario always serializes")
    }

    /// The same scenario with `main` started in the given mode.
    pub fn with_mode(&self, mode: StartMode) -> Scenario {
        let mut s = self.clone();
        s.main.mode = mode;
        s
    }
}

/// serde's message about a value of the wrong kind in plain words ("at line 12,
/// column 8: a whole number of 0 or more was expected, not -5"); other messages
/// (syntax, a missing or unknown field) are already plain and are kept.
pub(crate) fn plain_json_error(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let body = text
        .rsplit_once(" at line ")
        .map_or(text.as_str(), |(b, _)| b);
    let wrong = body
        .strip_prefix("invalid value: ")
        .or_else(|| body.strip_prefix("invalid type: "))
        .and_then(|rest| rest.split_once(", expected "));
    let Some((got, expected)) = wrong else {
        return text;
    };
    let quoted = |s: &str| s.split('`').nth(1).map(str::to_string);
    let got = match got {
        g if g.starts_with("integer") || g.starts_with("floating point") => {
            quoted(g).unwrap_or_else(|| g.to_string())
        }
        g => g
            .strip_prefix("string ")
            .map_or_else(|| g.to_string(), |t| format!("the text {t}")),
    };
    let expected = match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number of 0 or more".to_string(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number".to_string(),
        "f32" | "f64" => "a number".to_string(),
        other => other.to_string(),
    };
    format!(
        "at line {}, column {}: {expected} was expected, not {got}",
        e.line(),
        e.column()
    )
}
