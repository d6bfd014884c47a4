//! The ready queue in order: the callbacks the loop runs next, first one first.

use yew::prelude::*;

use super::loop_section::LoopSection;
use super::task_chip::TaskChip;
use super::{Entry, LIST_LIMIT};

#[derive(Properties, PartialEq)]
pub struct ReadyQueueProps {
    /// At most [`LIST_LIMIT`] entries are drawn; the rest are only counted.
    pub entries: Vec<Entry>,
    /// How many there are in all, when `entries` holds only the first ones.
    #[prop_or_default]
    pub total: Option<usize>,
}

#[function_component(ReadyQueue)]
pub fn ready_queue(props: &ReadyQueueProps) -> Html {
    let n = props.total.unwrap_or(props.entries.len());
    let empty = (n == 0).then(|| AttrValue::from("Empty: no callback is waiting to run."));
    html! {
        <LoopSection title="Ready queue" part="ready" count={Some(n)} {empty}>
            <ol class="loop-list loop-list--numbered">
                { for props.entries.iter().take(LIST_LIMIT).map(|e| html! {
                    <li class="loop-list__item">
                        <TaskChip task={e.task.clone()} />
                        <span class="loop-list__text">{ e.text.clone() }</span>
                    </li>
                }) }
            </ol>
            if n > LIST_LIMIT {
                <p class="loop-part__more">{ format!("… and {} more", n - LIST_LIMIT) }</p>
            }
        </LoopSection>
    }
}
