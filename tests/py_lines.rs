#![cfg(not(target_arch = "wasm32"))]
//! Stepping a run statement by statement (`py::lines`): every statement the program
//! runs, in order, with the task running it and the events before it, and the state
//! just before any of them. `tests/py_lines_corpus.rs` checks the whole corpus.

use looplab::py::inspect::{inspect_at, Inspection, TaskView, ValueView, Var};
use looplab::py::lines::{inspect_at_line, line_steps, LineStep, LineSteps, MAX_STEPS};
use looplab::py::run::Options;
use looplab::py::run_source;
use std::path::Path;

const WORKERS: &str = "\
import asyncio

log = []

async def worker(name, numbers):
    total = 0
    for n in numbers:
        total = total + n
        await asyncio.sleep(0.1)
    log.append(name)
    return total

async def main():
    results = await asyncio.gather(worker('a', [1, 2]), worker('b', [5]))
    print(results, log)

asyncio.run(main())
";

fn steps(src: &str) -> LineSteps {
    line_steps(src, Options::default()).unwrap()
}

/// The steps as (line, task).
fn lines(src: &str) -> Vec<(u32, Option<u32>)> {
    steps(src).steps.iter().map(|s| (s.line, s.task)).collect()
}

fn task(state: &Inspection, id: u32) -> &TaskView {
    state.tasks.iter().find(|t| t.task == id).unwrap()
}

fn value(vars: &[Var], name: &str) -> String {
    match &vars.iter().find(|v| v.name == name).unwrap().value {
        ValueView::Repr(r) => r.clone(),
        other => format!("{other:?}"),
    }
}

#[test]
fn every_statement_is_a_step_of_the_task_that_runs_it_in_order() {
    let (a, b, main) = (Some(1), Some(2), Some(0));
    #[rustfmt::skip]
    let expected = vec![
        // The module's code, up to `asyncio.run`.
        (1, None), (3, None), (5, None), (13, None), (17, None),
        (14, main),
        // Each worker to its first await; the `for` line again before each item.
        (6, a), (7, a), (8, a), (9, a),
        (6, b), (7, b), (8, b), (9, b),
        // At 0.1 s: `a` to its second await, `b` out of its loop to its end.
        (7, a), (8, a), (9, a),
        (7, b), (10, b), (11, b),
        // At 0.2 s.
        (7, a), (10, a), (11, a),
        (15, main),
    ];
    assert_eq!(lines(WORKERS), expected);
    assert!(!steps(WORKERS).cut);
}

#[test]
fn events_before_each_step_grow_from_one_callback_to_the_next() {
    let all = steps(WORKERS).steps;
    assert!(all.windows(2).all(|w| w[0].events <= w[1].events));
    assert_eq!(
        all[0].events, 0,
        "nothing happened before the module's first line"
    );
    // Within a callback the count stays; a task's next callback comes after events.
    let trace = run_source(WORKERS).unwrap().trace;
    for w in all.windows(2) {
        if w[0].task != w[1].task && w[1].task.is_some() {
            assert!(w[0].events < w[1].events, "{w:?}");
        }
        assert!(w[1].events <= trace.events.len());
    }
}

#[test]
fn the_state_before_a_step_shows_a_variable_before_and_after_its_statement() {
    let all = steps(WORKERS).steps;
    let at = |line: u32, nth: usize| {
        all.iter()
            .enumerate()
            .filter(|(_, s)| s.line == line && s.task == Some(1))
            .nth(nth)
            .unwrap()
            .0
    };
    let total = |k: usize| {
        let state = inspect_at_line(WORKERS, k, Options::default()).unwrap();
        assert_eq!(state.at, Some(all[k]));
        assert_eq!(state.events, all[k].events);
        let frames = &task(&state, 1).frames;
        assert_eq!(frames.len(), 1);
        assert_eq!(frames[0].function, "worker");
        assert_eq!(frames[0].line, all[k].line, "the frame is at the statement");
        value(&frames[0].locals, "total")
    };
    // `total = total + n` with n = 1, then with n = 2.
    assert_eq!(total(at(8, 0)), "0");
    assert_eq!(total(at(9, 0)), "1");
    assert_eq!(total(at(8, 1)), "1");
    assert_eq!(total(at(9, 1)), "3");
    // What the statement changed, as the panel marks it.
    let mut after = inspect_at_line(WORKERS, at(9, 1), Options::default()).unwrap();
    after.mark_changes(&inspect_at_line(WORKERS, at(8, 1), Options::default()).unwrap());
    let changed = |vars: &[Var]| -> Vec<String> {
        vars.iter()
            .filter(|v| v.changed)
            .map(|v| v.name.clone())
            .collect()
    };
    assert_eq!(changed(&task(&after, 1).frames[0].locals), ["total"]);
    assert!(changed(&task(&after, 2).frames[0].locals).is_empty());

    // The other tasks as they wait, the module's variables, the module's frame.
    let state = inspect_at_line(WORKERS, at(9, 1), Options::default()).unwrap();
    let b = task(&state, 2);
    assert_eq!(b.frames[0].line, 9);
    assert_eq!(value(&b.frames[0].locals, "total"), "5");
    assert_eq!(b.waiting, None, "its sleep is over: it is ready to resume");
    let main = task(&state, 0);
    assert_eq!(main.frames[0].line, 14);
    assert_eq!(main.waiting.as_deref(), Some("gather"));
    assert!(matches!(
        &state.globals.iter().find(|v| v.name == "log").unwrap().value,
        ValueView::Items { items, .. } if items.is_empty()
    ));
    let module: Vec<(&str, u32)> = state
        .outside
        .iter()
        .map(|f| (f.function.as_str(), f.line))
        .collect();
    assert_eq!(module, [("<module>", 17)]);
}

