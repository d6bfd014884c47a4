//! The playhead: a cheap overlay moved by a CSS transform, so a playback frame restyles
//! one element and never re-renders the lanes under it.

use crate::ui::timeline_geometry::Scale;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlayheadProps {
    /// The playhead's time, ms.
    pub t: f64,
    /// The end of the axis, ms.
    pub end: f64,
    /// While playing, no easing: it follows the frames exactly.
    #[prop_or_default]
    pub playing: bool,
    /// The head drawn on the axis (a handle) rather than the line across the lanes.
    #[prop_or_default]
    pub knob: bool,
}

#[function_component(Playhead)]
pub fn playhead(props: &PlayheadProps) -> Html {
    let pct = Scale::new(props.end).pct(props.t);
    let class = classes!(
        "tl-playhead",
        props.knob.then_some("tl-playhead--knob"),
        props.playing.then_some("tl-playhead--playing"),
    );
    html! {
        <div {class} style={format!("transform:translateX({pct:.3}%)")} aria-hidden="true" />
    }
}
