//! A Copy button: puts its text on the clipboard and says beside it whether that
//! worked (a browser may refuse: no permission, no secure context), so the learner
//! knows to copy by hand.

use yew::prelude::*;

use crate::ui::clipboard;

#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    /// What the button copies.
    pub text: AttrValue,
    /// The button's accessible name, e.g. "Copy the link" (it reads "Copy").
    pub label: AttrValue,
    /// What to say when the clipboard refuses, e.g. "Select the code and copy it."
    pub fallback: AttrValue,
}

#[function_component(CopyButton)]
pub fn copy_button(props: &CopyButtonProps) -> Html {
    let note = use_state_eq(|| None::<AttrValue>);
    // A new text has not been copied yet.
    {
        let note = note.clone();
        use_effect_with(props.text.clone(), move |_| note.set(None));
    }
    let onclick = {
        let (text, fallback, note) = (props.text.clone(), props.fallback.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            let (text, fallback, note) = (text.clone(), fallback.clone(), note.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let copied = clipboard::copy(&text).await;
                note.set(Some(if copied { "Copied.".into() } else { fallback }));
            });
        })
    };
    html! {
        <>
            <button type="button" class="text-button copy-button" aria-label={props.label.clone()}
                {onclick}>{ "Copy" }</button>
            <span class="copy-note" aria-live="polite">{ (*note).clone().unwrap_or_default() }</span>
        </>
    }
}
