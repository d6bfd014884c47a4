#![cfg(not(target_arch = "wasm32"))]
//! Every lesson's tokio version (`src/lessons/programs/*.rs`), compiled in and run
//! natively, against Looplab's interpreter running the lesson's Python beside it
//! (`*.py`, the same stem): the same printed lines, each at the same virtual time, and
//! the same total.
//!
//! Each program is `include!`d into a module of its own, after this file's `println!`,
//! which records the line with the time on the program's tokio clock instead of writing
//! it. Most run on tokio's paused clock (`start_paused`), which does not move with real
//! time and jumps to the next timer when the runtime is idle, as Looplab's virtual clock
//! does: their times match to the millisecond.
//!
//! Six hold a thread with `std::thread::sleep`, as their Python holds one with
//! `time.sleep`: on the loop's thread (blocking, perf_counter, job_queue, streaming,
//! monitoring) or on the blocking pool (executor). A paused clock counts none of that time, and tokio even
//! holds it still while a `spawn_blocking` job runs (it stops auto-advancing), so the
//! lines would come at other times, in another order, with other totals. Those six run
//! on a real clock, all at once on threads of their own (under 2 s in all), and their
//! times are compared within [`REAL_CLOCK_MS`].

use looplab::py::{run_source, Ending, RunOutput};
use looplab::sim::trace::EventKind;
use std::cell::RefCell;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How far a real clock's times may be from the virtual ones: timers that fire a
/// millisecond late and thread wake-ups add up over a run's chain of waits.
const REAL_CLOCK_MS: f64 = 30.0;

/// How far a paused clock's times may be: they are off by the time between `start`
/// (taken just before `main`) and the runtime's clock being built, a few microseconds.
const PAUSED_CLOCK_MS: f64 = 1.0;

/// What a program printed, each line with its time in ms since `start`.
struct Recording {
    start: Instant,
    lines: Vec<(f64, String)>,
    /// The program's runtime, for reading its clock once `main` has returned.
    runtime: Option<tokio::runtime::Handle>,
}

type Shared = Arc<Mutex<Recording>>;

thread_local! {
    /// The recording of the program running on this thread.
    static RECORDING: RefCell<Option<Shared>> = const { RefCell::new(None) };
}

/// Starts recording the program about to run on this thread; its times count from now.
fn start(recording: &Shared) {
    recording.lock().unwrap().start = Instant::now();
    RECORDING.with(|r| *r.borrow_mut() = Some(recording.clone()));
}

fn new_recording() -> Shared {
    Arc::new(Mutex::new(Recording {
        start: Instant::now(),
        lines: Vec::new(),
        runtime: None,
    }))
}

/// The programs' `println!`: the line, at the time on the running program's clock.
fn record(line: String) {
    let now = tokio::time::Instant::now().into_std();
    RECORDING.with(|r| {
        let r = r.borrow();
        let mut r = r.as_ref().expect("a recording was started").lock().unwrap();
        let t = (now - r.start).as_secs_f64() * 1000.0;
        r.lines.push((t, line));
        if r.runtime.is_none() {
            r.runtime = tokio::runtime::Handle::try_current().ok();
        }
    });
}

/// What a tokio program did: its lines, and its total.
struct TokioRun {
    lines: Vec<(f64, String)>,
    /// The program's clock read just after `main` returned. Its runtime is gone by then,
    /// but not its clock, which reads where the run ended: a paused clock stays at the
    /// virtual time of the last timer it jumped to.
    total: f64,
}

fn finish(recording: &Shared) -> TokioRun {
    RECORDING.with(|r| r.borrow_mut().take());
    let r = recording.lock().unwrap();
    let runtime = r.runtime.as_ref().expect("the program printed");
    let end = {
        let _clock = runtime.enter();
        tokio::time::Instant::now().into_std()
    };
    TokioRun {
        lines: r.lines.clone(),
        total: (end - r.start).as_secs_f64() * 1000.0,
    }
}

// Shadows std's `println!` in every program below (macro_rules names are textually
// scoped): the programs print through `record`.
macro_rules! println {
    ($($t:tt)*) => {
        $crate::record(format!($($t)*))
    };
}

/// A module for the program `name`: its Rust, its Python, and `run`.
macro_rules! program {
    ($name:ident) => {
        mod $name {
            include!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/src/lessons/programs/",
                stringify!($name),
                ".rs"
            ));

            pub const PYTHON: &str = include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/src/lessons/programs/",
                stringify!($name),
                ".py"
            ));

            pub fn run(recording: &crate::Shared) -> crate::TokioRun {
                crate::start(recording);
                main();
                crate::finish(recording)
            }
        }
    };
    // On the paused clock: a test of its own.
    ($name:ident, paused) => {
        program!($name);

        #[test]
        fn $name() {
            let tokio = $name::run(&new_recording());
            let python = python($name::PYTHON);
            if let Err(problem) = compare(stringify!($name), &tokio, &python, PAUSED_CLOCK_MS) {
                panic!("{problem}");
            }
        }
    };
}

