#![cfg(not(target_arch = "wasm32"))]
//! The lessons: every program runs to the outcome its lesson teaches, every narration
//! moment happens within the run, in the order the narration is written, and every
//! prediction's answer is what the run shows.

use looplab::lessons::{lesson, lessons, narration_at, narration_times, Measure, Moment, What};
use looplab::sim::tick_axis::on_ticks;
use looplab::sim::{diagnose, loop_health, DiagnosticKind, EventKind, Outcome};

#[test]
fn there_are_twenty_one_lessons_in_order_with_unique_slugs() {
    let all = lessons();
    assert_eq!(all.len(), 21);
    for (i, l) in all.iter().enumerate() {
        assert_eq!(l.id as usize, i + 1, "{}", l.slug);
        assert!(!l.title.is_empty() && !l.intro.is_empty() && !l.try_this.is_empty());
        assert_eq!(lesson(l.slug).as_ref(), Some(l));
        assert!(all.iter().filter(|m| m.slug == l.slug).count() == 1);
    }
    assert!(lesson("no-such-lesson").is_none());
}

#[test]
fn every_lesson_runs_to_the_outcome_it_teaches() {
    for l in lessons() {
        let run = l.run().unwrap_or_else(|e| panic!("{}: {e}", l.slug));
        let own = run.own();
        if l.slug == "deadlock" {
            assert!(
                matches!(own.outcome, Outcome::Deadlock { .. }),
                "{:?}",
                own.outcome
            );
        } else {
            assert!(
                matches!(own.outcome, Outcome::Completed { .. }),
                "{}: {}",
                l.slug,
                own.outcome.describe(own)
            );
        }
    }
}

