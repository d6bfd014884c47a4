//! Editing operations on a [`Scenario`]: the pure functions behind every form of the
//! Scenario panel. Each takes the current scenario and returns the edited copy, which the
//! panel dispatches as `Action::Edit`; an operation on a path that does not exist returns
//! the scenario unchanged. Also: where a step sits (its [`StepPath`] and its 1-based
//! pre-order position, as [`crate::sim::ScenarioError`] counts), the default step of each
//! [`StepKind`], and careful parsing of what a learner types into number fields.
//!
//! No yew, no web-sys: tested natively. Validation stays in `sim`; this module only
//! refuses edits that would lose information (such as renaming onto an existing name).

use crate::sim::program::{MAX_ITERATIONS, MAX_PERMITS, MAX_STEP_MS, MAX_WORKERS};
use crate::sim::{Awaitable, Coroutine, Resource, ResourceKind, Scenario, Step};

/// A list of steps: a coroutine's body, or a block nested in steps of it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct BlockPath {
    /// Index of the coroutine in `Scenario::coroutines`.
    pub coroutine: usize,
    /// From the coroutine's body inwards: (index of a step, index of one of its blocks),
    /// blocks numbered as [`Step::blocks`] lists them (try: 0 body, 1 handler).
    pub nest: Vec<(usize, usize)>,
}

/// One step: its block and its index in that block.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct StepPath {
    pub block: BlockPath,
    pub index: usize,
}

impl BlockPath {
    /// The body of coroutine `coroutine`.
    pub fn body(coroutine: usize) -> BlockPath {
        BlockPath {
            coroutine,
            nest: Vec::new(),
        }
    }

    /// Block `block` of the step at `index` of this block.
    pub fn inner(&self, index: usize, block: usize) -> BlockPath {
        let mut nest = self.nest.clone();
        nest.push((index, block));
        BlockPath {
            coroutine: self.coroutine,
            nest,
        }
    }

    pub fn step(&self, index: usize) -> StepPath {
        StepPath {
            block: self.clone(),
            index,
        }
    }

    /// A stable string for element ids: `c0-b2.1-b0.0`.
    pub fn key(&self) -> String {
        let mut key = format!("c{}", self.coroutine);
        for (i, b) in &self.nest {
            key.push_str(&format!("-s{i}.{b}"));
        }
        key
    }
}

impl StepPath {
    pub fn key(&self) -> String {
        format!("{}-{}", self.block.key(), self.index)
    }
}

/// The nested blocks of a step, mutably, in the order of [`Step::blocks`].
fn blocks_mut(step: &mut Step) -> Vec<&mut Vec<Step>> {
    match step {
        Step::Try { body, handler, .. } => vec![body, handler],
        Step::With { body, .. } | Step::AsyncFor { body, .. } | Step::Repeat { body, .. } => {
            vec![body]
        }
        _ => Vec::new(),
    }
}

fn block_mut<'a>(scenario: &'a mut Scenario, path: &BlockPath) -> Option<&'a mut Vec<Step>> {
    let mut block = &mut scenario.coroutines.get_mut(path.coroutine)?.steps;
    for &(index, which) in &path.nest {
        let step = block.get_mut(index)?;
        block = blocks_mut(step).into_iter().nth(which)?;
    }
    Some(block)
}

/// The step at a path, if there is one.
pub fn step_at<'a>(scenario: &'a Scenario, path: &StepPath) -> Option<&'a Step> {
    let mut block: &[Step] = &scenario.coroutines.get(path.block.coroutine)?.steps;
    for &(index, which) in &path.block.nest {
        block = block.get(index)?.blocks().into_iter().nth(which)?;
    }
    block.get(path.index)
}

/// Appends `step` to the block at `path`.
pub fn add_step(scenario: &Scenario, path: &BlockPath, step: Step) -> Scenario {
    let mut s = scenario.clone();
    if let Some(block) = block_mut(&mut s, path) {
        block.push(step);
        return s;
    }
    scenario.clone()
}

/// Replaces the step at `path`, keeping the nested blocks of the old one when the new one
/// is of the same kind (forms edit fields, never bodies).
pub fn replace_step(scenario: &Scenario, path: &StepPath, step: Step) -> Scenario {
    let mut s = scenario.clone();
    if let Some(slot) = block_mut(&mut s, &path.block).and_then(|b| b.get_mut(path.index)) {
        *slot = step;
        return s;
    }
    scenario.clone()
}

