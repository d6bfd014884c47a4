//! The reducer: every [`Action`] applied to the [`State`]. Components dispatch; only
//! this changes the state.

use super::*;

/// What an older link or file meant, said where the learner looks.
const FROM_STEPS: &str = "This was made by an earlier Looplab, as a scenario of steps: it \
                          opens as the Python program it stood for.";

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::OpenLesson(slug) => match lesson(&slug) {
                Some(l) => {
                    s.leave_lesson();
                    let p = &l.program;
                    s.loop_cost = p.loop_cost;
                    s.open(p.source);
                    // The other version, raced beside it in Compare.
                    s.pair_pending = p.pair.map(PairPending::Waiting);
                    s.lesson = Some(slug);
                    s.prediction = None;
                }
                None => {
                    s.leave_lesson();
                    s.notice = Some(format!(
                        "There is no lesson called “{slug}”; here is the playground instead."
                    ))
                }
            },
            Action::CloseLesson => {
                s.leave_lesson();
                s.course = None;
            }
            Action::OpenChallenge { slug, code } => {
                if !s.open_challenge(&slug, code) {
                    s.notice = Some(format!(
                        "There is no challenge called “{slug}”; here is the playground instead."
                    ));
                }
            }
            Action::ShowHint => s.show_hint(),
            Action::ShowSolution => s.show_solution(),
            Action::StartOver => s.start_over(),
            Action::ShowProgress => {
                s.leave_lesson();
                s.overview = true;
            }
            Action::SetCourse(items) => s.course = Some(Rc::new(items)),
            Action::Predict(choice) => s.prediction = s.lesson.is_some().then_some(choice),
            Action::Restore(Shared::Program(share)) => s.restore(share),
            Action::Restore(Shared::Scenario(old)) => {
                s.restore(Share {
                    program: program_text(&old.scenario),
                    rival: None,
                    lesson: old.lesson,
                    speed: old.speed,
                    playhead: old.playhead,
                    events: old.events,
                    loop_cost: false,
                });
                s.notice = Some(FROM_STEPS.into());
            }
            Action::Open(source) => s.open(&source),
            Action::OpenFile { name, text } => {
                if name.to_ascii_lowercase().ends_with(".json") {
                    match Scenario::from_json(&text) {
                        Ok(scenario) => {
                            s.open(&program_text(&scenario));
                            s.notice = Some(FROM_STEPS.into());
                        }
                        Err(message) => s.notice = Some(message),
                    }
                } else {
                    s.open(&text);
                    s.notice = None;
                }
            }
            Action::RunProgram(started) => s.set_program(shown(started)),
            Action::RunSlice(budget) => match (&s.program, &s.pair_pending) {
                (
                    Err(NoRun {
                        why: Why::Running(running),
                        ..
                    }),
                    _,
                ) => s.program = shown(running.clone().go_on(budget)),
                (_, Some(PairPending::Running(pair))) => {
                    let pair = pair.clone().go_on(budget);
                    s.race(pair);
                }
                _ => return self,
            },
            Action::RunPair => {
                if let Some(PairPending::Waiting(pair)) = s.pair_pending {
                    match start_program(pair, s.loop_cost, for_ms(s.first_slice_ms)) {
                        Ok(started) => s.race(started),
                        Err(_) => s.pair_pending = None,
                    }
                }
            }
            Action::SetRival(rival) => {
                s.pair_pending = None;
                s.rival = Some(rival);
                s.seek(s.playhead);
            }
            Action::CloseRival => {
                s.pair_pending = None;
                s.rival = None;
                s.view = View::Single;
                s.seek(s.playhead);
            }
            Action::TogglePlay => {
                if s.playing {
                    s.playing = false;
                } else {
                    start_playing(&mut s);
                }
            }
            Action::Play => start_playing(&mut s),
            Action::Pause => s.playing = false,
            Action::Frame(dt) => {
                if !s.playing {
                    return self;
                }
                let end = s.end();
                let step = dt.clamp(0.0, MAX_FRAME_MS) * s.speed * s.axis_now().per_ms();
                s.playhead = (s.playhead + step).min(end);
                s.cursor = None;
                if s.playhead >= end {
                    s.playing = false;
                }
            }
            Action::Seek(t) => s.seek(t),
            Action::SeekClock(t) => match s.axis_now() {
                AxisMode::Time => s.seek(t),
                AxisMode::Ticks => {
                    let n = s.shown().map_or(0, |run| run.trace.events_until(t));
                    s.step_to(n);
                }
            },
            Action::SetAxis(axis) => {
                let n = s.events_done();
                s.axis = axis;
                s.keep_ticked();
                // The same event on the other axis (where many share a time, only the
                // count of events says which).
                let t = s
                    .on_axis()
                    .map_or(0.0, |run| run.trace.events.time_after(n));
                s.playhead = t;
                s.cursor = Some(n);
            }
            Action::SetLoopCost(on) => {
                s.loop_cost = on;
                let rival = s.rival.as_ref().map(|r| r.source.clone());
                s.rival = rival.and_then(|r| s.run(&r));
                if let Ok(p) = &s.program {
                    let source = p.source.clone();
                    s.set_program(read(&source, s.loop_cost, for_ms(s.first_slice_ms)));
                }
            }
            Action::StepForward => {
                let n = s.events_done();
                s.step_to(n + 1);
            }
            Action::StepBack => {
                let n = s.events_done();
                s.step_to(n.saturating_sub(1));
            }
            Action::LineForward => s.step_line(true),
            Action::LineBack => s.step_line(false),
            Action::Restart => s.step_to(0),
            Action::StepTo(n) => s.step_to(n),
            Action::SetSpeed(x) => s.speed = x.clamp(MIN_SPEED, MAX_SPEED),
            Action::SetView(view) => {
                s.view = view;
                s.seek(s.playhead);
            }
            Action::TogglePresenter => s.presenter = !s.presenter,
            Action::ToggleShortcuts => s.shortcuts = !s.shortcuts,
            Action::CloseShortcuts => s.shortcuts = false,
            Action::SetTheme(theme) => s.theme = theme,
            Action::LiveProgram(run) => {
                // A run of a program no longer on screen is dropped.
                if s.program.as_ref().ok().map(|p| &p.source) != Some(&run.source) {
                    return self;
                }
                s.replay = None;
                s.live = Some(run);
                s.view = View::Single;
                s.playing = false;
                s.cursor = None;
                s.playhead = s.end();
            }
            Action::ImportTrace(text) => match from_chrome_trace(&text) {
                Ok(trace) => {
                    s.live = None;
                    s.replay = Some(Run::new(trace));
                    s.notice = None;
                    s.step_to(0);
                }
                Err(message) => s.notice = Some(message),
            },
            Action::CloseReplay => {
                s.replay = None;
                s.seek(s.playhead);
            }
            Action::LiveClear => {
                s.live = None;
                s.seek(s.playhead);
            }
            Action::Notify(message) => s.notice = Some(message),
            Action::DismissNotice => s.notice = None,
        }
        s.keep_ticked();
        s.keep_line();
        s.keep_checked();
        Rc::new(s)
    }
}

/// Play from the start again when the playhead is at the end.
fn start_playing(s: &mut State) {
    if s.playhead >= s.end() {
        s.playhead = 0.0;
    }
    s.cursor = None;
    s.playing = true;
}
