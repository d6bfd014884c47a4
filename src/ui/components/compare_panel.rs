//! The Compare panel: the program raced against a second version of it
//! ([`ProgramCompare`]), as two timelines on one shared time axis with one playhead,
//! both totals and the speed-up.

use yew::prelude::*;

use super::compare_programs::ProgramCompare;
use super::panel::Panel;
use crate::sim::metrics::{format_count, format_ms, format_speedup};
use crate::ui::layout::PanelKind;
use crate::ui::state::{Action, AppContext, Pair, PairPending, View};

/// `2.0× faster`, `1.0× (no faster)`, `0.8× slower`.
pub fn speedup_words(speedup: Option<f64>) -> String {
    match speedup {
        Some(x) if x > 1.0 + 1e-9 => format!("{} faster", format_speedup(Some(x))),
        Some(x) if x < 1.0 - 1e-9 => format!("{} slower", format_speedup(Some(x))),
        Some(x) => format!("{} (no faster)", format_speedup(Some(x))),
        None => format_speedup(None),
    }
}

/// What a pair's two runs are called: each total's `data-total` and visible name, and
/// what the speed-up compares.
pub struct PairNames {
    pub first: (&'static str, &'static str),
    pub second: (&'static str, &'static str),
    pub speedup: &'static str,
}

/// Both totals, the speed-up, and the actions: play both side by side, then `more`.
pub fn summary(ctx: &AppContext, pair: &Pair, names: PairNames, more: Html) -> Html {
    let play_both = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            ctx.dispatch(Action::SetView(View::Compare));
            ctx.dispatch(Action::Restart);
            ctx.dispatch(Action::Play);
        })
    };
    let speedup = pair.speedup();
    let total = |(id, name): (&'static str, &'static str), class: &'static str, ms: f64| {
        html! {
            <div class={classes!("cmp__total", class)} data-total={id}>
                <span class="cmp__key">{ name }</span>
                <span class="cmp__value">{ format_ms(ms) }</span>
            </div>
        }
    };
    html! {
        <div class="cmp__summary">
            { total(names.first, "cmp__total--first", pair.first.trace.end) }
            { total(names.second, "cmp__total--second", pair.second.trace.end) }
            <div class="cmp__speedup" data-speedup={speedup.map(|x| format!("{x:.2}")).unwrap_or_default()}
                aria-live="polite">
                <span class="cmp__value">{ speedup_words(speedup) }</span>
                <span class="cmp__key">{ names.speedup }</span>
            </div>
            <div class="cmp__actions">
                <button type="button" class="cmp__play" onclick={play_both} data-action="play-compare">
                    { "▶ Play side by side" }
                </button>
                { more }
            </div>
        </div>
    }
}

#[function_component(ComparePanel)]
pub fn compare_panel() -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let Ok(program) = &ctx.program else {
        let why = if ctx.running() {
            "The program is running: compare it with a second version once it has run."
        } else {
            "Fix the program to compare it with a second version."
        };
        return html! {
            <Panel kind={PanelKind::Compare}>
                <p class="cmp__none">{ why }</p>
            </Panel>
        };
    };
    if let Some(pending) = &ctx.pair_pending {
        let so_far = match pending {
            PairPending::Running(run) => {
                format!(" {} events so far.", format_count(run.events as u64))
            }
            PairPending::Waiting(_) => String::new(),
        };
        return html! {
            <Panel kind={PanelKind::Compare}>
                <p class="cmp__none" role="status" data-running="">{ format!("Running the second version…{so_far}") }</p>
            </Panel>
        };
    }
    let meta = ctx.rival.as_ref().map(|r| {
        AttrValue::from(format!(
            "shared axis: {}",
            format_ms(r.run.trace.end.max(program.run.trace.end))
        ))
    });
    html! {
        <Panel kind={PanelKind::Compare} {meta}>
            <ProgramCompare program={program.clone()} rival={ctx.rival.clone()} />
        </Panel>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speedup_reads_as_faster_or_slower() {
        assert_eq!(speedup_words(Some(2.0)), "2.0× faster");
        assert_eq!(speedup_words(Some(0.5)), "0.5× slower");
        assert_eq!(speedup_words(Some(1.0)), "1.0× (no faster)");
        assert_eq!(speedup_words(None), "—");
    }
}
