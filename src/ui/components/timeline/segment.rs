//! One segment of a lane: a stretch of one state, coloured and patterned by it, with
//! its label inside when it fits. A plain function (not a component): a lane of a big
//! run has thousands, drawn once per run.

use crate::ui::timeline_geometry::{Model, Scale, Seg, LABEL_MIN_PCT};
use yew::prelude::*;

/// What a screen reader says for a segment labelled `label`: `get_user: await fetch
/// /api/1.json, from 0.000 s to 1.000 s (1.000 s)`.
pub fn accessible_name(lane: &str, seg: &Seg, label: &str, scale: Scale) -> String {
    let what = if label == seg.kind.word() || seg.kind.word().starts_with(label) {
        seg.kind.word().to_string()
    } else {
        format!("{}, {label}", seg.kind.word())
    };
    format!(
        "{lane}: {what}, from {} to {} ({}){}",
        scale.exact(seg.start),
        scale.exact(seg.end),
        scale.exact(seg.duration()),
        if seg.stuck { ", stuck to the end" } else { "" }
    )
}

/// The segment `index` of row `row`; `tab` makes it the chart's one tab stop.
pub fn segment(
    model: &Model,
    row: usize,
    index: usize,
    scale: Scale,
    tab: bool,
    labels: bool,
) -> Html {
    let Some(seg) = model.seg(row, index) else {
        return Html::default();
    };
    let label = seg.label(&model.trace);
    let (left, width) = scale.span_box(seg.start, seg.end);
    let instant = seg.end - seg.start <= 0.0;
    let class = classes!(
        "tl-seg",
        format!("tl-seg--{}", seg.kind.class()),
        instant.then_some("tl-seg--instant"),
        seg.stuck.then_some("tl-seg--stuck"),
    );
    let show_label = labels && width >= LABEL_MIN_PCT;
    html! {
        <span
            {class}
            style={format!("left:{left:.3}%;width:{width:.3}%")}
            data-seg={format!("{row}:{index}")}
            tabindex={if tab { "0" } else { "-1" }}
            role="listitem"
            aria-label={accessible_name(&model.rows[row].name, seg, &label, scale)}
        >
            if show_label {
                <span class="tl-seg__label">{ label }</span>
            }
        </span>
    }
}