#[test]
fn module_level_steps_show_the_module_and_the_functions_it_calls() {
    let src = "\
def double(x):
    y = x * 2
    return y

a = 1
b = double(a)
c = a + b
";
    assert_eq!(
        lines(src),
        [
            (1, None),
            (5, None),
            (6, None),
            (2, None),
            (3, None),
            (7, None)
        ]
    );
    let state = inspect_at_line(src, 4, Options::default()).unwrap();
    let frames: Vec<(&str, u32)> = state
        .outside
        .iter()
        .map(|f| (f.function.as_str(), f.line))
        .collect();
    assert_eq!(frames, [("<module>", 6), ("double", 3)]);
    assert_eq!(value(&state.outside[1].locals, "y"), "2");
    let mut marked = state.clone();
    marked.mark_changes(&inspect_at_line(src, 3, Options::default()).unwrap());
    let changed: Vec<&str> = marked.outside[1]
        .locals
        .iter()
        .map(|v| if v.changed { "changed" } else { "same" })
        .collect();
    assert_eq!(changed, ["same", "changed"], "x, then the new y");
    assert_eq!(value(&state.globals, "a"), "1");
    assert!(
        state.globals.iter().all(|v| v.name != "b"),
        "b is not set yet"
    );
    assert!(state.tasks.is_empty());
    // Past the last step: the end of the run.
    let end = inspect_at_line(src, 6, Options::default()).unwrap();
    assert_eq!(end.at, None);
    assert_eq!(value(&end.globals, "c"), "3");
}

#[test]
fn asyncio_s_own_python_is_never_stepped_through() {
    // A lock, a queue, `wait_for`, `to_thread`: the prelude's Python runs under each.
    let src = "\
import asyncio
import time

lock = asyncio.Lock()
queue = asyncio.Queue()

def blocking(n):
    time.sleep(0.1)
    return n * 2

async def producer():
    for i in range(2):
        await queue.put(i)
    async with lock:
        doubled = await asyncio.to_thread(blocking, 4)
    return doubled

async def consumer():
    got = []
    while len(got) < 2:
        item = await queue.get()
        got.append(item)
    try:
        raise ValueError('x')
    except KeyError:
        pass
    except ValueError as e:
        got.append(str(e))
    async with lock:
        pass
    return got

async def main():
    return await asyncio.wait_for(asyncio.gather(producer(), consumer()), 5)

print(asyncio.run(main()))
";
    let (main, p, c) = (Some(0), Some(1), Some(2));
    #[rustfmt::skip]
    let expected = vec![
        (1, None), (2, None), (4, None), (5, None), (7, None), (11, None), (18, None),
        (33, None), (36, None),
        (34, main),
        (12, p), (13, p), (12, p), (13, p), (12, p), (14, p), (15, p),
        // `while` before each test; `try`, and each `except` clause tried.
        (19, c), (20, c), (21, c), (22, c), (20, c), (21, c), (22, c), (20, c),
        (23, c), (24, c), (25, c), (27, c), (28, c), (29, c),
        // The worker thread runs no task's code.
        (8, None), (9, None),
        // Leaving an `async with` is a step of its line again.
        (14, p), (16, p),
        (30, c), (29, c), (31, c),
    ];
    assert_eq!(lines(src), expected);
    // At the thread's `time.sleep`: the producer waits in its `async with`.
    let k = expected.iter().position(|s| *s == (8, None)).unwrap();
    let state = inspect_at_line(src, k, Options::default()).unwrap();
    let frames: Vec<&str> = state.outside.iter().map(|f| &*f.function).collect();
    assert_eq!(frames, ["<module>", "blocking"]);
    assert_eq!(value(&state.outside[1].locals, "n"), "4");
    let producer = task(&state, 1);
    assert_eq!(producer.frames[0].line, 15);
}

