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
                    { for a.tasks.iter().map(|t| html! {
                        <tr>
                            <th scope="row">{ &t.name }</th>
                            <td>{ ms(t.predicted) }</td>
                            <td>{ ms(t.measured) }</td>
                            <td>{ t.predicted.zip(t.measured).map_or_else(|| "—".into(), |(p, m)| signed(m - p)) }</td>
                        </tr>
                    }) }
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
