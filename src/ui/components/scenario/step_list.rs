//! A coroutine's steps as an outline of Python lines, nested blocks indented. A click on
//! a line opens its form; each line has move up/down and remove buttons; each block ends
//! with "add a step". The step that validation rejects is marked, with the message at it.

use std::rc::Rc;
use yew::prelude::*;

use super::{
    add_step::AddStep,
    field_error::FieldError,
    step_form::{Names, StepForm},
};
use crate::sim::program::label;
use crate::sim::{Scenario, Step};
use crate::ui::edit::{self, outline, Row, StepKind, StepPath};

#[derive(Properties, PartialEq)]
pub struct StepListProps {
    /// Index of the coroutine.
    pub index: usize,
    pub scenario: Rc<Scenario>,
    pub names: Names,
    /// Validation's complaint about a step of this coroutine: (position, message).
    #[prop_or_default]
    pub error: Option<(usize, AttrValue)>,
    pub on_edit: Callback<Scenario>,
}

#[function_component(StepList)]
pub fn step_list(props: &StepListProps) -> Html {
    let open = use_state(|| None::<StepPath>);
    let rows = outline(&props.scenario, props.index);
    let scenario = &props.scenario;
    let row = |row: Row| -> Html {
        match row {
            Row::Step {
                path,
                depth,
                position,
                last,
            } => {
                let Some(step) = edit::step_at(scenario, &path) else {
                    return Html::default();
                };
                step_row(props, &open, step, path, depth, position, last)
            }
            Row::Except { depth, error } => html! {
                <li class="outline__line outline__except" style={format!("--depth:{depth}")} aria-hidden="true">
                    <code>{ format!("except {}:", error.as_deref().unwrap_or("Exception")) }</code>
                </li>
            },
            Row::End { block, depth } => {
                let on_add = {
                    let (scenario, on_edit, open) =
                        (props.scenario.clone(), props.on_edit.clone(), open.clone());
                    let (block, index) = (block.clone(), props.index);
                    Callback::from(move |kind: StepKind| {
                        let step = kind.default_step(&scenario, index);
                        let next = edit::add_step(&scenario, &block, step);
                        // Open the new step's form.
                        let count = block_len(&next, &block);
                        open.set(count.checked_sub(1).map(|i| block.step(i)));
                        on_edit.emit(next);
                    })
                };
                let label = if depth == 0 {
                    "Add step"
                } else {
                    "Add step here"
                };
                html! {
                    <li class="outline__line outline__end" style={format!("--depth:{depth}")}>
                        <AddStep id={AttrValue::from(format!("add-{}", block.key()))}
                            label={AttrValue::from(label)} {on_add} />
                    </li>
                }
            }
        }
    };
    html! {
        <ol class="outline" aria-label="Steps">
            { for rows.into_iter().map(row) }
        </ol>
    }
}

fn block_len(scenario: &Scenario, block: &edit::BlockPath) -> usize {
    (0..)
        .take_while(|i| edit::step_at(scenario, &block.step(*i)).is_some())
        .count()
}

fn step_row(
    props: &StepListProps,
    open: &UseStateHandle<Option<StepPath>>,
    step: &Step,
    path: StepPath,
    depth: usize,
    position: usize,
    last: bool,
) -> Html {
    let key = path.key();
    let is_open = open.as_ref() == Some(&path);
    let error = props
        .error
        .as_ref()
        .filter(|(p, _)| *p == position)
        .map(|(_, m)| m.clone());
    let error_id = format!("step-{key}-error");
    let form_id = format!("step-{key}-form");
    let toggle = {
        let (open, path) = (open.clone(), path.clone());
        Callback::from(move |_: MouseEvent| {
            open.set((open.as_ref() != Some(&path)).then(|| path.clone()))
        })
    };
    let apply = |f: fn(&Scenario, &StepPath) -> Scenario| {
        let (scenario, on_edit, path, open) = (
            props.scenario.clone(),
            props.on_edit.clone(),
            path.clone(),
            open.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            open.set(None);
            on_edit.emit(f(&scenario, &path))
        })
    };
    let up = apply(|s, p| edit::move_step(s, p, -1));
    let down = apply(|s, p| edit::move_step(s, p, 1));
    let remove = apply(edit::remove_step);
    let on_change = {
        let (scenario, on_edit, path) =
            (props.scenario.clone(), props.on_edit.clone(), path.clone());
        Callback::from(move |step: Step| on_edit.emit(edit::replace_step(&scenario, &path, step)))
    };
    let line = label(step);
    let kind = StepKind::of(step);
    html! {
        <li
            key={key.clone()}
            class={classes!(
                "outline__line", "step",
                is_open.then_some("step--open"),
                error.is_some().then_some("step--invalid"),
            )}
            style={format!("--depth:{depth}")}
            data-position={position.to_string()}
        >
            <div class="step__row">
                <button
                    type="button"
                    class="step__code"
                    aria-expanded={if is_open { "true" } else { "false" }}
                    aria-controls={form_id.clone()}
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={error.is_some().then(|| error_id.clone())}
                    title={format!("{} — {}", kind.name(), kind.help())}
                    onclick={toggle}
                >
                    <span class="visually-hidden">{ format!("Step {position}: ") }</span>
                    <code>{ line }</code>
                </button>
                <span class="step__actions edit-only">
                    <button type="button" class="icon-button" onclick={up}
                        disabled={path.index == 0}
                        aria-label={format!("Move step {position} up")} title="Move up">{ "↑" }</button>
                    <button type="button" class="icon-button" onclick={down}
                        disabled={last}
                        aria-label={format!("Move step {position} down")} title="Move down">{ "↓" }</button>
                    <button type="button" class="icon-button icon-button--danger" onclick={remove}
                        aria-label={format!("Remove step {position}")} title="Remove">{ "×" }</button>
                </span>
            </div>
            if let Some(message) = error {
                <FieldError id={AttrValue::from(error_id)} {message} />
            }
            if is_open {
                <div class="step__form edit-only" id={form_id}>
                    <p class="step__help">{ kind.help() }</p>
                    <StepForm id={AttrValue::from(format!("step-{key}"))} step={step.clone()}
                        names={props.names.clone()} {on_change} />
                </div>
            }
        </li>
    }
}
