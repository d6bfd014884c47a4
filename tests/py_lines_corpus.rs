#![cfg(not(target_arch = "wasm32"))]
//! Stepping line by line (`py::lines`) on every program of the corpus, the examples and
//! the lessons: the state before a task's first statement in a callback agrees with the
//! state between events (`py::inspect`), a stepped run ends as an ordinary one does,
//! and the steps are CPython's line events.

use looplab::py::inspect::{
    inspect_at, FrameView, Inspection, TaskStatus, TaskView, ValueView, Var,
};
use looplab::py::lines::{inspect_at_line, line_steps, LineSteps};
use looplab::py::run::Options;
use looplab::py::{run_source, Ending};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

mod cpython;
use cpython::{corpus, cpython, known_gaps, on_two_threads};

/// `text` without what follows each `start` up to where `end` says.
fn cut(text: &str, start: &str, end: impl Fn(&str) -> usize) -> String {
    match text.find(start) {
        Some(i) => {
            let rest = &text[i + start.len()..];
            format!(
                "{}{}",
                &text[..i + start.len()],
                cut(&rest[end(rest)..], start, end)
            )
        }
        None => text.to_string(),
    }
}

/// Where the `<` just before `s` is closed.
fn closing(s: &str) -> usize {
    let mut depth = 1;
    for (i, c) in s.char_indices() {
        depth += match c {
            '<' => 1,
            '>' => -1,
            _ => 0,
        };
        if depth == 0 {
            return i;
        }
    }
    s.len()
}

/// A value's text without the addresses in reprs (`<coroutine object f at 0x7f...>`),
/// which differ from one run to another, nor where a task's coroutine is
/// (`coro=<f() running at main.py:6>`), which moves as soon as it starts.
fn plain(v: &ValueView) -> ValueView {
    match v {
        ValueView::Repr(r) => {
            let hex = |s: &str| s.find(|c: char| !c.is_ascii_hexdigit()).unwrap_or(s.len());
            let r = cut(r, " at 0x", hex);
            ValueView::Repr(cut(&r, "coro=<", closing))
        }
        ValueView::Items { kind, items, more } => ValueView::Items {
            kind,
            items: items.iter().map(plain).collect(),
            more: *more,
        },
        ValueView::Entries {
            kind,
            entries,
            more,
        } => ValueView::Entries {
            kind: kind.clone(),
            entries: entries.iter().map(|(k, v)| (k.clone(), plain(v))).collect(),
            more: *more,
        },
    }
}

/// Variables by name, their values [`plain`].
type Vars = Vec<(String, ValueView)>;

fn vars(vars: &[Var]) -> Vars {
    vars.iter()
        .map(|v| (v.name.clone(), plain(&v.value)))
        .collect()
}

/// A frame's function and variables, and its line when `with_line`.
fn frame(f: &FrameView, with_line: bool) -> (String, Option<u32>, Vars) {
    (
        f.function.clone(),
        with_line.then_some(f.line),
        vars(&f.locals),
    )
}

fn frames(t: &TaskView, with_line: bool) -> Vec<(String, Option<u32>, Vars)> {
    t.frames.iter().map(|f| frame(f, with_line)).collect()
}

/// What a task looks like from outside: name, status, what it waits for, its frames.
fn outside_view(t: &TaskView) -> String {
    format!(
        "{} {} {:?} {:?} {:?}",
        t.task,
        t.name,
        t.status,
        t.waiting,
        frames(t, true)
    )
}

/// The corpus, the examples and the lessons: (file name, text).
fn programs() -> Vec<(String, String)> {
    corpus()
        .iter()
        .map(|f| {
            let name = f.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(f).unwrap())
        })
        .collect()
}

/// Does the statement at `next` follow the `await` statement at `at` with nothing run
/// between, by the program's text: the next statement of the same block, or the head
/// of the loop whose body it ends (not an `except` clause, nor after an `async with`'s
/// exit, which run code of their own).
fn next_after_await(src: &str, at: u32, next: u32) -> bool {
    let lines: Vec<&str> = src.lines().collect();
    let text = |n: u32| lines.get(n as usize - 1).copied().unwrap_or("");
    let indent = |n: u32| text(n).len() - text(n).trim_start().len();
    let blank = |n: u32| matches!(text(n).trim().chars().next(), None | Some('#'));
    if !text(at).trim_start().starts_with("await ") {
        return false;
    }
    let depth = indent(at);
    if next > at {
        return indent(next) == depth && (at + 1..next).all(blank);
    }
    let head = text(next).trim_start();
    let is_loop = ["for ", "async for ", "while "]
        .iter()
        .any(|k| head.starts_with(k));
    let body = (next + 1..=at).filter(|&n| !blank(n));
    is_loop && indent(next) < depth && body.clone().all(|n| indent(n) >= depth)
}