/// Removes the step at `path` (with everything nested in it).
pub fn remove_step(scenario: &Scenario, path: &StepPath) -> Scenario {
    let mut s = scenario.clone();
    if let Some(block) = block_mut(&mut s, &path.block) {
        if path.index < block.len() {
            block.remove(path.index);
            return s;
        }
    }
    scenario.clone()
}

/// Moves the step at `path` up (`delta` < 0) or down within its block; at an end of the
/// block it stays where it is.
pub fn move_step(scenario: &Scenario, path: &StepPath, delta: isize) -> Scenario {
    let mut s = scenario.clone();
    if let Some(block) = block_mut(&mut s, &path.block) {
        let to = path.index as isize + delta;
        if path.index < block.len() && to >= 0 && (to as usize) < block.len() {
            let step = block.remove(path.index);
            block.insert(to as usize, step);
            return s;
        }
    }
    scenario.clone()
}

/// A name of the form `{stem}{n}` used by no coroutine or resource yet.
pub fn fresh_name(scenario: &Scenario, stem: &str) -> String {
    let taken = |name: &str| {
        scenario.coroutines.iter().any(|c| c.name == name)
            || scenario.resources.iter().any(|r| r.name == name)
    };
    (1..)
        .map(|n| format!("{stem}{n}"))
        .find(|name| !taken(name))
        .unwrap_or_else(|| stem.to_string())
}

/// Adds a coroutine that sleeps for a second, and lets `main` run it.
pub fn add_coroutine(scenario: &Scenario) -> Scenario {
    let mut s = scenario.clone();
    let name = fresh_name(scenario, "task");
    s.coroutines.push(Coroutine {
        name: name.clone(),
        steps: vec![Step::Sleep { ms: 1000 }],
    });
    s.main.run.push(name);
    s
}

/// Removes a coroutine and every place `main` runs it. Steps elsewhere that still name
/// it are left for validation to point out.
pub fn remove_coroutine(scenario: &Scenario, index: usize) -> Scenario {
    let mut s = scenario.clone();
    if index < s.coroutines.len() {
        let removed = s.coroutines.remove(index);
        s.main.run.retain(|name| *name != removed.name);
    }
    s
}

/// Checks a rename of `current` (a coroutine's or a resource's name) to `name`:
/// `Ok(None)` when nothing changes, `Ok(Some((old, new)))` to go ahead, `Err` to refuse
/// an empty name or one already taken.
fn new_name(
    scenario: &Scenario,
    current: Option<&str>,
    name: &str,
    what: &str,
) -> Result<Option<(String, String)>, String> {
    let name = name.trim();
    let Some(old) = current else { return Ok(None) };
    if name == old {
        return Ok(None);
    }
    if name.is_empty() {
        return Err(format!("Give the {what} a name."));
    }
    if scenario.coroutines.iter().any(|c| c.name == name)
        || scenario.resources.iter().any(|r| r.name == name)
    {
        return Err(format!("`{name}` is already taken; choose another name."));
    }
    Ok(Some((old.to_string(), name.to_string())))
}

/// Renames a coroutine and every reference to it: `main`'s list and the targets of
/// `await`, `gather`, `wait_for` and `create_task`. Refuses a name that is empty or
/// already taken (merging two coroutines' references could not be undone).
pub fn rename_coroutine(scenario: &Scenario, index: usize, name: &str) -> Result<Scenario, String> {
    let current = scenario.coroutines.get(index).map(|c| c.name.as_str());
    let Some((old, name)) = new_name(scenario, current, name, "coroutine")? else {
        return Ok(scenario.clone());
    };
    let mut s = scenario.clone();
    s.coroutines[index].name = name.to_string();
    for run in &mut s.main.run {
        if *run == old {
            *run = name.to_string();
        }
    }
    let rename = |target: &mut Awaitable| {
        if let Awaitable::Coroutine(c) = target {
            if *c == old {
                *c = name.to_string();
            }
        }
    };
    for c in &mut s.coroutines {
        for_each_step(&mut c.steps, &mut |step| match step {
            Step::CreateTask { coroutine, .. } if *coroutine == old => {
                *coroutine = name.to_string()
            }
            Step::Await { target } | Step::WaitFor { target, .. } => rename(target),
            Step::Gather { items, .. } => items.iter_mut().for_each(rename),
            _ => {}
        });
    }
    Ok(s)
}

