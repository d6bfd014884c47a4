//! The tooltip of the hovered or focused segment: lane, state and reason, exact start,
//! end and duration, and the step's source text. Decorative for screen readers, whose
//! segment names already say all of it.

use super::{ModelRef, SegRef};
use crate::ui::axis::AxisMode;
use crate::ui::timeline_geometry::{row_px, Scale};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TooltipProps {
    pub model: ModelRef,
    pub tip: Option<SegRef>,
    /// The end of the axis, ms.
    pub end: f64,
}

#[function_component(Tooltip)]
pub fn tooltip(props: &TooltipProps) -> Html {
    let axis = use_context::<AxisMode>().unwrap_or_default();
    let model = &props.model.0;
    let Some((r, i)) = props.tip else {
        return Html::default();
    };
    let (Some(row), Some(seg)) = (model.rows.get(r), model.seg(r, i)) else {
        return Html::default();
    };
    let scale = Scale::new(props.end);
    let rows = model.rows.len();
    let h = row_px(rows);
    let (left, width) = scale.span_box(seg.start, seg.end);
    let across = |pct: f64| {
        format!(
            "calc(var(--label-w) + (100% - var(--label-w)) * {:.4})",
            pct / 100.0
        )
    };
    let x = if left + width / 2.0 < 55.0 {
        format!("left:{}", across(left))
    } else {
        format!(
            "right:calc((100% - var(--label-w)) * {:.4})",
            (100.0 - left - width) / 100.0
        )
    };
    let y = if r > 2 && r + 1 > rows / 2 {
        format!("bottom:calc(100% - {:.0}px)", r as f64 * h - 4.0)
    } else {
        format!("top:{:.0}px", (r + 1) as f64 * h + 4.0)
    };
    let (label, detail) = (seg.label(&model.trace), seg.detail(&model.trace));
    let same = label == seg.kind.word() || seg.kind.word().starts_with(&label);
    html! {
        <div class="tl-tip" style={format!("{x};{y}")} aria-hidden="true" data-tip="">
            <div class="tl-tip__head">
                <span class={classes!("tl-tip__swatch", format!("tl-seg--{}", seg.kind.class()))} />
                <strong>{ row.name.clone() }</strong>
                <span class="tl-tip__state">{ seg.kind.word() }</span>
            </div>
            if !same || detail != label {
                <p class="tl-tip__detail">{ detail }</p>
            }
            if seg.stuck {
                <p class="tl-tip__stuck">{ "⊘ stuck: nothing can wake it before the run ends" }</p>
            }
            <dl class="tl-tip__times">
                <dt>{ "start" }</dt><dd>{ axis.exact(seg.start) }</dd>
                <dt>{ "end" }</dt><dd>{ axis.exact(seg.end) }</dd>
                <dt>{ "duration" }</dt><dd>{ axis.exact(seg.duration()) }</dd>
            </dl>
            if let Some(step) = seg.step_text(&model.trace) {
                <code class="tl-tip__step">{ step.to_string() }</code>
            }
        </div>
    }
}
