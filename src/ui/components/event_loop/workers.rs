//! The executor's worker threads (busy with which task's job, or idle) and the jobs
//! queued for a free worker.

use yew::prelude::*;

use super::loop_section::LoopSection;
use super::task_chip::{TaskChip, TaskRef};
use super::LIST_LIMIT;

#[derive(Properties, PartialEq)]
pub struct WorkersProps {
    /// What each worker runs, in worker order.
    pub workers: Vec<Option<TaskRef>>,
    pub queued: Vec<TaskRef>,
}

#[function_component(Workers)]
pub fn workers(props: &WorkersProps) -> Html {
    let busy = props.workers.iter().filter(|w| w.is_some()).count();
    html! {
        <LoopSection title="Executor threads" part="workers" count={Some(busy)}>
            <ul class="loop-list">
                { for props.workers.iter().enumerate().map(|(i, w)| html! {
                    <li class={classes!("loop-list__item", "worker", w.is_none().then_some("worker--idle"))}>
                        <span class="worker__name">{ format!("worker {}", i + 1) }</span>
                        if let Some(task) = w {
                            <span class="loop-list__text">{ "busy with" }</span>
                            <TaskChip task={task.clone()} />
                        } else {
                            <span class="loop-list__text">{ "idle" }</span>
                        }
                    </li>
                }) }
            </ul>
            if !props.queued.is_empty() {
                <p class="loop-part__sub">{ format!("{} job(s) wait for a free worker:", props.queued.len()) }</p>
                <ol class="chip-row">
                    { for props.queued.iter().take(LIST_LIMIT).map(|t| html! {
                        <li><TaskChip task={t.clone()} /></li>
                    }) }
                </ol>
            }
        </LoopSection>
    }
}