#[test]
fn every_narration_moment_happens_within_the_run() {
    let mut problems = Vec::new();
    for l in lessons() {
        let run = l.run().unwrap();
        let own = run.own();
        for n in &l.narration {
            match n.at.resolve(own) {
                Some(t) if (0.0..=own.end).contains(&t) => {}
                other => problems.push(format!("{}: {:?} resolves to {other:?}", l.slug, n.at)),
            }
        }
        if problems.is_empty() {
            assert_eq!(
                narration_times(&l, own).len(),
                l.narration.len(),
                "{}",
                l.slug
            );
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The narration reads in the order it is written: no moment comes before the one above
/// it, on the time axis nor on the tick axis, where one instant's events spread out in
/// the order they happen (a fixed time, `Moment::At`, has no place there).
#[test]
fn every_lessons_narration_is_written_in_the_order_it_happens() {
    let mut problems = Vec::new();
    for l in lessons() {
        let run = l.run().unwrap();
        let ticks = on_ticks(run.own());
        for (axis, trace) in [("time", run.own()), ("ticks", &ticks)] {
            let times: Vec<f64> = l
                .narration
                .iter()
                .filter(|n| axis == "time" || !matches!(n.at, Moment::At(_)))
                .filter_map(|n| n.at.resolve(trace))
                .collect();
            if times.windows(2).any(|w| w[0] > w[1]) {
                problems.push(format!("{} on the {axis} axis: {times:?}", l.slug));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn every_predictions_answer_is_what_the_run_measures() {
    let mut problems = Vec::new();
    for l in lessons() {
        let run = l.run().unwrap();
        let measured = l.predict.measure.value(run.own(), &run.comparison);
        let answer = l.answer(&run);
        let right = &l.predict.choices[answer];
        let slack = (right.value.abs() * 0.1).max(0.5);
        if (measured - right.value).abs() > slack {
            problems.push(format!(
                "{}: the run measures {measured}, the nearest choice `{}` says {}",
                l.slug, right.text, right.value
            ));
        }
        // The answer is unambiguous: every other choice is further off.
        for (i, c) in l.predict.choices.iter().enumerate() {
            if i != answer && (c.value - measured).abs() <= slack {
                problems.push(format!("{}: `{}` is right too", l.slug, c.text));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_scaling_lesson_runs_a_thousand_workers_concurrently() {
    let l = lesson("thousand-tasks").unwrap();
    let run = l.run().unwrap();
    let workers = run
        .own()
        .tasks
        .iter()
        .filter(|t| &*t.coroutine == "worker")
        .count();
    assert_eq!(workers, 1000);
    let m = Measure::ConcurrentTotal.value(run.own(), &run.comparison);
    assert!(m < run.comparison.sequential.end / 5.0);
}

#[test]
fn a_moment_that_never_happens_resolves_to_nothing() {
    let l = lesson("fetch").unwrap();
    let run = l.run().unwrap();
    let never = Moment::First {
        coroutine: "get_user",
        what: What::Block,
    };
    assert_eq!(never.resolve(run.own()), None);
    assert_eq!(Moment::At(run.own().end + 1.0).resolve(run.own()), None);
    assert_eq!(Moment::End.resolve(run.own()), Some(run.own().end));
}

#[test]
fn the_blocking_lesson_warns_about_the_task_that_never_yields_and_no_other_lesson_does() {
    use looplab::sim::{diagnose, DiagnosticKind};
    for l in lessons() {
        let run = l.run().unwrap();
        let own = run.own();
        let never_yields: Vec<&str> = diagnose(own)
            .iter()
            .filter(|d| d.kind == DiagnosticKind::NeverYields)
            .map(|d| own.tasks[d.task.index()].coroutine.as_ref())
            .collect();
        let expected: &[&str] = if l.slug == "blocking" { &["rude"] } else { &[] };
        assert_eq!(never_yields, expected, "{}", l.slug);
    }
}

#[test]
fn the_narration_shown_follows_the_playhead() {
    let l = lesson("coroutines").unwrap();
    let run = l.run().unwrap();
    let times = narration_times(&l, run.own());
    // boil_water suspends at 0, steep_tea at 1 s, the print at 3 s.
    let at: Vec<f64> = times.iter().map(|(t, _)| *t).collect();
    assert_eq!(at, [0.0, 1000.0, 3000.0]);
    assert_eq!(narration_at(&l, run.own(), 999.0), Some(times[0].1));
    assert_eq!(narration_at(&l, run.own(), 1000.0), Some(times[1].1));
    assert_eq!(narration_at(&l, run.own(), 5000.0), Some(times[2].1));
    let fetch = lesson("fetch").unwrap();
    let run = fetch.run().unwrap();
    // The first narration is when get_user's request is sent, at 0: nothing before it.
    assert_eq!(narration_at(&fetch, run.own(), -1.0), None);
}

#[test]
fn a_prediction_about_the_other_version_waits_for_both_runs_on_screen() {
    for slug in ["gather", "thousand-tasks"] {
        let l = lesson(slug).unwrap();
        assert!(
            l.measured_elsewhere(false),
            "{slug}: the gathered run is not shown"
        );
        assert!(
            !l.measured_elsewhere(true),
            "{slug}: both play side by side"
        );
    }
    // A prediction about the lesson's own run is answered by it.
    let first = lesson("event-loop").unwrap();
    assert!(!first.measured_elsewhere(false));
}

#[test]
fn the_monitoring_lesson_shows_its_blocking_call_as_a_slow_callback_and_as_lag() {
    let l = lesson("monitoring").unwrap();
    let run = l.run().unwrap();
    let own = run.own();
    let slow: Vec<f64> = diagnose(own)
        .iter()
        .filter(|d| d.kind == DiagnosticKind::SlowCallback)
        .map(|d| d.t)
        .collect();
    // One warning, where the narration says the loop is held.
    let held = Moment::First {
        coroutine: "handle",
        what: What::Block,
    };
    assert_eq!(slow, [held.resolve(own).unwrap()]);
    // The task held up waited longer than asyncio's slow-callback threshold.
    let lag = loop_health(own, 20)
        .iter()
        .map(|s| s.max_lag_ms)
        .fold(0.0, f64::max);
    assert!(lag > looplab::sim::diagnostics::SLOW_CALLBACK_MS, "{lag}");
}

/// main cancels the worker and waits for it; the reporter it leaves running is cancelled
/// by `asyncio.run`, once main has returned.
#[test]
fn the_shutdown_lesson_cancels_the_worker_before_main_returns_and_the_reporter_after() {
    let l = lesson("shutdown").unwrap();
    let run = l.run().unwrap();
    let own = run.own();
    // Where a task ends among the run's events, and whether it ends cancelled.
    let end = |coroutine: &str| {
        own.events
            .iter()
            .enumerate()
            .find(|(_, e)| {
                matches!(e.kind, EventKind::Completed { .. } | EventKind::Cancelled)
                    && own
                        .tasks
                        .get(e.task.index())
                        .is_some_and(|t| &*t.coroutine == coroutine)
            })
            .map(|(i, e)| (i, e.kind == EventKind::Cancelled))
            .unwrap_or_else(|| panic!("{coroutine} never ends"))
    };
    let (worker, main, stats) = (end("worker"), end("main"), end("report_stats"));
    assert!(
        worker.0 < main.0 && main.0 < stats.0,
        "{worker:?} {main:?} {stats:?}"
    );
    assert_eq!(
        (worker.1, main.1, stats.1),
        (true, false, true),
        "cancelled"
    );
}

#[test]
fn the_production_loops_lesson_halves_the_chatty_phase_on_uvloop_and_hardly_the_waiting_one() {
    let l = lesson("production-loops").unwrap();
    let program = &l.program;
    assert!(program.loop_cost, "the lesson counts the loop's cost");
    let run = |src: &str, cost: bool| {
        looplab::py::run::run_source_with(src, looplab::py::run::Options::costed(cost))
            .unwrap()
            .stdout
    };
    let uvloop = program.pair.unwrap();
    assert_eq!(
        run(program.source, true),
        "5,000 chatty tasks: 132 ms\n5,000 waiting tasks: 518 ms\n"
    );
    assert_eq!(
        run(uvloop, true),
        "5,000 chatty tasks: 63 ms\n5,000 waiting tasks: 509 ms\n"
    );
    // Uncounted, the loop is free: the waits alone.
    for src in [program.source, uvloop] {
        assert_eq!(
            run(src, false),
            "5,000 chatty tasks: 0 ms\n5,000 waiting tasks: 500 ms\n"
        );
    }
}