/// How many callbacks' first steps each program compares at most.
const SAMPLE: usize = 6;

/// The state between events (`inspect_at`) and the state before the first statement
/// of the next task step (`inspect_at_line`) are the same state: every other task's
/// frames, lines and variables; the running task's variables and the module's too when
/// nothing of the program ran between (the task waited at an `await` statement, or had
/// not started). And a stepped run ends as an ordinary one does.
#[test]
fn line_steps_agree_with_the_states_between_events_on_the_corpus_and_lessons() {
    let mut compared = 0;
    let mut clean = 0;
    for (name, src) in programs() {
        let Ok(out) = run_source(&src) else { continue };
        if out.ending == Ending::Limit {
            // Limits count instructions, and a stepped run has more of them.
            continue;
        }
        let LineSteps { steps, cut } = line_steps(&src, Options::default()).unwrap();
        if !cut {
            let end = inspect_at_line(&src, steps.len(), Options::default()).unwrap();
            let plain_end = inspect_at(&src, None, Options::default()).unwrap();
            assert_eq!(end.at, None, "{name}");
            assert_eq!(end.events, plain_end.events, "{name}: events at the end");
            assert_eq!(vars(&end.globals), vars(&plain_end.globals), "{name}");
            let views = |s: &Inspection| s.tasks.iter().map(outside_view).collect::<Vec<_>>();
            assert_eq!(views(&end), views(&plain_end), "{name}: tasks at the end");
        }
        // Loop callbacks that record no event (`call_soon`'s, a done callback, a
        // timeout's) can run code between two states, where no state between events
        // shows the state before them.
        let silent = [
            "call_soon",
            "call_later",
            "call_at",
            "done_callback",
            "timeout",
        ];
        if silent.iter().any(|c| src.contains(c)) {
            continue;
        }
        let firsts: Vec<usize> = (1..steps.len())
            .filter(|&k| steps[k].task.is_some() && steps[k - 1].events < steps[k].events)
            .collect();
        let stride = firsts.len().div_ceil(SAMPLE).max(1);
        for &k in firsts.iter().step_by(stride) {
            let step = steps[k];
            // The last state between events before this step's callback began, if the
            // step before ran before that (steps in the callback that ended there
            // have no more events than it, those after it no fewer).
            let Some(before) = (1..step.events)
                .rev()
                .take(8)
                .map(|n| inspect_at(&src, Some(n), Options::default()).unwrap())
                .find(|s| s.events < step.events)
                .filter(|s| steps[k - 1].events < s.events)
            else {
                continue;
            };
            let at = inspect_at_line(&src, k, Options::default()).unwrap();
            assert_eq!(at.at, Some(step), "{name} step {k}");
            assert_eq!(at.events, step.events, "{name} step {k}");
            compared += 1;
            // Nothing ran between: the task had not started, or it resumes from an
            // `await` statement of its own (not from inside asyncio's Python, whose rest
            // runs first) straight into its next statement.
            let running = step.task.unwrap();
            let task = |s: &'_ Inspection| s.tasks.iter().find(|t| t.task == running).cloned();
            let (t, b) = (task(&at).unwrap(), task(&before).unwrap());
            let same_frames = t.frames.len() == b.frames.len()
                && t.frames
                    .iter()
                    .zip(&b.frames)
                    .all(|(x, y)| x.function == y.function);
            let not_started = b.status == TaskStatus::NotStarted;
            let resumed = b
                .frames
                .last()
                .is_some_and(|f| next_after_await(&src, f.line, step.line));
            if !same_frames || !(not_started || resumed) {
                continue;
            }
            clean += 1;
            let ids = |s: &Inspection| s.tasks.iter().map(|t| t.task).collect::<Vec<_>>();
            assert_eq!(ids(&at), ids(&before), "{name} step {k}: the tasks");
            for (t, b) in at.tasks.iter().zip(&before.tasks) {
                if t.task == running {
                    // Its frames are at the statement now, not at the `await`.
                    assert_eq!(frames(t, false), frames(b, false), "{name} step {k}");
                } else {
                    assert_eq!(outside_view(t), outside_view(b), "{name} step {k}");
                }
            }
            assert_eq!(vars(&at.globals), vars(&before.globals), "{name} step {k}");
        }
    }
    println!("{compared} first steps of a callback, {clean} states compared");
    assert!(
        compared >= 300 && clean >= 200,
        "{compared} steps, {clean} compared"
    );
}

