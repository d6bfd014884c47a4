#![cfg(not(target_arch = "wasm32"))]
//! Property tests of the Python interpreter: random programs (from a small grammar,
//! random text, and mutations of the corpus) never panic, and interpreted asyncio
//! programs give traces that keep the scheduling invariants `tests/sim_properties.rs`
//! checks for scenarios: one task at a time, events in time order, every suspension
//! ended, the same program the same trace, and a gather of sleeps taking the longest
//! chain of sleeps.

use std::path::Path;

use looplab::py::run::run_source_with;
use looplab::py::vm::Limits;
use looplab::py::{Ending, RunOutput};
use looplab::sim::Trace;
use proptest::prelude::*;

mod invariants;
use invariants::{one_at_a_time, spans_ordered, suspensions_end};

/// Small limits: a runaway random program stops within milliseconds.
fn small() -> Limits {
    Limits {
        max_instructions: 200_000,
        max_frames: 100,
        max_nesting: 20,
        max_items: 10_000,
        max_tasks: 200,
        max_events: 20_000,
        max_time: 3600.0,
        max_slice: 100_000,
    }
}

/// Runs `src`, turning a panic into a test failure that shows the program.
fn run_no_panic(src: &str) -> Result<Option<RunOutput>, TestCaseError> {
    let owned = src.to_string();
    match std::panic::catch_unwind(move || run_source_with(&owned, small().into())) {
        Ok(Ok(out)) => Ok(Some(out)),
        Ok(Err(_syntax)) => Ok(None),
        Err(p) => {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            Err(TestCaseError::fail(format!(
                "panic {msg:?} for program:\n{src}"
            )))
        }
    }
}

// ---------------------------------------------------------------- a grammar of programs

fn indent(lines: Vec<String>) -> Vec<String> {
    lines.into_iter().map(|l| format!("    {l}")).collect()
}

/// Numeric expressions: the only ones assigned to variables (`a`, `b`), so no string
/// or list can grow by repeated doubling (see `every_way_to_grow_a_sequence...` in
/// `tests/py_errors.rs`).
fn num_expr() -> BoxedStrategy<String> {
    let leaf = prop_oneof![
        (-5i64..100).prop_map(|i| i.to_string()),
        (0u32..1000).prop_map(|f| format!("{}.{}", f / 100, f % 100)),
        Just("a".to_string()),
        Just("b".to_string()),
        Just("len(x)".to_string()),
        Just("len(c)".to_string()),
        Just("9223372036854775807".to_string()),
    ];
    leaf.prop_recursive(3, 12, 2, |inner| {
        prop_oneof![
            (
                inner.clone(),
                prop::sample::select(vec![
                    "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "<", "==",
                    "and", "or"
                ]),
                inner.clone()
            )
                .prop_map(|(l, op, r)| format!("({l} {op} {r})")),
            inner.clone().prop_map(|e| format!("(-{e})")),
            inner.clone().prop_map(|e| format!("abs({e})")),
            inner.clone().prop_map(|e| format!("int({e})")),
            inner.clone().prop_map(|e| format!("float({e})")),
            inner.clone().prop_map(|e| format!("round({e})")),
            (inner.clone(), inner.clone()).prop_map(|(l, r)| format!("min({l}, {r})")),
            (inner.clone(), inner.clone()).prop_map(|(l, r)| format!("divmod({l}, {r})[0]")),
            (inner.clone(), inner.clone()).prop_map(|(l, r)| format!("pow({l}, {r})")),
            inner.clone().prop_map(|e| format!("g({e})")),
            inner.clone().prop_map(|e| format!("x[{e}]")),
            inner.clone().prop_map(|e| format!("len(range({e}))")),
            (inner.clone(), inner.clone(), inner.clone())
                .prop_map(|(a, b, c)| format!("({a} if {b} else {c})")),
        ]
    })
    .boxed()
}