program!(event_loop, paused);
program!(coroutines, paused);
program!(breakfast_in_turn, paused);
program!(breakfast_gathered, paused);
program!(create_task, paused);
program!(fetch, paused);
program!(errors, paused);
program!(timeouts, paused);
program!(semaphore, paused);
program!(thousand_gathered, paused);
program!(thousand_in_groups, paused);
program!(taskgroup, paused);
program!(retries, paused);
program!(shutdown, paused);
program!(testing, paused);
program!(production_loops, paused);
program!(deadlock);
program!(blocking);
program!(executor);
program!(perf_counter);
program!(job_queue);
program!(streaming);
program!(monitoring);

/// Looplab's run of a program's Python.
fn python(src: &str) -> RunOutput {
    run_source(src).expect("the lesson's Python compiles")
}

/// The lines a Python run printed, each at the virtual time it began (as the console
/// shows them: `ui::console::output_lines`).
fn python_lines(out: &RunOutput) -> Vec<(f64, String)> {
    let mut lines: Vec<(f64, String)> = Vec::new();
    let mut open = false;
    for e in out.trace.events.iter() {
        let EventKind::Print { text } = e.kind else {
            continue;
        };
        for piece in out.trace.text(text).split_inclusive('\n') {
            if !open {
                lines.push((e.t, String::new()));
            }
            let line = lines.last_mut().expect("a line was opened");
            line.1.push_str(piece.trim_end_matches('\n'));
            open = !piece.ends_with('\n');
        }
    }
    lines
}

/// The tokio run says what the Python run says, when it says it, within `tolerance`
/// ms; and ends when it ends: tokio's total (its clock when `main` returned) against
/// the Python's (`virtual_ms`, when `asyncio.run` returned).
fn compare(name: &str, tokio: &TokioRun, python: &RunOutput, tolerance: f64) -> Result<(), String> {
    if python.ending != Ending::Completed {
        return Err(format!(
            "{name}: the Python ended with {:?}",
            python.exception
        ));
    }
    let expected = python_lines(python);
    let printed: String = expected.iter().map(|(_, l)| format!("{l}\n")).collect();
    assert_eq!(
        printed, python.stdout,
        "{name}: the trace's lines are the stdout"
    );
    let text =
        |lines: &[(f64, String)]| -> Vec<String> { lines.iter().map(|(_, l)| l.clone()).collect() };
    if text(&tokio.lines) != text(&expected) {
        return Err(format!(
            "{name}: tokio printed {:#?}\nthe Python printed {:#?}",
            tokio.lines, expected
        ));
    }
    for ((t, line), (want, _)) in tokio.lines.iter().zip(&expected) {
        if (t - want).abs() > tolerance {
            return Err(format!(
                "{name}: `{line}` at {t:.3} ms on tokio's clock, at {want} ms in Python"
            ));
        }
    }
    if (tokio.total - python.virtual_ms).abs() > tolerance {
        return Err(format!(
            "{name}: the run took {:.3} ms on tokio's clock, {} ms in Python",
            tokio.total, python.virtual_ms
        ));
    }
    Ok(())
}

#[test]
fn the_real_clock_programs_say_the_same_within_30_ms() {
    type Run = fn(&Shared) -> TokioRun;
    let programs: [(&str, Run, &str); 6] = [
        ("blocking", blocking::run, blocking::PYTHON),
        ("executor", executor::run, executor::PYTHON),
        ("perf_counter", perf_counter::run, perf_counter::PYTHON),
        ("job_queue", job_queue::run, job_queue::PYTHON),
        ("streaming", streaming::run, streaming::PYTHON),
        ("monitoring", monitoring::run, monitoring::PYTHON),
    ];
    // All at once: they wait on the clock, and one after the other would take 7.7 s.
    let threads: Vec<_> = programs
        .iter()
        .map(|&(_, run, _)| std::thread::spawn(move || run(&new_recording())))
        .collect();
    let pythons: Vec<_> = programs.iter().map(|&(_, _, src)| python(src)).collect();
    let mut problems = Vec::new();
    for ((thread, python), (name, _, _)) in threads.into_iter().zip(pythons).zip(programs) {
        let tokio = thread.join().expect("the program ran");
        problems.extend(compare(name, &tokio, &python, REAL_CLOCK_MS).err());
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// CPython never finishes `deadlock.py`, and Looplab reports the deadlock. tokio has no
/// such report: its program hangs, with both tasks waiting for a lock, and is still
/// waiting a second later (the thread is left to hang until the tests end).
#[test]
fn the_deadlock_hangs_on_tokio_where_python_reports_it() {
    let recording = new_recording();
    let running = {
        let recording = recording.clone();
        std::thread::spawn(move || deadlock::run(&recording))
    };
    let python = python(deadlock::PYTHON);
    assert_eq!(python.ending, Ending::Deadlock, "{:?}", python.exception);
    // Both have taken their first lock and slept: the deadlock is found at 100 ms.
    assert_eq!(python.virtual_ms, 100.0);
    std::thread::sleep(Duration::from_secs(1));
    assert!(!running.is_finished(), "the tokio program ended");
    // Nothing printed before the hang, on either side.
    assert!(python_lines(&python).is_empty(), "{:?}", python.stdout);
    assert!(recording.lock().unwrap().lines.is_empty());
}
