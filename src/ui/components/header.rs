//! The page header: the product's name, mark and one-line pitch.

use yew::prelude::*;

/// The one line that says what Looplab is for.
pub const PITCH: &str =
    "Watch async code run: every await, suspension and resumption on the event loop's timeline.";

#[function_component(Header)]
pub fn header() -> Html {
    html! {
        <header class="masthead">
            <a class="skip-link" href="#workspace">{ "Skip to the workspace" }</a>
            <div class="brand">
                <svg class="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                    <circle cx="16" cy="16" r="11" class="brand__ring" />
                    <path d="M16 5 A11 11 0 0 1 27 16" class="brand__arc" />
                    <circle cx="27" cy="16" r="3" class="brand__dot" />
                </svg>
                <h1 class="brand__name">{ "Looplab" }</h1>
            </div>
            <p class="pitch">{ PITCH }</p>
        </header>
    }
}