/// Any expression: numbers, strings, lists; printed or tested, never stored.
fn any_expr() -> BoxedStrategy<String> {
    prop_oneof![
        3 => num_expr(),
        1 => Just("c".to_string()),
        1 => Just("x".to_string()),
        1 => num_expr().prop_map(|e| format!("str({e})")),
        1 => num_expr().prop_map(|e| format!("(c * {e})")),
        1 => num_expr().prop_map(|e| format!("(x * {e})")),
        1 => (num_expr(), num_expr()).prop_map(|(l, r)| format!("[{l}, {r}]")),
        1 => (num_expr(), num_expr()).prop_map(|(l, r)| format!("x[{l}:{r}]")),
        1 => (num_expr(), num_expr()).prop_map(|(l, r)| format!("c[{l}:{r}]")),
        1 => num_expr().prop_map(|e| format!("f\"{{{e}:>5}}|{{c!r}}\"")),
        1 => num_expr().prop_map(|e| format!("(c + str({e}))")),
        1 => num_expr().prop_map(|e| format!("sorted([{e}, 1, 0.5])")),
        1 => num_expr().prop_map(|e| format!("{{'k': {e}}}")),
        1 => num_expr().prop_map(|e| format!("(x + [{e}])")),
    ]
    .boxed()
}

fn simple_stmt() -> BoxedStrategy<Vec<String>> {
    let var = prop::sample::select(vec!["a", "b"]);
    prop_oneof![
        (var.clone(), num_expr()).prop_map(|(v, e)| vec![format!("{v} = {e}")]),
        (
            var,
            prop::sample::select(vec!["+=", "-=", "*=", "//=", "%="]),
            num_expr()
        )
            .prop_map(|(v, op, e)| vec![format!("{v} {op} {e}")]),
        any_expr().prop_map(|e| vec![format!("print({e})")]),
        any_expr().prop_map(|e| vec![format!("raise ValueError({e})")]),
        Just(vec!["pass".to_string()]),
    ]
    .boxed()
}

fn block(is_async: bool) -> BoxedStrategy<Vec<String>> {
    let simple = if is_async {
        prop_oneof![
            4 => simple_stmt(),
            2 => (0u32..30).prop_map(|k| vec![format!("await asyncio.sleep({k} * 0.01)")]),
            1 => num_expr().prop_map(|e| vec![format!("a = await w0({e})")]),
            1 => (num_expr(), num_expr()).prop_map(|(l, r)| vec![
                format!("r = await asyncio.gather(w0({l}), w1({r}), return_exceptions=True)"),
                "print(r)".to_string(),
            ]),
            1 => num_expr().prop_map(|e| vec![
                format!("t = asyncio.create_task(w1({e}))"),
                "a = await t".to_string(),
            ]),
        ]
        .boxed()
    } else {
        simple_stmt()
    };
    let stmt = simple.prop_recursive(3, 24, 3, |inner| {
        let body = prop::collection::vec(inner, 1..3).prop_map(|v| v.concat());
        prop_oneof![
            (num_expr(), body.clone(), body.clone()).prop_map(|(c, t, e)| {
                let mut out = vec![format!("if {c}:")];
                out.extend(indent(t));
                out.push("else:".into());
                out.extend(indent(e));
                out
            }),
            (0u32..4, body.clone()).prop_map(|(k, b)| {
                let mut out = vec![format!("for i in range({k}):")];
                out.extend(indent(b));
                out
            }),
            (0u32..4, body.clone()).prop_map(|(k, b)| {
                let mut out = vec!["n = 0".to_string(), format!("while n < {k}:")];
                out.push("    n += 1".into());
                out.extend(indent(b));
                out
            }),
            (body.clone(), body).prop_map(|(t, h)| {
                let mut out = vec!["try:".to_string()];
                out.extend(indent(t));
                out.push("except Exception as ex:".into());
                out.push("    print(type(ex).__name__)".into());
                out.extend(indent(h));
                out
            }),
        ]
    });
    prop::collection::vec(stmt, 1..4)
        .prop_map(|v| v.concat())
        .boxed()
}

