#![cfg(not(target_arch = "wasm32"))]
//! Share links: what is encoded decodes to exactly the same state, and a damaged or
//! cut-off link gives a message that says so instead of a wrong scenario.

use looplab::lessons::lessons;
use looplab::sim::share::{decode, encode};
use looplab::sim::{
    Awaitable, Coroutine, Main, Resource, ResourceKind, Scenario, ShareState, StartMode, Step,
};
use proptest::prelude::*;

fn name() -> impl Strategy<Value = String> {
    "[a-z_][a-z0-9_]{0,8}"
}

/// Any text, including quotes, backslashes, `#` and non-ASCII.
fn text() -> impl Strategy<Value = String> {
    "\\PC{0,12}"
}

fn awaitable() -> impl Strategy<Value = Awaitable> {
    prop_oneof![
        name().prop_map(Awaitable::Coroutine),
        name().prop_map(Awaitable::Task),
    ]
}

fn leaf() -> impl Strategy<Value = Step> {
    prop_oneof![
        any::<u64>().prop_map(|ms| Step::Sleep { ms }),
        (
            text(),
            any::<u64>(),
            any::<u64>(),
            any::<u64>(),
            proptest::option::of(name())
        )
            .prop_map(
                |(url, latency_ms, jitter_ms, size_bytes, fail)| Step::Fetch {
                    url,
                    latency_ms,
                    jitter_ms,
                    size_bytes,
                    fail,
                }
            ),
        any::<u64>().prop_map(|ms| Step::Compute { ms }),
        any::<u64>().prop_map(|ms| Step::RunInExecutor { ms }),
        (name(), name()).prop_map(|(coroutine, handle)| Step::CreateTask { coroutine, handle }),
        awaitable().prop_map(|target| Step::Await { target }),
        (prop::collection::vec(awaitable(), 0..4), any::<bool>()).prop_map(
            |(items, return_exceptions)| Step::Gather {
                items,
                return_exceptions
            }
        ),
        (awaitable(), any::<u64>())
            .prop_map(|(target, timeout_ms)| Step::WaitFor { target, timeout_ms }),
        name().prop_map(|handle| Step::Cancel { handle }),
        (name(), text()).prop_map(|(error, message)| Step::Raise { error, message }),
        (name(), text()).prop_map(|(queue, item)| Step::Put { queue, item }),
        name().prop_map(|queue| Step::Get { queue }),
        text().prop_map(|text| Step::Print { text }),
        text().prop_map(|value| Step::Return { value }),
    ]
}

/// Every kind of step, nested; scenarios need not be valid to be shared.
fn step() -> impl Strategy<Value = Step> {
    leaf().prop_recursive(3, 24, 4, |inner| {
        let body = prop::collection::vec(inner, 0..4);
        prop_oneof![
            (body.clone(), proptest::option::of(name()), body.clone()).prop_map(
                |(body, error, handler)| Step::Try {
                    body,
                    error,
                    handler
                }
            ),
            (name(), body.clone()).prop_map(|(resource, body)| Step::With { resource, body }),
            (any::<u32>(), any::<u64>(), body.clone()).prop_map(|(items, every_ms, body)| {
                Step::AsyncFor {
                    items,
                    every_ms,
                    body,
                }
            }),
            (any::<u32>(), body).prop_map(|(times, body)| Step::Repeat { times, body }),
        ]
    })
}

fn resource() -> impl Strategy<Value = Resource> {
    (
        name(),
        prop_oneof![
            any::<u32>().prop_map(|permits| ResourceKind::Semaphore { permits }),
            Just(ResourceKind::Lock),
            any::<u32>().prop_map(|maxsize| ResourceKind::Queue { maxsize }),
        ],
    )
        .prop_map(|(name, kind)| Resource { name, kind })
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (
        text(),
        prop::collection::vec((name(), prop::collection::vec(step(), 0..4)), 0..4),
        any::<bool>(),
        prop::collection::vec(name(), 0..5),
        prop::collection::vec(resource(), 0..3),
        any::<u32>(),
        any::<u64>(),
        proptest::option::of(text()),
    )
        .prop_map(
            |(name, coroutines, gathered, run, resources, executor_workers, seed, source)| {
                Scenario {
                    name,
                    coroutines: coroutines
                        .into_iter()
                        .map(|(name, steps)| Coroutine { name, steps })
                        .collect(),
                    main: Main {
                        mode: if gathered {
                            StartMode::Concurrent
                        } else {
                            StartMode::Sequential
                        },
                        run,
                    },
                    resources,
                    executor_workers,
                    seed,
                    source,
                }
            },
        )
}

