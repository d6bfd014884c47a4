//! All lanes of one run, rendered once per run (memoised by the model's identity), with
//! one event listener for the whole chart: hovering or focusing a segment reports it for
//! the tooltip; the arrow keys move focus between segments (←/→, Home/End) and lanes
//! (↑/↓), the chart being a single tab stop.

use super::arrows::Arrows;
use super::lane::Lane;
use super::{ModelRef, SegRef};
use crate::ui::timeline_geometry::{row_px, rows_within, Model, COMPACT_FROM_ROWS, SEGS_PER_DRAW};
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LanesProps {
    pub model: ModelRef,
    /// The end of the axis, ms.
    pub end: f64,
    /// The rows drawn, `(from, to)`: the others are blank space of the same height.
    pub window: (usize, usize),
    /// Called with the segment under the pointer or focus, `None` when it leaves.
    pub on_tip: Callback<Option<SegRef>>,
    /// The id of the element describing the keyboard use.
    pub hint_id: AttrValue,
}

/// The `(row, segment)` of the segment element at or around an event's target.
fn seg_of(target: Option<web_sys::EventTarget>) -> Option<(Element, SegRef)> {
    let el: Element = target?.dyn_into().ok()?;
    let el = el.closest("[data-seg]").ok()??;
    let attr = el.get_attribute("data-seg")?;
    let (r, i) = attr.split_once(':')?;
    Some((el, (r.parse().ok()?, i.parse().ok()?)))
}

/// Where a key moves focus from `(row, seg)`, if anywhere.
fn next_seg(model: &Model, (row, seg): SegRef, key: &str) -> Option<SegRef> {
    let segs = &model.rows.get(row)?.segs;
    let t = segs.get(seg)?.start;
    let along = |r: usize| model.nearest_seg(r, t).map(|i| (r, i));
    match key {
        "ArrowLeft" => seg.checked_sub(1).map(|i| (row, i)),
        "ArrowRight" => (seg + 1 < segs.len()).then_some((row, seg + 1)),
        "Home" => Some((row, 0)),
        "End" => Some((row, segs.len().checked_sub(1)?)),
        "ArrowUp" => (0..row).rev().find_map(along),
        "ArrowDown" => (row + 1..model.rows.len()).find_map(along),
        _ => None,
    }
}

#[function_component(Lanes)]
pub fn lanes(props: &LanesProps) -> Html {
    let model = &props.model.0;
    let rows = model.rows.len();
    let labels = rows < COMPACT_FROM_ROWS;

    let over = {
        let on_tip = props.on_tip.clone();
        Callback::from(move |e: MouseEvent| on_tip.emit(seg_of(e.target()).map(|(_, s)| s)))
    };
    let focus = {
        let on_tip = props.on_tip.clone();
        Callback::from(move |e: FocusEvent| on_tip.emit(seg_of(e.target()).map(|(_, s)| s)))
    };
    let leave = {
        let on_tip = props.on_tip.clone();
        Callback::from(move |_: MouseEvent| on_tip.emit(None))
    };
    let blur = {
        let on_tip = props.on_tip.clone();
        Callback::from(move |_: FocusEvent| on_tip.emit(None))
    };
    let keydown = {
        let model = props.model.clone();
        let on_tip = props.on_tip.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_tip.emit(None);
                return;
            }
            let Some((from, at)) = seg_of(e.target()) else {
                return;
            };
            let Some((row, seg)) = next_seg(&model.0, at, &e.key()) else {
                return;
            };
            e.prevent_default();
            // Not `current_target`: yew delegates events to the root element.
            let Some(container) = from.closest(".tl-lanes").ok().flatten() else {
                return;
            };
            let selector = format!("[data-seg=\"{row}:{seg}\"]");
            if let Ok(Some(to)) = container.query_selector(&selector) {
                let _ = from.set_attribute("tabindex", "-1");
                let _ = to.set_attribute("tabindex", "0");
                if let Ok(to) = to.dyn_into::<HtmlElement>() {
                    let _ = to.focus();
                }
            }
        })
    };

    let row_h = row_px(rows);
    let (from, to) = props.window;
    let to = to.min(rows);
    let from = from.min(to);
    // A busy run is drawn [`SEGS_PER_DRAW`] segments at a time, a task apart, so the page
    // paints and answers in between; the budget starts again with each run.
    let budget = use_state(|| (props.model.clone(), SEGS_PER_DRAW));
    let allowed = if budget.0 == props.model {
        budget.1
    } else {
        SEGS_PER_DRAW
    };
    let drawn_to = rows_within(&model.rows, from, to, allowed);
    {
        let budget = budget.clone();
        let model = props.model.clone();
        use_effect_with(
            (model, allowed, drawn_to < to),
            move |(model, allowed, more)| {
                let next = more.then(|| {
                    let (model, allowed) = (model.clone(), *allowed);
                    Timeout::new(0, move || budget.set((model, allowed + SEGS_PER_DRAW)))
                });
                move || drop(next)
            },
        );
    }
    // The single tab stop: the first segment of the first drawn lane that has one.
    let first = (from..to).find(|&i| !model.rows[i].segs.is_empty());
    html! {
        <div
            class="tl-lanes"
            onmouseover={over}
            onmouseleave={leave}
            onfocusin={focus}
            onfocusout={blur}
            onkeydown={keydown}
            aria-describedby={props.hint_id.clone()}
        >
            if from > 0 {
                <div class="tl-lanes__spacer" style={format!("height:{}px", from as f64 * row_h)} />
            }
            // The lanes in a list of their own: among the spacers and arrows they would
            // be matched by position, and a list growing at its end would draw every lane
            // again.
            <>
                { for (from..drawn_to).map(|i| html! {
                    <Lane
                        key={i}
                        model={props.model.clone()}
                        index={i}
                        end={props.end}
                        tab={(first == Some(i)).then_some(0)}
                        {labels}
                    />
                }) }
            </>
            if drawn_to < rows {
                <div class="tl-lanes__spacer" style={format!("height:{}px", (rows - drawn_to) as f64 * row_h)} />
            }
            <Arrows model={props.model.clone()} end={props.end} {row_h} />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::presets::preset;
    use crate::sim::{lanes, run};

    #[test]
    fn arrow_keys_move_along_a_lane_and_between_lanes() {
        let trace = run(&preset("three-fetches").unwrap()).unwrap();
        let lanes = lanes(&trace);
        let model = Model::new(&std::rc::Rc::new(trace), &lanes, &[]);
        assert_eq!(next_seg(&model, (2, 0), "ArrowLeft"), None);
        assert_eq!(next_seg(&model, (2, 0), "ArrowRight"), Some((2, 1)));
        let last = model.rows[2].segs.len() - 1;
        assert_eq!(next_seg(&model, (2, 0), "End"), Some((2, last)));
        assert_eq!(next_seg(&model, (2, 0), "ArrowUp").map(|s| s.0), Some(1));
        assert_eq!(next_seg(&model, (2, 0), "ArrowDown").map(|s| s.0), Some(3));
        assert_eq!(next_seg(&model, (4, 0), "ArrowDown"), None);
        assert_eq!(next_seg(&model, (2, 0), "x"), None);
    }
}
