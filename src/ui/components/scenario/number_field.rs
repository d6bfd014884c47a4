//! A whole-number field that never panics on what is typed: it keeps the learner's text,
//! parses it as the given [`Quantity`] (see [`crate::ui::edit::parse_ms`]) and either
//! reports the number or shows the parser's message beside the field.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::field_error::FieldError;
use crate::ui::edit::Quantity;

#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    /// The id of the `<input>`; the message gets `{id}-error`.
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: u64,
    /// What the number is: how the text is parsed and what the message asks for.
    pub quantity: Quantity,
    /// Shown after the input, such as `ms`.
    #[prop_or_default]
    pub unit: Option<AttrValue>,
    pub on_change: Callback<u64>,
}

#[function_component(NumberField)]
pub fn number_field(props: &NumberFieldProps) -> Html {
    let text = use_state(|| props.value.to_string());
    let error = use_state(|| None::<String>);
    {
        // A new value from outside (another step, an import): show it, unless the text
        // already says it.
        let (text, error, parse) = (text.clone(), error.clone(), props.quantity);
        use_effect_with(props.value, move |value| {
            if parse.parse(&text).ok() != Some(*value) {
                text.set(value.to_string());
                error.set(None);
            }
        });
    }
    let oninput = {
        let (text, error, parse, on_change) = (
            text.clone(),
            error.clone(),
            props.quantity,
            props.on_change.clone(),
        );
        let current = props.value;
        Callback::from(move |e: InputEvent| {
            let typed = e.target_unchecked_into::<HtmlInputElement>().value();
            match parse.parse(&typed) {
                Ok(n) => {
                    error.set(None);
                    if n != current {
                        on_change.emit(n);
                    }
                }
                Err(message) => error.set(Some(message)),
            }
            text.set(typed);
        })
    };
    let error_id = format!("{}-error", props.id);
    html! {
        <div class={classes!("field", "field--number", error.is_some().then_some("field--invalid"))}>
            <label class="field__label" for={props.id.clone()}>{ props.label.clone() }</label>
            <span class="field__control">
                <input
                    id={props.id.clone()}
                    class="field__input"
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    spellcheck="false"
                    value={(*text).clone()}
                    {oninput}
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={error.is_some().then(|| error_id.clone())}
                />
                if let Some(unit) = &props.unit {
                    <span class="field__unit" aria-hidden="true">{ unit.clone() }</span>
                }
            </span>
            if let Some(message) = &*error {
                <FieldError id={error_id.clone()} message={message.clone()} />
            }
        </div>
    }
}
