//! The timeline as a table, for screen readers and for reading exact numbers: every
//! span of every lane. Built only when opened, so a big run costs nothing until then.

use super::ModelRef;
use crate::ui::axis::AxisMode;
use yew::prelude::*;

/// A table longer than this is cut, with a note saying so.
pub const MAX_TABLE_ROWS: usize = 2000;

#[derive(Properties, PartialEq)]
pub struct SpansTableProps {
    pub model: ModelRef,
    /// The table's caption, e.g. `Concurrent run`.
    #[prop_or(AttrValue::from("Every span of every lane"))]
    pub caption: AttrValue,
}

#[function_component(SpansTable)]
pub fn spans_table(props: &SpansTableProps) -> Html {
    let axis = use_context::<AxisMode>().unwrap_or_default();
    let open = use_state_eq(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let is_open = e
                .target_dyn_into::<web_sys::Element>()
                .is_some_and(|d| d.has_attribute("open"));
            open.set(is_open);
        })
    };
    let model = &props.model.0;
    let total = model.seg_count() + model.rows.iter().map(|r| r.marks.len()).sum::<usize>();
    html! {
        <details class="tl-table" ontoggle={toggle}>
            <summary>{ "Timeline as a table" }</summary>
            if *open {
                <div class="tl-table__scroll">
                    <table>
                        <caption>{ props.caption.clone() }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ "Lane" }</th>
                                <th scope="col">{ "State" }</th>
                                <th scope="col">{ "What" }</th>
                                <th scope="col">{ "Start" }</th>
                                <th scope="col">{ "End" }</th>
                                <th scope="col">{ "Duration" }</th>
                                <th scope="col">{ "Step" }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for model.rows.iter().flat_map(|row| {
                                let spans = row.segs.iter().map(move |s| html! {
                                    <tr>
                                        <th scope="row">{ row.name.clone() }</th>
                                        <td>{ s.kind.word() }{ if s.stuck { " (stuck)" } else { "" } }</td>
                                        <td>{ s.detail(&model.trace) }</td>
                                        <td>{ axis.exact(s.start) }</td>
                                        <td>{ axis.exact(s.end) }</td>
                                        <td>{ axis.exact(s.duration()) }</td>
                                        <td><code>{ s.step_text(&model.trace).unwrap_or_default().to_string() }</code></td>
                                    </tr>
                                });
                                let marks = row.marks.iter().filter(|m| m.kind.badge().is_some()).map(move |m| html! {
                                    <tr class="tl-table__mark">
                                        <th scope="row">{ row.name.clone() }</th>
                                        <td>{ m.kind.badge().unwrap_or_default() }</td>
                                        <td>{ m.kind.words() }</td>
                                        <td>{ axis.exact(m.t) }</td>
                                        <td />
                                        <td />
                                        <td />
                                    </tr>
                                });
                                spans.chain(marks)
                            }).take(MAX_TABLE_ROWS) }
                        </tbody>
                    </table>
                    if total > MAX_TABLE_ROWS {
                        <p class="tl-table__cut">
                            { format!("Showing the first {MAX_TABLE_ROWS} of {total} rows.") }
                        </p>
                    }
                </div>
            }
        </details>
    }
}
