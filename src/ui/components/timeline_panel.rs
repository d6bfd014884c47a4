//! The Timeline panel: the shown run's total and outcome, and its timeline (the
//! program's run, live or on the virtual clock, or an imported trace), with the legend.
//! Embedded (`#/embed/…`), only the playback controls (the whole app has them in its
//! play bar), the total and the chart.

use yew::prelude::*;

use super::controls::Controls;
use super::empty_state::EmptyState;
use super::lesson::overlay::NarrationOverlay;
use super::live::accuracy_report::AccuracyReport;
use super::live::live_bar::LiveBar;
use super::panel::Panel;
use super::rich_text::RichText;
use super::timeline::chart::Timeline;
use super::timeline::health_strip::HealthStrip;
use super::timeline::legend::Legend;
use super::timeline::test_hook::use_test_hook;
use super::timeline::trace_files::TraceFiles;
use super::timeline::warnings::Warnings;
use crate::py::aio::cost::LoopKind;
use crate::py::Ending;
use crate::sim::metrics::{format_count, format_ms};
use crate::sim::Outcome;
use crate::ui::axis::AxisMode;
use crate::ui::layout::PanelKind;
use crate::ui::program::ProgramRun;
use crate::ui::state::{make_callback, Action, AppContext, NoRun, Why};

/// The outcome's CSS modifier: `ok`, `error` or `stuck`.
fn outcome_class(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::Completed { .. } => "ok",
        Outcome::Deadlock { .. } => "stuck",
        _ => "error",
    }
}

/// A program's ending as the same modifier.
fn ending_class(ending: Ending) -> &'static str {
    match ending {
        Ending::Completed | Ending::Running => "ok",
        Ending::Deadlock => "stuck",
        Ending::Exception | Ending::Limit | Ending::Stopped => "error",
    }
}

/// The summary line: the total, what ran, and how it ended.
fn summary(total: f64, what: String, outcome: String, class: &'static str) -> Html {
    html! {
        <div class="tl-summary">
            <span class="tl-summary__total" data-total="shown">
                <span class="tl-summary__key">{ "Total" }</span>
                <strong>{ format_ms(total) }</strong>
            </span>
            <span class="tl-summary__mode">{ what }</span>
            <span class={classes!("tl-outcome", format!("tl-outcome--{class}"))} data-outcome="">
                <RichText text={AttrValue::from(outcome)} />
            </span>
        </div>
    }
}

/// One option of a switch: pressed when chosen, `action` when clicked; `data` names it
/// for tests (`data-option`).
fn option(
    ctx: &AppContext,
    pressed: bool,
    data: &'static str,
    (label, title): (&'static str, &'static str),
    action: impl Fn() -> Action + 'static,
) -> Html {
    let on_click = make_callback(ctx, move |_: MouseEvent| action());
    html! {
        <button type="button" class="tl-axis-switch__option" aria-pressed={pressed.to_string()}
            data-option={data} {title} onclick={on_click}>
            { label }
        </button>
    }
}

/// The shown run's timeline on the axis in use, and what goes with it (the axis
/// switch, and for a program on the virtual clock the loop-cost switch; health, legend,
/// warnings, trace files) unless `embedded`.
fn run_views(ctx: &AppContext, on_seek: Callback<f64>, embedded: bool) -> Html {
    let Some(run) = ctx.on_axis() else {
        return Html::default();
    };
    let axis = ctx.axis_now();
    let chart = html! {
        <Timeline
            run={run.clone()}
            end={run.trace.end}
            playhead={ctx.playhead}
            playing={ctx.playing}
            on_seek={on_seek.clone()}
            label="Timeline of the shown run"
            id="timeline-main"
            {axis}
        />
    };
    if embedded {
        return chart;
    }
    let costed = ctx.program.is_ok() && ctx.live.is_none() && ctx.replay.is_none();
    let cost = ctx.loop_cost;
    html! {
        <>
            <div class="tl-switches">
                <div class="tl-axis-switch" role="group" aria-label="Space the timeline by">
                    <span class="tl-axis-switch__key">{ "Space by" }</span>
                    { option(ctx, axis == AxisMode::Time, "time", ("Time", "Spaced by the virtual clock's time"),
                        || Action::SetAxis(AxisMode::Time)) }
                    { option(ctx, axis == AxisMode::Ticks, "ticks", ("Loop steps", "One unit per callback the loop runs: what happens in the same instant spreads out"),
                        || Action::SetAxis(AxisMode::Ticks)) }
                </div>
                if costed {
                    <div class="tl-axis-switch" role="group" aria-label="The loop's own cost">
                        <span class="tl-axis-switch__key">{ "Loop cost" }</span>
                        { option(ctx, !cost, "free", ("Free", "A callback takes no time: the clock counts only what the program waits for"),
                            || Action::SetLoopCost(false)) }
                        { option(ctx, cost, "counted", (COUNTED, COUNTED_TITLE), || Action::SetLoopCost(true)) }
                    </div>
                }
            </div>
            { chart }
            // Loop health is per second of the clock: only on the time axis.
            if axis == AxisMode::Time {
                <HealthStrip run={run.clone()} playhead={ctx.playhead} />
            }
            <Legend />
            <Warnings run={run.clone()} on_seek={make_callback(ctx, Action::SeekClock)} />
            <TraceFiles />
        </>
    }
}

