//! What a panel shows before there is anything to show: a faded sketch of what will
//! appear (decorative, hidden from screen readers) and a sentence saying what it is.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmptyStateProps {
    pub title: AttrValue,
    pub body: AttrValue,
    /// A preview of the panel's eventual content. Decorative only.
    #[prop_or_default]
    pub children: Html,
}

#[function_component(EmptyState)]
pub fn empty_state(props: &EmptyStateProps) -> Html {
    html! {
        <div class="empty">
            <div class="empty__sketch" aria-hidden="true">{ props.children.clone() }</div>
            <p class="empty__title">{ props.title.clone() }</p>
            <p class="empty__body">{ props.body.clone() }</p>
        </div>
    }
}
