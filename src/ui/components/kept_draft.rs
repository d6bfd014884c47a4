//! The offer to bring back the learner's own program: the code editor's last text is
//! kept in this browser (`ui::saved::keep_draft`), so a reload, a lesson or a preset
//! opened over it never loses it. Shown above the code while that text is not what the
//! code panel shows.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct KeptDraftProps {
    /// The kept text.
    pub text: AttrValue,
    /// Put it back in the editor and run it.
    pub on_restore: Callback<String>,
    /// Drop it from the browser.
    pub on_forget: Callback<()>,
}

#[function_component(KeptDraft)]
pub fn kept_draft(props: &KeptDraftProps) -> Html {
    let lines = props.text.lines().count();
    let first = props
        .text
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("async def") || l.starts_with("def"))
        .unwrap_or_else(|| props.text.lines().next().unwrap_or(""))
        .to_string();
    let restore = {
        let (on_restore, text) = (props.on_restore.clone(), props.text.to_string());
        Callback::from(move |_: MouseEvent| on_restore.emit(text.clone()))
    };
    let forget = props.on_forget.reform(|_: MouseEvent| ());
    html! {
        <div class="kept-draft" role="status" data-kept-draft="">
            <p class="kept-draft__text">
                { format!("Your last program ({lines} lines, ") }
                <code>{ first }</code>
                { ") is kept in this browser." }
            </p>
            <button type="button" class="button kept-draft__restore" onclick={restore}>
                { "Restore it" }
            </button>
            <button type="button" class="text-button" onclick={forget}>{ "Forget it" }</button>
        </div>
    }
}
