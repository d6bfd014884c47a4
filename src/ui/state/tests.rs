use super::*;
use crate::py::Ending;
use crate::sim::chrome_trace::to_chrome_trace;
use crate::ui::share::ScenarioShare;

fn reduce(s: State, action: Action) -> State {
    (*Rc::new(s).reduce(action)).clone()
}

fn run(source: &str) -> ProgramRun {
    run_program(source, false).unwrap()
}

/// The program's run under way, on to its end in slices of `n` instructions; how many
/// slices it took.
fn slices_of(mut s: State, n: u64) -> (State, u32) {
    let mut slices = 0;
    while s.slices().is_some() {
        s = reduce(s, Action::RunSlice(Box::new(move |done| done < n)));
        slices += 1;
    }
    (s, slices)
}

/// The lesson `slug` opened with no time for its run where it opens: every part of it
/// is a slice.
fn in_slices(slug: &str) -> State {
    let at_once = State {
        first_slice_ms: 0.0,
        ..State::default()
    };
    reduce(at_once, Action::OpenLesson(slug.into()))
}

/// The program's run under way (a copy of how far it got).
fn running(s: &State) -> Running {
    match &s.program {
        Err(NoRun {
            why: Why::Running(running),
            ..
        }) => running.clone(),
        _ => panic!("no run under way"),
    }
}

/// The program's run under way, on to its end.
fn to_the_end(s: State) -> State {
    slices_of(s, 100_000).0
}

const PROGRAM: &str = "import asyncio\n\nasync def f(n):\n    await asyncio.sleep(n)\n    \
                       print(n)\n\nasync def main():\n    for i in range(2):\n        \
                       await f(0.25)\n\nasyncio.run(main())\n";

#[test]
fn the_default_state_runs_the_three_fetches_example() {
    let s = State::default();
    assert_eq!(s.shown().unwrap().trace.end, 3000.0);
    assert_eq!(s.end(), 3000.0);
    assert_eq!(s.compared(), None, "no second version yet");
    assert!(s.source().contains("asyncio.gather"));
}

#[test]
fn the_apps_first_state_shows_the_default_program_and_runs_it_a_slice_later() {
    let s = State::first();
    assert_eq!((s.source(), s.shown()), (State::default().source(), None));
    assert_eq!(s.slices(), Some(0));
    let s = reduce(s, Action::RunSlice(Box::new(|_| true)));
    assert_eq!(s.shown().unwrap().trace.end, 3000.0);
    // A lesson opened at load replaces it before it ran at all.
    let lesson = reduce(State::first(), Action::OpenLesson("gather".into()));
    assert!(lesson.shows_lesson_program());
}

#[test]
fn frames_advance_the_playhead_by_speed_and_stop_at_the_end() {
    let mut s = reduce(State::default(), Action::Play);
    s = reduce(s, Action::SetSpeed(2.0));
    for _ in 0..10 {
        s = reduce(s, Action::Frame(50.0));
    }
    assert_eq!(s.playhead, 1000.0);
    s = reduce(s, Action::Frame(10_000.0));
    assert_eq!(
        s.playhead, 1200.0,
        "a late frame plays at most 100 ms (at 2×)"
    );
    for _ in 0..100 {
        s = reduce(s, Action::Frame(50.0));
    }
    assert_eq!(s.playhead, 3000.0);
    assert!(!s.playing);
    s = reduce(s, Action::TogglePlay);
    assert_eq!(s.playhead, 0.0, "play at the end starts over");
}

#[test]
fn stepping_moves_one_event_at_a_time_and_back() {
    let s = reduce(State::default(), Action::Restart);
    assert_eq!(s.events_done(), 0);
    let s = reduce(reduce(s, Action::StepForward), Action::StepForward);
    assert_eq!(s.events_done(), 2);
    let s = reduce(s, Action::StepBack);
    assert_eq!(s.events_done(), 1);
    let s = reduce(s, Action::Seek(1500.0));
    assert_eq!(s.cursor, None);
    let before = s.events_done();
    let s = reduce(s, Action::StepForward);
    assert_eq!(s.events_done(), before + 1);
    assert!(s.playhead >= 1500.0);
}

fn link(s: &State, events: Option<usize>) -> Shared {
    Shared::Program(Share {
        program: s.source().to_string(),
        rival: s.rival.as_ref().map(|r| r.source.to_string()),
        lesson: s.lesson.clone(),
        speed: s.speed,
        playhead: s.playhead,
        events,
        loop_cost: s.loop_cost,
    })
}

