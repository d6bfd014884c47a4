//! Playback controls (being built): play/pause, step, scrub, speed.

use yew::prelude::*;

#[function_component(Controls)]
pub fn controls() -> Html {
    html! { <div class="controls" role="toolbar" aria-label="Playback" /> }
}
