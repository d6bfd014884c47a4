//! The live bar: run the program on the browser's real event loop, stop it, or go back
//! to the simulation. The run itself is [`crate::live`]; this bar only starts it and
//! dispatches what it reports.

use super::heartbeat::Heartbeat;
use crate::live::{refusal, start_live_program, LiveHandle};
use crate::sim::metrics::format_ms;
use crate::ui::program::ProgramRun;
use crate::ui::state::{Action, AppContext};
use futures::channel::oneshot;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

type Current = Rc<RefCell<Option<LiveHandle>>>;

/// Runs the editor's Python program live, once, as written.
fn launch_program(ctx: &AppContext, source: String, current: Current) {
    let dispatch = ctx.dispatcher();
    wasm_bindgen_futures::spawn_local(async move {
        let (tx, rx) = oneshot::channel();
        let progress = {
            let (dispatch, source) = (dispatch.clone(), source.clone());
            move |out| dispatch.dispatch(Action::LiveProgram(ProgramRun::new(&source, out, false)))
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
            dispatch.dispatch(Action::LiveProgram(ProgramRun::new(&source, out, false)));
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
    let source = ctx.shared_source();
    {
        // A new program (or leaving the page) stops the run of the old one.
        let current = current.clone();
        use_effect_with(source.clone(), move |_| move || stop(&current));
    }
    let program = ctx.program.as_ref().ok().cloned();
    let running = ctx.live_running();
    // Why the last request to run live was refused (too long, too much blocking).
    let refused = use_state_eq(|| None::<String>);
    {
        let refused = refused.clone();
        use_effect_with(source, move |_| refused.set(None));
    }
    let on_run = {
        let (ctx, current, refused, program) = (
            ctx.clone(),
            current.clone(),
            refused.clone(),
            program.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(program) = &program else { return };
            // Its run on the virtual clock says how long and how much blocking.
            let why = refusal(&program.run.metrics);
            refused.set(why.clone());
            if why.is_none() {
                stop(&current);
                launch_program(&ctx, program.source.to_string(), current.clone());
            }
        })
    };
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
    let status = match () {
        _ if running => format!("Running the program live… {}", so_far()),
        _ if ctx.live.is_some() => "Measured on this browser's event loop.".into(),
        _ if ctx.replay.is_some() => "Replaying an imported trace.".into(),
        _ => "On a virtual clock: instant and exact. Run it live to measure it on this browser."
            .into(),
    };
    html! {
        <div class={classes!("live-bar", ctx.live.is_some().then_some("live-bar--live"))}
            role="group" aria-label="Live mode" data-live={running.then_some("program")}>
            <span class="live-bar__badge">{ if ctx.live.is_some() { "Live" } else { "Simulated" } }</span>
            if running {
                <button type="button" class="live-bar__stop" onclick={on_stop} data-action="live-stop">
                    { "■ Stop" }
                </button>
            } else {
                <button type="button" class="live-bar__run" onclick={on_run} disabled={program.is_none()}
                    data-action="live-run"
                    title="Run this program on the browser's real event loop: real timers, real fetch of /api files, time.sleep freezes the page">
                    { "▶ Run live" }
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
