//! A scenario as an equivalent, runnable Python asyncio program.
//!
//! The program runs unchanged in python3 (3.11+): a short prelude defines the calls
//! scenarios use (`fetch`, `blocking`, `ticker`), and the end prints the measured
//! totals with `time.perf_counter()`, so a learner can compare them with the timeline.

use super::listing::{Code, Listing};
use crate::sim::program::seconds;
use crate::sim::{Awaitable, ResourceKind, Scenario, StartMode, Step};
use std::collections::BTreeSet;
use std::fmt::Write;

/// Exceptions Python defines itself; any other name a scenario raises gets a class.
pub(crate) const BUILTIN_EXCEPTIONS: &[&str] = &[
    "Exception",
    "BaseException",
    "ValueError",
    "KeyError",
    "IndexError",
    "TypeError",
    "RuntimeError",
    "OSError",
    "ConnectionError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "TimeoutError",
    "ZeroDivisionError",
    "PermissionError",
    "FileNotFoundError",
    "NotImplementedError",
    "RecursionError",
    "NameError",
];

/// The title of a scenario without a name, on the program's first line.
pub const DEFAULT_TITLE: &str = "A Looplab scenario";

/// What follows the title on the first line.
pub const TITLE_SUFFIX: &str = ", as Python asyncio. Runs with python3 (3.11+).";

/// The comment that carries a scenario's seed (written when it is not 0).
pub const SEED_COMMENT: &str = "# Looplab seed: ";

/// The imports and the calls scenarios use, so the program runs as it is.
const PRELUDE: &str = r#"import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


async def fetch(url, latency, fail=None, jitter=0, size=0):
    """Stands in for an HTTP request that takes `latency` seconds (Looplab draws the jitter)."""
    await asyncio.sleep(latency)
    if fail is not None:
        raise fail(f"fetch {url} failed")
    return f"<Response {url} 200>"


def blocking(seconds):
    """Blocking work: holds whichever thread runs it."""
    time.sleep(seconds)


async def ticker(items, every):
    """An async iterator: yields an item every `every` seconds."""
    for item in range(items):
        await asyncio.sleep(every)
        yield item
"#;

/// Runs a `main` with `asyncio.run` and returns how long it took, in ms.
const MEASURE: &str = r#"def measure(main):
    start = time.perf_counter()
    try:
        asyncio.run(main())
    except Exception as error:
        print(f"main() raised {type(error).__name__}: {error}")
    return (time.perf_counter() - start) * 1000


"#;

/// Options for the generated program.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PythonOptions {
    /// Multiplies every duration (tests run scenarios faster with 0.1).
    pub time_scale: f64,
    /// Run `main()` both in turn and gathered and print both totals (else only in the
    /// scenario's own mode).
    pub both_modes: bool,
}

impl Default for PythonOptions {
    fn default() -> Self {
        PythonOptions {
            time_scale: 1.0,
            both_modes: false,
        }
    }
}

struct Writer {
    text: Listing,
    scale: f64,
}

impl std::ops::Deref for Writer {
    type Target = Listing;
    fn deref(&self) -> &Listing {
        &self.text
    }
}

impl std::ops::DerefMut for Writer {
    fn deref_mut(&mut self) -> &mut Listing {
        &mut self.text
    }
}

impl Writer {
    fn secs(&self, ms: u64) -> String {
        if self.scale == 1.0 {
            seconds(ms)
        } else {
            format!("{:?}", ms as f64 / 1000.0 * self.scale)
        }
    }
}

fn target(t: &Awaitable) -> String {
    match t {
        Awaitable::Coroutine(name) => format!("{name}()"),
        Awaitable::Task(handle) => handle.clone(),
    }
}

