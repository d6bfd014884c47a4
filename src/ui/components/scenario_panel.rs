//! The Scenario panel: the coroutines to run. For now, an empty state that previews the
//! kind of program a learner will pick or write here.

use yew::prelude::*;

use super::{empty_state::EmptyState, panel::Panel};
use crate::ui::layout::PanelKind;

/// The example shown faded in the empty state: two fetches gathered concurrently.
const SKETCH: &str = "\
async def fetch(name, delay):
    await asyncio.sleep(delay)
    return name

async def main():
    await asyncio.gather(
        fetch(\"a\", 1),
        fetch(\"b\", 2),
    )";

/// Presets the learner will be able to start from.
const PRESETS: [&str; 3] = ["gather", "sequential awaits", "blocking call"];

#[function_component(ScenarioPanel)]
pub fn scenario_panel() -> Html {
    html! {
        <Panel kind={PanelKind::Scenario}>
            <EmptyState
                title="No scenario yet"
                body="Pick a preset or write coroutines step by step (sleeps, gathers, \
                      blocking calls) and they will appear here, ready to run."
            >
                <ul class="sketch-chips">
                    { for PRESETS.iter().map(|p| html! { <li class="chip">{ *p }</li> }) }
                </ul>
                <pre class="sketch-code"><code>{ SKETCH }</code></pre>
            </EmptyState>
        </Panel>
    }
}