#[test]
fn a_share_link_made_between_events_of_one_instant_opens_at_that_event() {
    let mut s = reduce(State::default(), Action::Restart);
    for _ in 0..7 {
        s = reduce(s, Action::StepForward);
    }
    let at_zero = s.shown().unwrap().trace.events_until(0.0);
    assert!(
        at_zero > 7,
        "the default program starts with a burst at 0 ms"
    );
    assert_eq!((s.events_done(), s.playhead), (7, 0.0));
    let restored = reduce(State::default(), Action::Restore(link(&s, s.cursor)));
    assert_eq!(restored.events_done(), 7);
    // Without the count, or with one that is not at its time, the time alone decides.
    let timed = reduce(State::default(), Action::Restore(link(&s, None)));
    assert_eq!(timed.events_done(), at_zero);
    let wrong = reduce(
        State::default(),
        Action::Restore(link(&s, Some(at_zero + 50))),
    );
    assert_eq!(wrong.events_done(), at_zero);
}

#[test]
fn a_link_of_an_edited_program_opens_its_text_and_its_second_version() {
    let s = reduce(
        State::default(),
        Action::RunProgram(Started::Ran(run(PROGRAM))),
    );
    let s = reduce(s, Action::SetRival(run(&PROGRAM.replace("0.25", "0.1"))));
    let s = reduce(s, Action::Seek(250.0));
    let restored = reduce(State::default(), Action::Restore(link(&s, None)));
    assert_eq!(restored.source(), PROGRAM);
    assert_eq!(restored.shown().unwrap().trace.end, 500.0);
    assert_eq!(restored.compared().unwrap().second.trace.end, 200.0);
    assert_eq!(restored.playhead, 250.0);
}

#[test]
fn an_older_link_of_steps_opens_as_its_program_and_says_so() {
    let old = ScenarioShare {
        scenario: crate::sim::presets::preset("three-fetches").unwrap(),
        lesson: None,
        speed: 1.0,
        playhead: 0.0,
        events: None,
    };
    let s = reduce(
        State::default(),
        Action::Restore(Shared::Scenario(old.clone())),
    );
    assert!(s.source().contains("async def get_user"), "{}", s.source());
    assert_eq!(s.shown().unwrap().trace.end, 3000.0);
    assert!(s.notice.as_deref().unwrap().contains("earlier Looplab"));
    // One that came from the editor opens the learner's own text.
    let mut mine = old;
    mine.scenario.source = Some(PROGRAM.into());
    let s = reduce(State::default(), Action::Restore(Shared::Scenario(mine)));
    assert_eq!(s.source(), PROGRAM);
}

#[test]
fn a_file_opens_as_a_program_and_a_bad_one_is_explained() {
    let s = State::default();
    let py = reduce(
        s.clone(),
        Action::OpenFile {
            name: "mine.py".into(),
            text: PROGRAM.into(),
        },
    );
    assert_eq!(py.source(), PROGRAM);
    let scenario = crate::sim::presets::preset("timeout").unwrap().to_json();
    let json = reduce(
        s.clone(),
        Action::OpenFile {
            name: "old.JSON".into(),
            text: scenario,
        },
    );
    assert!(json.source().contains("wait_for"), "{}", json.source());
    let bad = reduce(
        s.clone(),
        Action::OpenFile {
            name: "x.json".into(),
            text: "{not json".into(),
        },
    );
    assert_eq!(bad.source(), s.source(), "the program on screen stays");
    assert!(bad
        .notice
        .unwrap()
        .starts_with("This is not a valid scenario"));
}

#[test]
fn a_program_that_does_not_read_is_kept_with_its_error() {
    let s = reduce(State::default(), Action::Open("async def main(:\n".into()));
    assert_eq!(s.source(), "async def main(:\n");
    let Err(NoRun {
        why: Why::Unreadable(error),
        ..
    }) = &s.program
    else {
        panic!("it cannot run")
    };
    assert_eq!(error.line, 1);
    assert_eq!((s.shown(), s.end()), (None, 0.0));
    let s = reduce(s, Action::StepForward);
    assert_eq!(s.events_done(), 0);
}