fn share_state() -> impl Strategy<Value = ShareState> {
    (
        scenario(),
        proptest::option::of(text()),
        // Any positive finite speed and non-negative finite playhead, to the last bit.
        (f64::MIN_POSITIVE..f64::MAX),
        prop_oneof![Just(0.0), 0.0..f64::MAX, 0.0..10_000.0f64],
        proptest::option::of(0..100_000usize),
    )
        .prop_map(|(scenario, lesson, speed, playhead, events)| ShareState {
            scenario,
            lesson,
            speed,
            playhead,
            events,
        })
}

proptest! {
    #[test]
    fn decoding_an_encoded_link_gives_back_the_same_state(state in share_state()) {
        let link = encode(&state);
        prop_assert!(link[1..].chars().all(|c| c.is_ascii_alphanumeric() || "-_=.".contains(c)));
        prop_assert_eq!(decode(&link).unwrap(), state);
    }

    #[test]
    fn a_cut_off_link_is_refused_with_a_message(state in share_state(), cut in 0.0..1.0f64) {
        let link = encode(&state);
        let keep = 1 + ((link.len() - 1) as f64 * cut) as usize;
        let short = &link[..keep.min(link.len() - 1)];
        let error = decode(short).unwrap_err();
        prop_assert!(error.starts_with("This link"), "{}", error);
    }
}

fn lesson_link() -> String {
    let l = &lessons()[13];
    encode(&ShareState {
        scenario: l.scenario.clone(),
        lesson: Some(l.slug.to_string()),
        speed: 2.0,
        playhead: 500.0,
        events: None,
    })
}

#[test]
fn the_thousand_task_lesson_fits_in_a_short_link() {
    assert!(lesson_link().len() < 400, "{}", lesson_link().len());
}

#[test]
fn damaged_links_say_what_is_wrong() {
    let link = lesson_link();
    let cases = [
        ("https://example.org/", "no Looplab scenario"),
        ("#s=", "does not start the way"),
        ("#s=1.", "cut off"),
        ("#s=7.abc", "newer Looplab"),
        (
            &link.replacen('A', "*", 1),
            "cannot be part of a share link",
        ),
    ];
    for (bad, expected) in cases {
        let error = decode(bad).unwrap_err();
        assert!(error.contains(expected), "{bad}: {error}");
    }
    // One character changed in the middle: the checksum no longer matches.
    let mut flipped: Vec<char> = link.chars().collect();
    let mid = flipped.len() / 2;
    flipped[mid] = if flipped[mid] == 'x' { 'y' } else { 'x' };
    let flipped: String = flipped.into_iter().collect();
    assert!(decode(&flipped).unwrap_err().contains("damaged"));
}

#[test]
fn a_link_with_an_impossible_speed_or_playhead_is_refused() {
    let json = |speed: &str, playhead: &str| {
        let s = looplab::sim::presets::preset("timeout").unwrap();
        let text = format!(
            r#"{{"scenario":{},"speed":"{speed}","playhead":"{playhead}"}}"#,
            serde_json::to_string(&s).unwrap()
        );
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(text.as_bytes(), 6);
        use base64::Engine;
        format!(
            "#s=1.{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
        )
    };
    assert!(decode(&json("1", "0")).is_ok());
    assert!(decode(&json("0", "0")).unwrap_err().contains("speed"));
    assert!(decode(&json("NaN", "0")).unwrap_err().contains("speed"));
    assert!(decode(&json("1", "-5")).unwrap_err().contains("playhead"));
    assert!(decode(&json("1", "inf")).unwrap_err().contains("playhead"));
    assert!(decode(&json("fast", "0"))
        .unwrap_err()
        .contains("cannot be read"));
}
