//! The message under a form field (or a step) that is wrong: marked with a sign as well
//! as colour, and given an id for the field's `aria-describedby`.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FieldErrorProps {
    pub id: AttrValue,
    pub message: AttrValue,
}

#[function_component(FieldError)]
pub fn field_error(props: &FieldErrorProps) -> Html {
    html! {
        <p class="field-error" id={props.id.clone()}>
            <span class="field-error__sign" aria-hidden="true">{ "!" }</span>
            <span class="field-error__text">{ props.message.clone() }</span>
        </p>
    }
}