/// Calls `f` on every step of `steps`, nested ones included, in pre-order.
fn for_each_step(steps: &mut [Step], f: &mut impl FnMut(&mut Step)) {
    for step in steps {
        f(step);
        for block in blocks_mut(step) {
            for_each_step(block, f);
        }
    }
}

/// Adds a resource of the given kind under a fresh name.
pub fn add_resource(scenario: &Scenario, kind: ResourceKind) -> Scenario {
    let stem = match kind {
        ResourceKind::Semaphore { .. } => "pool",
        ResourceKind::Lock => "lock",
        ResourceKind::Queue { .. } => "queue",
    };
    let mut s = scenario.clone();
    s.resources.push(Resource {
        name: fresh_name(scenario, stem),
        kind,
    });
    s
}

pub fn remove_resource(scenario: &Scenario, index: usize) -> Scenario {
    let mut s = scenario.clone();
    if index < s.resources.len() {
        s.resources.remove(index);
    }
    s
}

pub fn set_resource_kind(scenario: &Scenario, index: usize, kind: ResourceKind) -> Scenario {
    let mut s = scenario.clone();
    if let Some(r) = s.resources.get_mut(index) {
        r.kind = kind;
    }
    s
}

/// Renames a resource and the steps that use it (`async with`, `put`, `get`).
pub fn rename_resource(scenario: &Scenario, index: usize, name: &str) -> Result<Scenario, String> {
    let current = scenario.resources.get(index).map(|r| r.name.as_str());
    let Some((old, name)) = new_name(scenario, current, name, "resource")? else {
        return Ok(scenario.clone());
    };
    let mut s = scenario.clone();
    s.resources[index].name = name.to_string();
    for c in &mut s.coroutines {
        for_each_step(&mut c.steps, &mut |step| match step {
            Step::With { resource: r, .. }
            | Step::Put { queue: r, .. }
            | Step::Get { queue: r }
                if *r == old =>
            {
                *r = name.to_string();
            }
            _ => {}
        });
    }
    Ok(s)
}

/// Toggles whether `main` runs a coroutine (adding it at the end, or every occurrence
/// off).
pub fn toggle_main_run(scenario: &Scenario, name: &str) -> Scenario {
    let mut s = scenario.clone();
    if s.main.run.iter().any(|n| n == name) {
        s.main.run.retain(|n| n != name);
    } else {
        s.main.run.push(name.to_string());
    }
    s
}

pub fn set_workers(scenario: &Scenario, workers: u32) -> Scenario {
    let mut s = scenario.clone();
    s.executor_workers = workers;
    s
}

/// Every kind of step, as the "add step" menu lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepKind {
    Sleep,
    Fetch,
    Compute,
    RunInExecutor,
    CreateTask,
    Await,
    Gather,
    WaitFor,
    Cancel,
    Raise,
    Try,
    With,
    Put,
    Get,
    AsyncFor,
    Repeat,
    Print,
    Return,
}

impl StepKind {
    pub const ALL: [StepKind; 18] = [
        StepKind::Sleep,
        StepKind::Fetch,
        StepKind::Compute,
        StepKind::RunInExecutor,
        StepKind::CreateTask,
        StepKind::Await,
        StepKind::Gather,
        StepKind::WaitFor,
        StepKind::Cancel,
        StepKind::Raise,
        StepKind::Try,
        StepKind::With,
        StepKind::Put,
        StepKind::Get,
        StepKind::AsyncFor,
        StepKind::Repeat,
        StepKind::Print,
        StepKind::Return,
    ];

