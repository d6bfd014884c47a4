//! The live bar: run the scenario on the browser's real event loop, race it both ways,
//! stop it, or go back to the simulation. The run itself is [`crate::live`]; this bar
//! only starts it and dispatches what it reports.

use super::heartbeat::Heartbeat;
use crate::live::{painted, refusal, start_live, start_live_program, LiveHandle};
use crate::sim::metrics::format_ms;
use crate::sim::{Outcome, Scenario, StartMode};
use crate::ui::program::ProgramRun;
use crate::ui::state::{Action, AppContext};
use futures::channel::oneshot;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

type Current = Rc<RefCell<Option<LiveHandle>>>;

/// Runs `scenario` live in each of `modes` in turn; a stop ends the sequence.
fn launch(ctx: &AppContext, scenario: Scenario, modes: Vec<StartMode>, current: Current) {
    let dispatch = ctx.dispatcher();
    wasm_bindgen_futures::spawn_local(async move {
        for mode in modes {
            dispatch.dispatch(Action::LiveStart(mode));
            painted().await;
            let (tx, rx) = oneshot::channel();
            let progress = {
                let dispatch = dispatch.clone();
                move |trace| dispatch.dispatch(Action::LiveProgress(mode, trace))
            };
            let done = move |trace| {
                let _ = tx.send(trace);
            };
            match start_live(&scenario.with_mode(mode), progress, done) {
                Ok(handle) => *current.borrow_mut() = Some(handle),
                Err(error) => {
                    dispatch.dispatch(Action::LiveClear);
                    dispatch.dispatch(Action::Notify(error.to_string()));
                    return;
                }
            }
            let Ok(trace) = rx.await else { return };
            let stopped = trace.outcome == Outcome::Stopped;
            dispatch.dispatch(Action::LiveFinished(mode, trace));
            if stopped {
                break;
            }
        }
        current.borrow_mut().take();
    });
}

/// Runs the editor's Python program live, once, as written.
fn launch_program(ctx: &AppContext, source: String, current: Current) {
    let dispatch = ctx.dispatcher();
    wasm_bindgen_futures::spawn_local(async move {
        let (tx, rx) = oneshot::channel();
        let progress = {
            let (dispatch, source) = (dispatch.clone(), source.clone());
            move |out| dispatch.dispatch(Action::LiveProgram(ProgramRun::new(&source, out)))
        };
        let done = move |out| {
            let _ = tx.send(out);
        };
        match start_live_program(&source, progress, done) {
            Ok(handle) => *current.borrow_mut() = Some(handle),
            Err(error) => {
                dispatch.dispatch(Action::Notify(error.to_string()));
                return;
            }
        }
        if let Ok(out) = rx.await {
            dispatch.dispatch(Action::LiveProgram(ProgramRun::new(&source, out)));
        }
        current.borrow_mut().take();
    });
}

fn stop(current: &Current) {
    if let Some(handle) = current.borrow_mut().take() {
        handle.stop();
    }
}

#[function_component(LiveBar)]
pub fn live_bar() -> Html {
    let ctx = use_context::<AppContext>().expect("LiveBar is rendered inside the app");
    let current: Current = use_mut_ref(|| None);
    {
        // A new scenario (or leaving the page) stops the run of the old one.
        let current = current.clone();
        use_effect_with(ctx.scenario.clone(), move |_| move || stop(&current));
    }
    // A Python program runs live once, as written; a step scenario in either start
    // mode, or raced in both.
    let program = ctx.program.clone();
    let runnable = ctx.runs.is_ok() || program.is_some();
    let raceable = ctx.runs.is_ok() && program.is_none();
    let running = ctx.live.as_ref().and_then(|l| l.running);
    let program_running = ctx.live.as_ref().is_some_and(|l| l.program_running());
    // Why the last request to run live was refused (too long, too much blocking).
    let refused = use_state_eq(|| None::<String>);
    {
        let refused = refused.clone();
        use_effect_with(ctx.scenario.clone(), move |_| refused.set(None));
    }
    let run = |modes: fn(StartMode) -> Vec<StartMode>| {
        let (ctx, current, refused) = (ctx.clone(), current.clone(), refused.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(program) = &ctx.program {
                stop(&current);
                launch_program(&ctx, program.source.to_string(), current.clone());
                return;
            }
            let modes = modes(ctx.scenario.main.mode);
            let Ok(runs) = &ctx.runs else { return };
            let why = modes.iter().find_map(|&m| refusal(&runs.get(m).metrics));
            refused.set(why.clone());
            if why.is_none() {
                stop(&current);
                launch(&ctx, ctx.scenario.clone(), modes, current.clone());
            }
        })
    };
    let on_run = run(|mode| vec![mode]);
    let on_race = run(|_| vec![StartMode::Sequential, StartMode::Concurrent]);
    let on_stop = {
        let current = current.clone();
        Callback::from(move |_: MouseEvent| stop(&current))
    };
    let on_clear = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::LiveClear))
    };
    let so_far = || {
        ctx.shown()
            .map_or_else(String::new, |r| format_ms(r.trace.end))
    };
    let status = match running {
        Some(mode) => format!("Running {} live… {}", mode.name(), so_far()),
        None if program_running => format!("Running the program live… {}", so_far()),
        None if ctx.live.is_some() => "Measured on this browser's event loop.".into(),
        None if ctx.replay.is_some() => "Replaying an imported trace.".into(),
        None if program.is_some() => "Python program on a virtual clock: instant and exact. \
                                      Run it live to measure it on this browser."
            .into(),
        None => "Simulated on a virtual clock: instant and exact.".into(),
    };
    let running_any = running.is_some() || program_running;
    let (run_title, race_title) = if program.is_some() {
        (
            "Run this program on the browser's real event loop: real timers, real fetch of \
             /api files, time.sleep freezes the page",
            "A program runs once, as written: racing the two start modes is for step scenarios",
        )
    } else {
        (
            "Run this scenario on the browser's real event loop: real timers, real fetch, a \
             real busy loop",
            "Run it live in turn, then gathered, and compare",
        )
    };
    html! {
        <div class={classes!("live-bar", ctx.live.is_some().then_some("live-bar--live"))}
            role="group" aria-label="Live mode" data-live={running.map(StartMode::name).or(program_running.then_some("program"))}>
            <span class="live-bar__badge">{ if ctx.live.is_some() { "Live" } else { "Simulated" } }</span>
            if running_any {
                <button type="button" class="live-bar__stop" onclick={on_stop} data-action="live-stop">
                    { "■ Stop" }
                </button>
            } else {
                <button type="button" class="live-bar__run" onclick={on_run} disabled={!runnable}
                    data-action="live-run" title={run_title}>
                    { "▶ Run live" }
                </button>
                <button type="button" class="live-bar__race" onclick={on_race} disabled={!raceable}
                    data-action="live-race" title={race_title}>
                    { "Race live" }
                </button>
                if ctx.live.is_some() {
                    <button type="button" class="live-bar__clear" onclick={on_clear} data-action="live-clear">
                        { "Back to simulation" }
                    </button>
                }
            }
            <span class="live-bar__status" aria-live="polite">{ status }</span>
            if let Some(why) = &*refused {
                <p class="live-bar__refused" role="alert">{ why.clone() }</p>
            }
            if ctx.live.is_some() {
                <Heartbeat />
            }
        </div>
    }
}