/// Every exception name a step list raises or catches.
fn exception_names<'a>(steps: &'a [Step], names: &mut BTreeSet<&'a str>) {
    for step in steps {
        match step {
            Step::Raise { error, .. } => {
                names.insert(error);
            }
            Step::Fetch {
                fail: Some(error), ..
            } => {
                names.insert(error);
            }
            Step::Try {
                error: Some(error), ..
            } => {
                names.insert(error);
            }
            _ => {}
        }
        for block in step.blocks() {
            exception_names(block, names);
        }
    }
}

/// The Python program for `scenario`.
pub fn python_code(scenario: &Scenario, options: PythonOptions) -> String {
    python_code_with_lines(scenario, options).text
}

/// The Python program for `scenario`, with the line of every step, so a code view can
/// highlight the step the playhead is at.
pub fn python_code_with_lines(scenario: &Scenario, options: PythonOptions) -> Code {
    let mut w = Writer {
        text: Listing::default(),
        scale: options.time_scale,
    };
    let title = if scenario.name.is_empty() {
        DEFAULT_TITLE
    } else {
        &scenario.name
    };
    w.line(0, &format!("# {title}{TITLE_SUFFIX}"));
    if scenario.seed != 0 {
        w.line(0, &format!("{SEED_COMMENT}{}", scenario.seed));
    }
    w.raw(PRELUDE);
    let mut names = BTreeSet::new();
    for c in &scenario.coroutines {
        exception_names(&c.steps, &mut names);
    }
    for name in names {
        if !BUILTIN_EXCEPTIONS.contains(&name) && name != "CancelledError" {
            w.line(0, "");
            w.line(0, "");
            w.line(0, &format!("class {name}(Exception):"));
            w.line(1, "pass");
        }
    }
    for c in &scenario.coroutines {
        w.line(0, "");
        w.line(0, "");
        w.line(0, &format!("async def {}():", c.name));
        block(&mut w, &c.steps, 1);
    }
    let modes: Vec<StartMode> = if options.both_modes {
        vec![StartMode::Sequential, StartMode::Concurrent]
    } else {
        vec![scenario.main.mode]
    };
    for mode in &modes {
        w.line(0, "");
        w.line(0, "");
        let name = main_name(*mode, options.both_modes);
        w.line(0, &format!("async def {name}():"));
        resources(&mut w, scenario);
        w.line(
            1,
            &format!(
                "asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor({}))",
                scenario.executor_workers
            ),
        );
        // Only `main` in the scenario's own mode has step ids.
        let own = *mode == scenario.main.mode;
        match mode {
            StartMode::Sequential => {
                for c in &scenario.main.run {
                    if own {
                        w.step();
                    }
                    w.line(1, &format!("await {c}()"));
                }
            }
            StartMode::Concurrent => {
                let calls: Vec<String> =
                    scenario.main.run.iter().map(|c| format!("{c}()")).collect();
                if own && !calls.is_empty() {
                    w.step();
                }
                w.line(1, &format!("await asyncio.gather({})", calls.join(", ")));
            }
        }
    }
    w.line(0, "");
    w.line(0, "");
    w.raw(MEASURE);
    w.line(0, "if __name__ == \"__main__\":");
    for mode in &modes {
        let name = main_name(*mode, options.both_modes);
        let label = mode.name();
        w.line(
            1,
            &format!("print(f\"{label} total: {{measure({name}):.1f}} ms\")"),
        );
    }
    w.text.finish()
}

/// Semaphores, locks and queues, made inside `main` so each `asyncio.run` gets its own.
fn resources(w: &mut Writer, scenario: &Scenario) {
    if scenario.resources.is_empty() {
        return;
    }
    let names: Vec<&str> = scenario.resources.iter().map(|r| r.name.as_str()).collect();
    w.line(1, &format!("global {}", names.join(", ")));
    for r in &scenario.resources {
        let value = match r.kind {
            ResourceKind::Semaphore { permits } => format!("asyncio.Semaphore({permits})"),
            ResourceKind::Lock => "asyncio.Lock()".into(),
            ResourceKind::Queue { maxsize } => format!("asyncio.Queue(maxsize={maxsize})"),
        };
        w.line(1, &format!("{} = {value}", r.name));
    }
}