const PRELUDE: [&str; 4] = ["a = 1", "b = 2.5", "c = 'ab'", "x = [1, 2, 3]"];

fn function(head: &str, body: Vec<String>, ret: String) -> Vec<String> {
    let mut out = vec![head.to_string()];
    out.extend(indent(PRELUDE.iter().map(|s| s.to_string()).collect()));
    out.extend(indent(body));
    out.push(format!("    return {ret}"));
    out
}

/// A whole program: `g` (sync, may recurse), `w0`/`w1` (async), `main`.
fn program() -> impl Strategy<Value = String> {
    (
        block(false),
        num_expr(),
        block(true),
        num_expr(),
        block(true),
        block(true),
    )
        .prop_map(|(gb, gr, w0, w0r, w1, main)| {
            let mut lines = vec!["import asyncio".to_string()];
            lines.extend(PRELUDE.iter().map(|s| s.to_string()));
            // `g` does not call itself: a recursion that catches its RecursionError
            // at every level is a call tree of 2^100 nodes, and the instruction
            // budget misses it (see `a_loop_that_raises_and_catches_...` in
            // tests/py_errors.rs).
            let gb: Vec<String> = gb.into_iter().map(|l| l.replace("g(", "abs(")).collect();
            let gr = gr.replace("g(", "abs(");
            lines.extend(function("def g(a):", gb, gr));
            // w0 and w1 do not await each other, so no unbounded await recursion.
            let w0: Vec<String> = w0
                .into_iter()
                .map(|l| l.replace("w0(", "g(").replace("w1(", "g("))
                .collect();
            lines.extend(function("async def w0(a):", w0, w0r.clone()));
            let w1: Vec<String> = w1.into_iter().map(|l| l.replace("w1(", "w0(")).collect();
            lines.extend(function("async def w1(a):", w1, w0r));
            lines.extend(function("async def main():", main, "None".into()));
            lines.push("asyncio.run(main())".into());
            lines.join("\n") + "\n"
        })
}

// ---------------------------------------------------------------- the corpus, mutated

fn corpus() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/py/corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/py/corpus")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// The corpus programs that run without panicking as written: one that panics (a
/// lambda returning a lambda, see `a_lambda_inside_a_lambda_compiles` in
/// tests/py_errors.rs) would fail every mutation of it; `tests/py_corpus.rs` reports it.
fn corpus_that_runs() -> Vec<String> {
    let quiet = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let ok = corpus()
        .into_iter()
        .filter(|src| {
            let src = src.clone();
            std::panic::catch_unwind(move || drop(run_source_with(&src, small().into()))).is_ok()
        })
        .collect();
    std::panic::set_hook(quiet);
    ok
}

thread_local! {
    static CORPUS: Vec<String> = corpus_that_runs();
}

#[derive(Clone, Debug)]
enum Mutation {
    Delete(usize),
    Duplicate(usize),
    Swap(usize, usize),
    Truncate(usize),
    Insert(usize, char),
    Dedent(usize),
}

