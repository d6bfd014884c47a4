//! Pending timers (sleeps, async-for items, `wait_for` deadlines), soonest first.

use yew::prelude::*;

use super::loop_section::LoopSection;
use super::task_chip::TaskChip;
use super::{Entry, LIST_LIMIT};

#[derive(Properties, PartialEq)]
pub struct TimersProps {
    /// At most [`LIST_LIMIT`] entries are drawn; the rest are only counted.
    pub entries: Vec<Entry>,
    /// How many there are in all, when `entries` holds only the first ones.
    #[prop_or_default]
    pub total: Option<usize>,
}

#[function_component(Timers)]
pub fn timers(props: &TimersProps) -> Html {
    let n = props.total.unwrap_or(props.entries.len());
    let empty = (n == 0).then(|| AttrValue::from("No timer is pending."));
    html! {
        <LoopSection title="Timers" part="timers" count={Some(n)} {empty}>
            <ul class="loop-list">
                { for props.entries.iter().take(LIST_LIMIT).map(|e| html! {
                    <li class="loop-list__item loop-list__item--timed">
                        <TaskChip task={e.task.clone()} />
                        <span class="loop-list__text">{ e.text.clone() }</span>
                        if let Some(time) = &e.time {
                            <span class="loop-list__time">{ time.clone() }</span>
                        }
                    </li>
                }) }
            </ul>
            if n > LIST_LIMIT {
                <p class="loop-part__more">{ format!("… and {} more", n - LIST_LIMIT) }</p>
            }
        </LoopSection>
    }
}
