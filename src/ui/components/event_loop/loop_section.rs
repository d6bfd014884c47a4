//! One part of the event loop (ready queue, timers, …) as a small titled card, with an
//! optional count and a plain-words line when it is empty.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LoopSectionProps {
    pub title: AttrValue,
    /// `data-part` for styles and tests: `ready`, `timers`, …
    pub part: AttrValue,
    #[prop_or_default]
    pub count: Option<usize>,
    /// Shown instead of the children when there is nothing to list.
    #[prop_or_default]
    pub empty: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
}

#[function_component(LoopSection)]
pub fn loop_section(props: &LoopSectionProps) -> Html {
    let id = format!("loop-{}-title", props.part);
    html! {
        <section class="loop-part" data-part={props.part.clone()} aria-labelledby={id.clone()}>
            <h3 class="loop-part__title" id={id}>
                { props.title.clone() }
                if let Some(n) = props.count {
                    <span class="loop-part__count">{ n }</span>
                }
            </h3>
            if let Some(empty) = &props.empty {
                <p class="loop-part__empty">{ empty.clone() }</p>
            } else {
                { props.children.clone() }
            }
        </section>
    }
}
