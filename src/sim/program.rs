//! Validation: a [`Scenario`] becomes a [`Program`] the event loop can run, or a
//! [`ScenarioError`] that names the coroutine, the step and what to do instead.

use super::scenario::{
    Awaitable, Coroutine, Main, Millis, ResourceKind, Scenario, StartMode, Step,
};
use super::trace::{ResourceInfo, StepId, StepInfo};
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: names are short and come from the scenario, so a fast non-keyed hash is fine
/// (validation looks up a name for every item of a gather).
#[derive(Default)]
pub(super) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(super) type NameMap<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;

/// A coroutine called by a step (`await c()`, `create_task(c())`, a gather item), resolved.
const NO_CALL: u32 = u32::MAX;

/// Longest single duration a step may ask for (one hour).
pub const MAX_STEP_MS: Millis = 3_600_000;
/// Most iterations of `repeat` or items of `async for`.
pub const MAX_ITERATIONS: u32 = 100_000;
/// Most steps in a scenario, counting nested ones.
pub const MAX_STEPS: usize = 100_000;
/// Most permits of a semaphore, most workers of the executor.
pub const MAX_PERMITS: u32 = 10_000;
pub const MAX_WORKERS: u32 = 64;

/// Why a scenario cannot run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioError {
    /// The coroutine at fault, if the fault is inside one.
    pub coroutine: Option<String>,
    /// 1-based position of the step in its coroutine (pre-order), and its operation.
    pub step: Option<(usize, &'static str)>,
    pub message: String,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.coroutine, self.step) {
            (Some(c), Some((n, op))) => write!(f, "In `{c}`, step {n} ({op}): {}", self.message),
            (Some(c), None) => write!(f, "In `{c}`: {}", self.message),
            _ => write!(f, "{}", self.message),
        }
    }
}

impl std::error::Error for ScenarioError {}

/// A validated scenario with its names resolved and its steps numbered.
#[derive(Debug)]
pub struct Program {
    /// The scenario with `main` written out as a last coroutine (and `main.run` left
    /// empty: those steps are what it said).
    pub scenario: Scenario,
    /// Index of `main` in `scenario.coroutines`.
    pub main: usize,
    coroutine_index: NameMap<usize>,
    resource_index: NameMap<u32>,
    /// For each step id, the coroutine index of each coroutine it calls or wraps in a
    /// task (one per gather item; `NO_CALL` for a task handle), so that running a step
    /// looks up no name.
    calls: Vec<Box<[u32]>>,
    /// About how many events a run records, to size the trace up front.
    event_estimate: usize,
    /// First step id of each coroutine.
    pub first_step: Vec<StepId>,
    /// Size of the subtree of each step id (the step and everything nested in it).
    pub subtree: Vec<u32>,
    pub steps: Vec<StepInfo>,
    pub resources: Vec<ResourceInfo>,
}

impl Program {
    pub fn coroutine(&self, name: &str) -> usize {
        self.coroutine_index[name]
    }

    pub fn resource(&self, name: &str) -> u32 {
        self.resource_index[name]
    }

    /// The coroutine that item `item` of step `step` calls (see [`Step::Gather`]; 0 for
    /// the other steps that call one).
    pub fn callee(&self, step: StepId, item: usize) -> usize {
        let c = self.calls[step as usize][item];
        debug_assert!(c != NO_CALL);
        c as usize
    }

    /// About how many events a run of this program records (an estimate from its steps,
    /// used only to reserve the trace's memory).
    pub fn event_estimate(&self) -> usize {
        self.event_estimate
    }
}

