//! "Add a step": a button that opens a menu of every kind of step, each with one line of
//! help. Escape closes it.

use yew::prelude::*;

use crate::ui::edit::StepKind;

#[derive(Properties, PartialEq)]
pub struct AddStepProps {
    /// Unique per block, for ids.
    pub id: AttrValue,
    /// What the button says, e.g. "Add step" or "Add step inside".
    pub label: AttrValue,
    pub on_add: Callback<StepKind>,
}

#[function_component(AddStep)]
pub fn add_step(props: &AddStepProps) -> Html {
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let onkeydown = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                open.set(false);
            }
        })
    };
    let menu_id = format!("{}-menu", props.id);
    html! {
        <div class="add-step edit-only" {onkeydown}>
            <button
                type="button"
                class="add-step__toggle"
                aria-expanded={if *open { "true" } else { "false" }}
                aria-controls={menu_id.clone()}
                onclick={toggle}
            >
                <span aria-hidden="true">{ "+ " }</span>{ props.label.clone() }
            </button>
            if *open {
                <ul class="add-step__menu" id={menu_id} aria-label="Kinds of step">
                    { for StepKind::ALL.iter().map(|&kind| {
                        let (open, on_add) = (open.clone(), props.on_add.clone());
                        let onclick = Callback::from(move |_: MouseEvent| {
                            open.set(false);
                            on_add.emit(kind);
                        });
                        html! {
                            <li>
                                <button type="button" class="add-step__kind" data-kind={kind.name()} {onclick}>
                                    <code class="add-step__name">{ kind.name() }</code>
                                    <span class="add-step__help">{ kind.help() }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </div>
    }
}
