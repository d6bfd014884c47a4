#![cfg(not(target_arch = "wasm32"))]
//! Reading Python back into scenarios: round trips through `python_code`; each construct
//! with a known answer, which the simulation and python3 (running the same program,
//! unchanged) must both give; word-for-word error messages; no panics on any text.

use looplab::code::{
    parse_python, parse_python_with_lines, python_code, python_code_with_lines, PythonOptions,
};
use looplab::sim::presets::presets;
use looplab::sim::{
    run, Awaitable, Coroutine, Main, Outcome, Resource, ResourceKind, Scenario, StartMode, Step,
};
use proptest::prelude::*;

#[test]
fn every_presets_python_parses_back_to_the_preset() {
    for (id, scenario) in presets() {
        let code = python_code(&scenario, PythonOptions::default());
        let parsed = parse_python(&code).unwrap_or_else(|e| panic!("{id}: {e}\n{code}"));
        assert_eq!(parsed, scenario, "{id}\n{code}");
    }
}

#[test]
fn every_presets_step_lines_are_where_python_code_wrote_them() {
    for (id, scenario) in presets() {
        let code = python_code_with_lines(&scenario, PythonOptions::default());
        let (_, lines) = parse_python_with_lines(&code.text).unwrap();
        assert_eq!(lines, code.lines, "{id}\n{}", code.text);
    }
}

#[test]
fn the_learners_program_travels_in_json_and_share_links() {
    use looplab::sim::share::{decode, encode, ShareState};
    let source = "import asyncio\n\nasync def a():\n    await asyncio.sleep(1)\n\nasync def main():\n    await a()\n\nasyncio.run(main())\n";
    let mut scenario = parse_python(source).unwrap();
    // Without a program, the JSON is as before: no `source` field.
    assert!(!scenario.to_json().contains("\"source\""));
    scenario.source = Some(source.into());
    assert_eq!(
        Scenario::from_json(&scenario.to_json()),
        Ok(scenario.clone())
    );
    let shared = ShareState {
        scenario: scenario.clone(),
        lesson: None,
        speed: 1.0,
        playhead: 0.0,
        events: None,
    };
    assert_eq!(decode(&encode(&shared)).unwrap().scenario, scenario);
    // The program is not part of what runs.
    assert!(scenario.validate().is_ok());
}

#[test]
fn step_lines_of_a_hand_written_program() {
    let source = "import asyncio\n\nasync def a():\n    await asyncio.sleep(1)\n    print('x')\n\nasync def main():\n    await a()\n    await a()\n\nasyncio.run(main())\n";
    let (scenario, lines) = parse_python_with_lines(source).unwrap();
    assert_eq!(scenario.source, None);
    // a: sleep, print; main: await a(), await a().
    assert_eq!(lines, vec![4, 5, 8, 9]);
}

// ---------------------------------------------------------------------------------------
// Random scenarios round-trip.

const ERRORS: &[&str] = &["ValueError", "ConnectionError", "CancelledError", "MyError"];

fn awaitable(names: Vec<String>, has_task: bool) -> BoxedStrategy<Awaitable> {
    let coroutine = prop::sample::select(names).prop_map(Awaitable::Coroutine);
    if has_task {
        prop_oneof![coroutine, Just(Awaitable::Task("t".into()))].boxed()
    } else {
        coroutine.boxed()
    }
}

fn error_name() -> impl Strategy<Value = String> {
    prop::sample::select(ERRORS).prop_map(String::from)
}

