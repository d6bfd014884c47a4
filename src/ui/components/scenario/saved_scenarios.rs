//! Saved scenarios: save the current one under a name, and open or delete what was
//! saved before. Kept in localStorage (see [`crate::ui::saved`]), so they survive a
//! reload; an entry that cannot be read is listed as such, never dropped silently.

use crate::sim::Scenario;
use crate::ui::saved::{self, Saved};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SavedScenariosProps {
    pub scenario: Rc<Scenario>,
    pub on_open: Callback<Scenario>,
}

#[function_component(SavedScenarios)]
pub fn saved_scenarios(props: &SavedScenariosProps) -> Html {
    let list = use_state(saved::list);
    let name = use_state(|| props.scenario.name.clone());
    {
        // A new scenario (a preset, a lesson) proposes its own name.
        let name = name.clone();
        use_effect_with(props.scenario.name.clone(), move |new| {
            name.set(new.clone())
        });
    }
    let status = use_state_eq(|| None::<String>);
    let refresh = {
        let list = list.clone();
        move || list.set(saved::list())
    };
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            name.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_save = {
        let (scenario, name, status, refresh) = (
            props.scenario.clone(),
            name.clone(),
            status.clone(),
            refresh.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match saved::save(&name, &scenario) {
                Ok(()) => {
                    status.set(Some(format!("Saved as “{}”.", name.trim())));
                    refresh();
                }
                Err(message) => status.set(Some(message)),
            }
        })
    };
    let exists = list.iter().any(|s| s.name == name.trim());
    let row = |entry: &Saved| {
        let label = entry.label();
        let delete = {
            let (entry_name, label, status, refresh) = (
                entry.name.clone(),
                label.clone(),
                status.clone(),
                refresh.clone(),
            );
            Callback::from(move |_: MouseEvent| {
                saved::delete(&entry_name);
                status.set(Some(format!("Deleted “{label}”.")));
                refresh();
            })
        };
        let open = entry.scenario.clone().ok().map(|scenario| {
            let on_open = props.on_open.clone();
            Callback::from(move |_: MouseEvent| on_open.emit(scenario.clone()))
        });
        html! {
            <li class="saved__item" key={entry.name.clone()} data-saved={entry.name.clone()}>
                <span class="saved__name">{ label.clone() }</span>
                if let Some(open) = open {
                    <button type="button" class="text-button" onclick={open} data-action="open-saved"
                        aria-label={format!("Open {label}")}>{ "Open" }</button>
                } else if let Err(why) = &entry.scenario {
                    <span class="saved__broken" title={why.clone()}>{ "cannot be read" }</span>
                }
                <button type="button" class="text-button" onclick={delete} data-action="delete-saved"
                    aria-label={format!("Delete {label}")}>{ "Delete" }</button>
            </li>
        }
    };
    html! {
        <section class="scenario-section saved edit-only" aria-labelledby="saved-title">
            <h3 class="scenario-section__title" id="saved-title">{ "Saved in this browser" }</h3>
            <form class="saved__form" onsubmit={on_save}>
                <input class="field__input" type="text" value={(*name).clone()} oninput={on_name}
                    aria-label="Name to save the scenario under" placeholder="My scenario"
                    maxlength={saved::MAX_NAME.to_string()} />
                <button type="submit" class="button" data-action="save">
                    { if exists { "Replace" } else { "Save" } }
                </button>
            </form>
            if let Some(text) = &*status {
                <p class="saved__status" role="status">{ text.clone() }</p>
            }
            if list.is_empty() {
                <p class="saved__none">{ "Nothing saved yet." }</p>
            } else {
                <ul class="saved__list">{ for list.iter().map(row) }</ul>
            }
        </section>
    }
}