const COUNTED: &str = "Counted";
const COUNTED_TITLE: &str = "Each callback costs what it costs the loop the program runs on, \
                             as measured with CPython 3.12: 1.2 µs on asyncio's loop, 0.57 µs \
                             on uvloop's";

/// What ran: live or on the interpreter, on which loop, and what the loop's callbacks
/// cost when that is counted.
fn what_ran(program: &ProgramRun, live: bool) -> String {
    if live {
        return "Python program, live on this browser's event loop".into();
    }
    let on = match program.loop_kind {
        LoopKind::Asyncio => "",
        LoopKind::Uvloop => " on uvloop",
    };
    let cost = if program.loop_cost {
        let ms = program.callbacks as f64 * program.loop_kind.callback_ns() as f64 / 1e6;
        format!(
            ": {} callbacks, {} of the loop's own time",
            format_count(program.callbacks),
            format_ms(ms)
        )
    } else {
        String::new()
    };
    format!("Python program, run by the interpreter{on}{cost}")
}

/// The editor's Python program: its total, how it ended, and its timeline.
fn program_views(ctx: &AppContext, on_seek: Callback<f64>, embedded: bool) -> Html {
    let Some(program) = ctx.shown_program() else {
        return Html::default();
    };
    let run = &program.run;
    let live = ctx.live.is_some();
    let what = what_ran(program, live);
    // A live run that ended, against its run on the virtual clock (a stopped one has
    // no end to compare).
    let ended = !matches!(program.ending, Ending::Running | Ending::Stopped);
    let report = match (&ctx.program, live && ended) {
        (Ok(predicted), true) => html! {
            <AccuracyReport predicted={predicted.run.clone()} measured={run.clone()} />
        },
        _ => Html::default(),
    };
    html! {
        <>
            { summary(run.trace.end, what, program.verdict.to_string(), ending_class(program.ending)) }
            { run_views(ctx, on_seek, embedded) }
            { report }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct TimelinePanelProps {
    /// In an embed: the controls, the total and the chart, nothing else (no live run,
    /// axis switch, health strip, legend, warnings or trace files), to fit an iframe.
    #[prop_or_default]
    pub embedded: bool,
}

#[function_component(TimelinePanel)]
pub fn timeline_panel(props: &TimelinePanelProps) -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let embedded = props.embedded;
    use_test_hook(&ctx);
    let on_seek = make_callback(&ctx, Action::Seek);
    let meta = AttrValue::from(ctx.axis_now().readout(ctx.playhead, ctx.end(), ctx.clock()));
    let body = match (&ctx.replay, &ctx.program) {
        _ if ctx.shown_program().is_some() => program_views(&ctx, on_seek, embedded),
        (Some(run), _) => {
            let trace = &run.trace;
            html! {
                <>
                    { summary(trace.end, "Imported trace".into(), trace.outcome.describe(trace), outcome_class(&trace.outcome)) }
                    { run_views(&ctx, on_seek, embedded) }
                </>
            }
        }
        (
            None,
            Err(NoRun {
                why: Why::Unreadable(error),
                ..
            }),
        ) => html! {
            <EmptyState title="This program cannot run yet"
                body={AttrValue::from(format!("{error}. Fix it in the Code panel: the timeline fills in as soon as it runs."))} />
        },
        (
            None,
            Err(NoRun {
                why: Why::Running(running),
                ..
            }),
        ) => html! {
            <div class="tl-running" role="status" data-running="">
                <EmptyState title="Running the program…"
                    body={AttrValue::from(format!("{} events so far, {} into its run on the virtual clock. \
                        A big program runs a slice at a time, so the page stays yours meanwhile.",
                        format_count(running.events as u64), format_ms(running.ms)))} />
            </div>
        },
        _ => Html::default(),
    };
    html! {
        <Panel kind={PanelKind::Timeline} {meta}>
            if embedded {
                <Controls />
            } else {
                <LiveBar />
            }
            { body }
            <NarrationOverlay />
        </Panel>
    }
}