fn leaf(names: Vec<String>, has_task: bool) -> BoxedStrategy<Step> {
    let target = awaitable(names, has_task);
    let mut leaves = vec![
        (0u64..5000).prop_map(|ms| Step::Sleep { ms }).boxed(),
        (
            any::<String>(),
            0u64..5000,
            0u64..200,
            0u64..100_000,
            prop::option::of(error_name()),
        )
            .prop_map(
                |(url, latency_ms, jitter_ms, size_bytes, fail)| Step::Fetch {
                    url: format!("/{url}"),
                    latency_ms,
                    jitter_ms,
                    size_bytes,
                    fail,
                },
            )
            .boxed(),
        (0u64..3000).prop_map(|ms| Step::Compute { ms }).boxed(),
        (0u64..3000)
            .prop_map(|ms| Step::RunInExecutor { ms })
            .boxed(),
        target
            .clone()
            .prop_map(|target| Step::Await { target })
            .boxed(),
        (prop::collection::vec(target.clone(), 1..3), any::<bool>())
            .prop_map(|(items, return_exceptions)| Step::Gather {
                items,
                return_exceptions,
            })
            .boxed(),
        (target, 0u64..3000)
            .prop_map(|(target, timeout_ms)| Step::WaitFor { target, timeout_ms })
            .boxed(),
        (error_name(), any::<String>())
            .prop_map(|(error, message)| Step::Raise { error, message })
            .boxed(),
        any::<String>()
            .prop_map(|item| Step::Put {
                queue: "q".into(),
                item,
            })
            .boxed(),
        Just(Step::Get { queue: "q".into() }).boxed(),
        any::<String>()
            .prop_map(|text| Step::Print { text })
            .boxed(),
        any::<String>()
            .prop_map(|value| Step::Return { value })
            .boxed(),
    ];
    if has_task {
        leaves.push(Just(Step::Cancel { handle: "t".into() }).boxed());
    }
    prop::strategy::Union::new(leaves).boxed()
}

fn steps(names: Vec<String>, has_task: bool) -> BoxedStrategy<Vec<Step>> {
    let step = leaf(names.clone(), has_task).prop_recursive(3, 24, 3, |inner| {
        let body = prop::collection::vec(inner, 0..3);
        prop_oneof![
            (body.clone(), prop::option::of(error_name()), body.clone()).prop_map(
                |(body, error, handler)| Step::Try {
                    body,
                    error,
                    handler
                }
            ),
            (prop::bool::ANY, body.clone()).prop_map(|(lock, body)| Step::With {
                resource: if lock { "l" } else { "s" }.into(),
                body,
            }),
            (0u32..5, 0u64..1000, body.clone()).prop_map(|(items, every_ms, body)| {
                Step::AsyncFor {
                    items,
                    every_ms,
                    body,
                }
            }),
            (0u32..5, body).prop_map(|(times, body)| Step::Repeat { times, body }),
        ]
    });
    prop::collection::vec(step, 0..5)
        .prop_flat_map(move |rest| {
            let names = names.clone();
            let create = prop::sample::select(names).prop_map(|coroutine| Step::CreateTask {
                coroutine,
                handle: "t".into(),
            });
            (create, Just(rest)).prop_map(move |(create, rest)| {
                if has_task {
                    std::iter::once(create).chain(rest).collect()
                } else {
                    rest
                }
            })
        })
        .boxed()
}

