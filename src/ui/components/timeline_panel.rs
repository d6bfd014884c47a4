//! The Timeline panel: one lane per task over virtual time. For now, an empty state with
//! a faded sketch of the lanes and the legend the real timeline will use.

use yew::prelude::*;

use super::{empty_state::EmptyState, panel::Panel};
use crate::ui::layout::PanelKind;

/// How a stretch of a lane is drawn. Colour is never the only cue: each has a pattern.
#[derive(Clone, Copy, PartialEq)]
enum Stretch {
    Running,
    Waiting,
    Ready,
}

impl Stretch {
    fn class(self) -> &'static str {
        match self {
            Stretch::Running => "seg seg--running",
            Stretch::Waiting => "seg seg--waiting",
            Stretch::Ready => "seg seg--ready",
        }
    }
}

/// A stretch of one lane, in percent of the time axis.
struct Segment(u8, u8, Stretch);

/// One task's lane in the sketch.
struct SketchLane {
    task: &'static str,
    segments: &'static [Segment],
}

/// The sketch: `main` gathering two fetches.
const LANES: [SketchLane; 3] = [
    SketchLane {
        task: "main",
        segments: &[
            Segment(0, 6, Stretch::Running),
            Segment(6, 92, Stretch::Waiting),
            Segment(92, 96, Stretch::Ready),
            Segment(96, 100, Stretch::Running),
        ],
    },
    SketchLane {
        task: "fetch(a)",
        segments: &[
            Segment(6, 9, Stretch::Ready),
            Segment(9, 14, Stretch::Running),
            Segment(14, 46, Stretch::Waiting),
            Segment(46, 48, Stretch::Ready),
            Segment(48, 53, Stretch::Running),
        ],
    },
    SketchLane {
        task: "fetch(b)",
        segments: &[
            Segment(6, 14, Stretch::Ready),
            Segment(14, 19, Stretch::Running),
            Segment(19, 84, Stretch::Waiting),
            Segment(84, 87, Stretch::Ready),
            Segment(87, 92, Stretch::Running),
        ],
    },
];

fn lane(lane: &SketchLane) -> Html {
    html! {
        <div class="lane">
            <span class="lane__task">{ lane.task }</span>
            <div class="lane__track">
                { for lane.segments.iter().map(|&Segment(from, to, stretch)| html! {
                    <span
                        class={stretch.class()}
                        style={format!("left:{from}%;width:{}%", to - from)}
                    />
                }) }
            </div>
        </div>
    }
}

#[function_component(TimelinePanel)]
pub fn timeline_panel() -> Html {
    html! {
        <Panel kind={PanelKind::Timeline} meta={AttrValue::from("t = 0.000 s")}>
            <EmptyState
                title="Nothing has run yet"
                body="Each task gets a lane on a virtual clock: solid where it runs, hatched \
                      where it waits on an await. Scrub to any moment to see what the loop \
                      was doing."
            >
                <div class="lanes">{ for LANES.iter().map(lane) }</div>
                <div class="axis">
                    { for ["0 s", "0.5 s", "1 s", "1.5 s", "2 s"].iter().map(|t| html! {
                        <span>{ *t }</span>
                    }) }
                </div>
            </EmptyState>
            <ul class="legend" aria-label="Legend">
                <li><span class="swatch seg--running" />{ "Running" }</li>
                <li><span class="swatch seg--ready" />{ "Ready to resume" }</li>
                <li><span class="swatch seg--waiting" />{ "Suspended at an await" }</li>
            </ul>
        </Panel>
    }
}
