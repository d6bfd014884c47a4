//! The Code panel's console: what a Python program printed, then its traceback or why
//! it was stopped. Monospace and scrollable, with a name of its own for screen readers.
//! It shows the whole run's output ([`crate::ui::program::Console`]).

use yew::prelude::*;

use crate::py::Ending;
use crate::ui::program::ProgramRun;

#[derive(Properties, PartialEq)]
pub struct OutputProps {
    /// Compared by identity: the console re-renders only for a new run.
    pub program: ProgramRun,
}

#[function_component(Output)]
pub fn output(props: &OutputProps) -> Html {
    let console = &props.program.console;
    let ending = props.program.ending;
    let status = match ending {
        Ending::Completed => "completed",
        Ending::Exception => "raised an exception",
        Ending::Deadlock => "deadlocked",
        Ending::Limit => "stopped by a limit",
        Ending::Stopped => "stopped",
        Ending::Running => "running live…",
    };
    html! {
        <section class="output" aria-labelledby="output-title" data-ending={ending.as_str()}>
            <h3 class="output__title" id="output-title">
                { "Output" }
                <span class={classes!("output__status", format!("output__status--{}", ending.as_str()))}>
                    { status }
                </span>
            </h3>
            <pre class="output__console" tabindex="0" aria-label="Program output" data-output="">
                if console.is_empty() {
                    <span class="output__empty">{ "The program printed nothing." }</span>
                }
                if !console.stdout.is_empty() {
                    <span class="output__out">{ console.stdout.clone() }</span>
                }
                if !console.stderr.is_empty() {
                    if !console.stdout.is_empty() && !console.stdout.ends_with('\n') {
                        { "\n" }
                    }
                    <span class="output__err" data-output-error="">{ console.stderr.clone() }</span>
                }
            </pre>
        </section>
    }
}