#[test]
fn statements_sharing_a_line_are_one_step_as_in_cpython_s_trace() {
    let src = "\
a = 1; b = 2
for i in range(2): a += i
if a: b = 3
try: c = 1
except KeyError: pass
class K: pass
";
    // The `for` line before each item and once more; a class's line again as its body
    // begins.
    let steps: Vec<u32> = lines(src).iter().map(|s| s.0).collect();
    assert_eq!(steps, [1, 2, 2, 2, 3, 4, 6, 6]);
}

#[test]
fn no_handler_in_the_program_can_catch_the_stop() {
    let src = "\
import asyncio

caught = []

async def guarded():
    try:
        x = 1
        x = 2
    except BaseException as e:
        caught.append(repr(e))
    finally:
        caught.append('finally')
    caught.append('after')

async def main():
    try:
        await guarded()
    finally:
        caught.append('main finally')

try:
    asyncio.run(main())
except BaseException:
    caught.append('module')
";
    let all = steps(src).steps;
    let k = all.iter().position(|s| s.line == 8).unwrap();
    let state = inspect_at_line(src, k, Options::default()).unwrap();
    assert!(
        matches!(&state.globals.iter().find(|v| v.name == "caught").unwrap().value,
            ValueView::Items { items, .. } if items.is_empty()),
        "{:?}",
        state.globals
    );
    let frames: Vec<(&str, u32)> = task(&state, 0)
        .frames
        .iter()
        .map(|f| (f.function.as_str(), f.line))
        .collect();
    assert_eq!(frames, [("main", 17), ("guarded", 8)]);
    assert_eq!(value(&task(&state, 0).frames[1].locals, "x"), "1");
    // Run to the end, every handler runs as usual.
    let end = inspect_at_line(src, all.len(), Options::default()).unwrap();
    assert!(matches!(&end.globals[0].value, ValueView::Items { items, .. } if items.len() == 3));
}

#[test]
fn a_long_run_is_cut_at_the_cap() {
    let src = "total = 0\nfor i in range(100_000):\n    total += i\n";
    let s = steps(src);
    assert!(s.cut);
    assert_eq!(s.steps.len(), MAX_STEPS);
    // `for` and `total += i` in turn after the first line.
    assert_eq!(
        s.steps[MAX_STEPS - 1],
        LineStep {
            line: 2,
            task: None,
            events: 0
        }
    );
    // A short one is not.
    assert!(!steps("x = 1\n").cut);
}

#[test]
fn a_syntax_error_is_an_error() {
    assert!(line_steps("def broken(:\n    pass\n", Options::default()).is_err());
    assert!(inspect_at_line("x = (\n", 0, Options::default()).is_err());
}

/// 1,000 tasks, each a loop of three awaits.
const LOOPING: &str = "\
import asyncio

async def worker(n):
    total = 0
    for i in range(3):
        total += i * n
        await asyncio.sleep(0.1)
    return total

async def main():
    print(sum(await asyncio.gather(*(worker(n) for n in range(1000)))))

asyncio.run(main())
";

/// The best of five runs of `f`.
fn best<T>(f: impl Fn() -> T) -> std::time::Duration {
    (0..5)
        .map(|_| {
            let t = std::time::Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap()
}

/// `cargo test --release --test py_lines timings -- --ignored --nocapture`
#[test]
#[ignore]
fn timings() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |file: &str| std::fs::read_to_string(root.join(file)).unwrap();
    let programs = [
        (
            "breakfast_gathered.py",
            read("src/lessons/programs/breakfast_gathered.py"),
        ),
        (
            "thousand_gathered.py",
            read("src/lessons/programs/thousand_gathered.py"),
        ),
        ("1,000 tasks x 3 iterations", LOOPING.to_string()),
    ];
    for (name, src) in programs {
        let all = steps(&src);
        let n = all.steps.len();
        println!(
            "{name}: {n} steps (cut {}): line_steps {:?}; inspect_at_line first {:?}, \
             middle {:?}, last {:?}; inspect_at(end, Options::default()) {:?}",
            all.cut,
            best(|| steps(&src)),
            best(|| inspect_at_line(&src, 0, Options::default())),
            best(|| inspect_at_line(&src, n / 2, Options::default())),
            best(|| inspect_at_line(&src, n - 1, Options::default())),
            best(|| inspect_at(&src, None, Options::default())),
        );
    }
}