    /// What the menu calls it: the Python it writes.
    pub fn name(self) -> &'static str {
        match self {
            StepKind::Sleep => "asyncio.sleep",
            StepKind::Fetch => "await fetch",
            StepKind::Compute => "time.sleep (blocking)",
            StepKind::RunInExecutor => "run_in_executor",
            StepKind::CreateTask => "create_task",
            StepKind::Await => "await",
            StepKind::Gather => "asyncio.gather",
            StepKind::WaitFor => "asyncio.wait_for",
            StepKind::Cancel => "cancel",
            StepKind::Raise => "raise",
            StepKind::Try => "try / except",
            StepKind::With => "async with",
            StepKind::Put => "queue.put",
            StepKind::Get => "queue.get",
            StepKind::AsyncFor => "async for",
            StepKind::Repeat => "for … in range",
            StepKind::Print => "print",
            StepKind::Return => "return",
        }
    }

    /// One line of help for the menu.
    pub fn help(self) -> &'static str {
        match self {
            StepKind::Sleep => "Wait without blocking: other tasks run meanwhile.",
            StepKind::Fetch => "Non-blocking network I/O that takes a while and may fail.",
            StepKind::Compute => "Blocking work on the loop's thread: nothing else runs.",
            StepKind::RunInExecutor => "Blocking work moved to a worker thread, awaited.",
            StepKind::CreateTask => "Start a coroutine as a task now; keep its handle.",
            StepKind::Await => "Run a coroutine to its end, or wait for a task.",
            StepKind::Gather => "Run several at once and wait for all of them.",
            StepKind::WaitFor => "Await with a time limit; cancels on timeout.",
            StepKind::Cancel => "Cancel a task started earlier with create_task.",
            StepKind::Raise => "Raise an exception.",
            StepKind::Try => "Run steps and handle an exception they raise.",
            StepKind::With => "Hold a semaphore or a lock around some steps.",
            StepKind::Put => "Put an item on a queue (waits while it is full).",
            StepKind::Get => "Take an item from a queue (waits while it is empty).",
            StepKind::AsyncFor => "Loop over an async generator that yields now and then.",
            StepKind::Repeat => "Repeat some steps a number of times.",
            StepKind::Print => "Print a line, shown on the timeline.",
            StepKind::Return => "Return a value from the coroutine.",
        }
    }

    pub fn of(step: &Step) -> StepKind {
        match step {
            Step::Sleep { .. } => StepKind::Sleep,
            Step::Fetch { .. } => StepKind::Fetch,
            Step::Compute { .. } => StepKind::Compute,
            Step::RunInExecutor { .. } => StepKind::RunInExecutor,
            Step::CreateTask { .. } => StepKind::CreateTask,
            Step::Await { .. } => StepKind::Await,
            Step::Gather { .. } => StepKind::Gather,
            Step::WaitFor { .. } => StepKind::WaitFor,
            Step::Cancel { .. } => StepKind::Cancel,
            Step::Raise { .. } => StepKind::Raise,
            Step::Try { .. } => StepKind::Try,
            Step::With { .. } => StepKind::With,
            Step::Put { .. } => StepKind::Put,
            Step::Get { .. } => StepKind::Get,
            Step::AsyncFor { .. } => StepKind::AsyncFor,
            Step::Repeat { .. } => StepKind::Repeat,
            Step::Print { .. } => StepKind::Print,
            Step::Return { .. } => StepKind::Return,
        }
    }

    /// A new step of this kind for coroutine `coroutine`, naming things that exist where
    /// it can (another coroutine, a resource of the right kind, a handle created earlier).
    pub fn default_step(self, scenario: &Scenario, coroutine: usize) -> Step {
        let other = scenario
            .coroutines
            .iter()
            .enumerate()
            .find(|(i, _)| *i != coroutine)
            .or_else(|| scenario.coroutines.iter().enumerate().next())
            .map(|(_, c)| c.name.clone())
            .unwrap_or_else(|| "worker".into());
        let resource = |queue: bool| {
            scenario
                .resources
                .iter()
                .find(|r| matches!(r.kind, ResourceKind::Queue { .. }) == queue)
                .map(|r| r.name.clone())
                .unwrap_or_else(|| if queue { "queue1" } else { "lock1" }.into())
        };
        let handle = scenario
            .coroutines
            .get(coroutine)
            .and_then(|c| handles(&c.steps).into_iter().next())
            .unwrap_or_else(|| "task1".into());
        match self {
            StepKind::Sleep => Step::Sleep { ms: 1000 },
            StepKind::Fetch => Step::Fetch {
                url: "/api/items/1.json".into(),
                latency_ms: 500,
                jitter_ms: 0,
                size_bytes: 0,
                fail: None,
            },
            StepKind::Compute => Step::Compute { ms: 500 },
            StepKind::RunInExecutor => Step::RunInExecutor { ms: 500 },
            StepKind::CreateTask => Step::CreateTask {
                handle: format!("{other}_task"),
                coroutine: other,
            },
            StepKind::Await => Step::Await {
                target: Awaitable::Coroutine(other),
            },
            StepKind::Gather => Step::Gather {
                items: vec![Awaitable::Coroutine(other)],
                return_exceptions: false,
            },
            StepKind::WaitFor => Step::WaitFor {
                target: Awaitable::Coroutine(other),
                timeout_ms: 1000,
            },
            StepKind::Cancel => Step::Cancel { handle },
            StepKind::Raise => Step::Raise {
                error: "ValueError".into(),
                message: "something went wrong".into(),
            },
            StepKind::Try => Step::Try {
                body: vec![Step::Sleep { ms: 500 }],
                error: None,
                handler: vec![Step::Print {
                    text: "handled".into(),
                }],
            },
            StepKind::With => Step::With {
                resource: resource(false),
                body: vec![Step::Sleep { ms: 500 }],
            },
            StepKind::Put => Step::Put {
                queue: resource(true),
                item: "item".into(),
            },
            StepKind::Get => Step::Get {
                queue: resource(true),
            },
            StepKind::AsyncFor => Step::AsyncFor {
                items: 3,
                every_ms: 200,
                body: vec![Step::Print {
                    text: "item".into(),
                }],
            },
            StepKind::Repeat => Step::Repeat {
                times: 3,
                body: vec![Step::Sleep { ms: 200 }],
            },
            StepKind::Print => Step::Print {
                text: "hello".into(),
            },
            StepKind::Return => Step::Return {
                value: "done".into(),
            },
        }
    }
}