impl Scenario {
    /// Checks every name, number and reference, and numbers the steps.
    pub fn validate(&self) -> Result<Program, ScenarioError> {
        let top = |message: String| ScenarioError {
            coroutine: None,
            step: None,
            message,
        };
        if self.coroutines.is_empty() {
            return Err(top("Add at least one coroutine.".into()));
        }
        if !(1..=MAX_WORKERS).contains(&self.executor_workers) {
            return Err(top(format!(
                "The executor needs between 1 and {MAX_WORKERS} workers, not {}.",
                self.executor_workers
            )));
        }
        let mut coroutine_index = NameMap::default();
        for (i, c) in self.coroutines.iter().enumerate() {
            check_identifier(&c.name, "A coroutine").map_err(top)?;
            if c.name == "main" {
                return Err(top(
                    "`main` is written for you from the start mode; rename this coroutine.".into(),
                ));
            }
            if coroutine_index.insert(c.name.clone(), i).is_some() {
                return Err(top(format!(
                    "Two coroutines are named `{}`; rename one.",
                    c.name
                )));
            }
        }
        let mut resource_index = NameMap::default();
        let mut resources = Vec::new();
        for r in &self.resources {
            check_identifier(&r.name, "A resource").map_err(top)?;
            if coroutine_index.contains_key(&r.name) {
                return Err(top(format!(
                    "`{}` names both a coroutine and a resource; rename one.",
                    r.name
                )));
            }
            let (kind, capacity) = match r.kind {
                ResourceKind::Semaphore { permits } => {
                    if !(1..=MAX_PERMITS).contains(&permits) {
                        return Err(top(format!(
                            "Semaphore `{}` needs between 1 and {MAX_PERMITS} permits, not {permits}.",
                            r.name
                        )));
                    }
                    ("semaphore", permits)
                }
                ResourceKind::Lock => ("lock", 1),
                ResourceKind::Queue { maxsize } => {
                    if maxsize > MAX_ITERATIONS {
                        return Err(top(format!(
                            "Queue `{}` may hold at most {MAX_ITERATIONS} items (0 for no limit), not {maxsize}.",
                            r.name
                        )));
                    }
                    ("queue", maxsize)
                }
            };
            let id = resources.len() as u32;
            if resource_index.insert(r.name.clone(), id).is_some() {
                return Err(top(format!(
                    "Two resources are named `{}`; rename one.",
                    r.name
                )));
            }
            resources.push(ResourceInfo {
                name: r.name.clone(),
                kind: kind.into(),
                capacity,
            });
        }
        // `main.run` is read run by run of equal names (it often repeats one thousands
        // of times): checked, numbered and estimated once per run.
        let main_runs = runs(&self.main.run);
        for (name, _) in &main_runs {
            if !coroutine_index.contains_key(*name) {
                return Err(top(format!(
                    "main() runs `{name}`, but no coroutine has that name."
                )));
            }
        }
        let mut checker = Checker {
            scenario: self,
            coroutine_index: &coroutine_index,
            subtree: Vec::new(),
            steps: Vec::new(),
            calls: Vec::new(),
            coroutine: "",
            position: 0,
            handles: Vec::new(),
        };
        // `main.run` is written out as main's steps below, so it is not copied again.
        let mut scenario = Scenario {
            name: self.name.clone(),
            coroutines: self.coroutines.clone(),
            main: Main {
                mode: self.main.mode,
                run: Vec::new(),
            },
            resources: self.resources.clone(),
            executor_workers: self.executor_workers,
            seed: self.seed,
            source: self.source.clone(),
        };
        scenario.coroutines.push(Coroutine {
            name: "main".into(),
            steps: main_steps(&self.main),
        });
        let main = scenario.coroutines.len() - 1;
        let mut first_step = Vec::new();
        for c in &scenario.coroutines[..main] {
            first_step.push(checker.steps.len() as StepId);
            checker.coroutine = &c.name;
            checker.position = 0;
            checker.handles.clear();
            checker.block(&c.steps)?;
        }
        first_step.push(checker.steps.len() as StepId);
        checker.main(self.main.mode, &main_runs)?;
        let (subtree, steps, calls) = (checker.subtree, checker.steps, checker.calls);
        coroutine_index.insert("main".into(), main);
        let event_estimate =
            estimate_events(&scenario, &coroutine_index, self.main.mode, &main_runs);
        Ok(Program {
            scenario,
            main,
            coroutine_index,
            resource_index,
            calls,
            event_estimate,
            first_step,
            subtree,
            steps,
            resources,
        })
    }
}

/// `main()` as the start mode writes it. Its coroutine names are left empty (no copy
/// of `main.run`, which may name thousands): [`Checker::main`] resolves them from
/// `main.run` into [`Program::callee`], which is all the interpreter reads.
fn main_steps(main: &Main) -> Vec<Step> {
    let unnamed = || Awaitable::Coroutine(String::new());
    match main.mode {
        StartMode::Sequential => main
            .run
            .iter()
            .map(|_| Step::Await { target: unnamed() })
            .collect(),
        StartMode::Concurrent if main.run.is_empty() => Vec::new(),
        StartMode::Concurrent => vec![Step::Gather {
            items: main.run.iter().map(|_| unnamed()).collect(),
            return_exceptions: false,
        }],
    }
}

