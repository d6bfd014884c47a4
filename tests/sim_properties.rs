#![cfg(not(target_arch = "wasm32"))]
//! Property tests over random valid scenarios.

use looplab::sim::{
    compare, lanes, metrics, run, snapshot_at, Coroutine, Main, Outcome, Resource, ResourceKind,
    Scenario, SpanState, StartMode, Step, Trace,
};
use proptest::prelude::*;

mod invariants;
use invariants::{one_at_a_time, spans_ordered, suspensions_end};

/// A step that does not nest; `jitter` adds random fetch latency (drawn from the seed).
fn leaf(jitter: u64) -> impl Strategy<Value = Step> {
    prop_oneof![
        (0u64..500).prop_map(|ms| Step::Sleep { ms }),
        (0u64..500, 0..=jitter).prop_map(|(latency_ms, jitter_ms)| Step::Fetch {
            url: "/api/x".into(),
            latency_ms,
            jitter_ms,
            size_bytes: 0,
            fail: None,
        }),
        (0u64..200).prop_map(|ms| Step::Compute { ms }),
        (0u64..300).prop_map(|ms| Step::RunInExecutor { ms }),
    ]
}

fn step(jitter: u64) -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => leaf(jitter),
        1 => (1u32..3, prop::collection::vec(leaf(jitter), 1..3))
            .prop_map(|(times, body)| Step::Repeat { times, body }),
        1 => (prop::bool::ANY, prop::collection::vec(leaf(jitter), 1..3)).prop_map(|(lock, body)| Step::With {
            resource: if lock { "l".into() } else { "s".into() },
            body,
        }),
    ]
}

fn scenario_from(bodies: Vec<Vec<Step>>, permits: u32, workers: u32, seed: u64) -> Scenario {
    let coroutines: Vec<Coroutine> = bodies
        .into_iter()
        .enumerate()
        .map(|(i, steps)| Coroutine {
            name: format!("c{i}"),
            steps,
        })
        .collect();
    Scenario {
        name: "random".into(),
        main: Main {
            mode: StartMode::Concurrent,
            run: coroutines.iter().map(|c| c.name.clone()).collect(),
        },
        coroutines,
        resources: vec![
            Resource {
                name: "s".into(),
                kind: ResourceKind::Semaphore { permits },
            },
            Resource {
                name: "l".into(),
                kind: ResourceKind::Lock,
            },
        ],
        executor_workers: workers,
        seed,
        source: None,
    }
}

/// Random valid scenarios; with `jitter` > 0 fetch latencies vary with the seed, and
/// then the sequential and concurrent runs draw them in a different order.
fn scenarios(jitter: u64) -> impl Strategy<Value = Scenario> {
    (
        prop::collection::vec(prop::collection::vec(step(jitter), 1..5), 1..5),
        1u32..3,
        1u32..3,
        any::<u64>(),
    )
        .prop_map(|(bodies, permits, workers, seed)| scenario_from(bodies, permits, workers, seed))
}

