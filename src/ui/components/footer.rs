//! The page footer: what the learner is looking at and how it runs.

use yew::prelude::*;

#[function_component(Footer)]
pub fn footer() -> Html {
    html! {
        <footer class="colophon">
            <p>
                { "An asyncio-style event loop, simulated on a virtual clock. \
                   Everything runs in your browser; nothing is sent anywhere." }
            </p>
            <p class="colophon__keys">{ "Press " }<kbd>{ "?" }</kbd>{ " for keyboard shortcuts." }</p>
        </footer>
    }
}