#[test]
fn a_program_run_live_is_shown_while_it_runs_and_a_stale_one_is_dropped() {
    let live_run = |src: &str, ending: Ending| {
        let mut out = crate::py::run_source(src).unwrap();
        out.ending = ending;
        ProgramRun::new(src, out, false)
    };
    let simulated = run(PROGRAM);
    let s = reduce(
        State::default(),
        Action::RunProgram(Started::Ran(simulated.clone())),
    );
    let so_far = live_run(PROGRAM, Ending::Running);
    let s = reduce(s, Action::LiveProgram(so_far.clone()));
    assert!(s.live_running());
    assert_eq!(s.shown(), Some(&so_far.run));
    assert_eq!(s.shown_program(), Some(&so_far));
    assert_eq!(s.playhead, 500.0, "the playhead follows the live run");
    let ended = live_run(PROGRAM, Ending::Completed);
    let s = reduce(s, Action::LiveProgram(ended.clone()));
    assert!(!s.live_running());
    assert_eq!(s.shown_program(), Some(&ended));
    assert_eq!(s.program, Ok(simulated.clone()), "the prediction is kept");
    // A run of another program (the editor changed meanwhile) is not shown.
    let other = PROGRAM.replace("0.25", "0.5");
    let stale = reduce(
        s.clone(),
        Action::LiveProgram(live_run(&other, Ending::Stopped)),
    );
    assert_eq!(stale.shown_program(), Some(&ended));
    let s = reduce(s, Action::LiveClear);
    assert_eq!(
        s.shown_program(),
        Some(&simulated),
        "back to the simulated run"
    );
    // A new program ends live mode.
    let s = reduce(s, Action::LiveProgram(ended));
    let s = reduce(s, Action::Open(other));
    assert_eq!(s.live, None);
}

#[test]
fn a_lesson_opens_with_its_program_and_its_pair_and_a_link_restores_it() {
    let s = reduce(State::default(), Action::OpenLesson("gather".into()));
    let program = lesson("gather").unwrap().program;
    assert_eq!(
        (s.lesson.as_deref(), s.source()),
        (Some("gather"), program.source)
    );
    // Its second version runs once the lesson has painted.
    assert_eq!(
        (s.rival.as_ref(), s.pair_pending.clone()),
        (None, program.pair.map(PairPending::Waiting))
    );
    let s = reduce(s, Action::RunPair);
    assert_eq!(s.pair_pending, None);
    assert_eq!(s.rival.as_ref().map(|p| &*p.source), program.pair);
    assert_eq!(s.compared().map(|r| r.second.trace.end), Some(1500.0));
    assert!(s.shows_lesson_program());
    assert!(s.lesson_rust().unwrap().contains("#[tokio::main"));
    let shared = Share {
        program: s.source().to_string(),
        rival: s.rival.as_ref().map(|r| r.source.to_string()),
        lesson: s.lesson.clone(),
        speed: 2.0,
        playhead: 1234.5,
        events: None,
        loop_cost: false,
    };
    let restored = reduce(State::default(), Action::Restore(Shared::Program(shared)));
    assert_eq!(restored.source(), program.source);
    assert_eq!(restored.lesson.as_deref(), Some("gather"));
    assert_eq!((restored.speed, restored.playhead), (2.0, 1234.5));
    let missing = reduce(State::default(), Action::OpenLesson("nope".into()));
    assert_eq!(missing.source(), State::default().source());
    assert!(missing.notice.unwrap().contains("no lesson called “nope”"));
    // An unknown lesson's address leaves the open lesson for the playground it names.
    let left = reduce(s.clone(), Action::OpenLesson("nope".into()));
    assert_eq!((left.lesson.as_deref(), left.source()), (None, s.source()));
    // Editing the lesson's program keeps the lesson, but it is no longer its own.
    let edited = reduce(s.clone(), Action::RunProgram(Started::Ran(run(PROGRAM))));
    assert_eq!(edited.lesson.as_deref(), Some("gather"));
    assert!(!edited.shows_lesson_program());
    assert_eq!(
        edited.lesson_rust(),
        None,
        "the tokio version is of the lesson's own"
    );
    let s = reduce(s, Action::Predict(1));
    assert_eq!(s.prediction, Some(1));
    let s = reduce(s, Action::Open(PROGRAM.into()));
    assert_eq!(s.lesson, None, "an example leaves the lesson");
    assert_eq!(s.prediction, None, "and its prediction");
    assert_eq!(s.rival, None, "and its second version");
    assert_eq!(
        reduce(s, Action::Predict(0)).prediction,
        None,
        "no lesson, nothing to predict"
    );
}

