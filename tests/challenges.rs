#![cfg(not(target_arch = "wasm32"))]
//! Challenges: every starter fails a goal and every solution passes them all; each kind
//! of goal fails and passes on small programs, and says where it broke; CPython runs
//! every starter and solution as the interpreter does.

use looplab::challenges::{challenges, check_program, Goal, GoalResult, Ran};
use std::path::Path;
use std::process::Command;

// Shared with the corpus tests, which use all of it.
#[allow(dead_code)]
mod cpython;

fn check(goal: Goal, src: &str) -> GoalResult {
    let out = looplab::py::run_source(src).expect("the program runs");
    goal.check(Ran::of(&out))
}

/// Checks `goal` on a program that breaks it and on one that meets it; the failure's
/// detail and moment (its time in ms), for the test to look at.
fn fails_then_passes(goal: Goal, failing: &str, passing: &str) -> (String, f64) {
    let ok = check(goal, passing);
    assert!(ok.passed, "{}: {}", ok.goal, ok.detail);
    assert_eq!(ok.at, None, "a goal met points nowhere");
    let bad = check(goal, failing);
    assert!(!bad.passed, "{}: {}", bad.goal, bad.detail);
    let at = bad.at.expect("a broken goal points at a moment");
    (bad.detail, at.ms)
}

fn program(main_body: &str) -> String {
    format!("import asyncio\n\n\nasync def main():\n{main_body}\n\nasyncio.run(main())\n")
}

#[test]
fn every_starter_fails_a_goal_and_every_solution_passes_them_all() {
    for c in challenges() {
        let starter = check_program(c, c.starter).expect("the starter runs");
        assert!(!starter.passed, "{}: the starter passes", c.slug);
        let solution = check_program(c, c.solution).expect("the solution runs");
        let failed: Vec<_> = solution.goals.iter().filter(|g| !g.passed).collect();
        assert!(
            failed.is_empty(),
            "{}: the solution fails {failed:?}",
            c.slug
        );
        assert_eq!(solution.goals.len(), c.goals.len());
    }
}

#[test]
fn there_are_twelve_or_more_with_unique_url_safe_slugs_and_a_few_hints() {
    let all = challenges();
    assert!(all.len() >= 12, "{} challenges", all.len());
    let slugs: std::collections::HashSet<_> = all.iter().map(|c| c.slug).collect();
    assert_eq!(slugs.len(), all.len(), "slugs are unique");
    for c in all {
        assert!(
            !c.slug.is_empty()
                && c.slug
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-'),
            "{:?} is not URL-safe",
            c.slug
        );
        assert_eq!(looplab::challenges::challenge(c.slug), Some(c));
        assert!(
            (2..=4).contains(&c.hints.len()),
            "{}: {} hints",
            c.slug,
            c.hints.len()
        );
        assert!(!c.brief.is_empty() && !c.title.is_empty() && !c.goals.is_empty());
    }
    assert_eq!(looplab::challenges::challenge("no-such-challenge"), None);
}

#[test]
fn a_program_that_cannot_run_is_a_syntax_error() {
    let c = &challenges()[0];
    let err = check_program(c, "async def main(:\n    pass\n").expect_err("it cannot run");
    assert_eq!(err.pos.line, 1);
}

#[test]
fn finishes_within_points_at_the_first_event_past_the_bound() {
    let goal = Goal::FinishesWithin { ms: 500.0 };
    let (detail, at) = fails_then_passes(
        goal,
        &program("    await asyncio.sleep(0.2)\n    await asyncio.sleep(0.6)"),
        &program("    await asyncio.sleep(0.2)\n    await asyncio.sleep(0.2)"),
    );
    assert_eq!(detail, "finished at 0.80 s");
    assert_eq!(at, 800.0);
    let stuck = check(goal, &program("    await asyncio.Event().wait()"));
    assert!(
        !stuck.passed,
        "a deadlocked run never finished: {}",
        stuck.detail
    );
}

const FETCH: &str =
    "import asyncio\n\n\nasync def fetch(n):\n    await asyncio.sleep(0.1 * n)\n\n\n";

