//! The name of a coroutine or a resource. Renaming also renames every reference, so it
//! happens when the learner is done (Enter or leaving the field), and a name that is
//! refused stays in the field with the reason beside it.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::field_error::FieldError;

#[derive(Properties, PartialEq)]
pub struct NameFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    /// Renames; returns why not when the name is refused.
    pub on_rename: Callback<String, Result<(), String>>,
    /// Visually hide the label (the context names it).
    #[prop_or_default]
    pub hide_label: bool,
}

#[function_component(NameField)]
pub fn name_field(props: &NameFieldProps) -> Html {
    let text = use_state(|| props.value.to_string());
    let error = use_state(|| None::<String>);
    {
        let (text, error) = (text.clone(), error.clone());
        use_effect_with(props.value.clone(), move |value| {
            text.set(value.to_string());
            error.set(None);
        });
    }
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let onchange = {
        let (error, on_rename) = (error.clone(), props.on_rename.clone());
        Callback::from(move |e: Event| {
            let typed = e.target_unchecked_into::<HtmlInputElement>().value();
            error.set(on_rename.emit(typed).err());
        })
    };
    let onkeydown = Callback::from(|e: KeyboardEvent| {
        if e.key() == "Enter" {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                let _ = input.blur();
            }
        }
    });
    let error_id = format!("{}-error", props.id);
    html! {
        <div class={classes!("field", "field--name", error.is_some().then_some("field--invalid"))}>
            <label
                class={classes!("field__label", props.hide_label.then_some("visually-hidden"))}
                for={props.id.clone()}
            >
                { props.label.clone() }
            </label>
            <input
                id={props.id.clone()}
                class="field__input field__input--code"
                type="text"
                autocomplete="off"
                spellcheck="false"
                value={(*text).clone()}
                {oninput}
                {onchange}
                {onkeydown}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={error.is_some().then(|| error_id.clone())}
            />
            if let Some(message) = &*error {
                <FieldError id={error_id.clone()} message={message.clone()} />
            }
        </div>
    }
}