/// Blocked (compute) spans of different tasks never overlap in time.
fn compute_serializes(trace: &Trace) -> Result<(), String> {
    let mut blocked: Vec<(f64, f64)> = lanes(trace)
        .into_iter()
        .flat_map(|l| l.spans)
        .filter(|s| s.state == SpanState::Blocked && s.duration() > 0.0)
        .map(|s| (s.start, s.end))
        .collect();
    blocked.sort_by(|a, b| a.0.total_cmp(&b.0));
    for w in blocked.windows(2) {
        if w[0].1 > w[1].0 {
            return Err(format!("compute overlaps: {w:?}"));
        }
    }
    let m = metrics(trace);
    if trace.end + 1e-9 < m.blocked {
        return Err(format!("total {} < compute {}", trace.end, m.blocked));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_scenarios_run_to_completion_with_well_formed_traces(s in scenarios(0)) {
        let c = compare(&s).unwrap();
        for trace in [&c.sequential, &c.concurrent] {
            prop_assert!(matches!(trace.outcome, Outcome::Completed { .. }), "{:?}", trace.outcome);
            one_at_a_time(trace).map_err(TestCaseError::fail)?;
            suspensions_end(trace).map_err(TestCaseError::fail)?;
            spans_ordered(trace).map_err(TestCaseError::fail)?;
            compute_serializes(trace).map_err(TestCaseError::fail)?;
            prop_assert!(trace.events.iter().zip(trace.events.iter().skip(1)).all(|(a, b)| a.t <= b.t), "events in time order");
        }
        prop_assert!(c.concurrent.end <= c.sequential.end,
            "concurrent {} > sequential {}", c.concurrent.end, c.sequential.end);
    }

    #[test]
    fn the_same_scenario_gives_the_same_trace(s in scenarios(50)) {
        prop_assert_eq!(run(&s).unwrap(), run(&s).unwrap());
    }

    #[test]
    fn with_only_sleeps_and_fetches_gathering_takes_the_longest_coroutine(
        bodies in prop::collection::vec(prop::collection::vec(
            prop_oneof![
                (0u64..1000).prop_map(|ms| Step::Sleep { ms }),
                (0u64..1000).prop_map(|latency_ms| Step::Fetch {
                    url: "/a".into(), latency_ms, jitter_ms: 0, size_bytes: 0, fail: None }),
            ], 1..6), 1..6)
    ) {
        let longest = bodies.iter().map(|b| b.iter().map(|s| match s {
            Step::Sleep { ms } => *ms,
            Step::Fetch { latency_ms, .. } => *latency_ms,
            _ => 0,
        }).sum::<u64>()).max().unwrap();
        let total: u64 = bodies.iter().flatten().map(|s| match s {
            Step::Sleep { ms } => *ms,
            Step::Fetch { latency_ms, .. } => *latency_ms,
            _ => 0,
        }).sum();
        let c = compare(&scenario_from(bodies, 1, 1, 0)).unwrap();
        prop_assert_eq!(c.concurrent.end, longest as f64);
        prop_assert_eq!(c.sequential.end, total as f64);
    }

    #[test]
    fn snapshots_at_any_time_are_consistent(s in scenarios(50), frac in 0.0f64..1.0) {
        let trace = run(&s).unwrap();
        let snap = snapshot_at(&trace, trace.end * frac);
        if let Some(running) = snap.running {
            prop_assert!(!snap.tasks[running.index()].is_done());
        }
        prop_assert!(snap.ready.len() <= trace.tasks.len() * 3);
        prop_assert_eq!(snap.workers.len(), s.executor_workers as usize);
        for r in &snap.resources {
            prop_assert!(r.kind == "queue" || r.holders.len() as u32 <= r.capacity);
        }
    }
}

/// Any step at all, naming coroutines `c0`..`c3`, handle `h`, queue `q`, lock `l`.
fn any_step() -> impl Strategy<Value = Step> {
    use looplab::sim::Awaitable;
    let name = (0usize..4).prop_map(|i| format!("c{i}"));
    let target = prop_oneof![
        name.clone().prop_map(Awaitable::Coroutine),
        Just(Awaitable::Task("h".into())),
    ];
    let simple = prop_oneof![
        leaf(20),
        name.clone().prop_map(|coroutine| Step::CreateTask {
            coroutine,
            handle: "h".into()
        }),
        target.clone().prop_map(|target| Step::Await { target }),
        (prop::collection::vec(target.clone(), 1..3), any::<bool>()).prop_map(
            |(items, return_exceptions)| Step::Gather {
                items,
                return_exceptions
            }
        ),
        (target, 0u64..300).prop_map(|(target, timeout_ms)| Step::WaitFor { target, timeout_ms }),
        Just(Step::Cancel { handle: "h".into() }),
        Just(Step::Raise {
            error: "ValueError".into(),
            message: String::new()
        }),
        Just(Step::Put {
            queue: "q".into(),
            item: "x".into()
        }),
        Just(Step::Get { queue: "q".into() }),
        Just(Step::Return { value: "v".into() }),
    ];
    simple.prop_recursive(2, 12, 3, |inner| {
        prop_oneof![
            (
                prop::collection::vec(inner.clone(), 1..3),
                prop::collection::vec(inner.clone(), 0..2)
            )
                .prop_map(|(body, handler)| Step::Try {
                    body,
                    error: None,
                    handler
                }),
            prop::collection::vec(inner.clone(), 1..3).prop_map(|body| Step::With {
                resource: "l".into(),
                body
            }),
            (
                1u32..4,
                0u64..100,
                prop::collection::vec(inner.clone(), 1..3)
            )
                .prop_map(|(items, every_ms, body)| Step::AsyncFor {
                    items,
                    every_ms,
                    body
                }),
            (1u32..4, prop::collection::vec(inner, 1..3))
                .prop_map(|(times, body)| Step::Repeat { times, body }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_scenario_ends_cleanly_with_a_well_formed_trace(
        bodies in prop::collection::vec(prop::collection::vec(any_step(), 0..5), 4),
        maxsize in 0u32..3,
        sequential in any::<bool>(),
    ) {
        let mut s = scenario_from(bodies, 1, 2, 1);
        s.resources.push(Resource { name: "q".into(), kind: ResourceKind::Queue { maxsize } });
        if sequential {
            s.main.mode = StartMode::Sequential;
        }
        let limits = looplab::sim::Limits { max_tasks: 300, max_steps: 20_000, ..Default::default() };
        let Ok(trace) = looplab::sim::run_with(&s, limits) else {
            return Ok(()); // invalid (e.g. a handle used before it is created): rejected, fine
        };
        one_at_a_time(&trace).map_err(TestCaseError::fail)?;
        suspensions_end(&trace).map_err(TestCaseError::fail)?;
        spans_ordered(&trace).map_err(TestCaseError::fail)?;
        prop_assert!(trace.events.iter().zip(trace.events.iter().skip(1)).all(|(a, b)| a.t <= b.t));
        let _ = trace.outcome.describe(&trace);
        let _ = snapshot_at(&trace, trace.end / 2.0);
    }

    /// A turn of due timers taken in one pass writes exactly the trace the general path
    /// writes (its `Scheduled`, `Tick` and `Woke` events in the same order, the same
    /// steps queued), also with cancelled timers, timeouts and small event limits.
    #[test]
    fn turns_taken_in_one_pass_write_the_trace_of_the_general_path(
        bodies in prop::collection::vec(prop::collection::vec(any_step(), 0..5), 4),
        maxsize in 0u32..3,
        sequential in any::<bool>(),
        max_events in prop_oneof![Just(2_000_000usize), 5usize..200],
    ) {
        let mut s = scenario_from(bodies, 1, 2, 1);
        s.resources.push(Resource { name: "q".into(), kind: ResourceKind::Queue { maxsize } });
        if sequential {
            s.main.mode = StartMode::Sequential;
        }
        let limits = looplab::sim::Limits { max_tasks: 300, max_steps: 20_000, max_events, ..Default::default() };
        let Ok(fast) = looplab::sim::run_with(&s, limits) else {
            return Ok(());
        };
        let general = looplab::sim::event_loop::run_general(&s, limits).expect("valid, as above");
        prop_assert_eq!(fast, general);
    }
}

/// The same for every preset and lesson scenario, and for the bench's gather of 1,000 workers.
#[test]
fn presets_and_lessons_run_in_one_pass_as_on_the_general_path() {
    let mut scenarios: Vec<Scenario> = looplab::sim::presets::presets()
        .into_iter()
        .map(|(_, s)| s)
        .chain(
            looplab::lessons::lessons()
                .into_iter()
                .filter_map(|l| l.scenario()),
        )
        .collect();
    scenarios.push(scenario_from(
        vec![(1..=10).map(|i| Step::Sleep { ms: i % 7 * 10 }).collect(); 1],
        1,
        1,
        0,
    ));
    let last = scenarios.len() - 1;
    scenarios[last].main.run = vec!["c0".into(); 1000];
    for s in scenarios {
        for mode in [StartMode::Concurrent, StartMode::Sequential] {
            let mut s = s.clone();
            s.main.mode = mode;
            let limits = looplab::sim::Limits::default();
            let fast = looplab::sim::run_with(&s, limits).expect("presets are valid");
            let general = looplab::sim::event_loop::run_general(&s, limits).expect("valid");
            assert!(fast == general, "{} ({mode:?}): the traces differ", s.name);
        }
    }
}
