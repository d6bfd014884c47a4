//! The Event loop panel: the loop's state at the current moment. For now, an empty state
//! with the three places a task can be: running, ready, or waiting on a timer.

use yew::prelude::*;

use super::{empty_state::EmptyState, panel::Panel};
use crate::ui::layout::PanelKind;

/// The loop's parts and what each says while nothing runs.
const SLOTS: [(&str, &str); 3] = [
    ("Running", "idle"),
    ("Ready queue", "empty"),
    ("Timers", "none pending"),
];

#[function_component(LoopPanel)]
pub fn loop_panel() -> Html {
    html! {
        <Panel kind={PanelKind::EventLoop}>
            <EmptyState
                title="The loop is idle"
                body="At each moment you will see which task holds the loop, which are ready \
                      to resume, and which timers are about to fire."
            >
                <dl class="slots">
                    { for SLOTS.iter().map(|(name, idle)| html! {
                        <div class="slot">
                            <dt>{ *name }</dt>
                            <dd>{ *idle }</dd>
                        </div>
                    }) }
                </dl>
            </EmptyState>
        </Panel>
    }
}
