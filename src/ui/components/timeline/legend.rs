//! The legend: each state's swatch (colour and pattern) and name, and the marks.

use yew::prelude::*;

const STATES: [(&str, &str); 6] = [
    ("running", "Running a step"),
    ("ready", "Ready, waiting for the loop"),
    ("suspended", "Suspended at an await"),
    ("blocked", "Blocking the loop"),
    ("executor", "In the executor"),
    ("idle", "Loop idle"),
];

#[function_component(Legend)]
pub fn legend() -> Html {
    html! {
        <ul class="tl-legend" aria-label="Legend">
            { for STATES.iter().map(|(class, words)| html! {
                <li>
                    <span class={classes!("tl-legend__swatch", "tl-seg", format!("tl-seg--{class}"))} />
                    { *words }
                </li>
            }) }
            <li><span class="tl-legend__icon tl-legend__arrow" aria-hidden="true">{ "↘" }</span>{ "Awaited task done → waiter resumes" }</li>
            <li><span class="tl-legend__icon" aria-hidden="true">{ "⚠ ✕ ◷ ⊘" }</span>{ "raised, cancelled, timed out, stuck" }</li>
        </ul>
    }
}
