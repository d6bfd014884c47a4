//! The Compare panel: the same work run sequentially and concurrently, side by side. For
//! now, an empty state sketching the two runs.

use yew::prelude::*;

use super::{empty_state::EmptyState, panel::Panel};
use crate::ui::layout::PanelKind;

/// One run in the sketch: its name, each await as (start, end) in percent of the axis,
/// and the total time.
struct SketchRun {
    name: &'static str,
    awaits: &'static [(u8, u8)],
    total: &'static str,
}

/// The sketch: a one- and a two-second wait, one after another, then overlapped.
const RUNS: [SketchRun; 2] = [
    SketchRun {
        name: "Sequential",
        awaits: &[(0, 33), (33, 100)],
        total: "3 s",
    },
    SketchRun {
        name: "Concurrent",
        awaits: &[(0, 33), (0, 67)],
        total: "2 s",
    },
];

#[function_component(ComparePanel)]
pub fn compare_panel() -> Html {
    html! {
        <Panel kind={PanelKind::Compare}>
            <EmptyState
                title="Nothing to compare yet"
                body="Run the same work one await after another and then gathered, side by \
                      side: total time, time spent waiting, and how busy the loop was."
            >
                <div class="runs">
                    { for RUNS.iter().map(|run| html! {
                        <div class="run">
                            <span class="run__name">{ run.name }</span>
                            <div class="run__bars">
                                { for run.awaits.iter().map(|&(from, to)| html! {
                                    <span
                                        class="run__bar"
                                        style={format!("margin-left:{from}%;width:{}%", to - from)}
                                    />
                                }) }
                            </div>
                            <span class="run__total">{ run.total }</span>
                        </div>
                    }) }
                </div>
            </EmptyState>
        </Panel>
    }
}