#[test]
fn at_most_at_once_counts_sleeps_under_way_in_the_function() {
    let goal = Goal::AtMostAtOnce {
        function: "fetch",
        noun: "request",
        max: 2,
    };
    let gathered =
        |body: &str| format!("{FETCH}async def main():\n{body}\n\nasyncio.run(main())\n");
    let (detail, at) = fails_then_passes(
        goal,
        &gathered("    await asyncio.gather(*(fetch(n) for n in range(1, 5)))"),
        // Two at a time: a semaphore makes the others wait outside fetch's sleep.
        &format!(
            "{FETCH}async def limited(n, s):\n    async with s:\n        await fetch(n)\n\n\n\
             async def main():\n    s = asyncio.Semaphore(2)\n    \
             await asyncio.gather(*(limited(n, s) for n in range(1, 5)))\n\nasyncio.run(main())\n"
        ),
    );
    assert_eq!(
        detail,
        "3 requests were under way at 0.00 s (4 at the most)"
    );
    assert_eq!(at, 0.0);
    // One after another, a request ends before the next starts.
    let sequential = check(
        goal,
        &gathered("    for n in range(1, 5):\n        await fetch(n)"),
    );
    assert!(sequential.passed, "{}", sequential.detail);
    assert_eq!(
        sequential.detail,
        "never more than 1 request under way at once"
    );
}

#[test]
fn count_wants_the_work_done_and_not_too_often() {
    let goal = Goal::Count {
        function: "fetch",
        noun: "request",
        min: 2,
        max: 3,
    };
    let calls = |n: u32| {
        format!(
            "{FETCH}async def main():\n    for n in range({n}):\n        await fetch(1)\n    \
             print('done')\n\nasyncio.run(main())\n"
        )
    };
    let (detail, at) = fails_then_passes(goal, &calls(4), &calls(3));
    assert_eq!(detail, "4 requests (each a sleep in fetch)");
    assert_eq!(at, 300.0, "the fourth request starts at 0.3 s");
    let none = check(goal, &calls(0));
    assert!(!none.passed && none.at.is_some(), "{}", none.detail);
    assert!(check(goal, &calls(2)).passed);
}

#[test]
fn in_threads_counts_executor_jobs() {
    let work = |call: &str| {
        format!(
            "import asyncio\nimport time\n\n\nasync def main():\n    \
             await asyncio.gather({call}, {call})\n\nasyncio.run(main())\n"
        )
    };
    let (detail, _) = fails_then_passes(
        Goal::InThreads { min: 2 },
        &work("asyncio.sleep(0.1)"),
        &work("asyncio.to_thread(time.sleep, 0.1)"),
    );
    assert_eq!(detail, "0 jobs ran in worker threads");
}

#[test]
fn no_deadlock_names_the_waits() {
    let (detail, at) = fails_then_passes(
        Goal::NoDeadlock,
        &program("    await asyncio.sleep(0.1)\n    await asyncio.Event().wait()"),
        &program("    event = asyncio.Event()\n    event.set()\n    await event.wait()"),
    );
    assert!(detail.starts_with("Deadlock"), "{detail}");
    assert_eq!(at, 100.0);
}

#[test]
fn never_blocks_points_at_the_stretch_that_held_the_loop() {
    let body = |wait: &str| {
        format!(
            "import asyncio\nimport time\n\n\nasync def work():\n    await asyncio.sleep(0.1)\n    \
             {wait}\n\n\nasync def main():\n    await asyncio.gather(work(), asyncio.sleep(0.5))\n\n\
             asyncio.run(main())\n"
        )
    };
    let (detail, at) = fails_then_passes(
        Goal::NeverBlocks,
        &body("time.sleep(0.3)"),
        &body("await asyncio.sleep(0.3)"),
    );
    assert_eq!(detail, "Task-2 work() held the loop for 300 ms from 0.10 s");
    assert_eq!(at, 100.0);
    // 100 ms exactly is asyncio's threshold, not past it.
    assert!(check(Goal::NeverBlocks, &body("time.sleep(0.1)")).passed);
}

