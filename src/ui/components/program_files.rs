//! The program's files: save it in this browser under a name, open or delete what was
//! saved before (see [`crate::ui::saved`]: it survives a reload), download it as a
//! `.py` file, or open one (a `.py` program, or a scenario an earlier Looplab saved as
//! `.json`). Every button names its program, so a screen reader can tell them apart.

use crate::ui::files::{download, file_name, on_file_chosen};
use crate::ui::saved::{self, Saved};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProgramFilesProps {
    /// The program on screen.
    pub source: AttrValue,
    /// The name proposed for it (the lesson's title, else empty).
    pub title: AttrValue,
    /// Show this saved program.
    pub on_open: Callback<String>,
    /// A chosen file's name and text.
    pub on_file: Callback<(String, String)>,
}

#[function_component(ProgramFiles)]
pub fn program_files(props: &ProgramFilesProps) -> Html {
    let list = use_state(saved::list);
    let name = use_state(|| props.title.to_string());
    {
        // A new lesson proposes its own name.
        let name = name.clone();
        use_effect_with(props.title.clone(), move |title| {
            name.set(title.to_string())
        });
    }
    let status = use_state_eq(|| None::<String>);
    let file_status = use_state_eq(|| None::<&'static str>);
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
        let (source, name, status, refresh) = (
            props.source.clone(),
            name.clone(),
            status.clone(),
            refresh.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match saved::save(&name, &source) {
                Ok(()) => {
                    status.set(Some(format!("Saved as “{}”.", name.trim())));
                    refresh();
                }
                Err(message) => status.set(Some(message)),
            }
        })
    };
    let on_download = {
        let (source, name, status) = (props.source.clone(), name.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let ok = download(&file_name(&name, "py"), "text/x-python", &source).is_ok();
            status.set(Some(
                if ok {
                    "Downloaded: it runs with python3 as it is."
                } else {
                    "The download did not start; select the code and copy it."
                }
                .into(),
            ));
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
        let open = {
            let (on_open, program) = (props.on_open.clone(), entry.program.clone());
            Callback::from(move |_: MouseEvent| on_open.emit(program.clone()))
        };
        html! {
            <li class="saved__item" key={entry.name.clone()} data-saved={entry.name.clone()}>
                <span class="saved__name">{ label.clone() }</span>
                if entry.from_steps {
                    <span class="saved__note" title="Saved by an earlier Looplab as a scenario of steps">
                        { "(steps, opens as Python)" }
                    </span>
                }
                <button type="button" class="text-button" onclick={open} data-action="open-saved"
                    aria-label={format!("Open {label}")}>{ "Open" }</button>
                <button type="button" class="text-button" onclick={delete} data-action="delete-saved"
                    aria-label={format!("Delete {label}")}>{ "Delete" }</button>
            </li>
        }
    };
    html! {
        <details class="files">
            <summary class="files__summary">{ "Save, open or download the program" }</summary>
            <form class="saved__form" onsubmit={on_save}>
                <input class="field__input" type="text" value={(*name).clone()} oninput={on_name}
                    aria-label="Name to save the program under" placeholder="My program"
                    maxlength={saved::MAX_NAME.to_string()} />
                <button type="submit" class="button" data-action="save">
                    { if exists { "Replace" } else { "Save in this browser" } }
                </button>
            </form>
            <div class="files__buttons">
                <button type="button" class="button" onclick={on_download} data-action="download-py">
                    { "Download .py" }
                </button>
                <label class="button files__open">
                    { "Open a file…" }
                    <input type="file" accept=".py,.json,text/x-python,application/json" class="visually-hidden"
                        onchange={on_file_chosen(props.on_file.clone(), file_status.clone())}
                        aria-label="Open a Python file" />
                </label>
            </div>
            if let Some(text) = (*status).clone().or(file_status.map(String::from)) {
                <p class="saved__status" role="status">{ text }</p>
            }
            if list.is_empty() {
                <p class="saved__none">{ "Nothing saved in this browser yet." }</p>
            } else {
                <ul class="saved__list" aria-label="Saved in this browser">{ for list.iter().map(row) }</ul>
            }
        </details>
    }
}
