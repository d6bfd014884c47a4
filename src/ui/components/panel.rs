//! A workspace panel: a labelled `<section>` landmark with a heading, placed in the grid
//! by its [`PanelKind`].

use yew::prelude::*;

use crate::ui::layout::PanelKind;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub kind: PanelKind,
    /// A short note beside the title, such as the current time or a count.
    #[prop_or_default]
    pub meta: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
}

#[function_component(Panel)]
pub fn panel(props: &PanelProps) -> Html {
    let kind = props.kind;
    html! {
        <section
            id={kind.id()}
            class={classes!("panel", format!("panel--{}", kind.slug()))}
            data-panel={kind.slug()}
            aria-label={kind.aria_label()}
        >
            <header class="panel__header">
                <h2 class="panel__title">{ kind.title() }</h2>
                if let Some(meta) = &props.meta {
                    <span class="panel__meta">{ meta.clone() }</span>
                }
            </header>
            <div class="panel__body">{ props.children.clone() }</div>
        </section>
    }
}
