#![cfg(not(target_arch = "wasm32"))]
//! The loop-health strip: loop lag, tasks alive and completions per second over time.

use looplab::lessons::lesson;
use looplab::sim::presets::preset;
use looplab::sim::{loop_health, metrics, run, Trace};

fn preset_trace(id: &str) -> Trace {
    run(&preset(id).unwrap()).unwrap()
}

#[test]
fn buckets_cover_the_run_without_gaps() {
    let t = preset_trace("three-fetches");
    let h = loop_health(&t, 30);
    assert_eq!(h.len(), 30);
    assert_eq!(h[0].t, 0.0);
    assert!((h.last().unwrap().t_end - t.end).abs() < 1e-9);
    assert!(h.windows(2).all(|w| (w[0].t_end - w[1].t).abs() < 1e-9));
}

#[test]
fn completions_add_up_to_the_tasks_that_ended() {
    for id in ["three-fetches", "semaphore", "executor", "errors"] {
        let t = preset_trace(id);
        let ended = metrics(&t)
            .tasks
            .iter()
            .filter(|x| x.ended.is_some())
            .count();
        let h = loop_health(&t, 7);
        let total: f64 = h
            .iter()
            .map(|s| s.completions_per_s * (s.t_end - s.t) / 1000.0)
            .sum();
        assert!(
            (total - ended as f64).abs() < 1e-6,
            "{id}: {total} vs {ended}"
        );
    }
}

#[test]
fn blocking_the_loop_shows_as_lag() {
    // The heartbeat's first tick is due at 0.25 s but runs at 1 s, after time.sleep.
    let blocked = loop_health(&preset_trace("blocking-sleep"), 10);
    let worst = blocked.iter().map(|s| s.max_lag_ms).fold(0.0, f64::max);
    assert!(worst >= 700.0, "{blocked:#?}");
    // Handing the work to an executor keeps the loop responsive.
    let offloaded = loop_health(&preset_trace("executor"), 10);
    let worst = offloaded.iter().map(|s| s.max_lag_ms).fold(0.0, f64::max);
    assert!(worst < 1.0, "{offloaded:#?}");
    assert!(offloaded.iter().all(|s| s.lag_ms <= s.max_lag_ms));
}

#[test]
fn a_thousand_waiting_tasks_are_alive_together_then_finish_at_once() {
    let l = lesson("thousand-tasks").unwrap();
    let t = run(&l.scenario().unwrap()).unwrap();
    let h = loop_health(&t, 4);
    assert!(h[0].alive > 1000, "{}", h[0].alive);
    // Every worker finishes in the last bucket, none earlier.
    assert!(h[..3].iter().all(|s| s.completions_per_s == 0.0));
    assert!(h[3].completions_per_s * (h[3].t_end - h[3].t) / 1000.0 >= 1000.0);
    assert!(h.iter().map(|s| s.callbacks).sum::<u32>() >= 2000);
}

#[test]
fn an_instant_run_still_gives_finite_samples() {
    let l = lesson("event-loop").unwrap();
    let t = run(&l.scenario().unwrap()).unwrap();
    assert_eq!(t.end, 0.0);
    let h = loop_health(&t, 0);
    assert_eq!(h.len(), 1);
    assert!(h[0].completions_per_s.is_finite() && h[0].lag_ms.is_finite());
    assert_eq!(h[0].alive as usize, t.tasks.len());
}