fn check_identifier(name: &str, what: &str) -> Result<(), String> {
    let mut chars = name.chars();
    let ok = matches!(chars.next(), Some(c) if c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric());
    if !ok {
        return Err(format!(
            "{what} name must be a Python identifier (letters, digits, _; not starting with a digit), not `{name}`."
        ));
    }
    if PYTHON_KEYWORDS.contains(&name) {
        return Err(format!(
            "{what} cannot be named `{name}`: that is a Python keyword."
        ));
    }
    Ok(())
}

const PYTHON_KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield", "asyncio", "time", "loop", "fetch", "print", "range",
];

struct Checker<'a> {
    scenario: &'a Scenario,
    coroutine_index: &'a NameMap<usize>,
    subtree: Vec<u32>,
    steps: Vec<StepInfo>,
    calls: Vec<Box<[u32]>>,
    coroutine: &'a str,
    position: usize,
    handles: Vec<String>,
}

impl<'a> Checker<'a> {
    fn block(&mut self, steps: &'a [Step]) -> Result<(), ScenarioError> {
        for step in steps {
            self.step(step)?;
        }
        Ok(())
    }

    fn step(&mut self, step: &'a Step) -> Result<(), ScenarioError> {
        self.position += 1;
        let id = self.steps.len();
        self.check(step).map_err(|message| ScenarioError {
            coroutine: Some(self.coroutine.to_string()),
            step: Some((self.position, step.op())),
            message,
        })?;
        if id >= MAX_STEPS {
            return Err(ScenarioError {
                coroutine: Some(self.coroutine.to_string()),
                step: None,
                message: format!("A scenario may have at most {MAX_STEPS} steps."),
            });
        }
        self.steps.push(StepInfo {
            coroutine: self.coroutine.to_string(),
            label: label(step),
            line: 0,
        });
        let index = |target: &Awaitable| match target {
            Awaitable::Coroutine(name) => self.coroutine_index[name.as_str()] as u32,
            Awaitable::Task(_) => NO_CALL,
        };
        self.calls.push(match step {
            Step::CreateTask { coroutine, .. } => {
                Box::new([self.coroutine_index[coroutine.as_str()] as u32])
            }
            Step::Await { target } | Step::WaitFor { target, .. } => Box::new([index(target)]),
            Step::Gather { items, .. } => once_per_run(items, index).collect(),
            _ => Box::new([]),
        });
        self.subtree.push(1);
        for block in step.blocks() {
            self.block(block)?;
        }
        self.subtree[id] = (self.steps.len() - id) as u32;
        Ok(())
    }

    /// Numbers `main`'s steps, which [`main_steps`] wrote from `main.run`, given in
    /// runs of equal names (known: `validate` checked them).
    fn main(&mut self, mode: StartMode, runs: &[(&String, usize)]) -> Result<(), ScenarioError> {
        let index = self.coroutine_index;
        match mode {
            StartMode::Sequential => {
                for &(name, times) in runs {
                    let callee = index[name.as_str()] as u32;
                    for _ in 0..times {
                        self.main_step(format!("await {name}()"), Box::new([callee]))?;
                    }
                }
            }
            StartMode::Concurrent if runs.is_empty() => {}
            StartMode::Concurrent => {
                let items = runs
                    .iter()
                    .map(|&(name, times)| ((name.as_str(), true), times));
                let mut calls = Vec::new();
                for &(name, times) in runs {
                    calls.extend(std::iter::repeat_n(index[name.as_str()] as u32, times));
                }
                self.main_step(gather_label(items, false), calls.into())?;
            }
        }
        Ok(())
    }

    /// Numbers one of `main`'s steps, which calls the coroutines `calls`.
    fn main_step(&mut self, label: String, calls: Box<[u32]>) -> Result<(), ScenarioError> {
        if self.steps.len() >= MAX_STEPS {
            return Err(ScenarioError {
                coroutine: Some("main".into()),
                step: None,
                message: format!("A scenario may have at most {MAX_STEPS} steps."),
            });
        }
        self.steps.push(StepInfo {
            coroutine: "main".into(),
            label,
            line: 0,
        });
        self.calls.push(calls);
        self.subtree.push(1);
        Ok(())
    }

