//! One segment of a lane: a stretch of one state, coloured and patterned by it, with
//! its label inside when it fits. Written as markup, not as yew nodes: a lane of a big
//! run has thousands, drawn once per run, and the browser parses markup many times faster
//! than it takes the same elements one attribute at a time.

use crate::ui::markup::escape;
use crate::ui::timeline_geometry::{Model, Scale, Seg, LABEL_MIN_PCT};
use std::fmt::Write;

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

/// Writes the markup of segment `index` of row `row` to `out`; `tab` makes it the
/// chart's one tab stop (the others are focusable by the arrow keys: lanes.rs).
pub fn write_segment(
    out: &mut String,
    model: &Model,
    (row, index): (usize, usize),
    scale: Scale,
    tab: bool,
    labels: bool,
) {
    let Some(seg) = model.seg(row, index) else {
        return;
    };
    let label = seg.label(&model.trace);
    let (left, width) = scale.span_box(seg.start, seg.end);
    let name = accessible_name(&model.rows[row].name, seg, &label, scale);
    // Writing to a String cannot fail.
    let _ = write!(out, "<span class=\"tl-seg tl-seg--{}", seg.kind.class());
    if seg.end - seg.start <= 0.0 {
        out.push_str(" tl-seg--instant");
    }
    if seg.stuck {
        out.push_str(" tl-seg--stuck");
    }
    let _ = write!(
        out,
        "\" style=\"left:{left:.3}%;width:{width:.3}%\" data-seg=\"{row}:{index}\" tabindex=\"{}\" \
         role=\"listitem\" aria-label=\"{}\">",
        if tab { 0 } else { -1 },
        escape(&name)
    );
    if labels && width >= LABEL_MIN_PCT {
        let _ = write!(
            out,
            "<span class=\"tl-seg__label\">{}</span>",
            escape(&label)
        );
    }
    out.push_str("</span>");
}
