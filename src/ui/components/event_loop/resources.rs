//! Semaphores, locks and queues: how much is in use, who holds it, who waits, in order.

use yew::prelude::*;

use super::loop_section::LoopSection;
use super::task_chip::{TaskChip, TaskRef};
use super::LIST_LIMIT;

#[derive(Clone, Debug, PartialEq)]
pub struct ResourceView {
    pub name: String,
    /// `semaphore`, `lock` or `queue`.
    pub kind: String,
    /// `2 / 3 permits used`, `held`, `free`, `3 / 5 items`.
    pub usage: String,
    /// Fill of the gauge, 0–1, when there is a capacity.
    pub fill: Option<f64>,
    pub holders: Vec<TaskRef>,
    pub waiters: Vec<TaskRef>,
}

#[derive(Properties, PartialEq)]
pub struct ResourcesProps {
    pub resources: Vec<ResourceView>,
}

#[function_component(Resources)]
pub fn resources(props: &ResourcesProps) -> Html {
    html! {
        <LoopSection title="Resources" part="resources" count={Some(props.resources.len())}>
            <ul class="resources">
                { for props.resources.iter().map(resource) }
            </ul>
        </LoopSection>
    }
}

fn resource(r: &ResourceView) -> Html {
    let held_word = if r.kind == "queue" { "" } else { "held by" };
    html! {
        <li class="resource" data-kind={r.kind.clone()}>
            <div class="resource__head">
                <span class="resource__kind">{ r.kind.clone() }</span>
                <code class="resource__name">{ r.name.clone() }</code>
                <span class="resource__usage">{ r.usage.clone() }</span>
            </div>
            if let Some(fill) = r.fill {
                <div class="gauge" aria-hidden="true">
                    <span class="gauge__fill" style={format!("width: {:.1}%", fill.clamp(0.0, 1.0) * 100.0)}></span>
                </div>
            }
            if !r.holders.is_empty() && !held_word.is_empty() {
                <div class="resource__row">
                    <span class="resource__label">{ held_word }</span>
                    <span class="chip-row">
                        { for r.holders.iter().take(LIST_LIMIT).map(|t| html! { <TaskChip task={t.clone()} /> }) }
                    </span>
                </div>
            }
            if !r.waiters.is_empty() {
                <div class="resource__row">
                    <span class="resource__label">{ format!("{} waiting", r.waiters.len()) }</span>
                    <span class="chip-row">
                        { for r.waiters.iter().take(LIST_LIMIT).map(|t| html! { <TaskChip task={t.clone()} /> }) }
                    </span>
                </div>
            }
        </li>
    }
}
