//! The scenario as JSON (the documented format): download it as `<name>.json`, copy it,
//! or bring one in from a file or a paste box. A bad file leaves the current scenario as
//! it is; the reducer's notice says what is wrong.

use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::sim::Scenario;
use crate::ui::clipboard;
use crate::ui::files::{download, on_file_chosen};

#[derive(Properties, PartialEq)]
pub struct ImportExportProps {
    pub scenario: Rc<Scenario>,
    /// Import this text (dispatches `Action::Import`).
    pub on_import: Callback<String>,
}

/// A file name from the scenario's name: `three-fetches.json`.
pub fn file_name(name: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug: Vec<&str> = slug.split('-').filter(|s| !s.is_empty()).collect();
    if slug.is_empty() {
        "scenario.json".into()
    } else {
        format!("{}.json", slug.join("-"))
    }
}

#[function_component(ImportExport)]
pub fn import_export(props: &ImportExportProps) -> Html {
    let pasted = use_state(String::new);
    let status = use_state(|| None::<&'static str>);
    let export = {
        let (scenario, status) = (props.scenario.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let ok = download(&file_name(&scenario.name), &scenario.to_json()).is_ok();
            status.set(Some(if ok {
                "Downloaded."
            } else {
                "The download did not start; copy the JSON instead."
            }));
        })
    };
    let copy = {
        let (scenario, status, pasted) = (props.scenario.clone(), status.clone(), pasted.clone());
        Callback::from(move |_: MouseEvent| {
            let json = scenario.to_json();
            pasted.set(json.clone());
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let copied = clipboard::copy(&json).await;
                status.set(Some(if copied {
                    "Copied to the clipboard (and shown below)."
                } else {
                    "Shown below: select it and copy."
                }));
            });
        })
    };
    let oninput = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            pasted.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let load_pasted = {
        let (pasted, on_import, status) = (pasted.clone(), props.on_import.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            status.set(None);
            on_import.emit((*pasted).clone())
        })
    };
    let on_file = on_file_chosen(props.on_import.clone(), status.clone());
    html! {
        <section class="scenario-section import-export edit-only" aria-labelledby="import-export-title">
            <h3 class="scenario-section__title" id="import-export-title">{ "Import and export" }</h3>
            <div class="import-export__buttons">
                <button type="button" class="button" onclick={export}>{ "Download .json" }</button>
                <button type="button" class="button" onclick={copy}>{ "Copy JSON" }</button>
                <label class="button import-export__file">
                    { "Open a file…" }
                    <input type="file" accept=".json,application/json" class="visually-hidden"
                        onchange={on_file} aria-label="Open a scenario file" />
                </label>
            </div>
            if let Some(text) = *status {
                <p class="import-export__status" role="status">{ text }</p>
            }
            <div class="field">
                <label class="field__label" for="import-paste">{ "Paste a scenario's JSON" }</label>
                <textarea id="import-paste" class="field__input field__input--code import-export__paste"
                    rows="5" spellcheck="false" placeholder="{ \"name\": …, \"coroutines\": [ … ], \"main\": { … } }"
                    value={(*pasted).clone()} {oninput} />
            </div>
            <button type="button" class="button button--primary import-export__load"
                onclick={load_pasted} disabled={pasted.trim().is_empty()}>
                { "Load pasted JSON" }
            </button>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn file_names_are_slugs_of_the_scenario_name() {
        assert_eq!(
            file_name("asyncio.sleep vs time.sleep"),
            "asyncio-sleep-vs-time-sleep.json"
        );
        assert_eq!(file_name("  "), "scenario.json");
    }
}
