//! How the run ends, when it does not simply complete: an error, a deadlock (with its
//! waits-for cycle), a safety limit. Plain words first, then the chain of waits.

use yew::prelude::*;

use super::task_chip::{TaskChip, TaskRef};
use crate::ui::components::rich_text::RichText;

/// One wait of a deadlock: `task` waits for `on`, held by `holder`.
#[derive(Clone, Debug, PartialEq)]
pub struct WaitView {
    pub task: TaskRef,
    pub on: String,
    pub holder: Option<TaskRef>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OutcomeView {
    /// `error`, `deadlock`, `limit` or `stopped`.
    pub tone: &'static str,
    pub title: String,
    /// `Outcome::describe`, a sentence.
    pub sentence: String,
    /// When it happens, and whether the playhead is there yet.
    pub when: String,
    /// A deadlock's waits, in cycle order when there is a cycle.
    pub waits: Vec<WaitView>,
    pub cycle: bool,
}

#[derive(Properties, PartialEq)]
pub struct OutcomeBannerProps {
    pub view: OutcomeView,
}

#[function_component(OutcomeBanner)]
pub fn outcome_banner(props: &OutcomeBannerProps) -> Html {
    let v = &props.view;
    html! {
        <div class={classes!("outcome", format!("outcome--{}", v.tone))} role="note" data-outcome={v.tone}>
            <p class="outcome__title">
                <span class="outcome__icon" aria-hidden="true">{ if v.tone == "stopped" { "■" } else { "!" } }</span>
                { v.title.clone() }
                <span class="outcome__when">{ v.when.clone() }</span>
            </p>
            if v.waits.is_empty() {
                <p class="outcome__body"><RichText text={AttrValue::from(v.sentence.clone())} /></p>
            } else {
                <p class="outcome__body">
                    { if v.cycle {
                        "The tasks wait for each other in a cycle, so none can ever run again:"
                    } else {
                        "No task can ever run again. What each one waits for:"
                    } }
                </p>
                <ol class="outcome__chain" aria-label="Waits-for chain">
                    { for v.waits.iter().map(|w| html! {
                        <li>
                            <TaskChip task={w.task.clone()} />
                            <span class="outcome__arrow" aria-hidden="true">{ "→" }</span>
                            <span class="visually-hidden">{ " waits for " }</span>
                            <code>{ w.on.clone() }</code>
                            if let Some(holder) = &w.holder {
                                <span class="outcome__arrow" aria-hidden="true">{ "→" }</span>
                                <span class="visually-hidden">{ " held by " }</span>
                                <TaskChip task={holder.clone()} />
                            }
                        </li>
                    }) }
                </ol>
            }
        </div>
    }
}
