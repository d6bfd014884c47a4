//! Arrows from an awaited task's end to the resumption of the task that awaited it
//! (`await task`, `gather`, `wait_for`). Decorative: the table says the same in words.

use super::ModelRef;
use crate::ui::timeline_geometry::Scale;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArrowsProps {
    pub model: ModelRef,
    /// The end of the axis, ms.
    pub end: f64,
    /// Row height, px.
    pub row_h: f64,
}

#[function_component(Arrows)]
pub fn arrows(props: &ArrowsProps) -> Html {
    let model = &props.model.0;
    if model.arrows.is_empty() {
        return Html::default();
    }
    let scale = Scale::new(props.end);
    let h = props.row_h;
    let height = model.rows.len() as f64 * h;
    let y = |row: usize, toward: f64| {
        // Start and end at the lane's edge facing the other lane.
        let mid = row as f64 * h + h / 2.0;
        mid + (toward - mid).signum() * h * 0.32
    };
    html! {
        <svg class="tl-arrows" aria-hidden="true" focusable="false"
            style={format!("height:{height}px")}>
            <defs>
                <marker id="tl-arrowhead" viewBox="0 0 8 8" refX="7" refY="4"
                    markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path d="M0,0 L8,4 L0,8 z" class="tl-arrows__head" />
                </marker>
            </defs>
            { for model.arrows.iter().map(|a| {
                let to_mid = a.to_row as f64 * h + h / 2.0;
                let from_mid = a.from_row as f64 * h + h / 2.0;
                html! {
                    <line
                        x1={format!("{:.3}%", scale.pct(a.from_t))}
                        y1={format!("{:.1}", y(a.from_row, to_mid))}
                        x2={format!("{:.3}%", scale.pct(a.to_t))}
                        y2={format!("{:.1}", y(a.to_row, from_mid))}
                        marker-end="url(#tl-arrowhead)"
                    />
                }
            }) }
        </svg>
    }
}
