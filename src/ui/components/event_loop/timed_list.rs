//! A list of waits that come due at a time: pending timers (sleeps, async-for items,
//! `wait_for` deadlines, soonest first) or requests in flight (which task waits for which
//! URL, and when its response is due).

use yew::prelude::*;

use super::loop_section::LoopSection;
use super::task_chip::TaskChip;
use super::{Entry, LIST_LIMIT};

#[derive(Properties, PartialEq)]
pub struct TimedListProps {
    pub title: AttrValue,
    /// The `data-part` name of the section (`timers`, `fetches`).
    pub part: AttrValue,
    /// What the section says when nothing waits.
    pub empty: AttrValue,
    /// Show each entry's text as code (URLs).
    #[prop_or_default]
    pub code: bool,
    /// At most [`LIST_LIMIT`] entries are drawn; the rest are only counted.
    pub entries: Vec<Entry>,
    /// How many there are in all, when `entries` holds only the first ones.
    #[prop_or_default]
    pub total: Option<usize>,
}

#[function_component(TimedList)]
pub fn timed_list(props: &TimedListProps) -> Html {
    let n = props.total.unwrap_or(props.entries.len());
    let empty = (n == 0).then(|| props.empty.clone());
    html! {
        <LoopSection title={props.title.clone()} part={props.part.clone()} count={Some(n)} {empty}>
            <ul class="loop-list">
                { for props.entries.iter().take(LIST_LIMIT).map(|e| html! {
                    <li class="loop-list__item loop-list__item--timed">
                        <TaskChip task={e.task.clone()} />
                        if props.code {
                            <code class="loop-list__text loop-list__url">{ e.text.clone() }</code>
                        } else {
                            <span class="loop-list__text">{ e.text.clone() }</span>
                        }
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