#[test]
fn an_exported_trace_replays_and_a_foreign_file_is_explained() {
    let deadlock = run(crate::examples::example("deadlock").unwrap().source);
    let exported = to_chrome_trace(&deadlock.run.trace);
    let s = reduce(State::default(), Action::ImportTrace(exported));
    let shown = &s.shown().unwrap().trace;
    assert_eq!(**shown, *deadlock.run.trace);
    assert_eq!(s.events_done(), 0, "the replay starts at its beginning");
    assert_eq!(s.shown_program(), None);
    let s = reduce(s, Action::CloseReplay);
    assert_eq!(
        s.shown().unwrap().trace.end,
        3000.0,
        "back to the program's run"
    );
    let s = reduce(s, Action::ImportTrace("{\"traceEvents\": []}".into()));
    assert!(s.notice.unwrap().contains("not exported by Looplab"));
    assert_eq!(s.replay, None);
}

#[test]
fn compare_spans_the_longer_run_and_closing_it_goes_back_to_one() {
    let s = reduce(
        State::default(),
        Action::RunProgram(Started::Ran(run(PROGRAM))),
    );
    let s = reduce(s, Action::SetRival(run(&PROGRAM.replace("0.25", "1"))));
    let s = reduce(s, Action::SetView(View::Compare));
    assert_eq!(s.end(), 2000.0);
    assert_eq!(s.compared().unwrap().speedup(), Some(0.25));
    let s = reduce(s, Action::Seek(1500.0));
    let s = reduce(s, Action::CloseRival);
    assert_eq!((s.view, s.end(), s.playhead), (View::Single, 500.0, 500.0));
}

#[test]
fn speed_is_clamped() {
    let s = reduce(State::default(), Action::SetSpeed(100.0));
    assert_eq!(s.speed, MAX_SPEED);
    let s = reduce(s, Action::SetSpeed(0.0));
    assert_eq!(s.speed, MIN_SPEED);
}

#[test]
fn stepping_by_line_walks_every_statement_with_the_playhead_at_its_event() {
    let mut s = State::with_program(PROGRAM);
    let steps = s.line_program().unwrap().line_steps();
    let lines: Vec<u32> = steps.steps.iter().map(|st| st.line).collect();
    // import, def f, def main, asyncio.run, then main's loop and f's body, twice.
    assert_eq!(&lines[..4], &[1, 3, 7, 11]);
    assert!(lines.contains(&5), "f's print is a step: {lines:?}");
    for k in 0..steps.steps.len() {
        s = reduce(s, Action::LineForward);
        assert_eq!(s.line, Some(k));
        assert_eq!(s.events_done(), steps.steps[k].events);
        assert_eq!(
            s.playhead,
            s.shown()
                .unwrap()
                .trace
                .events
                .time_after(steps.steps[k].events)
        );
    }
    // Past the last statement: the end of the run, no line.
    s = reduce(s, Action::LineForward);
    assert_eq!(s.line, None);
    assert_eq!(s.playhead, s.end());
    s = reduce(s, Action::LineBack);
    assert_eq!(s.line, Some(steps.steps.len() - 1));
    s = reduce(s, Action::LineBack);
    assert_eq!(s.line, Some(steps.steps.len() - 2));
}

#[test]
fn any_other_move_of_the_playhead_ends_a_line_step() {
    let at_line = |s: State| reduce(reduce(s, Action::Restart), Action::LineForward);
    let s = at_line(State::with_program(PROGRAM));
    assert_eq!(s.line, Some(0));
    assert_eq!(s.line_step().map(|(k, _)| k), Some(0));
    assert_eq!(reduce(s.clone(), Action::StepForward).line, None);
    assert_eq!(reduce(s.clone(), Action::Seek(100.0)).line, None);
    assert_eq!(reduce(s.clone(), Action::Play).line, None);
    assert_eq!(reduce(s.clone(), Action::Open(PROGRAM.into())).line, None);
    // A program shown live is not stepped by line.
    let live = reduce(s.clone(), Action::LiveProgram(run(PROGRAM)));
    assert_eq!(live.line, None);
    assert_eq!(reduce(live, Action::LineForward).line, None);
    // The speed or the theme leave it where it is.
    assert_eq!(reduce(s, Action::SetSpeed(2.0)).line, Some(0));
}

