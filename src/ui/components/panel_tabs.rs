//! On a phone the workspace shows one panel at a time: these tabs choose which
//! (`static/style.css` hides the others below 720 px; wider, the tabs are hidden and
//! every panel shows). Arrow keys, Home and End move between tabs, as the WAI-ARIA tabs
//! pattern asks; only the chosen tab is a Tab stop.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::ui::layout::PanelKind;

#[derive(Properties, PartialEq)]
pub struct PanelTabsProps {
    /// The panel shown.
    pub shown: PanelKind,
    pub on_show: Callback<PanelKind>,
}

/// The tab `key` moves to from tab `at`, if it is a key that moves.
fn moved(key: &str, at: usize) -> Option<usize> {
    let last = PanelKind::ALL.len() - 1;
    match key {
        "ArrowLeft" => Some(if at == 0 { last } else { at - 1 }),
        "ArrowRight" => Some(if at == last { 0 } else { at + 1 }),
        "Home" => Some(0),
        "End" => Some(last),
        _ => None,
    }
}

#[function_component(PanelTabs)]
pub fn panel_tabs(props: &PanelTabsProps) -> Html {
    let tabs = PanelKind::ALL.iter().enumerate().map(|(i, &kind)| {
        let selected = kind == props.shown;
        let onclick = props.on_show.reform(move |_: MouseEvent| kind);
        let onkeydown = {
            let on_show = props.on_show.clone();
            Callback::from(move |e: KeyboardEvent| {
                let Some(to) = moved(&e.key(), i) else {
                    return;
                };
                // Handled here: the page's arrow shortcuts (step back, forward) skip it.
                e.prevent_default();
                let next = PanelKind::ALL[to];
                on_show.emit(next);
                let tab = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(&tab_id(next)));
                if let Some(tab) = tab.and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
                    let _ = tab.focus();
                }
            })
        };
        html! {
            <button type="button" role="tab" class="panel-tabs__tab"
                id={tab_id(kind)}
                aria-selected={selected.to_string()}
                aria-controls={kind.id()}
                tabindex={if selected { "0" } else { "-1" }}
                {onclick} {onkeydown}
            >{ kind.tab() }</button>
        }
    });
    html! {
        <div class="panel-tabs" role="tablist" aria-label="Panel shown">
            { for tabs }
        </div>
    }
}

fn tab_id(kind: PanelKind) -> String {
    format!("tab-{}", kind.slug())
}

#[cfg(test)]
mod tests {
    use super::moved;

    #[test]
    fn arrows_wrap_around_and_home_and_end_jump() {
        assert_eq!(moved("ArrowRight", 0), Some(1));
        assert_eq!(moved("ArrowLeft", 0), Some(5));
        assert_eq!(moved("ArrowRight", 5), Some(0));
        assert_eq!(moved("End", 2), Some(5));
        assert_eq!(moved("Home", 4), Some(0));
        assert_eq!(moved("a", 1), None);
    }
}
