//! Measured against predicted, after a live run: each task's completion time on the
//! real event loop next to the virtual clock's, the totals, and why they differ.

use crate::sim::accuracy::{accuracy, tolerance};
use crate::ui::state::Run;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AccuracyReportProps {
    /// The virtual-clock run of the same scenario and mode.
    pub predicted: Run,
    /// The live run.
    pub measured: Run,
}

/// The most task rows the report shows (a 1,000-task run lists its largest differences).
const MAX_ROWS: usize = 12;

fn ms(value: Option<f64>) -> String {
    value.map_or_else(|| "—".into(), |v| format!("{v:.1} ms"))
}

fn signed(value: f64) -> String {
    format!("{value:+.1} ms")
}

#[function_component(AccuracyReport)]
pub fn accuracy_report(props: &AccuracyReportProps) -> Html {
    let a = {
        let (p, m) = (props.predicted.clone(), props.measured.clone());
        use_memo((p, m), |(p, m)| accuracy(&p.trace, &m.trace))
    };
    let within = a.within_target();
    // `main` first, then the tasks whose end moved the most.
    let difference = |t: &crate::sim::accuracy::TaskAccuracy| {
        t.predicted
            .zip(t.measured)
            .map_or(f64::INFINITY, |(p, m)| (m - p).abs())
    };
    let mut rows: Vec<_> = a.tasks.iter().collect();
    let first = 1.min(rows.len());
    crate::sort::sort_by(&mut rows[first..], |x, y| {
        difference(y).total_cmp(&difference(x))
    });
    let hidden = rows.len().saturating_sub(MAX_ROWS);
    rows.truncate(MAX_ROWS);
    let verdict = format!(
        "{} the prediction ({}; the target is ±{:.0} ms)",
        if within { "Within" } else { "Outside" },
        signed(a.error()),
        tolerance(a.predicted_total)
    );
    html! {
        <section class="accuracy" aria-label="Measured against predicted"
            data-error={format!("{:.1}", a.error())}>
            <h3 class="accuracy__title">{ "Measured on the real event loop vs. predicted" }</h3>
            <p class={classes!("accuracy__verdict", within.then_some("accuracy__verdict--ok"))}>
                { verdict }
            </p>
            <table class="accuracy__table">
                <thead>
                    <tr>
                        <th scope="col">{ "Task" }</th>
                        <th scope="col">{ "Predicted end" }</th>
                        <th scope="col">{ "Measured end" }</th>
                        <th scope="col">{ "Difference" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().map(|t| html! {
                        <tr>
                            <th scope="row">{ &t.name }</th>
                            <td>{ ms(t.predicted) }</td>
                            <td>{ ms(t.measured) }</td>
                            <td>{ t.predicted.zip(t.measured).map_or_else(|| "—".into(), |(p, m)| signed(m - p)) }</td>
                        </tr>
                    }) }
                    if hidden > 0 {
                        <tr class="accuracy__more">
                            <td colspan="4">
                                { format!("…and {hidden} more tasks (the {} shown moved the most)", MAX_ROWS - 1) }
                            </td>
                        </tr>
                    }
                </tbody>
                <tfoot>
                    <tr data-total="">
                        <th scope="row">{ "Total" }</th>
                        <td>{ ms(Some(a.predicted_total)) }</td>
                        <td>{ ms(Some(a.measured_total)) }</td>
                        <td>{ signed(a.error()) }</td>
                    </tr>
                </tfoot>
            </table>
            <ul class="accuracy__why">
                { for a.explain().into_iter().map(|why| html! { <li>{ why }</li> }) }
            </ul>
        </section>
    }
}
