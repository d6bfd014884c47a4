//! A one-line text field that reports every change (URLs, printed text, names of
//! exceptions and handles: `sim` validates them and the step shows what is wrong).

use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// Monospace, for code such as names and URLs.
    #[prop_or(true)]
    pub code: bool,
    pub on_change: Callback<String>,
}

#[function_component(TextField)]
pub fn text_field(props: &TextFieldProps) -> Html {
    let oninput = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            on_change.emit(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    html! {
        <div class="field">
            <label class="field__label" for={props.id.clone()}>{ props.label.clone() }</label>
            <input
                id={props.id.clone()}
                class={classes!("field__input", props.code.then_some("field__input--code"))}
                type="text"
                autocomplete="off"
                spellcheck="false"
                value={props.value.clone()}
                placeholder={props.placeholder.clone()}
                {oninput}
            />
        </div>
    }
}
