//! The `?` list of keyboard shortcuts: a dialog over the page, its Close button focused
//! when it opens; Esc or Close shuts it.

use yew::prelude::*;

use crate::ui::hooks::use_keyboard::Shortcut;
use crate::ui::state::{make_callback, Action, AppContext};

#[function_component(ShortcutsHelp)]
pub fn shortcuts_help() -> Html {
    let ctx = use_context::<AppContext>().expect("ShortcutsHelp is rendered inside the app");
    let close_button = use_node_ref();
    {
        let close_button = close_button.clone();
        use_effect_with(ctx.shortcuts, move |open| {
            if *open {
                if let Some(button) = close_button.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    if !ctx.shortcuts {
        return Html::default();
    }
    let on_close = make_callback(&ctx, |_: MouseEvent| Action::CloseShortcuts);
    html! {
        <div class="shortcuts" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title">
            <div class="shortcuts__box">
                <h2 class="shortcuts__title" id="shortcuts-title">{ "Keyboard shortcuts" }</h2>
                <dl class="shortcuts__list">
                    { for Shortcut::ALL.iter().map(|s| html! {
                        <>
                            <dt><kbd>{ s.key() }</kbd></dt>
                            <dd>{ s.what() }</dd>
                        </>
                    }) }
                </dl>
                <p class="shortcuts__note">
                    { "They work anywhere on the page except while typing in a field." }
                </p>
                <button type="button" class="button" ref={close_button} onclick={on_close}
                    data-action="close-shortcuts">{ "Close" }</button>
            </div>
        </div>
    }
}
