//! Start from a preset: a `<select>` of every ready-made scenario, by its title.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::sim::presets::presets;

#[derive(Properties, PartialEq)]
pub struct PresetPickerProps {
    /// The preset the scenario came from, while unedited.
    pub current: Option<String>,
    /// What the scenario is when it came from no preset: `Your own scenario (edited)`,
    /// or the open lesson's.
    #[prop_or(AttrValue::from("Your own scenario (edited)"))]
    pub own: AttrValue,
    pub on_pick: Callback<String>,
}

#[function_component(PresetPicker)]
pub fn preset_picker(props: &PresetPickerProps) -> Html {
    let list = use_memo((), |_| {
        presets()
            .into_iter()
            .map(|(id, s)| (id.to_string(), s.name))
            .collect::<Vec<_>>()
    });
    let onchange = {
        let on_pick = props.on_pick.clone();
        Callback::from(move |e: Event| {
            let id = e.target_unchecked_into::<HtmlSelectElement>().value();
            if !id.is_empty() {
                on_pick.emit(id);
            }
        })
    };
    html! {
        <div class="preset-picker">
            <label class="field__label" for="preset-picker">{ "Start from a preset" }</label>
            <select id="preset-picker" class="field__input preset-picker__select" {onchange}>
                if props.current.is_none() {
                    <option value="" selected=true>{ props.own.clone() }</option>
                }
                { for list.iter().map(|(id, name)| {
                    let selected = props.current.as_deref() == Some(id.as_str());
                    html! { <option value={id.clone()} {selected}>{ name.clone() }</option> }
                }) }
            </select>
        </div>
    }
}