fn main_name(mode: StartMode, both: bool) -> &'static str {
    match (both, mode) {
        (false, _) => "main",
        (true, StartMode::Sequential) => "main_sequential",
        (true, StartMode::Concurrent) => "main_concurrent",
    }
}

fn block(w: &mut Writer, steps: &[Step], indent: usize) {
    if steps.is_empty() {
        w.line(indent, "pass");
    }
    for step in steps {
        statement(w, step, indent);
    }
}

fn statement(w: &mut Writer, step: &Step, indent: usize) {
    w.step();
    let line = match step {
        Step::Sleep { ms } => format!("await asyncio.sleep({})", w.secs(*ms)),
        Step::Fetch {
            url,
            latency_ms,
            jitter_ms,
            size_bytes,
            fail,
        } => {
            let mut extra = String::new();
            if let Some(e) = fail {
                let _ = write!(extra, ", fail={e}");
            }
            if *jitter_ms != 0 {
                let _ = write!(extra, ", jitter={}", w.secs(*jitter_ms));
            }
            if *size_bytes != 0 {
                let _ = write!(extra, ", size={size_bytes}");
            }
            format!(
                "await fetch({}, latency={}{extra})",
                py_str(url),
                w.secs(*latency_ms)
            )
        }
        Step::Compute { ms } => format!("blocking({})  # holds the event loop", w.secs(*ms)),
        Step::RunInExecutor { ms } => format!(
            "await asyncio.get_running_loop().run_in_executor(None, blocking, {})",
            w.secs(*ms)
        ),
        Step::CreateTask { coroutine, handle } => {
            format!("{handle} = asyncio.create_task({coroutine}())")
        }
        Step::Await { target: t } => format!("await {}", target(t)),
        Step::Gather {
            items,
            return_exceptions,
        } => {
            let mut args: Vec<String> = items.iter().map(target).collect();
            if *return_exceptions {
                args.push("return_exceptions=True".into());
            }
            format!("await asyncio.gather({})", args.join(", "))
        }
        Step::WaitFor {
            target: t,
            timeout_ms,
        } => format!(
            "await asyncio.wait_for({}, timeout={})",
            target(t),
            w.secs(*timeout_ms)
        ),
        Step::Cancel { handle } => format!("{handle}.cancel()"),
        Step::Raise { error, message } => format!("raise {error}({})", py_str(message)),
        Step::Put { queue, item } => format!("await {queue}.put({})", py_str(item)),
        Step::Get { queue } => format!("item = await {queue}.get()"),
        Step::Print { text } => format!("print({})", py_str(text)),
        Step::Return { value } => format!("return {}", py_str(value)),
        Step::Try {
            body,
            error,
            handler,
        } => {
            w.line(indent, "try:");
            block(w, body, indent + 1);
            let clause = match error.as_deref() {
                Some("CancelledError") => "asyncio.CancelledError".to_string(),
                Some(e) => e.to_string(),
                None => "Exception".to_string(),
            };
            w.line(indent, &format!("except {clause}:"));
            block(w, handler, indent + 1);
            return;
        }
        Step::With { resource, body } => {
            w.line(indent, &format!("async with {resource}:"));
            block(w, body, indent + 1);
            return;
        }
        Step::AsyncFor {
            items,
            every_ms,
            body,
        } => {
            let every = w.secs(*every_ms);
            w.line(
                indent,
                &format!("async for item in ticker({items}, {every}):"),
            );
            block(w, body, indent + 1);
            return;
        }
        Step::Repeat { times, body } => {
            w.line(indent, &format!("for _ in range({times}):"));
            block(w, body, indent + 1);
            return;
        }
    };
    w.line(indent, &line);
}

/// `text` as a Python string literal: quotes, backslashes and control characters escaped.
fn py_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
