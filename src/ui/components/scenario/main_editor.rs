//! `main()`: how it starts the coroutines (one after another, or gathered) and which it
//! runs, plus the executor's worker threads.

use yew::prelude::*;

use super::{field_error::FieldError, number_field::NumberField};
use crate::sim::StartMode;
use crate::ui::edit::Quantity;

#[derive(Properties, PartialEq)]
pub struct MainEditorProps {
    pub mode: StartMode,
    /// What `main` runs, in order.
    pub run: Vec<String>,
    /// Every coroutine's name.
    pub coroutines: Vec<String>,
    pub workers: u32,
    /// Validation's complaint about `main` or the scenario as a whole.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    pub on_mode: Callback<StartMode>,
    pub on_toggle: Callback<String>,
    pub on_workers: Callback<u32>,
}

/// `main()`'s body as Python, one line.
fn preview(mode: StartMode, run: &[String]) -> String {
    let calls: Vec<String> = run.iter().map(|r| format!("{r}()")).collect();
    match mode {
        _ if run.is_empty() => "pass".into(),
        StartMode::Sequential => calls
            .iter()
            .map(|c| format!("await {c}"))
            .collect::<Vec<_>>()
            .join("; "),
        StartMode::Concurrent => format!("await asyncio.gather({})", calls.join(", ")),
    }
}

#[function_component(MainEditor)]
pub fn main_editor(props: &MainEditorProps) -> Html {
    let mode_button = |mode: StartMode, text: &str, help: &str| {
        let on_mode = props.on_mode.clone();
        let pressed = props.mode == mode;
        html! {
            <button type="button"
                class={classes!("segmented__option", pressed.then_some("segmented__option--on"))}
                aria-pressed={if pressed { "true" } else { "false" }}
                title={help.to_string()}
                onclick={Callback::from(move |_: MouseEvent| on_mode.emit(mode))}
            >{ text.to_string() }</button>
        }
    };
    let on_workers = {
        let on_workers = props.on_workers.clone();
        Callback::from(move |n: u64| on_workers.emit(n as u32))
    };
    html! {
        <section class="scenario-section main-editor" aria-labelledby="main-editor-title">
            <h3 class="scenario-section__title" id="main-editor-title">
                <code>{ "async def main():" }</code>
            </h3>
            <pre class="main-editor__preview"><code>{ preview(props.mode, &props.run) }</code></pre>
            if let Some(message) = &props.error {
                <FieldError id="main-editor-error" message={message.clone()} />
            }
            <div class="segmented edit-only" role="group" aria-label="How main starts the coroutines">
                { mode_button(StartMode::Sequential, "One after another", "await a(); await b() — sequential") }
                { mode_button(StartMode::Concurrent, "Together (gather)", "await asyncio.gather(a(), b()) — concurrent") }
            </div>
            <fieldset class="main-editor__runs edit-only">
                <legend class="field__label">{ "main() runs" }</legend>
                { for props.coroutines.iter().map(|name| {
                    let checked = props.run.contains(name);
                    let id = format!("main-runs-{name}");
                    let on_toggle = props.on_toggle.clone();
                    let n = name.clone();
                    html! {
                        <div class="field field--check">
                            <input type="checkbox" id={id.clone()} {checked}
                                onchange={Callback::from(move |_: Event| on_toggle.emit(n.clone()))} />
                            <label for={id}><code>{ format!("{name}()") }</code></label>
                        </div>
                    }
                }) }
            </fieldset>
            <div class="edit-only">
                <NumberField id="executor-workers" label="Executor worker threads"
                    value={u64::from(props.workers)}
                    quantity={Quantity::Workers}
                    on_change={on_workers} />
            </div>
        </section>
    }
}
