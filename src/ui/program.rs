//! The program on screen: the editor's Python, run by the interpreter ([`crate::py`])
//! into a [`ProgramRun`], or why it cannot run ([`ParseError`], at a line and column).
//!
//! Pure Rust, tested natively: the editor calls [`run_program`] and dispatches what it
//! gets; the state holds the [`ProgramRun`]; the panels draw its [`Run`] like any other,
//! and the Code panel's console shows its [`Console`].

use std::cell::OnceCell;
use std::fmt;
use std::rc::Rc;

use crate::challenges::Ran;
use crate::code::{python_code, PythonOptions};
use crate::py::aio::cost::LoopKind;
use crate::py::ast::SyntaxError;
use crate::py::lines::{line_steps, LineSteps};
use crate::py::run::{run_source_with, Options};
use crate::py::{Ending, RunOutput};
use crate::sim::Scenario;
use crate::ui::console::{output_lines, OutputLine};
use crate::ui::state::Run;

/// Why a program cannot run, where the editor underlines it: 1-based `line` and
/// `column`; `end_column` is just after the offending text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    pub end_column: usize,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

/// Why `source` could not run, without running it: `None` if the interpreter reads it.
pub fn syntax_error_of(source: &str) -> Option<ParseError> {
    crate::py::parser::parse(source)
        .and_then(|module| crate::py::compile::compile_module(&module))
        .err()
        .map(|e| syntax_error(source, &e))
}

/// Runs `source` with the interpreter, the loop's own cost counted or not.
pub fn run_program(source: &str, loop_cost: bool) -> Result<ProgramRun, ParseError> {
    run_source_with(source, options(loop_cost))
        .map(|out| ProgramRun::new(source, out, loop_cost))
        .map_err(|e| syntax_error(source, &e))
}

/// The most tasks a program run in the app may create: each is a lane of the timeline,
/// and a run of 100,000 froze the page for over a second as it opened (BENCHMARKS.md,
/// "Opening a big program"); more stops the run with a message naming the line.
pub const MAX_TASKS: usize = 20_000;

/// How the app runs a program: the interpreter's limits with at most [`MAX_TASKS`]
/// tasks, the loop's cost counted or not.
pub fn options(loop_cost: bool) -> Options {
    let mut opts = Options::costed(loop_cost);
    opts.limits.max_tasks = MAX_TASKS;
    opts
}

/// The program a scenario of steps stands for (a link or a saved entry made before
/// programs were what Looplab ran): the learner's own text if it came from the editor,
/// else the Python the scenario is written as (the same program the Code panel showed).
pub fn program_text(scenario: &Scenario) -> String {
    match &scenario.source {
        Some(source) => source.clone(),
        None => python_code(scenario, PythonOptions::default()),
    }
}

/// The interpreter's syntax error as the editor shows one: `line L, column C: message`,
/// one character underlined (its positions are 1-based, as the editor's).
pub fn syntax_error(source: &str, e: &SyntaxError) -> ParseError {
    let lines = source.split('\n').count().max(1);
    let line = (e.pos.line as usize).clamp(1, lines);
    let column = (e.pos.col as usize).max(1);
    ParseError {
        line,
        column,
        end_column: column + 1,
        message: e.message.clone(),
    }
}

/// A Python program's run: what the timeline and the loop panel draw (`run`), what the
/// console prints, and how it ended.
#[derive(Clone, Debug)]
pub struct ProgramRun {
    /// The program's text.
    pub source: Rc<str>,
    pub run: Run,
    pub ending: Ending,
    pub console: Rc<Console>,
    /// The printed lines with the times and events that printed them.
    pub output: Rc<Vec<OutputLine>>,
    /// One sentence on how it ended, for the timeline's summary.
    pub verdict: Rc<str>,
    /// When it ended, in ms of virtual time (or of the real clock, live).
    pub virtual_ms: f64,
    /// The escaped exception (`ValueError: boom`), or the limit's or deadlock's message.
    pub exception: Option<Rc<str>>,
    /// The loop's own cost was counted (each callback moved the clock on).
    pub loop_cost: bool,
    /// The loop it ran on, and how many callbacks that loop ran.
    pub loop_kind: LoopKind,
    pub callbacks: u64,
    /// Every statement the run ran, listed the first time the learner steps by line
    /// (running the program once more, traced): most runs are never stepped so.
    lines: Rc<OnceCell<Rc<LineSteps>>>,
}

