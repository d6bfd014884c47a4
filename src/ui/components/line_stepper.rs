//! Prev line / Next line: stepping the program statement by statement, as Python Tutor's
//! Prev and Next do, inside a task's run between two awaits too. Under the editor (the
//! line it marks is the statement about to run) and atop the Frames panel (the state
//! just before it); both dispatch [`Action::LineBack`] / [`Action::LineForward`].

use yew::prelude::*;

use crate::py::lines::MAX_STEPS;
use crate::ui::hooks::use_keyboard::Shortcut;
use crate::ui::state::{make_callback, Action, AppContext};

#[function_component(LineStepper)]
pub fn line_stepper() -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let line = ctx.line_step();
    let done = ctx.events_done();
    let total = ctx.shown().map_or(0, |run| run.trace.events.len());
    let steppable = ctx.line_program().is_some() && !ctx.playing;
    let readout = match &line {
        Some((k, steps)) => format!(
            "line {} next · statement {} of {}{}",
            steps.steps[*k].line,
            k + 1,
            steps.steps.len(),
            if steps.cut { "+" } else { "" }
        ),
        None => String::new(),
    };
    let cut = line
        .as_ref()
        .is_some_and(|(k, steps)| steps.cut && k + 1 == steps.steps.len());
    html! {
        <div class="line-stepper" role="group" aria-label="Step by line">
            <button type="button" class="button line-stepper__btn" data-line-step="back"
                onclick={make_callback(&ctx, |_: MouseEvent| Action::LineBack)}
                disabled={!steppable || done == 0 && line.is_none()}
                title={format!("The statement before ({})", Shortcut::LineBack.key())}>
                { "◀ Prev line" }
            </button>
            <button type="button" class="button line-stepper__btn" data-line-step="next"
                onclick={make_callback(&ctx, |_: MouseEvent| Action::LineForward)}
                disabled={!steppable || done >= total && line.is_none()}
                title={format!("The next statement to run ({})", Shortcut::LineForward.key())}>
                { "Next line ▶" }
            </button>
            <span class="line-stepper__note">
                if cut {
                    { format!("Stepping by line stops at statement {MAX_STEPS}: step by event to go on.") }
                } else {
                    { readout }
                }
            </span>
        </div>
    }
}