/// The task handles created (by `create_task`) anywhere in `steps`, in order.
pub fn handles(steps: &[Step]) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(steps: &[Step], out: &mut Vec<String>) {
        for step in steps {
            if let Step::CreateTask { handle, .. } = step {
                if !out.contains(handle) {
                    out.push(handle.clone());
                }
            }
            for block in step.blocks() {
                walk(block, out);
            }
        }
    }
    walk(steps, &mut out);
    out
}

/// One line of a coroutine's outline, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub enum Row {
    /// A step, `depth` blocks deep, with its 1-based pre-order position in the coroutine
    /// (the numbering of [`crate::sim::ScenarioError::step`]).
    Step {
        path: StepPath,
        depth: usize,
        position: usize,
        /// Whether it is the last step of its block (it cannot move down).
        last: bool,
    },
    /// The `except …:` line between a try's body and its handler.
    Except { depth: usize, error: Option<String> },
    /// The end of a block: where "add a step" appends.
    End { block: BlockPath, depth: usize },
}

/// The outline of coroutine `index`: every step in pre-order with the lines around its
/// blocks.
pub fn outline(scenario: &Scenario, index: usize) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut position = 0;
    if let Some(c) = scenario.coroutines.get(index) {
        walk_block(
            &c.steps,
            &BlockPath::body(index),
            0,
            &mut position,
            &mut rows,
        );
    }
    rows
}

fn walk_block(
    steps: &[Step],
    path: &BlockPath,
    depth: usize,
    position: &mut usize,
    rows: &mut Vec<Row>,
) {
    for (i, step) in steps.iter().enumerate() {
        *position += 1;
        rows.push(Row::Step {
            path: path.step(i),
            depth,
            position: *position,
            last: i + 1 == steps.len(),
        });
        for (b, block) in step.blocks().into_iter().enumerate() {
            if let (Step::Try { error, .. }, 1) = (step, b) {
                rows.push(Row::Except {
                    depth,
                    error: error.clone(),
                });
            }
            walk_block(block, &path.inner(i, b), depth + 1, position, rows);
        }
    }
    rows.push(Row::End {
        block: path.clone(),
        depth,
    });
}

/// Parses a whole number from what a learner typed, within `min..=max`, or says what to
/// enter (`"enter a whole number of ms from 0 to 3,600,000"`). Never panics.
pub fn parse_whole(text: &str, min: u64, max: u64, unit: &str) -> Result<u64, String> {
    let wanted = || {
        let unit = if unit.is_empty() {
            String::new()
        } else {
            format!(" of {unit}")
        };
        format!(
            "Enter a whole number{unit} from {} to {}.",
            grouped(min),
            grouped(max)
        )
    };
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| *c != '_' && *c != ',')
        .collect();
    if cleaned.is_empty() || !cleaned.chars().all(|c| c.is_ascii_digit()) {
        return Err(wanted());
    }
    match cleaned.parse::<u64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(wanted()),
    }
}