fn mutate(src: &str, muts: &[Mutation]) -> String {
    let mut lines: Vec<String> = src.lines().map(str::to_string).collect();
    for m in muts {
        if lines.is_empty() {
            break;
        }
        let n = lines.len();
        match *m {
            Mutation::Delete(i) => {
                lines.remove(i % n);
            }
            Mutation::Duplicate(i) => {
                let l = lines[i % n].clone();
                lines.insert(i % n, l);
            }
            Mutation::Swap(i, j) => lines.swap(i % n, j % n),
            Mutation::Truncate(i) => {
                let l = &mut lines[i % n];
                let cut = l
                    .char_indices()
                    .nth(i % (l.len() + 1))
                    .map_or(l.len(), |c| c.0);
                l.truncate(cut);
            }
            Mutation::Insert(i, ch) => {
                let l = &mut lines[i % n];
                let at = l
                    .char_indices()
                    .nth(i % (l.chars().count() + 1))
                    .map_or(l.len(), |c| c.0);
                l.insert(at, ch);
            }
            Mutation::Dedent(i) => {
                let l = &mut lines[i % n];
                if let Some(rest) = l.strip_prefix("    ") {
                    *l = rest.to_string();
                }
            }
        }
    }
    lines.join("\n") + "\n"
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let ch = prop::sample::select(vec![
        '(', ')', '[', ']', ':', ',', '*', '=', '"', '\'', '\\', '{', '}', '#', ' ', '\t', 'é',
        '@', '.', '0', 'x', 'λ', '\u{a0}', '“',
    ]);
    prop_oneof![
        any::<usize>().prop_map(Mutation::Delete),
        any::<usize>().prop_map(Mutation::Duplicate),
        (any::<usize>(), any::<usize>()).prop_map(|(i, j)| Mutation::Swap(i, j)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), ch).prop_map(|(i, c)| Mutation::Insert(i, c)),
        any::<usize>().prop_map(Mutation::Dedent),
    ]
}

// ---------------------------------------------------------------- trace invariants

fn in_time_order(trace: &Trace) -> Result<(), String> {
    let mut last = f64::NEG_INFINITY;
    for e in &trace.events {
        if e.t < last {
            return Err(format!("event at {} after one at {last}", e.t));
        }
        last = e.t;
    }
    if trace.end + 1e-9 < last {
        return Err(format!(
            "trace ends at {} before its last event {last}",
            trace.end
        ));
    }
    Ok(())
}

fn well_formed(trace: &Trace) -> Result<(), TestCaseError> {
    one_at_a_time(trace).map_err(TestCaseError::fail)?;
    suspensions_end(trace).map_err(TestCaseError::fail)?;
    in_time_order(trace).map_err(TestCaseError::fail)?;
    spans_ordered(trace).map_err(TestCaseError::fail)?;
    Ok(())
}

