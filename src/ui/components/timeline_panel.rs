//! The Timeline panel: the playback controls, the shown run's total and outcome, and its
//! timeline (the scenario in its own start mode), with the legend.

use yew::prelude::*;

use super::controls::Controls;
use super::empty_state::EmptyState;
use super::live::accuracy_report::AccuracyReport;
use super::live::live_bar::LiveBar;
use super::panel::Panel;
use super::timeline::chart::Timeline;
use super::timeline::health_strip::HealthStrip;
use super::timeline::legend::Legend;
use super::timeline::test_hook::use_test_hook;
use super::timeline::trace_files::TraceFiles;
use super::timeline::warnings::Warnings;
use crate::sim::metrics::format_ms;
use crate::sim::{Outcome, StartMode};
use crate::ui::describe::readout;
use crate::ui::layout::PanelKind;
use crate::ui::state::{make_callback, Action, AppContext};

/// The outcome's CSS modifier: `ok`, `error` or `stuck`.
fn outcome_class(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::Completed { .. } => "ok",
        Outcome::Deadlock { .. } => "stuck",
        _ => "error",
    }
}

#[function_component(TimelinePanel)]
pub fn timeline_panel() -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    use_test_hook(&ctx);
    let on_seek = make_callback(&ctx, Action::Seek);
    let meta = AttrValue::from(readout(ctx.playhead, ctx.end()));
    let body = match (&ctx.runs, ctx.shown()) {
        (Ok(runs), Some(run)) => {
            let mode = ctx.scenario.main.mode;
            let report = ctx
                .live
                .as_ref()
                .filter(|live| live.running.is_none())
                .and_then(|live| live.get(mode))
                .map(|measured| html! {
                    <AccuracyReport predicted={runs.get(mode).clone()} measured={measured.clone()} />
                });
            let trace = &run.trace;
            let mode = match ctx.scenario.main.mode {
                StartMode::Sequential => "Sequential: each awaited in turn",
                StartMode::Concurrent => "Concurrent: asyncio.gather",
            };
            html! {
                <>
                    <div class="tl-summary">
                        <span class="tl-summary__total" data-total="shown">
                            <span class="tl-summary__key">{ "Total" }</span>
                            <strong>{ format_ms(trace.end) }</strong>
                        </span>
                        <span class="tl-summary__mode">{ mode }</span>
                        <span class={classes!("tl-outcome", format!("tl-outcome--{}", outcome_class(&trace.outcome)))}
                            data-outcome="">
                            { trace.outcome.describe(trace) }
                        </span>
                    </div>
                    <Timeline
                        run={run.clone()}
                        end={trace.end}
                        playhead={ctx.playhead}
                        playing={ctx.playing}
                        on_seek={on_seek.clone()}
                        label="Timeline of the shown run"
                        id="timeline-main"
                    />
                    <HealthStrip run={run.clone()} playhead={ctx.playhead} />
                    <Legend />
                    <Warnings run={run.clone()} {on_seek} />
                    <TraceFiles />
                    { report }
                </>
            }
        }
        (Err(error), _) => html! {
            <EmptyState title="This scenario cannot run yet" body={AttrValue::from(error.to_string())} />
        },
        _ => Html::default(),
    };
    html! {
        <Panel kind={PanelKind::Timeline} {meta}>
            <LiveBar />
            <Controls />
            { body }
        </Panel>
    }
}
