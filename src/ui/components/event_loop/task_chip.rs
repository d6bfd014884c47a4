//! A task's name as a chip coloured by its state, with the same marks as the timeline
//! (solid running, dotted ready, hatched waiting), so colour is never the only cue.

use yew::prelude::*;

/// A task as the panel draws it.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskRef {
    pub name: String,
    /// CSS modifier: `running`, `ready`, `waiting`, `blocked`, `done`, `error`, `new`.
    pub class: &'static str,
    /// The state in words, for the tooltip and screen readers.
    pub word: &'static str,
}

#[derive(Properties, PartialEq)]
pub struct TaskChipProps {
    pub task: TaskRef,
}

#[function_component(TaskChip)]
pub fn task_chip(props: &TaskChipProps) -> Html {
    let t = &props.task;
    html! {
        <span
            class={classes!("task-chip", format!("task-chip--{}", t.class))}
            title={format!("{} ({})", t.name, t.word)}
        >
            <span class="task-chip__mark" aria-hidden="true"></span>
            <span class="task-chip__name">{ t.name.clone() }</span>
            <span class="visually-hidden">{ format!(" ({})", t.word) }</span>
        </span>
    }
}