/// `workers[i]` sleeps each of its durations (ms) in turn; main gathers them all.
fn gather_of_sleeps(workers: &[Vec<u32>], style: u8) -> String {
    let mut src = String::from("import asyncio\n\n");
    for (i, ds) in workers.iter().enumerate() {
        src += &format!("async def w{i}():\n");
        for d in ds {
            src += &format!("    await asyncio.sleep({})\n", *d as f64 / 1000.0);
        }
        src += &format!("    return {i}\n\n");
    }
    let calls: Vec<String> = (0..workers.len()).map(|i| format!("w{i}()")).collect();
    src += "async def main():\n";
    match style % 3 {
        0 => src += &format!("    r = await asyncio.gather({})\n", calls.join(", ")),
        1 => {
            src += &format!(
                "    ts = [asyncio.create_task(c) for c in [{}]]\n",
                calls.join(", ")
            );
            src += "    r = [await t for t in ts]\n";
        }
        _ => {
            src += "    async with asyncio.TaskGroup() as tg:\n";
            src += &format!(
                "        ts = [tg.create_task(c) for c in [{}]]\n",
                calls.join(", ")
            );
            src += "    r = [t.result() for t in ts]\n";
        }
    }
    src += "    print(r)\n\nasyncio.run(main())\n";
    src
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn generated_programs_never_panic_and_keep_the_invariants(src in program()) {
        if let Some(out) = run_no_panic(&src)? {
            well_formed(&out.trace)?;
            if out.ending == Ending::Exception {
                prop_assert!(out.traceback.is_some());
            }
        }
    }

    #[test]
    fn the_same_program_gives_the_same_trace(src in program()) {
        let (Some(a), Some(b)) = (run_no_panic(&src)?, run_no_panic(&src)?) else {
            return Ok(());
        };
        prop_assert_eq!(&a.stdout, &b.stdout);
        prop_assert_eq!(a.ending, b.ending);
        prop_assert_eq!(&a.exception, &b.exception);
        prop_assert_eq!(a.virtual_ms, b.virtual_ms);
        prop_assert!(a.trace == b.trace, "traces differ for\n{}", src);
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        run_no_panic(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn random_python_tokens_never_panic(toks in prop::collection::vec(prop::sample::select(vec![
        "def", "async", "await", "lambda", "yield", "return", "class", "if", "else", "for",
        "in", "while", "try", "except", "finally", "with", "as", "import", "from", "global",
        "nonlocal", "x", "f", "asyncio", ".", "(", ")", "[", "]", "{", "}", ":", ",", "=",
        "+", "*", "**", "-", "/", "1", "0", "2.5", "'s'", "f'{x}'", "\n", "\n    ", " ",
        "True", "None", "not", "and", "@", "->", ";", "print",
    ]), 0..40)) {
        run_no_panic(&toks.concat())?;
    }

    #[test]
    fn mutated_corpus_programs_never_panic(
        which in any::<usize>(),
        muts in prop::collection::vec(mutation(), 1..4),
    ) {
        let src = CORPUS.with(|c| mutate(&c[which % c.len()], &muts));
        if let Some(out) = run_no_panic(&src)? {
            well_formed(&out.trace)?;
        }
    }

    #[test]
    fn corpus_programs_keep_the_trace_invariants(which in any::<usize>()) {
        let src = CORPUS.with(|c| c[which % c.len()].clone());
        // Some corpus programs are refused (bytes...): those have no trace.
        if let Some(out) = run_no_panic(&src)? {
            well_formed(&out.trace)?;
        }
    }

    #[test]
    fn a_gather_of_sleeps_takes_the_longest_chain(
        workers in prop::collection::vec(prop::collection::vec(0u32..500, 0..5), 1..6),
        style in 0u8..3,
    ) {
        let src = gather_of_sleeps(&workers, style);
        let out = run_no_panic(&src)?.expect("compiles");
        prop_assert_eq!(out.ending, Ending::Completed, "{:?}\n{}", out.exception, src);
        let longest = workers.iter().map(|w| w.iter().sum::<u32>()).max().unwrap() as f64;
        prop_assert!((out.virtual_ms - longest).abs() < 1e-6,
            "took {} ms, the longest chain is {} ms\n{}", out.virtual_ms, longest, src);
        prop_assert!((out.trace.end - longest).abs() < 1e-6, "trace ends at {}", out.trace.end);
        let expected: Vec<String> = (0..workers.len()).map(|i| i.to_string()).collect();
        prop_assert_eq!(out.stdout, format!("[{}]\n", expected.join(", ")));
        well_formed(&out.trace)?;
    }

    #[test]
    fn awaiting_sleeps_in_turn_takes_their_sum(
        ds in prop::collection::vec(0u32..500, 0..8),
    ) {
        let mut src = String::from("import asyncio\nasync def main():\n");
        for d in &ds {
            src += &format!("    await asyncio.sleep({})\n", *d as f64 / 1000.0);
        }
        src += "    print('ok')\nasyncio.run(main())\n";
        let out = run_no_panic(&src)?.expect("compiles");
        let total = ds.iter().sum::<u32>() as f64;
        prop_assert!((out.virtual_ms - total).abs() < 1e-6, "{} vs {}", out.virtual_ms, total);
        well_formed(&out.trace)?;
    }
}

/// Every arithmetic operator and numeric builtin on the edges of the 64-bit range:
/// an answer or a Python exception, never a panic. (`range` and `round` are left out
/// here: see `ranges_and_round_on_edge_values_never_panic`.)
#[test]
fn arithmetic_on_edge_values_never_panics() {
    edge_values_never_panic(false);
}

/// 47 of these panic in debug ("attempt to add/subtract/negate/multiply with
/// overflow"), and in release they wrap around, so the program prints a wrong answer:
/// - `len(range(-1, 9223372036854775807))`, `range(-2**63, 0)[-1]`: vm/ops.rs range
///   length (`stop - start`);
/// - `list(range(0, 2**63 - 1, 2**62))`: vm/ops.rs:834, the range iterator's
///   `cur + step`;
/// - `round(1, -2**63)`: builtins/functions.rs:308 (`-ndigits`);
/// - `round(9223372036854775807, -1)`: builtins/functions.rs:309 (the multiply back).
#[test]
fn ranges_and_round_on_edge_values_never_panic() {
    edge_values_never_panic(true);
}

fn edge_values_never_panic(ranges_and_round: bool) {
    let values = [
        "0",
        "1",
        "-1",
        "2",
        "63",
        "64",
        "-64",
        "9223372036854775807",
        "(-9223372036854775807 - 1)",
        "4611686018427387904",
        "(-4611686018427387904)",
        "0.0",
        "-0.0",
        "1e308",
        "float('inf')",
        "float('nan')",
        "True",
    ];
    let binary = [
        "{l} + {r}",
        "{l} - {r}",
        "{l} * {r}",
        "{l} / {r}",
        "{l} // {r}",
        "{l} % {r}",
        "{l} ** {r}",
        "{l} << {r}",
        "{l} >> {r}",
        "{l} & {r}",
        "{l} | {r}",
        "{l} ^ {r}",
        "{l} < {r}",
        "{l} == {r}",
        "divmod({l}, {r})",
        "pow({l}, {r})",
        "pow({l}, {r}, 7)",
        "round({l}, {r})",
        "range({l}, {r})",
        "len(range({l}, {r}))",
        "list(range({l}, {r}, 4611686018427387904))",
        "range({l}, {r})[-1]",
        "[1, 2, 3][{l}:{r}]",
        "'abc'[{l}:{r}:-1]",
        "min({l}, {r})",
        "max({l}, {r})",
        "'{:{}}'.format(1, {r})",
    ];
    let unary = [
        "-{v}",
        "abs({v})",
        "~{v}",
        "int({v})",
        "float({v})",
        "round({v})",
        "str({v})",
        "repr({v})",
        "hash({v})",
        "bool({v})",
        "f'{{v}:,}'",
        "f'{{v}:x}'",
        "f'{{v}:e}'",
        "'%d' % {v}",
        "[0][{v}:]",
        "'abc' * {v}",
        "range({v})",
        "sum([{v}, {v}])",
    ];
    let chosen = |op: &&&str| (op.contains("range") || op.contains("round")) == ranges_and_round;
    let mut cases = Vec::new();
    for l in values {
        for r in values {
            for op in binary.iter().filter(chosen) {
                cases.push(op.replace("{l}", l).replace("{r}", r));
            }
        }
        for op in unary.iter().filter(chosen) {
            cases.push(op.replace("{v}", l));
        }
    }
    // One program per chunk of expressions (each in its own try); a chunk that
    // panics is run again one expression at a time to name the culprits.
    let program = |es: &[String]| -> String {
        es.iter()
            .map(|e| {
                format!(
                    "try:\n    print({e})\nexcept Exception as ex:\n    print(type(ex).__name__)\n"
                )
            })
            .collect()
    };
    let quiet = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut panics = Vec::new();
    for chunk in cases.chunks(64) {
        if run_no_panic(&program(chunk)).is_err() {
            for e in chunk {
                if run_no_panic(&program(std::slice::from_ref(e))).is_err() {
                    panics.push(e.clone());
                }
            }
        }
    }
    std::panic::set_hook(quiet);
    assert!(
        panics.is_empty(),
        "{} of {} expressions panic:\n{}",
        panics.len(),
        cases.len(),
        panics.join("\n")
    );
}
