//! Module-level resources: semaphores (with their permits), locks and queues (with their
//! maxsize), each renamable (with the steps that use it) and removable.

use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::{name_field::NameField, number_field::NumberField};
use crate::sim::{ResourceKind, Scenario};
use crate::ui::edit::{self, Quantity};

#[derive(Properties, PartialEq)]
pub struct ResourceEditorProps {
    pub scenario: Rc<Scenario>,
    pub on_edit: Callback<Scenario>,
}

fn kind_slug(kind: ResourceKind) -> &'static str {
    match kind {
        ResourceKind::Semaphore { .. } => "semaphore",
        ResourceKind::Lock => "lock",
        ResourceKind::Queue { .. } => "queue",
    }
}

fn kind_of(slug: &str) -> ResourceKind {
    match slug {
        "semaphore" => ResourceKind::Semaphore { permits: 2 },
        "queue" => ResourceKind::Queue { maxsize: 0 },
        _ => ResourceKind::Lock,
    }
}

#[function_component(ResourceEditor)]
pub fn resource_editor(props: &ResourceEditorProps) -> Html {
    let scenario = &props.scenario;
    let edit_with = |f: Rc<dyn Fn(&Scenario) -> Scenario>| {
        let (scenario, on_edit) = (scenario.clone(), props.on_edit.clone());
        move || on_edit.emit(f(&scenario))
    };
    let rows = scenario.resources.iter().enumerate().map(|(i, r)| {
        let id = format!("resource-{i}");
        let on_rename = {
            let (scenario, on_edit) = (scenario.clone(), props.on_edit.clone());
            Callback::from(move |name: String| {
                let renamed = edit::rename_resource(&scenario, i, &name)?;
                if renamed != *scenario {
                    on_edit.emit(renamed);
                }
                Ok(())
            })
        };
        let on_kind = {
            let (scenario, on_edit) = (scenario.clone(), props.on_edit.clone());
            Callback::from(move |e: Event| {
                let slug = e.target_unchecked_into::<HtmlSelectElement>().value();
                on_edit.emit(edit::set_resource_kind(&scenario, i, kind_of(&slug)))
            })
        };
        let remove = {
            let go = edit_with(Rc::new(move |s: &Scenario| edit::remove_resource(s, i)));
            Callback::from(move |_: MouseEvent| go())
        };
        let size = match r.kind {
            ResourceKind::Semaphore { permits } => {
                let on_change = {
                    let (scenario, on_edit) = (scenario.clone(), props.on_edit.clone());
                    Callback::from(move |n: u64| {
                        let kind = ResourceKind::Semaphore { permits: n as u32 };
                        on_edit.emit(edit::set_resource_kind(&scenario, i, kind))
                    })
                };
                html! { <NumberField id={AttrValue::from(format!("{id}-permits"))} label="Permits"
                    value={u64::from(permits)}
                    quantity={Quantity::Permits} {on_change} /> }
            }
            ResourceKind::Queue { maxsize } => {
                let on_change = {
                    let (scenario, on_edit) = (scenario.clone(), props.on_edit.clone());
                    Callback::from(move |n: u64| {
                        let kind = ResourceKind::Queue { maxsize: n as u32 };
                        on_edit.emit(edit::set_resource_kind(&scenario, i, kind))
                    })
                };
                html! { <NumberField id={AttrValue::from(format!("{id}-maxsize"))} label="Max size (0: none)"
                    value={u64::from(maxsize)}
                    quantity={Quantity::Maxsize} {on_change} /> }
            }
            ResourceKind::Lock => Html::default(),
        };
        let slug = kind_slug(r.kind);
        html! {
            <li class="resource" key={format!("{i}-{}", r.name)}>
                <div class="resource__row">
                    <NameField id={AttrValue::from(format!("{id}-name"))} label="Name"
                        value={AttrValue::from(r.name.clone())} {on_rename} />
                    <div class="field">
                        <label class="field__label" for={format!("{id}-kind")}>{ "Kind" }</label>
                        <select id={format!("{id}-kind")} class="field__input" onchange={on_kind}>
                            { for ["semaphore", "lock", "queue"].iter().map(|k| html! {
                                <option value={*k} selected={*k == slug}>{ *k }</option>
                            }) }
                        </select>
                    </div>
                    { size }
                    <button type="button" class="icon-button icon-button--danger resource__remove edit-only"
                        onclick={remove} aria-label={format!("Remove resource {}", r.name)} title="Remove">
                        { "×" }
                    </button>
                </div>
            </li>
        }
    });
    let add = |kind: ResourceKind, text: &'static str| {
        let go = edit_with(Rc::new(move |s: &Scenario| edit::add_resource(s, kind)));
        html! {
            <button type="button" class="text-button" onclick={Callback::from(move |_: MouseEvent| go())}>
                { text }
            </button>
        }
    };
    html! {
        <section class="scenario-section resources" aria-labelledby="resources-title">
            <h3 class="scenario-section__title" id="resources-title">{ "Resources" }</h3>
            if scenario.resources.is_empty() {
                <p class="scenario-section__empty">{ "No semaphores, locks or queues." }</p>
            }
            <ul class="resources__list">{ for rows }</ul>
            <div class="resources__add edit-only">
                { add(ResourceKind::Semaphore { permits: 2 }, "+ Semaphore") }
                { add(ResourceKind::Lock, "+ Lock") }
                { add(ResourceKind::Queue { maxsize: 0 }, "+ Queue") }
            </div>
        </section>
    }
}
