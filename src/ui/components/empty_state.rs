//! What a panel shows when it has nothing to show: what it would hold, and why not yet.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmptyStateProps {
    pub title: AttrValue,
    pub body: AttrValue,
}

#[function_component(EmptyState)]
pub fn empty_state(props: &EmptyStateProps) -> Html {
    html! {
        <div class="empty">
            <p class="empty__title">{ props.title.clone() }</p>
            <p class="empty__body">{ props.body.clone() }</p>
        </div>
    }
}
