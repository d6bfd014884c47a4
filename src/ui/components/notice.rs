//! A notice for the learner (a rejected import, for example), with a dismiss button.
//! Placed where the learner is looking; any panel may show one.

use yew::prelude::*;

use crate::ui::state::{make_callback, Action, AppContext};

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub message: AttrValue,
    /// Dispatch `Action::DismissNotice`.
    pub on_dismiss: Callback<()>,
}

#[function_component(Notice)]
pub fn notice(props: &NoticeProps) -> Html {
    let onclick = {
        let on_dismiss = props.on_dismiss.clone();
        Callback::from(move |_: MouseEvent| on_dismiss.emit(()))
    };
    html! {
        <div class="notice" role="alert">
            <span class="notice__sign" aria-hidden="true">{ "!" }</span>
            <p class="notice__message">{ props.message.clone() }</p>
            <button type="button" class="notice__dismiss" {onclick} aria-label="Dismiss this message">
                { "×" }
            </button>
        </div>
    }
}

/// The app's notice (`State::notice`), if there is one, in a `<div class={class}>`.
pub fn app_notice(ctx: &AppContext, class: &'static str) -> Html {
    let Some(message) = &ctx.notice else {
        return Html::default();
    };
    html! {
        <div {class}>
            <Notice message={message.clone()}
                on_dismiss={make_callback(ctx, |_: ()| Action::DismissNotice)} />
        </div>
    }
}