#[test]
fn stepping_by_line_from_an_event_goes_to_the_statements_after_its_callback() {
    let mut s = State::with_program(PROGRAM);
    let steps = s.line_program().unwrap().line_steps();
    s = reduce(s, Action::StepTo(3));
    s = reduce(s, Action::LineForward);
    let k = s.line.expect("a statement after event 3");
    assert!(steps.steps[k].events > 3);
    assert!(k == 0 || steps.steps[k - 1].events <= 3);
}

#[test]
fn a_challenge_opens_its_starter_and_checks_every_program_run() {
    let c = crate::challenges::challenge("crawler").unwrap();
    let open = |code: Option<String>| {
        reduce(
            State::default(),
            Action::OpenChallenge {
                slug: "crawler".into(),
                code,
            },
        )
    };
    let s = open(None);
    assert_eq!(s.source(), c.starter);
    let verdict = s.challenge.as_ref().unwrap().verdict().unwrap().clone();
    assert!(!verdict.passed, "the starter fails a goal");
    assert_eq!(verdict.goals.len(), c.goals.len());
    // The solution typed in passes; the learner's last program opens with the challenge.
    let s = reduce(s, Action::RunProgram(Started::Ran(run(c.solution))));
    assert!(s.challenge.as_ref().unwrap().verdict().unwrap().passed);
    assert_eq!(open(Some(c.solution.into())).source(), c.solution);
    // A program that does not run has no verdict.
    let s = reduce(s, Action::Open("async def\n".into()));
    assert_eq!(
        s.challenge, None,
        "an example or a file leaves the challenge"
    );
}

#[test]
fn hints_come_one_at_a_time_and_the_solution_races_beside_the_program() {
    let c = crate::challenges::challenge("crawler").unwrap();
    let mut s = reduce(
        State::default(),
        Action::OpenChallenge {
            slug: "crawler".into(),
            code: Some("print('mine')\n".into()),
        },
    );
    for n in 1..=c.hints.len() + 2 {
        s = reduce(s, Action::ShowHint);
        assert_eq!(s.challenge.as_ref().unwrap().hints, n.min(c.hints.len()));
    }
    s = reduce(s, Action::ShowSolution);
    assert!(s.challenge.as_ref().unwrap().solution);
    assert_eq!(&*s.rival.as_ref().unwrap().source, c.solution);
    s = reduce(s, Action::StartOver);
    assert_eq!(s.source(), c.starter);
    assert_eq!(
        s.challenge.as_ref().unwrap().hints,
        c.hints.len(),
        "hints stay shown"
    );
    // A lesson, or leaving, closes the challenge.
    assert_eq!(
        reduce(s.clone(), Action::OpenLesson("gather".into())).challenge,
        None
    );
    assert_eq!(reduce(s, Action::CloseLesson).challenge, None);
    let nope = reduce(
        State::default(),
        Action::OpenChallenge {
            slug: "nope".into(),
            code: None,
        },
    );
    assert!(nope.notice.unwrap().contains("no challenge called “nope”"));
}

#[test]
fn a_pending_second_version_goes_with_the_program_it_was_for() {
    let opened = reduce(State::default(), Action::OpenLesson("gather".into()));
    assert!(opened.pair_pending.is_some());
    // Another program before it ran: nothing is raced against it.
    let s = reduce(opened.clone(), Action::Open(PROGRAM.into()));
    let s = reduce(s, Action::RunPair);
    assert_eq!((s.pair_pending, s.rival.as_ref()), (None, None));
    // Closing Compare before it ran: it does not come back.
    let s = reduce(opened, Action::CloseRival);
    assert_eq!(reduce(s, Action::RunPair).rival, None);
}

#[test]
fn the_progress_page_and_a_course_are_places_of_their_own() {
    let s = reduce(State::default(), Action::OpenLesson("gather".into()));
    let s = reduce(s, Action::ShowProgress);
    assert!(s.overview);
    assert_eq!(s.lesson, None);
    let items = vec![Item::Lesson("gather".into())];
    let s = reduce(s, Action::SetCourse(items.clone()));
    let s = reduce(s, Action::OpenLesson("gather".into()));
    assert!(!s.overview);
    assert_eq!(s.course.as_deref(), Some(&items));
    assert_eq!(reduce(s, Action::CloseLesson).course, None);
}