fn scenarios() -> impl Strategy<Value = Scenario> {
    (1usize..4)
        .prop_flat_map(|n| {
            let names: Vec<String> = (0..n).map(|i| format!("c{i}")).collect();
            let bodies = prop::collection::vec(
                any::<bool>().prop_flat_map({
                    let names = names.clone();
                    move |has_task| steps(names.clone(), has_task)
                }),
                n,
            );
            (
                bodies,
                prop::collection::vec(prop::sample::select(names.clone()), 0..4),
                prop_oneof![Just(StartMode::Sequential), Just(StartMode::Concurrent)],
                (1u32..4, 0u32..3, 1u32..9, any::<u64>()),
                prop::sample::select(vec!["", "random", "Errors, retries and time-outs"]),
            )
                .prop_map(
                    move |(bodies, run, mode, (permits, maxsize, workers, seed), name)| Scenario {
                        name: name.into(),
                        coroutines: names
                            .iter()
                            .zip(bodies)
                            .map(|(name, steps)| Coroutine {
                                name: name.clone(),
                                steps,
                            })
                            .collect(),
                        main: Main { mode, run },
                        resources: vec![
                            Resource {
                                name: "s".into(),
                                kind: ResourceKind::Semaphore { permits },
                            },
                            Resource {
                                name: "l".into(),
                                kind: ResourceKind::Lock,
                            },
                            Resource {
                                name: "q".into(),
                                kind: ResourceKind::Queue { maxsize },
                            },
                        ],
                        executor_workers: workers,
                        seed,
                        source: None,
                    },
                )
        })
        .prop_filter("scenarios that validate", |s| s.validate().is_ok())
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    for source in [
        "async def main(): ".repeat(5000),
        "(".repeat(5000),
        "x = ".to_string() + &"not -".repeat(5000) + "1",
        "async def main():\n    ".to_string() + &"for i in range(2): ".repeat(5000) + "pass\n",
    ] {
        let error = parse_python(&source).unwrap_err();
        assert!(error.message.contains("nested too deeply"), "{error}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_scenarios_round_trip_through_python(scenario in scenarios()) {
        let code = python_code(&scenario, PythonOptions::default());
        let parsed = parse_python(&code);
        prop_assert_eq!(parsed, Ok(scenario.clone()), "{}", code);
        let written = python_code_with_lines(&scenario, PythonOptions::default());
        let read = parse_python_with_lines(&written.text).map(|(_, lines)| lines);
        prop_assert_eq!(read, Ok(written.lines));
    }

    #[test]
    fn random_text_never_panics(text in "\\PC{0,300}") {
        let _ = parse_python(&text);
    }

    #[test]
    fn python_like_text_never_panics(text in "[a-z_ ()\\[\\]{}:.,=*\"'#\n\t0-9\\\\-]{0,300}") {
        let _ = parse_python(&text);
    }

    #[test]
    fn mutated_programs_never_panic(
        which in 0usize..10,
        at in any::<prop::sample::Index>(),
        cut in 0usize..40,
        insert in "\\PC{0,8}|[ \n():\"'\\\\]{1,4}",
    ) {
        let all = presets();
        let (_, scenario) = &all[which % all.len()];
        let code: Vec<char> = python_code(scenario, PythonOptions::default()).chars().collect();
        let at = at.index(code.len());
        let end = (at + cut).min(code.len());
        let mutated: String = code[..at].iter().chain(insert.chars().collect::<Vec<_>>().iter()).chain(&code[end..]).collect();
        let _ = parse_python(&mutated);
    }
}

// ---------------------------------------------------------------------------------------
// Each construct, parsed and simulated, with a known answer.

/// The prelude a learner's program starts with: python_code's own, so it runs as is.
fn program(body: &str) -> String {
    let prelude = python_code(
        &looplab::sim::presets::preset("three-fetches").unwrap(),
        PythonOptions::default(),
    );
    let end = prelude.find("\n\nasync def get_user").unwrap();
    format!("{}\n\n{body}", &prelude[..end])
}

/// Parses and runs `body`; returns when `main` ended, in ms, and the outcome.
fn simulate(body: &str) -> (f64, Outcome) {
    let scenario = parse_python(&program(body)).unwrap_or_else(|e| panic!("{e}\n{body}"));
    let trace = run(&scenario).unwrap_or_else(|e| panic!("{e:?}\n{body}"));
    (trace.end, trace.outcome)
}

fn ends_at(body: &str, ms: f64) {
    let (end, outcome) = simulate(body);
    assert!(
        matches!(outcome, Outcome::Completed { .. }),
        "{outcome:?}\n{body}"
    );
    assert!(
        (end - ms).abs() < 1e-6,
        "ended at {end} ms, not {ms}\n{body}"
    );
    let took = python3_ms(&program(body));
    // Generous enough for a loaded 2-core machine; a wrong model is off by whole steps.
    assert!(
        (took - ms).abs() <= (ms * 0.15).max(60.0),
        "python3 took {took:.1} ms, the simulation {ms} ms\n{body}"
    );
}

/// Runs the program's `main()` with python3 and returns how long it took, in ms: the
/// same program, unchanged, is real asyncio.
fn python3_ms(program: &str) -> f64 {
    let program = program.replace("asyncio.run(main())", "pass");
    let timed = format!("{program}\n\nstart = time.perf_counter()\nasyncio.run(main())\nprint((time.perf_counter() - start) * 1000)\n");
    let out = std::process::Command::new("timeout")
        .args(["30", "python3", "-c", &timed])
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    stdout
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or_else(|| {
            panic!(
                "python3 failed:\n{stdout}\n{}\n{timed}",
                String::from_utf8_lossy(&out.stderr)
            )
        })
}

#[test]
fn awaited_coroutines_run_one_after_another() {
    ends_at(
        "async def a():\n    await asyncio.sleep(0.5)\n\n\nasync def b():\n    await asyncio.sleep(0.3)\n\n\nasync def main():\n    await a()\n    await b()\n\n\nasyncio.run(main())\n",
        800.0,
    );
}

#[test]
fn gathered_fetches_finish_with_the_longest() {
    ends_at(
        "async def a():\n    await fetch(\"/a\", latency=0.3)\n\n\nasync def b():\n    await fetch(\"/b\", 0.7)\n\n\nasync def main():\n    await asyncio.gather(a(), b())\n\n\nasyncio.run(main())\n",
        700.0,
    );
}

#[test]
fn time_sleep_blocks_the_loop() {
    // a blocks for 0.5 s before b can even start its 0.5 s sleep.
    ends_at(
        "async def a():\n    time.sleep(0.5)\n\n\nasync def b():\n    await asyncio.sleep(0.5)\n\n\nasync def main():\n    await asyncio.gather(a(), b())\n",
        1000.0,
    );
}

#[test]
fn a_created_task_runs_while_its_creator_sleeps() {
    ends_at(
        "async def slow():\n    await asyncio.sleep(1)\n\n\nasync def boss():\n    task = asyncio.create_task(slow())\n    await asyncio.sleep(0.5)\n    await task\n\n\nasync def main():\n    await boss()\n",
        1000.0,
    );
}

#[test]
fn a_cancelled_task_stops_waiting() {
    ends_at(
        "async def slow():\n    await asyncio.sleep(5)\n\n\nasync def boss():\n    task = asyncio.create_task(slow())\n    await asyncio.sleep(0.1)\n    task.cancel()\n    try:\n        await task\n    except asyncio.CancelledError:\n        print(\"cancelled\")\n\n\nasync def main():\n    await boss()\n",
        100.0,
    );
}

#[test]
fn gather_with_return_exceptions_waits_for_every_child() {
    ends_at(
        "class Boom(Exception):\n    pass\n\n\nasync def bad():\n    raise Boom(\"no\")\n\n\nasync def good():\n    await asyncio.sleep(0.4)\n\n\nasync def both():\n    await asyncio.gather(bad(), good(), return_exceptions=True)\n\n\nasync def main():\n    await both()\n",
        400.0,
    );
}

#[test]
fn wait_for_times_out_at_the_deadline() {
    ends_at(
        "async def slow():\n    await asyncio.sleep(5)\n\n\nasync def caller():\n    try:\n        await asyncio.wait_for(slow(), timeout=0.2)\n    except TimeoutError:\n        print(\"too slow\")\n\n\nasync def main():\n    await caller()\n",
        200.0,
    );
}

#[test]
fn executor_workers_bound_the_blocking_calls() {
    let body = |workers| {
        format!("async def work():\n    loop = asyncio.get_running_loop()\n    await loop.run_in_executor(None, blocking, 0.5)\n\n\nasync def main():\n    asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor({workers}))\n    await asyncio.gather(work(), work())\n")
    };
    ends_at(&body(2), 500.0);
    ends_at(&body(1), 1000.0);
}

#[test]
fn a_semaphore_of_one_and_a_lock_serialise_their_holders() {
    for resource in ["asyncio.Semaphore(1)", "asyncio.Lock()"] {
        ends_at(
            &format!("gate = {resource}\n\n\nasync def work():\n    async with gate:\n        await asyncio.sleep(0.3)\n\n\nasync def main():\n    await asyncio.gather(work(), work())\n"),
            600.0,
        );
    }
}

#[test]
fn a_queue_hands_items_from_producer_to_consumer() {
    ends_at(
        "jobs = asyncio.Queue(1)\n\n\nasync def producer():\n    for i in range(2):\n        await asyncio.sleep(0.1)\n        await jobs.put(i)\n\n\nasync def consumer():\n    for i in range(2):\n        job = await jobs.get()\n\n\nasync def main():\n    await asyncio.gather(producer(), consumer())\n",
        200.0,
    );
}

#[test]
fn async_for_over_the_ticker_takes_items_times_every() {
    ends_at(
        "async def stream():\n    async for item in ticker(3, 0.2):\n        print(item)\n\n\nasync def main():\n    await stream()\n",
        600.0,
    );
}

#[test]
fn async_for_over_an_own_generator_shaped_like_the_ticker() {
    ends_at(
        "async def numbers():\n    for i in range(4):\n        await asyncio.sleep(0.1)\n        yield i\n\n\nasync def stream():\n    async for n in numbers():\n        print(n)\n\n\nasync def main():\n    await stream()\n",
        400.0,
    );
}

#[test]
fn range_loops_and_named_constants() {
    ends_at(
        "DELAY = 0.25\n\n\nasync def tick():\n    for i in range(3):\n        await asyncio.sleep(DELAY)\n\n\nasync def main():\n    await tick()\n",
        750.0,
    );
}

#[test]
fn an_uncaught_raise_fails_main() {
    let (end, outcome) = simulate(
        "async def bad():\n    await asyncio.sleep(0.2)\n    raise ValueError(\"bad input\")\n\n\nasync def main():\n    await bad()\n",
    );
    assert_eq!(end, 200.0);
    assert!(
        matches!(&outcome, Outcome::Failed { error } if error.contains("ValueError")),
        "{outcome:?}"
    );
}

#[test]
fn the_learners_program_reads_as_the_scenario_it_means() {
    let scenario = parse_python(&program(
        "async def get():\n    r = await fetch(\"/u\", latency=0.3, fail=ConnectionError)\n    return r\n\n\nasync def main():\n    await get()\n",
    ))
    .unwrap();
    assert_eq!(
        scenario.coroutines[0].steps,
        vec![
            Step::Fetch {
                url: "/u".into(),
                latency_ms: 300,
                jitter_ms: 0,
                size_bytes: 0,
                fail: Some("ConnectionError".into()),
            },
            Step::Return { value: "r".into() },
        ]
    );
    assert_eq!(scenario.main.run, vec!["get".to_string()]);
    assert_eq!(scenario.executor_workers, 4);
}

// ---------------------------------------------------------------------------------------
// Malformed programs: where, and what to do, word for word.

fn error_of(source: &str) -> String {
    match parse_python(source) {
        Ok(s) => panic!("parsed, but should not have:\n{source}\n{s:?}"),
        Err(e) => e.to_string(),
    }
}

const MAIN: &str = "\n\nasync def main():\n    await work()\n";

#[test]
fn malformed_programs_are_explained_with_line_and_column() {
    let cases: &[(&str, &str)] = &[
        (
            "async def main()\n    await asyncio.sleep(1)\n",
            "line 1, column 17: expected `:` at the end of the `async def` line, found the end of the line",
        ),
        (
            "async def main():\n    await asyncio.sleep(1\n    print(\"done\")\n",
            "line 2, column 24: this `(` is never closed; add `)`",
        ),
        (
            "async def main():\nawait asyncio.sleep(1)\n",
            "line 1, column 17: expected an indented block after this `async def` line; indent the lines that belong to it",
        ),
        (
            "async def main():\n    while True:\n        await asyncio.sleep(1)\n",
            "line 2, column 5: `while` loops are not supported; use `for i in range(n):`",
        ),
        (
            "async def main():\n    print(\"hello)\n",
            "line 2, column 11: this string is never closed; add a closing `\"` on the same line",
        ),
        (
            "async def main():\n    await asyncio.sleep(1)\n      await asyncio.sleep(2)\n",
            "line 3, column 7: this line is indented more than the line before it, but nothing opens a block there",
        ),
        (
            "async def main():\n    await worker()\n",
            "line 2, column 11: there is no coroutine named `worker`; define it with `async def worker():`",
        ),
        (
            "async def work():\n    asyncio.sleep(1)\n",
            "line 2, column 5: `asyncio.sleep(...)` does nothing without `await`; write `await asyncio.sleep(...)`",
        ),
        (
            "async def work():\n\tawait asyncio.sleep(1)\n",
            "line 2, column 1: this line is indented with a tab; indent with spaces (4 per level)",
        ),
        (
            "async def work():\n    await asyncio.sleep(1)\n",
            "line 1, column 1: there is no `async def main():`; add one that awaits your coroutines, and end with `asyncio.run(main())`",
        ),
        (
            "async def work():\n    if True:\n        await asyncio.sleep(1)\n",
            "line 2, column 5: `if` statements are not supported; a scenario runs the same steps every time, so write only the branch you want",
        ),
        (
            "async def work():\n    async with gate:\n        await asyncio.sleep(1)\n",
            "line 2, column 16: there is no semaphore or lock named `gate`; create one with `gate = asyncio.Lock()`",
        ),
        (
            "async def work():\n    await asyncio.sleep(-1)\n",
            "line 2, column 25: the sleep time cannot be negative",
        ),
        (
            "async def work():\n    await task\n",
            "line 2, column 11: `task` is not a task here; create it first with `task = asyncio.create_task(worker())`",
        ),
        (
            "async def work():\n    try:\n        await asyncio.sleep(1)\n    except:\n        pass\n",
            "line 4, column 5: a bare `except:` also catches cancellation; write `except Exception:`",
        ),
        (
            "async def work():\n    await asyncio.sleep(\"soon\")\n",
            "line 2, column 25: the sleep time must be a number of seconds, such as 0.5",
        ),
        (
            "async def work():\n    for x in items:\n        pass\n",
            "line 2, column 14: `for` loops must count with `range(n)`, e.g. `for i in range(3):`",
        ),
        (
            "def helper():\n    pass\n",
            "line 1, column 1: plain functions such as `helper` are not supported; use `async def`, and `blocking(seconds)` or `time.sleep(seconds)` for blocking work",
        ),
        ("x = 1 $ 2\n", "line 1, column 7: `$` is not allowed here"),
        (
            "async def work():\n    raise Oops(\"no\")\n",
            "line 2, column 11: `Oops` is not defined; add `class Oops(Exception): pass` at the top level",
        ),
        (
            "async def work():\n    await loop.run_in_executor(None, blocking, 1)\n",
            "line 2, column 11: this is not the running loop; first write `loop = asyncio.get_running_loop()`",
        ),
        (
            "async def numbers():\n    yield 1\n    yield 2\n",
            "line 2, column 5: `yield` works only in an async generator shaped like the prelude's ticker: `for i in range(n):` holding `await asyncio.sleep(seconds)` then `yield i`",
        ),
        // Found by Scenario::validate, placed at the statement the step came from.
        (
            "async def work():\n    await asyncio.sleep(0.1)\n    await asyncio.gather()\n",
            "line 3, column 5: gather() needs at least one coroutine or task",
        ),
        (
            "async def work():\n    for i in range(2):\n        await asyncio.sleep(4000)\n",
            "line 3, column 9: a duration of 4000000 ms is more than the limit of 3600000 ms (one hour)",
        ),
    ];
    for (source, message) in cases {
        // A coroutine `work` gets a main that awaits it, unless main's absence is the error.
        let source = if source.starts_with("async def work") && !message.contains("async def main")
        {
            format!("{source}{MAIN}")
        } else {
            source.to_string()
        };
        assert_eq!(&error_of(&source), message, "\n{source}");
    }
}