/// Runs compare by identity, as [`Run`] does: props compare in O(1).
impl PartialEq for ProgramRun {
    fn eq(&self, other: &Self) -> bool {
        self.run == other.run
    }
}

/// What the program wrote: its printed text, then what went to stderr (notes from
/// callbacks, the traceback, or why the run was stopped).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Console {
    pub stdout: String,
    pub stderr: String,
}

impl Console {
    pub fn is_empty(&self) -> bool {
        self.stdout.is_empty() && self.stderr.is_empty()
    }
}

impl ProgramRun {
    pub fn new(source: &str, out: RunOutput, loop_cost: bool) -> ProgramRun {
        ProgramRun {
            source: source.into(),
            loop_cost,
            loop_kind: out.loop_kind,
            callbacks: out.callbacks,
            ending: out.ending,
            verdict: verdict(&out).into(),
            virtual_ms: out.virtual_ms,
            exception: out.exception.as_deref().map(Rc::from),
            console: Rc::new(console(&out)),
            output: Rc::new(output_lines(&out.trace)),
            run: Run::of_program(out.trace),
            lines: Rc::default(),
        }
    }

    /// Every statement the program's run ran, in order (`py::lines`); listed once.
    pub fn line_steps(&self) -> Rc<LineSteps> {
        let list = || {
            // The program ran, so it reads.
            let steps = line_steps(&self.source, self.options()).unwrap_or(LineSteps {
                steps: Vec::new(),
                cut: false,
            });
            Rc::new(steps)
        };
        self.lines.get_or_init(list).clone()
    }

    /// How the program was run, to run it again the same way (frames, lines).
    pub fn options(&self) -> Options {
        options(self.loop_cost)
    }

    /// What a challenge's goals read of the run.
    pub fn ran(&self) -> Ran<'_> {
        Ran {
            trace: &self.run.trace,
            ending: self.ending,
            virtual_ms: self.virtual_ms,
            stdout: &self.console.stdout,
            exception: self.exception.as_deref(),
        }
    }

    /// The 1-based source line of a step of the trace (a program's step is a line).
    pub fn line_of(&self, step: u32) -> Option<usize> {
        let info = self.run.trace.steps.get(step as usize)?;
        (info.line > 0).then_some(info.line as usize)
    }
}

fn console(out: &RunOutput) -> Console {
    let mut stderr = out.stderr.trim_end().to_string();
    let ending = match out.ending {
        Ending::Completed | Ending::Running => None,
        Ending::Stopped => Some("Stopped.".to_string()),
        Ending::Exception => out.traceback.clone().or_else(|| out.exception.clone()),
        Ending::Deadlock | Ending::Limit => out.exception.clone(),
    };
    if let Some(text) = ending {
        if !stderr.is_empty() {
            stderr.push('\n');
        }
        stderr.push_str(text.trim_end());
    }
    Console {
        stdout: out.stdout.clone(),
        stderr,
    }
}

fn verdict(out: &RunOutput) -> String {
    let message = out.exception.as_deref().unwrap_or("").trim_end_matches('.');
    match out.ending {
        Ending::Completed => "The program completed.".into(),
        Ending::Exception => format!("The program raised {message}."),
        Ending::Deadlock => format!("Deadlock: {}.", without_prefix(message, "deadlock: ")),
        Ending::Limit => format!("Stopped: {message}."),
        Ending::Stopped => "Stopped before the program ended.".into(),
        Ending::Running => "Running on this browser's event loop…".into(),
    }
}

fn without_prefix<'a>(text: &'a str, prefix: &str) -> &'a str {
    text.strip_prefix(prefix).unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{lanes, loop_health, snapshot_after, DiagnosticKind};
    use crate::ui::describe;

    const GATHER: &str = r#"import asyncio

async def fetch(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} done")
    return name

async def main():
    results = await asyncio.gather(*(fetch(f"job{i}", 0.1 * i) for i in range(1, 4)))
    print(results)