    fn check(&mut self, step: &Step) -> Result<(), String> {
        match step {
            Step::Sleep { ms } | Step::Compute { ms } | Step::RunInExecutor { ms } => {
                duration("duration", *ms)
            }
            Step::Fetch {
                url,
                latency_ms,
                jitter_ms,
                fail,
                ..
            } => {
                if url.trim().is_empty() {
                    return Err("Give the fetch a URL, e.g. /api/users/1.".into());
                }
                duration("latency", *latency_ms)?;
                duration("jitter", *jitter_ms)?;
                match fail {
                    Some(error) => check_identifier(error, "An exception"),
                    None => Ok(()),
                }
            }
            Step::CreateTask { coroutine, handle } => {
                self.known_coroutine(coroutine)?;
                check_identifier(handle, "A task handle")?;
                if self.coroutine_index.contains_key(handle) {
                    return Err(format!(
                        "The handle `{handle}` has the name of a coroutine; name it e.g. `{handle}_task`."
                    ));
                }
                self.handles.push(handle.clone());
                Ok(())
            }
            Step::Await { target } | Step::WaitFor { target, .. } => {
                self.awaitable(target)?;
                if let Step::WaitFor { timeout_ms, .. } = step {
                    duration("timeout", *timeout_ms)?;
                }
                Ok(())
            }
            Step::Gather { items, .. } => {
                if items.is_empty() {
                    return Err("gather() needs at least one coroutine or task.".into());
                }
                once_per_run(items, |item| self.awaitable(item)).collect()
            }
            Step::Cancel { handle } => self.known_handle(handle),
            Step::Raise { error, .. } => check_identifier(error, "An exception"),
            Step::Try { error, .. } => match error {
                Some(error) => check_identifier(error, "An exception"),
                None => Ok(()),
            },
            Step::With { resource, .. } => self.resource_of(
                resource,
                |k| !matches!(k, ResourceKind::Queue { .. }),
                "a semaphore or a lock",
            ),
            Step::Put { queue, .. } | Step::Get { queue } => self.resource_of(
                queue,
                |k| matches!(k, ResourceKind::Queue { .. }),
                "a queue",
            ),
            Step::AsyncFor {
                items, every_ms, ..
            } => {
                iterations(*items)?;
                duration("interval", *every_ms)
            }
            Step::Repeat { times, .. } => iterations(*times),
            Step::Print { .. } | Step::Return { .. } => Ok(()),
        }
    }

    fn known_coroutine(&self, name: &str) -> Result<(), String> {
        if self.coroutine_index.contains_key(name) {
            Ok(())
        } else {
            Err(format!("There is no coroutine named `{name}`."))
        }
    }

    fn known_handle(&self, handle: &str) -> Result<(), String> {
        if self.handles.iter().any(|h| h == handle) {
            Ok(())
        } else {
            Err(format!(
                "There is no task `{handle}` yet: create it with create_task in an earlier step of `{}`.",
                self.coroutine
            ))
        }
    }

    fn awaitable(&self, target: &Awaitable) -> Result<(), String> {
        match target {
            Awaitable::Coroutine(name) => self.known_coroutine(name),
            Awaitable::Task(handle) => self.known_handle(handle),
        }
    }

    fn resource_of(
        &self,
        name: &str,
        fits: impl Fn(&ResourceKind) -> bool,
        wanted: &str,
    ) -> Result<(), String> {
        match self.scenario.resources.iter().find(|r| r.name == name) {
            Some(r) if fits(&r.kind) => Ok(()),
            Some(_) => Err(format!("`{name}` is not {wanted}.")),
            None => Err(format!(
                "There is no resource named `{name}`: add {wanted} with that name."
            )),
        }
    }
}

fn duration(what: &str, ms: Millis) -> Result<(), String> {
    if ms > MAX_STEP_MS {
        Err(format!(
            "a {what} of {ms} ms is more than the limit of {MAX_STEP_MS} ms (one hour)."
        ))
    } else {
        Ok(())
    }
}