/// Milliseconds of one step: 0 to one hour.
pub fn parse_ms(text: &str) -> Result<u64, String> {
    parse_whole(text, 0, MAX_STEP_MS, "ms")
}

/// Iterations of `repeat` or items of `async for`.
pub fn parse_iterations(text: &str) -> Result<u32, String> {
    parse_whole(text, 0, MAX_ITERATIONS as u64, "").map(|n| n as u32)
}

pub fn parse_permits(text: &str) -> Result<u32, String> {
    parse_whole(text, 1, MAX_PERMITS as u64, "permits").map(|n| n as u32)
}

pub fn parse_maxsize(text: &str) -> Result<u32, String> {
    parse_whole(text, 0, MAX_ITERATIONS as u64, "items (0 for no limit)").map(|n| n as u32)
}

pub fn parse_workers(text: &str) -> Result<u32, String> {
    parse_whole(text, 1, MAX_WORKERS as u64, "workers").map(|n| n as u32)
}

/// What a number field holds, and so how its text is parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    /// Milliseconds of a step.
    Ms,
    /// Iterations of `repeat`, items of `async for`.
    Iterations,
    Permits,
    /// A queue's maxsize.
    Maxsize,
    Workers,
}

impl Quantity {
    pub fn parse(self, text: &str) -> Result<u64, String> {
        match self {
            Quantity::Ms => parse_ms(text),
            Quantity::Iterations => parse_iterations(text).map(u64::from),
            Quantity::Permits => parse_permits(text).map(u64::from),
            Quantity::Maxsize => parse_maxsize(text).map(u64::from),
            Quantity::Workers => parse_workers(text).map(u64::from),
        }
    }
}