#[test]
fn the_loop_cost_setting_runs_the_program_and_its_second_version_again() {
    let s = to_the_end(reduce(
        State::default(),
        Action::OpenLesson("production-loops".into()),
    ));
    let s = to_the_end(reduce(s, Action::RunPair));
    assert!(s.loop_cost, "the lesson counts the loop's cost");
    let totals = |s: &State| {
        let pair = s.compared().expect("the lesson brings its uvloop version");
        (pair.first.trace.end.round(), pair.second.trace.end.round())
    };
    assert_eq!(totals(&s), (650.0, 571.0));
    let program = s.program.as_ref().unwrap();
    assert_eq!(
        (program.loop_kind.name(), program.loop_cost),
        ("asyncio", true)
    );
    assert_eq!(s.rival.as_ref().unwrap().loop_kind.name(), "uvloop");
    let free = to_the_end(reduce(s.clone(), Action::SetLoopCost(false)));
    assert!(!free.loop_cost);
    assert_eq!(totals(&free), (500.0, 500.0));
    assert_eq!(free.lesson.as_deref(), Some("production-loops"));
    assert_eq!(free.source(), s.source(), "the same program, run again");
    // A share link carries the setting.
    let restored = reduce(State::default(), Action::Restore(link(&s, None)));
    assert!(restored.loop_cost);
    assert_eq!(restored.shown().unwrap().trace.end.round(), 650.0);
    // Another lesson is narrated with the loop free.
    let other = reduce(s, Action::OpenLesson("gather".into()));
    assert!(!other.loop_cost);
}

#[test]
fn a_big_program_runs_in_slices_and_shows_once_it_has_run() {
    let s = in_slices("production-loops");
    let source = s.source().to_string();
    assert!(source.contains("TASKS = 5_000"));
    assert_eq!(s.shown(), None, "still running");
    assert_eq!(s.slices(), Some(1));
    let first = running(&s);
    assert!(first.events > 0, "{first:?}");
    // Each slice says how far the run has got.
    let next = reduce(s.clone(), Action::RunSlice(Box::new(|done| done < 50_000)));
    let next = running(&next);
    assert!(next.events > first.events && next.ms > first.ms, "{next:?}");
    // The lesson's second version waits for the program's run (the app holds it back).
    assert!(s.pair_pending.is_some());
    let (s, slices) = slices_of(s, 50_000);
    assert!(slices > 5, "{slices} slices");
    let whole = run_program(&source, true).unwrap();
    let program = s.program.as_ref().expect("it ran");
    assert_eq!(program.run.trace, whole.run.trace, "as it runs in one go");
    assert_eq!(program.console, whole.console);
    assert_eq!((s.playhead, s.cursor, s.slices()), (0.0, Some(0), None));
    assert_eq!(s.lesson.as_deref(), Some("production-loops"));
    // Then its second version, in slices too, raced once it has run.
    let s = reduce(s, Action::RunPair);
    assert!(matches!(s.pair_pending, Some(PairPending::Running(_))));
    assert_eq!((s.slices(), s.rival.as_ref()), (Some(1), None));
    let (s, slices) = slices_of(s, 50_000);
    assert!(slices > 5, "{slices} slices");
    assert_eq!(s.pair_pending, None);
    let pair = s.compared().expect("raced");
    assert_eq!(pair.second.trace.end.round(), 571.0);
}

#[test]
fn a_program_opened_while_another_runs_in_slices_replaces_it() {
    let s = in_slices("production-loops");
    assert!(s.running());
    let s = reduce(
        State {
            first_slice_ms: f64::INFINITY,
            ..s
        },
        Action::Open(PROGRAM.into()),
    );
    assert_eq!(s.slices(), None, "a small program runs at once");
    assert_eq!(s.source(), PROGRAM);
    let after = reduce(s.clone(), Action::RunSlice(Box::new(|_| true)));
    assert_eq!(after, s, "a slice with nothing under way does nothing");
}

#[test]
fn a_share_link_of_a_big_program_opens_at_its_moment() {
    let s = to_the_end(reduce(
        State::default(),
        Action::OpenLesson("production-loops".into()),
    ));
    let s = reduce(s, Action::Seek(300.0));
    let restored = reduce(State::default(), Action::Restore(link(&s, None)));
    assert_eq!(
        restored.slices(),
        None,
        "run to its end where the link opens"
    );
    assert_eq!(restored.playhead, 300.0);
}