fn iterations(n: u32) -> Result<(), String> {
    if n > MAX_ITERATIONS {
        Err(format!(
            "{n} iterations is more than the limit of {MAX_ITERATIONS}."
        ))
    } else {
        Ok(())
    }
}

/// Seconds as Python writes a float: `1.0`, `0.25`.
pub fn seconds(ms: Millis) -> String {
    format!("{:?}", ms as f64 / 1000.0)
}

fn awaitable_label(target: &Awaitable) -> String {
    match target {
        Awaitable::Coroutine(name) => format!("{name}()"),
        Awaitable::Task(handle) => handle.clone(),
    }
}

/// Items in runs of equal items in a row, each with its length.
fn runs<T: PartialEq>(items: impl IntoIterator<Item = T>) -> Vec<(T, usize)> {
    let mut runs: Vec<(T, usize)> = Vec::new();
    for item in items {
        match runs.last_mut() {
            Some((last, times)) if *last == item => *times += 1,
            _ => runs.push((item, 1)),
        }
    }
    runs
}

/// `f` of each item, called once per run of equal items in a row: a gather often
/// repeats one coroutine, and a name is then resolved, checked or estimated once.
fn once_per_run<'a, T: PartialEq, R: Clone, F: FnMut(&'a T) -> R>(
    items: &'a [T],
    mut f: F,
) -> impl Iterator<Item = R> + use<'a, T, R, F> {
    runs(items)
        .into_iter()
        .flat_map(move |(item, times)| std::iter::repeat_n(f(item), times))
}

