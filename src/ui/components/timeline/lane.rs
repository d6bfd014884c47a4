//! One lane of the timeline: the task's name (indented under its parent, with a "from
//! main" note), its segments, and its marks (suspend/resume ticks, ✓, ⚠, ✕, ◷, ⊘).

use super::segment::write_segment;
use super::ModelRef;
use crate::ui::axis::AxisMode;
use crate::ui::timeline_geometry::{drawn_marks, Scale};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LaneProps {
    pub model: ModelRef,
    /// Index of the row in the model (0 is the event loop).
    pub index: usize,
    /// The end of the axis, ms.
    pub end: f64,
    /// The chart's tab stop, if it is in this lane.
    #[prop_or_default]
    pub tab: Option<usize>,
    /// Labels inside segments (off for compact lanes).
    pub labels: bool,
}

#[function_component(Lane)]
pub fn lane(props: &LaneProps) -> Html {
    let Some(row) = props.model.0.rows.get(props.index) else {
        return Html::default();
    };
    let scale = Scale::new(props.end).on(use_context::<AxisMode>().unwrap_or_default());
    let is_loop = props.index == 0;
    let class = classes!(
        "tl-lane",
        is_loop.then_some("tl-lane--loop"),
        row.stuck.then_some("tl-lane--stuck"),
    );
    let mut segs = String::new();
    for i in 0..row.segs.len() {
        let tab = props.tab == Some(i);
        write_segment(
            &mut segs,
            &props.model.0,
            (props.index, i),
            scale,
            tab,
            props.labels,
        );
    }
    let indent = format!(
        "padding-left:{:.2}rem",
        0.5 + 0.85 * row.depth.min(6) as f64
    );
    html! {
        <div {class} data-lane={row.name.clone()} data-row={props.index.to_string()}>
            <div class="tl-lane__label" style={indent}
                title={row.note.as_ref().map_or_else(|| row.name.clone(), |n| format!("{} {n}", row.name))}>
                <span class="tl-lane__name">{ row.name.clone() }</span>
                if let Some(note) = &row.note {
                    <span class="tl-lane__note">{ note.clone() }</span>
                }
            </div>
            <div class="tl-lane__track" role="list" aria-label={row.name.clone()}>
                { Html::from_html_unchecked(segs.into()) }
                { for drawn_marks(&row.marks, scale).map(|mark| {
                    let pct = scale.pct(mark.t);
                    let badge = mark.kind.badge();
                    let class = classes!(
                        "tl-mark",
                        format!("tl-mark--{}", mark.kind.class()),
                        (pct > 80.0).then_some("tl-mark--flip"),
                    );
                    let words = format!("{} at {}", mark.kind.words(), scale.exact(mark.t));
                    html! {
                        <span {class} style={format!("left:{pct:.3}%")} title={words.clone()}
                            role="listitem" aria-label={words}>
                            if let Some(badge) = badge {
                                <span class="tl-mark__badge" aria-hidden="true">{ badge }</span>
                            }
                        </span>
                    }
                }) }
            </div>
        </div>
    }
}
