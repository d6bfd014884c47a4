//! asyncio debug-mode warnings of the shown run, listed under the timeline (each is
//! also pinned to its task's lane): click one to move the playhead there.

use crate::sim::metrics::format_ms;
use crate::ui::state::Run;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WarningsProps {
    pub run: Run,
    pub on_seek: Callback<f64>,
}

#[function_component(Warnings)]
pub fn warnings(props: &WarningsProps) -> Html {
    let list = &props.run.diagnostics;
    if list.is_empty() {
        return html! {
            <p class="warnings warnings--none">{ "asyncio debug mode: no warnings for this run." }</p>
        };
    }
    let trace = &props.run.trace;
    html! {
        <section class="warnings" aria-label="Warnings">
            <h3 class="warnings__title">
                { format!("asyncio debug mode: {} warning{}", list.len(), if list.len() == 1 { "" } else { "s" }) }
            </h3>
            <ul class="warnings__list">
                { for list.iter().map(|d| {
                    let (t, on_seek) = (d.t, props.on_seek.clone());
                    html! {
                        <li class="warnings__item" data-warning={d.kind.name()}>
                            <button type="button" class="warnings__at" title="Move the playhead here"
                                onclick={Callback::from(move |_: MouseEvent| on_seek.emit(t))}>
                                { format_ms(d.t) }
                            </button>
                            <span class="warnings__task">{ trace.task_name(d.task).to_string() }</span>
                            <strong class="warnings__kind">{ d.kind.name() }</strong>
                            <span class="warnings__message">{ d.message.clone() }</span>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
