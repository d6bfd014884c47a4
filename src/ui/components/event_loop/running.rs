//! What holds the loop right now: a task's step, blocking work, or nothing (idle,
//! finished, stuck). The most important line of the panel, drawn largest.

use yew::prelude::*;

use super::task_chip::{TaskChip, TaskRef};

#[derive(Clone, Debug, PartialEq)]
pub struct RunningView {
    /// `running`, `blocked`, `idle`, `dispatching`, `finished`, `stuck`, `not-started`.
    pub tone: &'static str,
    pub task: Option<TaskRef>,
    /// `is running`, `idle — waiting for the next timer or I/O`.
    pub headline: String,
    /// The line of Python it runs, if known.
    pub code: Option<String>,
    /// What the loop does or waits for, in words.
    pub detail: Option<String>,
}

#[derive(Properties, PartialEq)]
pub struct RunningProps {
    pub view: RunningView,
}

#[function_component(Running)]
pub fn running(props: &RunningProps) -> Html {
    let v = &props.view;
    html! {
        <section class={classes!("loop-now", format!("loop-now--{}", v.tone))} data-part="running" aria-labelledby="loop-now-title">
            <h3 class="loop-part__title" id="loop-now-title">{ "Running now" }</h3>
            <p class="loop-now__headline">
                if let Some(task) = &v.task {
                    <TaskChip task={task.clone()} />{ " " }
                }
                <span>{ v.headline.clone() }</span>
            </p>
            if let Some(code) = &v.code {
                <p class="loop-now__detail"><code>{ code.clone() }</code></p>
            }
            if let Some(detail) = &v.detail {
                <p class="loop-now__detail">{ detail.clone() }</p>
            }
        </section>
    }
}
