//! A labelled `<select>` of names (coroutines, task handles, resources). The current
//! value is always offered, even when nothing by that name exists any more, so the form
//! shows the scenario as it is and validation says what is wrong.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    /// (value, text shown) of each option.
    pub options: Vec<(String, String)>,
    pub on_change: Callback<String>,
}

#[function_component(SelectField)]
pub fn select_field(props: &SelectFieldProps) -> Html {
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            on_change.emit(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let mut options = props.options.clone();
    if !options.iter().any(|(v, _)| *v == *props.value) {
        options.insert(
            0,
            (
                props.value.to_string(),
                format!("{} (missing)", props.value),
            ),
        );
    }
    html! {
        <div class="field">
            <label class="field__label" for={props.id.clone()}>{ props.label.clone() }</label>
            <select id={props.id.clone()} class="field__input field__input--code" {onchange}>
                { for options.into_iter().map(|(value, text)| {
                    let selected = *value == *props.value;
                    html! { <option {value} {selected}>{ text }</option> }
                }) }
            </select>
        </div>
    }
}
