//! The time axis: nice ticks in ms or s, and a scrubber. Clicking or dragging on it, or
//! the arrow keys when it has focus, dispatch a seek through `on_seek`.

use super::playhead::Playhead;
use crate::ui::axis::AxisMode;
use crate::ui::timeline_geometry::{ticks, Scale};
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AxisProps {
    /// The end of the axis, ms.
    pub end: f64,
    pub playhead: f64,
    #[prop_or_default]
    pub playing: bool,
    pub on_seek: Callback<f64>,
    /// The accessible name of the scrubber.
    #[prop_or(AttrValue::from("Playhead"))]
    pub label: AttrValue,
}

/// The track an event happened on. Not `current_target`: yew delegates events to the
/// root, so that is the root, not the track. The track's children ignore the pointer.
fn track_of(e: &Event) -> Option<Element> {
    let el: Element = e.target()?.dyn_into().ok()?;
    el.closest(".tl-axis__track").ok()?
}

/// The time under the pointer: its offset across the track.
fn time_at(e: &PointerEvent, scale: Scale) -> Option<f64> {
    let track = track_of(e)?;
    let width = f64::from(track.client_width());
    (width > 0.0).then(|| scale.time_at(f64::from(e.offset_x()) / width))
}

#[function_component(Axis)]
pub fn axis(props: &AxisProps) -> Html {
    let mode = use_context::<AxisMode>().unwrap_or_default();
    let scale = Scale::new(props.end).on(mode);
    let (step, marks) = use_memo((props.end.to_bits(), mode), move |_| ticks(scale, 6))
        .as_ref()
        .clone();

    let down = {
        let on_seek = props.on_seek.clone();
        Callback::from(move |e: PointerEvent| {
            if let Some(track) = track_of(&e) {
                let _ = track.set_pointer_capture(e.pointer_id());
            }
            if let Some(t) = time_at(&e, scale) {
                on_seek.emit(t);
            }
        })
    };
    let drag = {
        let on_seek = props.on_seek.clone();
        Callback::from(move |e: PointerEvent| {
            if e.buttons() & 1 == 1 {
                if let Some(t) = time_at(&e, scale) {
                    on_seek.emit(t);
                }
            }
        })
    };
    let key = {
        let on_seek = props.on_seek.clone();
        let now = props.playhead;
        let fine = step / 5.0;
        Callback::from(move |e: KeyboardEvent| {
            let by = if e.shift_key() { step } else { fine };
            let to = match e.key().as_str() {
                "ArrowLeft" | "ArrowDown" => now - by,
                "ArrowRight" | "ArrowUp" => now + by,
                "PageDown" => now - step,
                "PageUp" => now + step,
                "Home" => 0.0,
                "End" => scale.end(),
                _ => return,
            };
            e.prevent_default();
            on_seek.emit(to.clamp(0.0, scale.end()));
        })
    };

    // Long labels ("150 ms") that a phone's narrow track cannot fit side by side.
    let dense = marks.iter().map(|m| m.label.len() + 2).sum::<usize>() > 28;
    html! {
        <div class="tl-axis">
            <div class="tl-axis__corner" aria-hidden="true">{ if mode == AxisMode::Ticks { "callbacks" } else { "time" } }</div>
            <div
                class={classes!("tl-axis__track", dense.then_some("tl-axis__track--dense"))}
                role="slider"
                tabindex="0"
                aria-label={props.label.clone()}
                aria-valuemin="0"
                aria-valuemax={format!("{:.0}", props.end)}
                aria-valuenow={format!("{:.0}", props.playhead)}
                aria-valuetext={scale.exact(props.playhead)}
                onpointerdown={down}
                onpointermove={drag}
                onkeydown={key}
            >
                { for marks.iter().map(|tick| html! {
                    <span
                        class={classes!("tl-tick", (tick.pct >= 99.0).then_some("tl-tick--end"))}
                        style={format!("left:{:.3}%", tick.pct)}
                    >
                        <span class="tl-tick__label">{ tick.label.clone() }</span>
                    </span>
                }) }
                <Playhead t={props.playhead} end={props.end} playing={props.playing} knob=true />
            </div>
        </div>
    }
}
