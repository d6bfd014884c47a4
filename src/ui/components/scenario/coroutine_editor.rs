//! One coroutine: `async def name():` with its name editable (renaming every reference),
//! a remove button, the validation message that concerns the whole coroutine, and its
//! steps.

use std::rc::Rc;
use yew::prelude::*;

use super::{
    field_error::FieldError, name_field::NameField, step_form::Names, step_list::StepList,
};
use crate::sim::Scenario;
use crate::ui::edit;

#[derive(Properties, PartialEq)]
pub struct CoroutineEditorProps {
    pub index: usize,
    pub scenario: Rc<Scenario>,
    /// Validation's complaint about this coroutine: the step position if it is about a
    /// step, and the message.
    #[prop_or_default]
    pub error: Option<(Option<usize>, AttrValue)>,
    pub on_edit: Callback<Scenario>,
}

#[function_component(CoroutineEditor)]
pub fn coroutine_editor(props: &CoroutineEditorProps) -> Html {
    let Some(coroutine) = props.scenario.coroutines.get(props.index) else {
        return Html::default();
    };
    let scenario = &props.scenario;
    let names = Names {
        coroutines: scenario.coroutines.iter().map(|c| c.name.clone()).collect(),
        handles: edit::handles(&coroutine.steps),
        locks: scenario
            .resources
            .iter()
            .filter(|r| !matches!(r.kind, crate::sim::ResourceKind::Queue { .. }))
            .map(|r| r.name.clone())
            .collect(),
        queues: scenario
            .resources
            .iter()
            .filter(|r| matches!(r.kind, crate::sim::ResourceKind::Queue { .. }))
            .map(|r| r.name.clone())
            .collect(),
    };
    let on_rename = {
        let (scenario, on_edit, index) = (scenario.clone(), props.on_edit.clone(), props.index);
        Callback::from(move |name: String| {
            let renamed = edit::rename_coroutine(&scenario, index, &name)?;
            if renamed != *scenario {
                on_edit.emit(renamed);
            }
            Ok(())
        })
    };
    let remove = {
        let (scenario, on_edit, index) = (scenario.clone(), props.on_edit.clone(), props.index);
        Callback::from(move |_: MouseEvent| on_edit.emit(edit::remove_coroutine(&scenario, index)))
    };
    let (step_error, own_error) = match &props.error {
        Some((Some(position), message)) => (Some((*position, message.clone())), None),
        Some((None, message)) => (None, Some(message.clone())),
        None => (None, None),
    };
    let id = format!("coroutine-{}", props.index);
    html! {
        <article
            class={classes!("coroutine", props.error.is_some().then_some("coroutine--invalid"))}
            data-coroutine={coroutine.name.clone()}
            aria-label={format!("async def {}()", coroutine.name)}
        >
            <header class="coroutine__header">
                <code class="coroutine__keyword" aria-hidden="true">{ "async def" }</code>
                <NameField id={AttrValue::from(format!("{id}-name"))} label="Coroutine name"
                    hide_label=true value={AttrValue::from(coroutine.name.clone())} {on_rename} />
                <code class="coroutine__keyword" aria-hidden="true">{ "():" }</code>
                <button type="button" class="icon-button icon-button--danger edit-only" onclick={remove}
                    aria-label={format!("Remove coroutine {}", coroutine.name)} title="Remove coroutine">
                    { "×" }
                </button>
            </header>
            if let Some(message) = own_error {
                <FieldError id={AttrValue::from(format!("{id}-error"))} {message} />
            }
            <StepList index={props.index} scenario={scenario.clone()} {names}
                error={step_error} on_edit={props.on_edit.clone()} />
        </article>
    }
}