/// `await asyncio.gather(...)` over `items`: names, each a coroutine to call (`true`)
/// or a task handle, in runs of equal ones with their lengths (main's gather of 10,000
/// `worker()`s is one run: written once and repeated, rather than item by item).
fn gather_label<'a>(
    items: impl Iterator<Item = ((&'a str, bool), usize)>,
    return_exceptions: bool,
) -> String {
    let mut label = String::from("await asyncio.gather(");
    let mut first = true;
    for ((name, call), times) in items {
        let one = if call {
            format!("{name}()")
        } else {
            name.to_string()
        };
        if !first {
            label.push_str(", ");
        }
        label.push_str(&one);
        label.push_str(&format!(", {one}").repeat(times - 1));
        first = false;
    }
    if return_exceptions {
        label.push_str(", return_exceptions=True");
    }
    label.push(')');
    label
}

/// The step as one line of Python.
pub fn label(step: &Step) -> String {
    match step {
        Step::Sleep { ms } => format!("await asyncio.sleep({})", seconds(*ms)),
        Step::Fetch { url, .. } => format!("await fetch({url:?})"),
        Step::Compute { ms } => format!("time.sleep({})", seconds(*ms)),
        Step::RunInExecutor { ms } => format!(
            "await loop.run_in_executor(None, blocking, {})",
            seconds(*ms)
        ),
        Step::CreateTask { coroutine, handle } => {
            format!("{handle} = asyncio.create_task({coroutine}())")
        }
        Step::Await { target } => format!("await {}", awaitable_label(target)),
        Step::Gather {
            items,
            return_exceptions,
        } => {
            let items = items.iter().map(|item| match item {
                Awaitable::Coroutine(name) => (name.as_str(), true),
                Awaitable::Task(handle) => (handle.as_str(), false),
            });
            gather_label(runs(items).into_iter(), *return_exceptions)
        }
        Step::WaitFor { target, timeout_ms } => format!(
            "await asyncio.wait_for({}, timeout={})",
            awaitable_label(target),
            seconds(*timeout_ms)
        ),
        Step::Cancel { handle } => format!("{handle}.cancel()"),
        Step::Raise { error, message } => format!("raise {error}({message:?})"),
        Step::Try { error, .. } => match error {
            Some(e) => format!("try: … except {e}:"),
            None => "try: … except Exception:".into(),
        },
        Step::With { resource, .. } => format!("async with {resource}:"),
        Step::Put { queue, item } => format!("await {queue}.put({item:?})"),
        Step::Get { queue } => format!("item = await {queue}.get()"),
        Step::AsyncFor {
            items, every_ms, ..
        } => {
            format!("async for item in ticker({items}, {}):", seconds(*every_ms))
        }
        Step::Repeat { times, .. } => format!("for _ in range({times}):"),
        Step::Print { text } => format!("print({text:?})"),
        Step::Return { value } => format!("return {value:?}"),
    }
}

/// Events of one wait: suspended, its callback scheduled, the callback waking the task
/// (`Woke`), resumed.
const WAIT_EVENTS: usize = 4;

/// About how many events a run records: per task its creation, first step, end and the
/// callbacks around them; per wait its [`WAIT_EVENTS`]; loops multiplied out; each
/// coroutine counted once per call (a recursive call counts as nothing: recursion is
/// bounded at run time anyway), and a thirty-second added for the loop's own ticks.
/// Only used to reserve memory: a wrong guess costs a reallocation (too low) or
/// untouched reserved memory (too high), never a difference in the trace.
fn estimate_events(
    scenario: &Scenario,
    index: &NameMap<usize>,
    mode: StartMode,
    main_runs: &[(&String, usize)],
) -> usize {
    struct Estimate<'a> {
        s: &'a Scenario,
        index: &'a NameMap<usize>,
        /// Per coroutine: `None` not yet seen, `Some(None)` being estimated.
        memo: Vec<Option<Option<usize>>>,
    }
    impl Estimate<'_> {
        fn coroutine(&mut self, name: &str) -> usize {
            let c = self.index[name];
            match self.memo[c] {
                Some(Some(n)) => n,
                Some(None) => 0,
                None => {
                    self.memo[c] = Some(None);
                    let s = self.s;
                    let n = self.block(&s.coroutines[c].steps);
                    self.memo[c] = Some(Some(n));
                    n
                }
            }
        }
        fn call(&mut self, target: &Awaitable) -> usize {
            match target {
                // A new task: created, scheduled, started, ended, its waiter's callback.
                Awaitable::Coroutine(name) => self.coroutine(name).saturating_add(5),
                Awaitable::Task(_) => WAIT_EVENTS,
            }
        }
        fn block(&mut self, steps: &[Step]) -> usize {
            steps.iter().fold(0usize, |n, step| {
                let here = match step {
                    Step::Sleep { .. }
                    | Step::Fetch { .. }
                    | Step::Put { .. }
                    | Step::Get { .. } => WAIT_EVENTS,
                    // The job's start and end on a worker, then the wait.
                    Step::RunInExecutor { .. } => WAIT_EVENTS + 2,
                    Step::Compute { .. } => 2,
                    Step::CreateTask { coroutine, .. } => {
                        self.coroutine(coroutine).saturating_add(4)
                    }
                    Step::Await { target } => match target {
                        Awaitable::Coroutine(name) => self.coroutine(name),
                        Awaitable::Task(_) => WAIT_EVENTS,
                    },
                    Step::WaitFor { target, .. } => self.call(target).saturating_add(WAIT_EVENTS),
                    Step::Gather { items, .. } => once_per_run(items, |item| self.call(item))
                        .fold(WAIT_EVENTS, usize::saturating_add),
                    Step::Try { body, handler, .. } => {
                        let body = self.block(body);
                        body.saturating_add(self.block(handler) / 2)
                    }
                    Step::With { body, .. } => self.block(body).saturating_add(4),
                    Step::AsyncFor { items, body, .. } => (*items as usize)
                        .saturating_mul(self.block(body).saturating_add(WAIT_EVENTS)),
                    Step::Repeat { times, body } => {
                        (*times as usize).saturating_mul(self.block(body))
                    }
                    Step::Raise { .. }
                    | Step::Print { .. }
                    | Step::Return { .. }
                    | Step::Cancel { .. } => 1,
                };
                n.saturating_add(here)
            })
        }
    }
    let mut estimate = Estimate {
        s: scenario,
        index,
        memo: vec![None; scenario.coroutines.len()],
    };
    // `main`'s steps, as `main_steps` writes them from `main.run`.
    let mut calls = main_runs
        .iter()
        .map(|&(name, times)| {
            let one = match mode {
                StartMode::Sequential => estimate.coroutine(name),
                StartMode::Concurrent => estimate.coroutine(name).saturating_add(5),
            };
            one.saturating_mul(times)
        })
        .fold(0, usize::saturating_add);
    if mode == StartMode::Concurrent && !main_runs.is_empty() {
        calls = calls.saturating_add(WAIT_EVENTS);
    }
    let n = calls.saturating_add(7);
    n.saturating_add(n / 32)
}
