#![cfg(not(target_arch = "wasm32"))]
//! Share links: what is encoded decodes to exactly the same program, lesson, speed and
//! moment; a damaged or cut-off link gives a message that says so instead of a wrong
//! program; a link of an earlier Looplab (a scenario of steps) still opens.

use base64::Engine;
use looplab::lessons::lessons;
use looplab::ui::share::{decode, encode, Share, Shared};
use proptest::prelude::*;

/// Any text, including quotes, backslashes, `#`, newlines and non-ASCII.
fn text() -> impl Strategy<Value = String> {
    "(\\PC|\n){0,200}"
}

fn share() -> impl Strategy<Value = Share> {
    (
        text(),
        proptest::option::of(text()),
        proptest::option::of("[a-z-]{1,12}"),
        // Any positive finite speed and non-negative finite playhead, to the last bit.
        (f64::MIN_POSITIVE..f64::MAX),
        prop_oneof![Just(0.0), 0.0..f64::MAX, 0.0..10_000.0f64],
        proptest::option::of(0..100_000usize),
        any::<bool>(),
    )
        .prop_map(
            |(program, rival, lesson, speed, playhead, events, loop_cost)| Share {
                program,
                rival,
                lesson,
                speed,
                playhead,
                events,
                loop_cost,
            },
        )
}

proptest! {
    #[test]
    fn decoding_an_encoded_link_gives_back_the_same_share(share in share()) {
        let link = encode(&share);
        prop_assert!(link[1..].chars().all(|c| c.is_ascii_alphanumeric() || "-_=.".contains(c)));
        prop_assert_eq!(decode(&link).unwrap(), Shared::Program(share));
    }

    #[test]
    fn a_cut_off_link_is_refused_with_a_message(share in share(), cut in 0.0..1.0f64) {
        let link = encode(&share);
        let keep = 1 + ((link.len() - 1) as f64 * cut) as usize;
        let short = &link[..keep.min(link.len() - 1)];
        let error = decode(short).unwrap_err();
        prop_assert!(error.starts_with("This link"), "{}", error);
    }
}

fn lesson_link() -> String {
    let l = &lessons()[13];
    let program = &l.program;
    encode(&Share {
        program: program.source.to_string(),
        rival: program.pair.map(str::to_string),
        lesson: Some(l.slug.to_string()),
        speed: 2.0,
        playhead: 500.0,
        events: None,
        loop_cost: false,
    })
}

#[test]
fn the_thousand_task_lesson_and_its_pair_fit_in_a_short_link() {
    assert!(lesson_link().len() < 1200, "{}", lesson_link().len());
}

#[test]
fn damaged_links_say_what_is_wrong() {
    let link = lesson_link();
    let cases = [
        ("https://example.org/", "no Looplab program"),
        ("#s=", "does not start the way"),
        ("#s=2.", "cut off"),
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

/// A link as Looplab packs one: zlib, then base64url.
fn packed(version: u32, json: &str) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), 6);
    format!(
        "#s={version}.{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
    )
}

#[test]
fn a_link_with_an_impossible_speed_or_playhead_is_refused() {
    let json = |speed: &str, playhead: &str| {
        packed(
            2,
            &format!(r#"{{"program":"print(1)","speed":"{speed}","playhead":"{playhead}"}}"#),
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

/// A link made by an earlier Looplab (format 1: a scenario of steps) still opens.
#[test]
fn an_older_link_of_a_scenario_still_reads() {
    let scenario = looplab::sim::presets::preset("timeout").unwrap();
    let link = packed(
        1,
        &format!(
            r#"{{"scenario":{},"lesson":"timeouts","speed":"1","playhead":"250","events":3}}"#,
            serde_json::to_string(&scenario).unwrap()
        ),
    );
    let Shared::Scenario(old) = decode(&link).unwrap() else {
        panic!("a scenario link")
    };
    assert_eq!(old.scenario, scenario);
    assert_eq!(
        (old.lesson.as_deref(), old.playhead, old.events),
        (Some("timeouts"), 250.0, Some(3))
    );
}