/// `3600000` as `3,600,000`.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::presets::preset;

    fn names(s: &Scenario, c: usize) -> Vec<String> {
        outline(s, c)
            .into_iter()
            .filter_map(|row| match row {
                Row::Step { path, .. } => step_at(s, &path).map(|st| st.op().to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn renaming_a_coroutine_updates_every_reference() {
        let mut s = preset("timeout").unwrap();
        s.coroutines.push(Coroutine {
            name: "starter".into(),
            steps: vec![
                Step::CreateTask {
                    coroutine: "slow_service".into(),
                    handle: "h".into(),
                },
                Step::Gather {
                    items: vec![
                        Awaitable::Coroutine("slow_service".into()),
                        Awaitable::Task("h".into()),
                    ],
                    return_exceptions: false,
                },
                Step::Repeat {
                    times: 2,
                    body: vec![Step::Await {
                        target: Awaitable::Coroutine("slow_service".into()),
                    }],
                },
            ],
        });
        s.main.run.push("slow_service".into());
        let i = s
            .coroutines
            .iter()
            .position(|c| c.name == "slow_service")
            .unwrap();
        let r = rename_coroutine(&s, i, "sluggish").unwrap();
        let json = r.to_json();
        assert!(!json.contains("slow_service"), "{json}");
        assert!(r.main.run.contains(&"sluggish".to_string()));
        assert!(r.validate().is_ok(), "{:?}", r.validate().err());
        // The task handle is not a coroutine reference and stays.
        assert!(json.contains("\"h\""));
    }

    #[test]
    fn renaming_onto_a_taken_name_is_refused() {
        let s = preset("three-fetches").unwrap();
        let taken = s.coroutines[1].name.clone();
        assert!(rename_coroutine(&s, 0, &taken).is_err());
        assert!(rename_coroutine(&s, 0, "  ").is_err());
        assert_eq!(rename_coroutine(&s, 0, &s.coroutines[0].name).unwrap(), s);
    }

    #[test]
    fn nested_steps_move_within_their_block_only() {
        let s = preset("executor").unwrap();
        let heartbeat = s
            .coroutines
            .iter()
            .position(|c| c.name == "heartbeat")
            .unwrap();
        assert_eq!(names(&s, heartbeat), ["repeat", "sleep", "print"]);
        let inner = BlockPath::body(heartbeat).inner(0, 0);
        let moved = move_step(&s, &inner.step(1), -1);
        assert_eq!(names(&moved, heartbeat), ["repeat", "print", "sleep"]);
        // Past either end of the block, nothing moves.
        assert_eq!(move_step(&moved, &inner.step(0), -1), moved);
        assert_eq!(move_step(&moved, &inner.step(1), 1), moved);
    }

    #[test]
    fn removing_a_nested_step_keeps_the_rest() {
        let s = preset("executor").unwrap();
        let heartbeat = s
            .coroutines
            .iter()
            .position(|c| c.name == "heartbeat")
            .unwrap();
        let inner = BlockPath::body(heartbeat).inner(0, 0);
        let r = remove_step(&s, &inner.step(0));
        assert_eq!(names(&r, heartbeat), ["repeat", "print"]);
        let r = remove_step(&r, &BlockPath::body(heartbeat).step(0));
        assert!(names(&r, heartbeat).is_empty());
        // A path that does not exist changes nothing.
        assert_eq!(remove_step(&s, &inner.step(9)), s);
    }

    #[test]
    fn removing_a_coroutine_takes_it_out_of_main() {
        let s = preset("three-fetches").unwrap();
        let name = s.coroutines[0].name.clone();
        let r = remove_coroutine(&s, 0);
        assert!(!r.main.run.contains(&name));
        assert_eq!(r.coroutines.len(), s.coroutines.len() - 1);
    }

    #[test]
    fn added_coroutines_and_steps_run() {
        let s = add_coroutine(&preset("three-fetches").unwrap());
        let last = s.coroutines.len() - 1;
        assert!(s.main.run.contains(&s.coroutines[last].name));
        let mut s = s;
        // Every kind that needs nothing this scenario lacks (a resource) and that does not
        // end the coroutine early (raise, return).
        let kinds = StepKind::ALL.into_iter().filter(|k| {
            !matches!(
                k,
                StepKind::Raise | StepKind::With | StepKind::Put | StepKind::Get | StepKind::Return
            )
        });
        for kind in kinds {
            s = add_step(&s, &BlockPath::body(last), kind.default_step(&s, last));
        }
        assert!(s.validate().is_ok(), "{:?}", s.validate().err());
    }

    #[test]
    fn outline_positions_count_nested_steps_in_pre_order() {
        let s = preset("timeout").unwrap();
        let caller = s
            .coroutines
            .iter()
            .position(|c| c.name == "caller")
            .unwrap();
        let positions: Vec<usize> = outline(&s, caller)
            .into_iter()
            .filter_map(|r| match r {
                Row::Step { position, .. } => Some(position),
                _ => None,
            })
            .collect();
        assert_eq!(positions, (1..=positions.len()).collect::<Vec<_>>());
        assert!(outline(&s, caller)
            .iter()
            .any(|r| matches!(r, Row::Except { .. })));
    }

    #[test]
    fn the_position_of_an_invalid_nested_step_matches_validation() {
        let s = preset("executor").unwrap();
        let heartbeat = s
            .coroutines
            .iter()
            .position(|c| c.name == "heartbeat")
            .unwrap();
        let path = BlockPath::body(heartbeat).inner(0, 0).step(1);
        let bad = replace_step(
            &s,
            &path,
            Step::Cancel {
                handle: "nothing".into(),
            },
        );
        let err = bad.validate().unwrap_err();
        let row = outline(&bad, heartbeat)
            .into_iter()
            .find_map(|r| match r {
                Row::Step {
                    path: p, position, ..
                } if p == path => Some(position),
                _ => None,
            })
            .unwrap();
        assert_eq!(err.step.map(|(n, _)| n), Some(row));
    }

    #[test]
    fn junk_numbers_are_refused_with_a_message() {
        for junk in [
            "-5",
            "1e99",
            "abc",
            "",
            "3600001",
            "99999999999999999999999",
            "1.5",
        ] {
            let e = parse_ms(junk).unwrap_err();
            assert_eq!(e, "Enter a whole number of ms from 0 to 3,600,000.");
        }
        assert_eq!(parse_ms(" 1,500 "), Ok(1500));
        assert!(parse_permits("0").is_err());
        assert_eq!(parse_workers("64"), Ok(64));
        assert_eq!(grouped(100_000), "100,000");
        assert_eq!(grouped(999), "999");
    }

    #[test]
    fn renaming_a_resource_updates_the_steps_that_use_it() {
        let s = preset("semaphore").unwrap();
        let r = rename_resource(&s, 0, "slots").unwrap();
        assert!(!r.to_json().contains("\"pool\""));
        assert!(r.validate().is_ok());
    }
}