asyncio.run(main())
"#;

    fn program(source: &str) -> ProgramRun {
        run_program(source, false).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_app_runs_at_most_twenty_thousand_tasks_and_says_so_at_the_line() {
        let fan_out = |n: u32| {
            format!(
                "import asyncio\n\nasync def main():\n    \
                 await asyncio.gather(*(asyncio.sleep(0) for _ in range({n})))\n\n\
                 asyncio.run(main())\n"
            )
        };
        assert_eq!(program(&fan_out(10_000)).ending, Ending::Completed);
        let p = program(&fan_out(20_000));
        assert_eq!(p.ending, Ending::Limit);
        assert!(
            p.verdict
                .to_string()
                .contains("the program created more than 20,000 tasks (line 4)"),
            "{}",
            p.verdict
        );
    }

    #[test]
    fn a_program_runs_on_the_interpreter() {
        let p = program(GATHER);
        assert_eq!(p.ending, Ending::Completed);
        assert_eq!(p.run.trace.end, 300.0);
        assert_eq!(
            p.console.stdout,
            "job1 done\njob2 done\njob3 done\n['job1', 'job2', 'job3']\n"
        );
        assert_eq!(p.console.stderr, "");
        assert_eq!(&*p.verdict, "The program completed.");
        // A lane per task, named as Python names them: main and the three fetches.
        let names: Vec<String> = p
            .run
            .lanes
            .iter()
            .map(|l| p.run.trace.task_name(l.task).to_string())
            .collect();
        assert_eq!(names, ["Task-1", "Task-2", "Task-3", "Task-4"]);
        let coroutines: Vec<&str> = p.run.trace.tasks.iter().map(|t| &*t.coroutine).collect();
        assert_eq!(coroutines, ["main", "fetch", "fetch", "fetch"]);
        assert_eq!(*p.run.diagnostics, [], "gathered tasks are awaited");
        assert_eq!(&*p.source, GATHER);
    }

    #[test]
    fn text_that_does_not_read_is_the_interpreters_syntax_error_at_its_line() {
        let e = run_program("import asyncio\n\nasync def main():\n    x = (1,\n", false)
            .expect_err("a syntax error");
        assert_eq!(e.line, 4, "{e}");
        assert!(e.column >= 1 && e.end_column == e.column + 1, "{e:?}");
        assert!(e.to_string().starts_with("line 4, column "), "{e}");
        // Past the last line: the last line.
        let e = syntax_error(
            "a\nb",
            &SyntaxError {
                pos: crate::py::ast::Pos { line: 9, col: 0 },
                message: "m".into(),
            },
        );
        assert_eq!((e.line, e.column, e.end_column), (2, 1, 2));
        // Checked without running: the same error; a program that reads has none.
        assert_eq!(
            syntax_error_of("import asyncio\n\nasync def main():\n    x = (1,\n"),
            run_program("import asyncio\n\nasync def main():\n    x = (1,\n", false).err()
        );
        assert_eq!(syntax_error_of(GATHER), None);
    }

    #[test]
    fn an_escaped_exception_prints_its_traceback_after_the_output() {
        let p = program(
            "import asyncio\n\nasync def main():\n    print('before')\n    \
             await asyncio.sleep(0.5)\n    raise ValueError('boom')\n\nasyncio.run(main())\n",
        );
        assert_eq!(p.ending, Ending::Exception);
        assert_eq!(p.console.stdout, "before\n");
        assert!(p.console.stderr.starts_with("Traceback"), "{:?}", p.console);
        assert!(
            p.console.stderr.ends_with("ValueError: boom"),
            "{:?}",
            p.console
        );
        assert_eq!(&*p.verdict, "The program raised ValueError: boom.");
        assert_eq!(p.run.trace.end, 500.0);
    }

    #[test]
    fn a_loop_that_never_yields_is_stopped_with_the_limits_message() {
        let p = program(
            "import asyncio\n\nasync def main():\n    while True:\n        pass\n\n\
             asyncio.run(main())\n",
        );
        assert_eq!(p.ending, Ending::Limit);
        assert!(
            p.console.stderr.contains("without an await"),
            "{:?}",
            p.console
        );
        assert!(p.verdict.starts_with("Stopped: "), "{}", p.verdict);
    }

    #[test]
    fn a_deadlock_says_who_waits() {
        let p = program(
            "import asyncio\n\nasync def main():\n    await asyncio.Event().wait()\n\n\
             asyncio.run(main())\n",
        );
        assert_eq!(p.ending, Ending::Deadlock);
        assert!(p.verdict.starts_with("Deadlock: "), "{}", p.verdict);
        assert!(!p.verdict.contains("deadlock: "), "{}", p.verdict);
        assert!(p.console.stderr.contains("Event.wait"), "{:?}", p.console);
    }

    #[test]
    fn a_blocking_call_is_still_a_slow_callback() {
        let p = program(
            "import asyncio\nimport time\n\nasync def main():\n    time.sleep(0.3)\n\n\
             asyncio.run(main())\n",
        );
        let kinds: Vec<_> = p.run.diagnostics.iter().map(|d| d.kind).collect();
        assert!(kinds.contains(&DiagnosticKind::SlowCallback), "{kinds:?}");
    }

    #[test]
    fn steps_are_the_lines_they_ran_at() {
        let p = program(GATHER);
        assert!(!p.run.trace.steps.is_empty());
        let sleep = p
            .run
            .trace
            .steps
            .iter()
            .position(|s| s.label.starts_with("await asyncio.sleep"))
            .expect("the sleep's line is a step");
        assert_eq!(p.line_of(sleep as u32), Some(4));
        assert_eq!(p.line_of(999), None);
    }

    /// A scenario of steps from an older link or saved entry opens as the program it
    /// stands for: the learner's text, else its Python, which the interpreter runs to
    /// the simulation's total.
    #[test]
    fn a_scenario_of_steps_opens_as_its_program() {
        for (id, mut scenario) in crate::sim::presets::presets() {
            let text = program_text(&scenario);
            let p = run_program(&text, false).unwrap_or_else(|e| panic!("{id}: {e}\n{text}"));
            let simulated = crate::sim::run(&scenario).unwrap().end;
            assert!(
                (p.run.trace.end - simulated).abs() <= simulated * 0.05 + 1.0,
                "{id}: {} ms against {simulated} ms",
                p.run.trace.end
            );
            scenario.source = Some(GATHER.into());
            assert_eq!(program_text(&scenario), GATHER);
        }
    }

    /// Every query the panels make of a run (lanes, snapshot at each event, the event
    /// log's words, positions, health) reads a program's trace without a panic.
    #[test]
    fn every_panel_query_reads_a_program_run() {
        let programs = [
            GATHER,
            "import asyncio\n\nasync def worker(q):\n    while True:\n        item = await q.get()\n        \
             print(item)\n        q.task_done()\n\nasync def main():\n    q = asyncio.Queue(maxsize=2)\n    \
             lock = asyncio.Lock()\n    t = asyncio.create_task(worker(q))\n    for i in range(4):\n        \
             async with lock:\n            await q.put(i)\n    await q.join()\n    t.cancel()\n    \
             try:\n        await asyncio.wait_for(asyncio.sleep(5), timeout=0.2)\n    except TimeoutError:\n        \
             print('timed out')\n    async with asyncio.TaskGroup() as tg:\n        tg.create_task(asyncio.sleep(0.1))\n\n\
             asyncio.run(main())\n",
            "import asyncio\n\nasync def main():\n    await asyncio.Event().wait()\n\nasyncio.run(main())\n",
            "print('no asyncio at all')\n",
            "import asyncio\nimport time\n\nasync def main():\n    time.sleep(0.3)\n    raise KeyError('k')\n\n\
             asyncio.run(main())\n",
        ];
        for source in programs {
            let p = program(source);
            let trace = &p.run.trace;
            assert_eq!(lanes(trace).len(), p.run.lanes.len());
            for n in 0..=trace.events.len() {
                let snapshot = snapshot_after(trace, n);
                let _ = describe::activity(trace, &snapshot);
                if n > 0 {
                    let _ = describe::event(trace, n - 1).map(|l| l.sentence(trace));
                }
                let _ = crate::sim::positions::positions(trace, n);
            }
            let _ = loop_health(trace, 60);
            let _ = trace.outcome.describe(trace);
        }
    }
}