const THROWN_INTO_AWAITS: &str = "an exception thrown into a chain of awaits: CPython gives \
     the awaiting line an event again when what it awaits returns";

/// Programs whose steps differ from CPython's line events for a reason of the
/// interpreter's, not of stepping (besides those of `tests/py/known_gaps.txt`).
const NOT_AS_CPYTHON: &[(&str, &str)] = &[
    (
        "008_recursion_error.py",
        "the recursion limit counts frames otherwise: the error comes at another depth",
    ),
    (
        "040_repr_str_dunders.py",
        "list() of an object with __len__ and __getitem__: CPython calls __len__ first",
    ),
    (
        "194_eq_hash_objects.py",
        "sorted() compares other pairs than CPython's timsort",
    ),
    ("111_timeout_error_handling.py", THROWN_INTO_AWAITS),
    ("217_await_protocol.py", THROWN_INTO_AWAITS),
    (
        "206_aenter_failure.py",
        "a `with` of two items left by an exception entering the second: CPython steps \
         at the first item's exit too",
    ),
];

/// CPython's line events for `file`, without those of the lines it masks
/// (`tests/py/trace_lines.py`), and those lines.
fn cpython_steps(python: &Path, file: &Path) -> (Vec<u32>, HashSet<u32>) {
    let runner = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/py/trace_lines.py");
    let out = Command::new(python).arg(runner).arg(file).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let last = text.lines().last().unwrap_or_default();
    let v: serde_json::Value = serde_json::from_str(last)
        .unwrap_or_else(|e| panic!("{}: no events ({e}): {text}", file.display()));
    let numbers = |key: &str| -> Vec<u32> {
        v[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_u64().unwrap() as u32)
            .collect()
    };
    let masked: HashSet<u32> = numbers("masked").into_iter().collect();
    let lines = numbers("lines")
        .into_iter()
        .filter(|l| !masked.contains(l))
        .collect();
    (lines, masked)
}

/// How `file`'s steps differ from CPython's line events, if they do.
fn differs_from_cpython(python: &Path, file: &Path) -> Option<String> {
    let (mut theirs, masked) = cpython_steps(python, file);
    let src = std::fs::read_to_string(file).unwrap();
    let LineSteps { steps, cut } = line_steps(&src, Options::default()).ok()?;
    let ours: Vec<u32> = steps
        .iter()
        .map(|s| s.line)
        .filter(|l| !masked.contains(l))
        .collect();
    if cut {
        theirs.truncate(ours.len());
    }
    let i = ours.iter().zip(&theirs).position(|(a, b)| a != b);
    let i = i.or((ours.len() != theirs.len()).then(|| ours.len().min(theirs.len())))?;
    let around = |v: &[u32]| v[i.saturating_sub(3)..(i + 4).min(v.len())].to_vec();
    Some(format!(
        "step {i}: {:?}, CPython {:?}",
        around(&ours),
        around(&theirs)
    ))
}

/// The steps are where CPython's `sys.settrace` gives a line event (what Python Tutor
/// steps by), but inside lambdas and comprehensions, and within a statement written on
/// several lines: on the corpus, the examples and the lessons.
#[test]
fn the_steps_are_cpython_s_line_events() {
    let python = cpython();
    let gaps = known_gaps();
    let files: Vec<PathBuf> = corpus()
        .into_iter()
        .filter(|f| !gaps.iter().any(|(g, _)| f.ends_with(g)))
        .collect();
    let differences = on_two_threads(&files, |f| differs_from_cpython(&python, f));
    let name = |f: &PathBuf| f.file_name().unwrap().to_string_lossy().into_owned();
    let known = |f: &PathBuf| NOT_AS_CPYTHON.iter().any(|(k, _)| name(f) == *k);
    let unexpected: Vec<String> = files
        .iter()
        .zip(&differences)
        .filter_map(|(f, d)| Some(format!("{}: {}", name(f), d.as_ref()?)))
        .filter(|d| !NOT_AS_CPYTHON.iter().any(|(k, _)| d.starts_with(k)))
        .collect();
    assert!(unexpected.is_empty(), "{}", unexpected.join("\n"));
    let now_equal: Vec<String> = files
        .iter()
        .zip(&differences)
        .filter(|(f, d)| known(f) && d.is_none())
        .map(|(f, _)| name(f))
        .collect();
    assert!(
        now_equal.is_empty(),
        "these now step as CPython does; delete them from NOT_AS_CPYTHON: {now_equal:?}"
    );
}
