//! The Python interpreter (`looplab::py`) on the issue's workload: 10,000 asyncio
//! tasks × 10 awaits, given as program text and run with its full trace.
//!
//! ```python
//! import asyncio
//! async def worker(i):
//!     for k in range(10):
//!         await asyncio.sleep(0.010 * (k % 7 + 1))
//! async def main():
//!     await asyncio.gather(*(worker(i) for i in range(10_000)))
//! asyncio.run(main())
//! ```
//!
//! In the same bench run, side by side:
//!
//! - `looplab_py_full_trace`: `looplab::py::run_source` on that text; each iteration
//!   parses, compiles, runs on the virtual clock, records the trace and drops it all.
//! - `step_kernel_full_trace`: the same shape as a step-language scenario run by
//!   `looplab::sim::run_with` (the `event_loop` bench's Looplab side).
//! - `tokio_paused_clock`: the `event_loop` bench's tokio yardstick (10,000 spawned tasks
//!   × the same 10 `tokio::time::sleep`s on a current-thread runtime with a paused clock).
//! - CPython: `tests/py/bench_cpython.py 10000` (the same program on an asyncio loop
//!   whose clock is virtual; best of 3 `asyncio.run`s inside one process), spawned
//!   before and after criterion's group for each interpreter found (3.13, then 3.12;
//!   `LOOPLAB_CPYTHON=path1:path2` to choose others).
//!
//! After the group it runs the three Rust sides alternately ([`ROUNDS`] rounds) and
//! prints their medians and the median per-round ratios, then runs the 100,000-task
//! version once (time, trace size, ending). `PY_BENCH_CPYTHON_100K=1` also times
//! CPython on the 100,000-task version (about 20 s per interpreter).
//!
//! Run with `cargo bench --bench py_interp`; the figures are recorded in BENCHMARKS.md.

/// The allocator `looplab-run` uses, so the bench measures the native build people run.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static GLOBAL: looplab::native_alloc::Allocator = looplab::native_alloc::Allocator;

