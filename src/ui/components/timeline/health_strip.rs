//! The loop-health strip under the timeline: loop lag (how long ready tasks waited for
//! the loop), tasks alive, and completions per second, over the run, with the playhead.

use crate::sim::health::{loop_health, HealthSample};
use crate::ui::state::Run;
use yew::prelude::*;

/// Buckets across the run: enough for a smooth strip, few enough to draw cheaply.
const BUCKETS: usize = 80;

#[derive(Properties, PartialEq)]
pub struct HealthStripProps {
    pub run: Run,
    pub playhead: f64,
}

/// One row: a label, its peak, and bars scaled to the peak.
fn row(
    label: &str,
    unit: &str,
    samples: &[HealthSample],
    value: fn(&HealthSample) -> f64,
    class: &str,
) -> Html {
    let peak = samples.iter().map(value).fold(0.0, f64::max);
    let n = samples.len().max(1) as f64;
    let bars = samples
        .iter()
        .enumerate()
        .filter(|(_, s)| value(s) > 0.0)
        .map(|(i, s)| {
            let h = if peak > 0.0 {
                value(s) / peak * 100.0
            } else {
                0.0
            };
            html! {
                <rect x={format!("{:.3}", i as f64 / n * 100.0)} y={format!("{:.3}", 100.0 - h)}
                    width={format!("{:.3}", 100.0 / n)} height={format!("{h:.3}")} />
            }
        });
    html! {
        <div class={classes!("health__row", class.to_string())}>
            <span class="health__label">
                { label }
                <span class="health__peak">{ format!("peak {peak:.0}{unit}") }</span>
            </span>
            <svg class="health__bars" viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true">
                { for bars }
            </svg>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct BarsProps {
    run: Run,
}

/// The three rows of bars: re-rendered only for a new run, not as the playhead moves.
#[function_component(Bars)]
fn bars(props: &BarsProps) -> Html {
    let samples = use_memo(props.run.clone(), |run| loop_health(&run.trace, BUCKETS));
    html! {
        <>
            { row("Loop lag", " ms", &samples, |s| s.max_lag_ms, "health__row--lag") }
            { row("Tasks alive", "", &samples, |s| s.alive as f64, "health__row--alive") }
            { row("Completions", "/s", &samples, |s| s.completions_per_s, "health__row--done") }
        </>
    }
}

#[function_component(HealthStrip)]
pub fn health_strip(props: &HealthStripProps) -> Html {
    let end = props.run.trace.end;
    let at = if end > 0.0 {
        (props.playhead / end).clamp(0.0, 1.0)
    } else {
        0.0
    };
    html! {
        <section class="health" aria-label="Loop health">
            <h3 class="health__title">{ "Loop health" }</h3>
            <div class="health__rows">
                <Bars run={props.run.clone()} />
                // Moved by a transform only, like the timeline's playhead: a frame of
                // playback restyles this one layer, never the bars' layout.
                <div class="health__track" aria-hidden="true">
                    <div class="health__playhead" style={format!("transform:translateX({:.3}%)", at * 100.0)} />
                </div>
            </div>
        </section>
    }
}
