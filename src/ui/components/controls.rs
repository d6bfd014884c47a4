//! The playback toolbar: restart, step back, play/pause, step forward, the scrubber, the
//! time readout and the speed. It also installs the keyboard shortcuts (Space, ←, →,
//! Home) for as long as it is on the page; see [`crate::ui::hooks::use_keyboard`].
//!
//! Reads the app context and dispatches [`Action`]s; holds no playback logic itself.

use wasm_bindgen::JsValue;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::describe::{self, speed};
use crate::ui::hooks::use_keyboard::{use_keyboard, Shortcut};
use crate::ui::state::{make_callback, Action, AppContext, SPEEDS};

#[function_component(Controls)]
pub fn controls() -> Html {
    let ctx = use_context::<AppContext>().expect("Controls is rendered inside the app");
    use_keyboard(ctx.dispatcher());

    let end = ctx.end();
    let playhead = ctx.playhead.clamp(0.0, end);
    let done = ctx.events_done();
    let total = ctx.shown().map_or(0, |run| run.trace.events.len());
    let runnable = ctx.shown().is_some();
    let at_start = done == 0 && playhead <= 0.0;
    let at_end = done >= total && playhead >= end;

    let on_play = make_callback(&ctx, |_: MouseEvent| Action::TogglePlay);
    let on_back = make_callback(&ctx, |_: MouseEvent| Action::StepBack);
    let on_forward = make_callback(&ctx, |_: MouseEvent| Action::StepForward);
    let on_restart = make_callback(&ctx, |_: MouseEvent| Action::Restart);
    let on_scrub = {
        let ctx = ctx.clone();
        Callback::from(move |e: InputEvent| {
            let t = e
                .target_unchecked_into::<HtmlInputElement>()
                .value_as_number();
            if t.is_finite() {
                ctx.dispatch(Action::Seek(t));
            }
        })
    };
    let on_speed = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| js_sys::Reflect::get(&t, &JsValue::from_str("value")).ok())
                .and_then(|v| v.as_string())
                .and_then(|v| v.parse::<f64>().ok());
            if let Some(x) = value.filter(|x| x.is_finite()) {
                ctx.dispatch(Action::SetSpeed(x));
            }
        })
    };

    let playing = ctx.playing;
    let (play_label, play_title) = if playing {
        ("Pause", format!("Pause ({})", Shortcut::TogglePlay.key()))
    } else if at_end && runnable {
        (
            "Replay",
            format!("Play again from the start ({})", Shortcut::TogglePlay.key()),
        )
    } else {
        ("Play", format!("Play ({})", Shortcut::TogglePlay.key()))
    };
    // Read out to screen readers: the event just reached, while stepping (not while
    // playing, which would read out every event).
    let announcement = match ctx.shown() {
        _ if ctx.line.is_some() => ctx
            .line_step()
            .map(|(k, steps)| format!("Line {} runs next.", steps.steps[k].line))
            .unwrap_or_default(),
        Some(run) if !playing && done > 0 => describe::event(&run.trace, done - 1)
            .map(|line| line.sentence(&run.trace))
            .unwrap_or_default(),
        _ => String::new(),
    };
    let progress = if end > 0.0 {
        playhead / end * 100.0
    } else {
        0.0
    };

    html! {
        <div class="controls" role="toolbar" aria-label="Playback" data-playing={playing.to_string()}>
            <div class="controls__buttons">
                <button
                    type="button"
                    class="ctl ctl--restart"
                    aria-label="Restart"
                    title={format!("Restart from the beginning ({})", Shortcut::Restart.key())}
                    aria-disabled={(!runnable || at_start).to_string()}
                    onclick={on_restart}
                >
                    { icon("M4 4v16M20 5 9 12l11 7z") }
                </button>
                <button
                    type="button"
                    class="ctl ctl--back"
                    aria-label="Step back"
                    title={format!("Step back one event ({})", Shortcut::StepBack.key())}
                    aria-disabled={(!runnable || done == 0).to_string()}
                    onclick={on_back}
                >
                    { icon("M18 5 8 12l10 7zM6 5v14") }
                </button>
                <button
                    type="button"
                    class={classes!("ctl", "ctl--play", playing.then_some("ctl--playing"))}
                    data-state={if playing { "playing" } else { "paused" }}
                    aria-label={play_label}
                    title={play_title}
                    aria-disabled={(!runnable).to_string()}
                    onclick={on_play}
                >
                    if playing {
                        { icon("M7 5h3.5v14H7zM13.5 5H17v14h-3.5z") }
                    } else {
                        { icon("M7 4.5v15l12.5-7.5z") }
                    }
                    <span class="ctl__label" aria-hidden="true">{ play_label }</span>
                </button>
                <button
                    type="button"
                    class="ctl ctl--forward"
                    aria-label="Step forward"
                    title={format!("Step to the next event ({})", Shortcut::StepForward.key())}
                    aria-disabled={(!runnable || done >= total).to_string()}
                    onclick={on_forward}
                >
                    { icon("M6 5l10 7-10 7zM18 5v14") }
                </button>
            </div>
            <input
                type="range"
                class="scrubber"
                style={format!("--progress: {progress:.3}%")}
                min="0"
                // Whole steps up to the end rounded up: a range input snaps its value to
                // a step, so a run ending at 650.006 ms could never be scrubbed to its end
                // with max 650.006 (Seek clamps 651 to the end).
                max={end.ceil().to_string()}
                step="1"
                value={playhead.to_string()}
                disabled={!runnable}
                aria-label="Time"
                aria-valuetext={format!("{} of {}", ctx.axis_now().exact(playhead), ctx.axis_now().exact(end))}
                oninput={on_scrub}
            />
            <output class="controls__time" aria-live="off">
                { ctx.axis_now().readout(playhead, end, ctx.clock()) }
            </output>
            <span class="controls__events" title="Events that have happened so far">
                { format!("event {done} / {total}") }
            </span>
            <p class="visually-hidden" aria-live="polite" data-announce="event">{ announcement }</p>
            <label class="controls__speed">
                <span class="controls__speed-label">{ "Speed" }</span>
                <select onchange={on_speed} aria-label="Playback speed">
                    { for SPEEDS.iter().map(|&x| html! {
                        <option value={x.to_string()} selected={(ctx.speed - x).abs() < 1e-9}>
                            { speed(x) }
                        </option>
                    }) }
                </select>
            </label>
            <span class="controls__motion" title="Your system asks for reduced motion: \
                playback jumps instead of gliding">
                { "Reduced motion" }
            </span>
        </div>
    }
}

/// A 24×24 glyph drawn in the current text colour; decorative (buttons carry the name).
fn icon(path: &'static str) -> Html {
    html! {
        <svg class="ctl__icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
            <path d={path} />
        </svg>
    }
}
