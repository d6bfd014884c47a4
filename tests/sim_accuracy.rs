#![cfg(not(target_arch = "wasm32"))]
//! Measured against predicted (`sim::accuracy`): a run compared with itself has no
//! error; delays added to a copy of its trace show up under the right cause.

use looplab::sim::accuracy::{accuracy, tolerance};
use looplab::sim::presets::preset;
use looplab::sim::{run, EventKind, Trace};

fn three_fetches() -> Trace {
    run(&preset("three-fetches").unwrap()).unwrap()
}

#[test]
fn a_run_compared_with_itself_has_no_error() {
    let trace = three_fetches();
    let a = accuracy(&trace, &trace);
    assert_eq!(a.error(), 0.0);
    assert!(a.within_target());
    assert_eq!(a.fetches.count, 3);
    assert_eq!(a.fetches.total, 0.0);
    assert!(a
        .tasks
        .iter()
        .all(|t| t.predicted.is_some() && t.predicted == t.measured));
}

#[test]
fn late_responses_are_counted_as_fetch_time() {
    let predicted = three_fetches();
    let mut measured = predicted.clone();
    // Every event from the first response on happens 4 ms later.
    let first = measured
        .events
        .iter()
        .position(|e| matches!(e.kind, EventKind::Woke { .. }))
        .unwrap();
    let mut events: Vec<_> = measured.events.iter().collect();
    for e in &mut events[first..] {
        e.t += 4.0;
    }
    measured.events = events.into();
    measured.end += 4.0;
    let a = accuracy(&predicted, &measured);
    assert_eq!(a.error(), 4.0);
    assert_eq!(a.fetches.count, 3);
    assert_eq!(a.fetches.max, 4.0);
    assert_eq!(a.timers.count, 0);
    assert!(a.within_target(), "4 ms is within 10 ms");
    assert!(a.explain()[0].starts_with("3 requests took 4.0 ms longer than predicted on average"));
    let main = a.tasks.iter().find(|t| t.name == "main").unwrap();
    assert_eq!(main.measured.unwrap() - main.predicted.unwrap(), 4.0);
}

#[test]
fn the_target_is_five_percent_or_ten_ms() {
    assert_eq!(tolerance(100.0), 10.0);
    assert_eq!(tolerance(3000.0), 150.0);
}
