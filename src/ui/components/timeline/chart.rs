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
use crate::ui::state::Run;
use crate::ui::timeline_geometry::{row_px, Model, COMPACT_FROM_ROWS};
use std::rc::Rc;
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
}

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let model = use_memo(props.run.clone(), |run| {
        ModelRef(Rc::new(Model::new(&run.trace, &run.lanes)))
    });
    let model: ModelRef = (*model).clone();
    let tip = use_state_eq(|| None::<SegRef>);
    let on_tip = {
        let setter = tip.setter();
        use_callback((), move |t: Option<SegRef>, _| setter.set(t))
    };
    let rows = model.0.rows.len();
    let compact = rows >= COMPACT_FROM_ROWS;
    let h = row_px(rows);
    let hint_id = AttrValue::from(format!("{}-hint", props.id));
    html! {
        <div
            class={classes!("tl", compact.then_some("tl--compact"))}
            style={format!("--row-h:{h}px;--body-h:{}px", h * rows as f64)}
            role="group"
            aria-label={props.label.clone()}
            data-timeline={props.id.clone()}
            data-lanes={rows.to_string()}
        >
            <div class="tl__scroll">
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
    }
}
