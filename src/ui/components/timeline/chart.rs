//! A run's timeline: the axis with its scrubber, one lane per task plus the event loop's,
//! arrows, the playhead, the hovered segment's tooltip, and the same as a table.
//!
//! Only the axis, playhead and tooltip re-render as the playhead moves; the lanes are
//! drawn once per run (their props compare the run's model by identity).

use super::axis::Axis;
use super::lanes::Lanes;
use super::playhead::Playhead;
use super::spans_table::SpansTable;
use super::tooltip::Tooltip;
use super::{ModelRef, SegRef};
use crate::ui::axis::AxisMode;
use crate::ui::state::Run;
use crate::ui::timeline_geometry::{row_px, visible_rows, COMPACT_FROM_ROWS};
use web_sys::Element;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub run: Run,
    /// The end of the axis, ms (the run's end, or the longer run's when compared).
    pub end: f64,
    pub playhead: f64,
    #[prop_or_default]
    pub playing: bool,
    pub on_seek: Callback<f64>,
    /// What this timeline shows, e.g. `Concurrent run`: names the chart and its table.
    pub label: AttrValue,
    /// Unique within the page, for the ids this timeline needs.
    pub id: AttrValue,
    /// What the axis counts: time, or the loop's callbacks.
    #[prop_or_default]
    pub axis: AxisMode,
}

/// The height drawn before the chart has been scrolled (more than its 36 rem).
const INITIAL_VIEW_PX: f64 = 800.0;
/// Rows are drawn in blocks of this many, so scrolling a little re-renders nothing.
const BLOCK_ROWS: usize = 16;

/// The rows to draw for a scroll position: those in view, widened to whole blocks plus one
/// block either side, so keyboard focus and a quick scroll always find their lane drawn.
fn drawn_rows(top: f64, height: f64, row_px: f64, rows: usize) -> (usize, usize) {
    let seen = visible_rows(top, height, row_px, rows);
    let from = (seen.start / BLOCK_ROWS).saturating_sub(1) * BLOCK_ROWS;
    let to = (seen.end.div_ceil(BLOCK_ROWS) + 1) * BLOCK_ROWS;
    (from.min(rows), to.min(rows))
}

/// Where the chart's scroller is scrolled to and how tall it is, in px (`None` before
/// it is mounted).
fn scrolled(scroller: &NodeRef) -> Option<(f64, f64)> {
    scroller
        .cast::<Element>()
        .map(|el| (f64::from(el.scroll_top()), f64::from(el.client_height())))
}

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let model = ModelRef(props.run.model());
    let tip = use_state_eq(|| None::<SegRef>);
    let on_tip = {
        let setter = tip.setter();
        use_callback((), move |t: Option<SegRef>, _| setter.set(t))
    };
    let rows = model.0.rows.len();
    let compact = rows >= COMPACT_FROM_ROWS;
    let h = row_px(rows);
    // A big run scrolls inside the chart: only the lanes in (or near) view are drawn.
    let scroller = use_node_ref();
    let window = use_state_eq(|| drawn_rows(0.0, INITIAL_VIEW_PX, h, rows));
    let on_scroll = {
        let scroller = scroller.clone();
        let setter = window.setter();
        use_callback((h, rows), move |_: Event, &(h, rows)| {
            if let Some((top, height)) = scrolled(&scroller) {
                setter.set(drawn_rows(top, height, h, rows));
            }
        })
    };
    // Another run (a lesson opened, a scenario edited) can have a different number of
    // rows: the rows to draw are worked out again for it, where the chart is scrolled.
    {
        let scroller = scroller.clone();
        let setter = window.setter();
        use_effect_with((h, rows), move |&(h, rows)| {
            let (top, height) = scrolled(&scroller)
                .filter(|&(_, height)| height > 0.0)
                .unwrap_or((0.0, INITIAL_VIEW_PX));
            setter.set(drawn_rows(top, height, h, rows));
        });
    }
    let window = if compact {
        let (from, to) = *window;
        (from.min(rows), to.min(rows))
    } else {
        (0, rows)
    };
    let hint_id = AttrValue::from(format!("{}-hint", props.id));
    html! {
        <ContextProvider<AxisMode> context={props.axis}>
        <div
            class={classes!("tl", compact.then_some("tl--compact"))}
            style={format!("--row-h:{h}px;--body-h:{}px", h * rows as f64)}
            role="group"
            aria-label={props.label.clone()}
            data-timeline={props.id.clone()}
            data-lanes={rows.to_string()}
        >
            <div class="tl__scroll" ref={scroller} onscroll={on_scroll}>
                <Axis
                    end={props.end}
                    playhead={props.playhead}
                    playing={props.playing}
                    on_seek={props.on_seek.clone()}
                    label={AttrValue::from(format!("Playhead, {}", props.label))}
                />
                <div class="tl__body">
                    <Lanes
                        model={model.clone()}
                        end={props.end}
                        {window}
                        {on_tip}
                        hint_id={hint_id.clone()}
                    />
                    <div class="tl__overlay">
                        <Playhead t={props.playhead} end={props.end} playing={props.playing} />
                    </div>
                    <Tooltip model={model.clone()} tip={*tip} end={props.end} />
                </div>
            </div>
            <p class="visually-hidden" id={hint_id}>
                { "Tab to the chart, then use the arrow keys: left and right move along a \
                   lane, up and down between lanes. Each segment says its state and times." }
            </p>
            <SpansTable {model} caption={props.label.clone()} />
        </div>
        </ContextProvider<AxisMode>>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_whole_blocks_around_the_rows_in_view() {
        // 14 px rows, 576 px in view at the top: rows 0..42 seen, 0..64 drawn.
        assert_eq!(drawn_rows(0.0, 576.0, 14.0, 1002), (0, 64));
        // Scrolled to row 500: rows 500..542 seen, one block either side drawn.
        assert_eq!(drawn_rows(7000.0, 576.0, 14.0, 1002), (480, 560));
        // At the bottom the window stops at the last row.
        assert_eq!(drawn_rows(14_000.0, 576.0, 14.0, 1002), (976, 1002));
        assert_eq!(drawn_rows(0.0, 576.0, 14.0, 0), (0, 0));
    }
}