#[cfg(not(target_arch = "wasm32"))]
mod workload;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::workload::{run_kernel, run_tokio, scenario, total_ms, TASKS};
    use criterion::Criterion;
    use looplab::py::{run_source, Ending, RunOutput};
    use looplab::sim::{Outcome, Trace};
    use std::hint::black_box;
    use std::path::PathBuf;
    use std::process::Command;
    use std::time::{Duration, Instant};

    const BIG: usize = 100_000;

    /// Alternating rounds of the three Rust sides after criterion's group.
    const ROUNDS: usize = 30;

    /// The issue's program with `n` workers (`n` written as Python would: `10_000`).
    fn program(n: usize) -> String {
        let literal = looplab::sim::metrics::group_thousands(n as u64, '_');
        format!(
            "import asyncio\n\
             async def worker(i):\n\
             \x20   for k in range(10):\n\
             \x20       await asyncio.sleep(0.010 * (k % 7 + 1))\n\
             async def main():\n\
             \x20   await asyncio.gather(*(worker(i) for i in range({literal})))\n\
             asyncio.run(main())\n"
        )
    }

    fn run_py(src: &str) -> RunOutput {
        run_source(src).expect("the bench program parses")
    }

    /// The CPython interpreters to compare with: `LOOPLAB_CPYTHON` (paths separated by
    /// `:`), else pyenv's 3.13.0 and 3.12.1 where they exist.
    fn pythons() -> Vec<PathBuf> {
        if let Ok(list) = std::env::var("LOOPLAB_CPYTHON") {
            return list
                .split(':')
                .filter(|p| !p.is_empty())
                .map(PathBuf::from)
                .collect();
        }
        let home = std::env::var("HOME").unwrap_or_default();
        ["3.13.0", "3.12.1"]
            .iter()
            .map(|v| PathBuf::from(format!("{home}/.pyenv/versions/{v}/bin/python3")))
            .filter(|p| p.exists())
            .collect()
    }

    /// CPython's best-of-3 wall time in ms for `n` workers (whole `asyncio.run`), as
    /// `tests/py/bench_cpython.py` prints it (to the ms), or `None` if it failed.
    fn cpython_ms(python: &PathBuf, n: usize) -> Option<f64> {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/py/bench_cpython.py");
        let out = Command::new(python)
            .arg(script)
            .arg(n.to_string())
            .output()
            .ok()?;
        if !out.status.success() {
            eprintln!(
                "{}: {}",
                python.display(),
                String::from_utf8_lossy(&out.stderr).trim()
            );
            return None;
        }
        let seconds: f64 = String::from_utf8_lossy(&out.stdout).trim().parse().ok()?;
        Some(seconds * 1e3)
    }

    fn python_version(python: &PathBuf) -> String {
        Command::new(python)
            .arg("-c")
            .arg("import sys; print(sys.version.split()[0])")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default()
    }

    fn median(v: &mut [f64]) -> f64 {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    }

    /// Times `run` `runs` times, each after an untimed run of the same side (as
    /// criterion times runs that follow runs of the same side); returns the times in ms.
    fn timed(run: &mut dyn FnMut(), runs: usize) -> Vec<f64> {
        (0..runs)
            .map(|_| {
                run();
                let start = Instant::now();
                run();
                start.elapsed().as_secs_f64() * 1e3
            })
            .collect()
    }

    /// Trace memory: stored events × 16 bytes, texts, task and step records.
    fn trace_bytes(trace: &Trace) -> (usize, usize, usize) {
        let events = trace.events.stored() * 16;
        let texts: usize = trace.texts.iter().map(|t| t.len() + 24).sum();
        let tasks = trace.tasks.len() * std::mem::size_of::<looplab::sim::trace::TaskInfo>()
            + trace.steps.len() * std::mem::size_of::<looplab::sim::trace::StepInfo>()
            + trace
                .task_lists
                .iter()
                .map(|l| 24 + l.len() * 4)
                .sum::<usize>();
        (events, texts, tasks)
    }

    fn describe(label: &str, out: &RunOutput) {
        let (events, texts, tasks) = trace_bytes(&out.trace);
        println!(
            "{label}: ending {}, virtual end {} ms, {} tasks, {} trace events ({} stored: \
             {:.1} MB), {} texts ({:.2} MB), tasks/steps/lists {:.2} MB{}",
            out.ending.as_str(),
            out.virtual_ms,
            out.trace.tasks.len(),
            out.trace.events.len(),
            out.trace.events.stored(),
            events as f64 / 1e6,
            out.trace.texts.len(),
            texts as f64 / 1e6,
            tasks as f64 / 1e6,
            out.exception
                .as_deref()
                .map(|e| format!(", message: {e}"))
                .unwrap_or_default()
        );
    }

    /// Each interpreter's best-of-3 time for `n` workers, printed and returned.
    fn cpython_round(pythons: &[PathBuf], n: usize, when: &str) -> Vec<(String, f64)> {
        let mut times = Vec::new();
        for python in pythons {
            let version = python_version(python);
            match cpython_ms(python, n) {
                Some(ms) => {
                    println!("cpython {version} ({when}), {n} tasks: best of 3 {ms:.0} ms");
                    times.push((version, ms));
                }
                None => println!("cpython {version} ({when}): no figure"),
            }
        }
        times
    }

    pub fn bench_py(c: &mut Criterion) {
        let src = program(TASKS);
        let scenario = scenario();
        let pythons = pythons();

        // Checked once, outside the timed part, so that the bench cannot measure a failure.
        let out = run_py(&src);
        assert_eq!(
            out.ending,
            Ending::Completed,
            "the bench program must complete, not end with {:?}",
            out.exception
        );
        // Float seconds summed as Python sums them: 340.00000000000006 ms.
        assert!(
            (out.virtual_ms - total_ms() as f64).abs() < 1e-6,
            "virtual time at the end of the run: {} ms",
            out.virtual_ms
        );
        describe("looplab py, 10,000 tasks", &out);
        drop(out);
        let trace = run_kernel(&scenario);
        assert!(matches!(trace.outcome, Outcome::Completed { .. }));
        println!(
            "step kernel: {} tasks, {} trace events, virtual end {} ms",
            trace.tasks.len(),
            trace.events.len(),
            trace.end
        );
        drop(trace);
        assert!(run_tokio() >= Duration::from_millis(total_ms()));

        let mut cpython = cpython_round(&pythons, TASKS, "before");

        let mut group = c.benchmark_group("py_10k_tasks_x_10_awaits");
        group
            .sample_size(10)
            .warm_up_time(Duration::from_secs(2))
            .measurement_time(Duration::from_secs(10));
        group.bench_function("looplab_py_full_trace", |b| {
            b.iter(|| run_py(black_box(&src)))
        });
        group.bench_function("step_kernel_full_trace", |b| {
            b.iter(|| run_kernel(black_box(&scenario)))
        });
        group.bench_function("tokio_paused_clock", |b| b.iter(run_tokio));
        group.finish();

        cpython.extend(cpython_round(&pythons, TASKS, "after"));

        // The three Rust sides alternately.
        let (mut py, mut kernel, mut tokio) = (Vec::new(), Vec::new(), Vec::new());
        let (mut py_kernel, mut py_tokio) = (Vec::new(), Vec::new());
        for _ in 0..ROUNDS {
            let p = timed(&mut || drop(black_box(run_py(black_box(&src)))), 1)[0];
            let k = timed(&mut || drop(black_box(run_kernel(black_box(&scenario)))), 1)[0];
            let t = timed(
                &mut || {
                    black_box(run_tokio());
                },
                1,
            )[0];
            py.push(p);
            kernel.push(k);
            tokio.push(t);
            py_kernel.push(p / k);
            py_tokio.push(p / t);
        }
        let best_py = py.iter().copied().fold(f64::INFINITY, f64::min);
        let (p, k, t) = (median(&mut py), median(&mut kernel), median(&mut tokio));
        let (pk, pt) = (median(&mut py_kernel), median(&mut py_tokio));
        println!(
            "paired, {ROUNDS} alternating rounds (medians): looplab py {p:.2} ms (best \
             {best_py:.2}), step kernel {k:.2} ms, tokio {t:.2} ms; py / kernel {pk:.2}, \
             py / tokio {pt:.2} (medians of the per-round ratios)"
        );
        for version in ["3.13", "3.12"] {
            let times: Vec<f64> = cpython
                .iter()
                .filter(|(v, _)| v.starts_with(version))
                .map(|(_, ms)| *ms)
                .collect();
            if let Some(best) = times.iter().copied().reduce(f64::min) {
                println!(
                    "cpython {version} / looplab py: {:.1} (CPython's best {best:.0} ms over \
                     looplab's median {p:.2} ms); {:.1} best against best ({best_py:.2} ms)",
                    best / p,
                    best / best_py
                );
            }
        }

        // 100,000 tasks, once (plus one untimed warm-up run at 10,000 done above).
        let big = program(BIG);
        let start = Instant::now();
        let out = run_py(&big);
        let elapsed = start.elapsed();
        println!(
            "looplab py, {BIG} tasks: one run {:.1} ms",
            elapsed.as_secs_f64() * 1e3
        );
        describe("looplab py, 100,000 tasks", &out);
        let start = Instant::now();
        drop(out);
        println!(
            "  (dropping its output: {:.1} ms)",
            start.elapsed().as_secs_f64() * 1e3
        );
        if std::env::var_os("PY_BENCH_CPYTHON_100K").is_some() {
            let big_times = cpython_round(&pythons, BIG, "100k");
            for (version, ms) in big_times {
                println!(
                    "cpython {version} / looplab py at {BIG} tasks: {:.1}",
                    ms / (elapsed.as_secs_f64() * 1e3)
                );
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_group!(benches, native::bench_py);
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches);

/// criterion and tokio are native-only dev-dependencies: nothing to bench on wasm32.
#[cfg(target_arch = "wasm32")]
fn main() {}