#[test]
fn all_tasks_ended_wants_none_left_for_asyncio_run_to_cancel() {
    let spawn = "    t = asyncio.create_task(asyncio.sleep(1))\n    await asyncio.sleep(0.2)\n";
    let (detail, at) = fails_then_passes(
        Goal::AllTasksEnded,
        &program(spawn),
        // Cancelled (without waiting for it) before main returns: it ends in the turn
        // that stops the loop, before asyncio.run's clean-up.
        &program(&format!("{spawn}    t.cancel()")),
    );
    assert!(
        detail.starts_with("1 task still pending when main() returned at 0.20 s"),
        "{detail}"
    );
    assert_eq!(at, 200.0);
    let awaited = check(
        Goal::AllTasksEnded,
        &program(&format!("{spawn}    await t")),
    );
    assert!(awaited.passed, "{}", awaited.detail);
    // Stuck: main and the task waiting on the event never end; the sleep did.
    let stuck = check(
        Goal::AllTasksEnded,
        &program(
            "    e = asyncio.Event()\n    t = asyncio.create_task(e.wait())\n    \
             await asyncio.gather(asyncio.sleep(0.1), t)",
        ),
    );
    assert!(
        stuck
            .detail
            .starts_with("2 tasks never ended: Task-1 main(), Task-2 "),
        "{}",
        stuck.detail
    );
}

#[test]
fn prints_names_the_first_line_that_differs_and_the_print_that_wrote_it() {
    let goal = Goal::Prints("a\nb\n");
    let (detail, at) = fails_then_passes(
        goal,
        &program("    print('a')\n    await asyncio.sleep(0.3)\n    print('c')"),
        &program("    print('a')\n    await asyncio.sleep(0.3)\n    print('b')"),
    );
    assert_eq!(detail, "line 2 is \"c\", expected \"b\"");
    assert_eq!(at, 300.0);
    let short = check(goal, &program("    print('a')"));
    assert_eq!(short.detail, "line 2 is missing, expected \"b\"");
    let long = check(
        goal,
        &program("    print('a')\n    print('b')\n    print('x')"),
    );
    assert_eq!(long.detail, "line 3 is \"x\", expected nothing more");
}

#[test]
fn completes_reports_the_escaped_exception() {
    let (detail, at) = fails_then_passes(
        Goal::Completes,
        &program("    await asyncio.sleep(0.1)\n    raise ValueError('boom')"),
        &program("    await asyncio.sleep(0.1)"),
    );
    assert_eq!(detail, "ValueError: boom escaped");
    assert_eq!(at, 100.0);
}

/// What CPython's virtual-clock runner reports for a program, as JSON.
fn run_cpython(python: &Path, file: &Path) -> serde_json::Value {
    let runner = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/py/cpython_virtual.py");
    let out = Command::new(python)
        .arg(runner)
        .arg(file)
        .output()
        .expect("CPython runs");
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{}: the runner printed no JSON ({e})", file.display()))
}

#[test]
fn cpython_runs_every_starter_and_solution_as_the_interpreter_does() {
    let Ok(python) = std::panic::catch_unwind(cpython::cpython) else {
        eprintln!("skipped: no CPython 3.12 or later to compare the challenges with");
        return;
    };
    let dir = std::env::temp_dir().join(format!("looplab-challenges-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let files: Vec<_> = challenges()
        .iter()
        .flat_map(|c| [("starter", c.starter), ("solution", c.solution)].map(|p| (c.slug, p)))
        .map(|(slug, (which, text))| {
            let path = dir.join(format!("{slug}_{which}.py"));
            std::fs::write(&path, text).expect("written");
            path
        })
        .collect();
    let problems: Vec<String> = cpython::on_two_threads(&files, |file| {
        let want = run_cpython(&python, file);
        let src = std::fs::read_to_string(file).expect("readable");
        let got = looplab::py::run_source(&src).expect("it runs");
        // The corpus's tolerance on the total (the backoff's jitter draws from each
        // side's own random numbers).
        let ms = want["virtual_ms"].as_f64().unwrap_or(-1.0);
        let same = want["outcome"] == got.ending.as_str()
            && want["stdout"] == got.stdout.as_str()
            && (ms - got.virtual_ms).abs() <= (ms * 0.04).max(60.0);
        (!same).then(|| {
            format!(
                "{}: CPython {want}, interpreter {} {} ms {:?}",
                file.display(),
                got.ending.as_str(),
                got.virtual_ms,
                got.stdout
            )
        })
    })
    .into_iter()
    .flatten()
    .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
