//! "Share link", in the header: the program (and its second version), lesson, speed and
//! playhead packed into a URL ([`crate::ui::share`]), copied to the clipboard at once and
//! shown to copy by hand; and the same link's embed form (`#/embed/…`) as an `<iframe>`
//! snippet for a slide or a course page, with a Copy button of its own.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::copy_button::CopyButton;
use crate::ui::hooks::use_route::page_address;
use crate::ui::route::embed_hash;
use crate::ui::share::{encode, iframe_snippet};
use crate::ui::state::AppContext;

/// Whether the share link reached the clipboard when the dialog opened.
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Pending,
    Yes,
    No,
}

/// What the dialog offers: the link and the snippet that embeds it.
#[derive(Clone, PartialEq)]
struct Offer {
    url: AttrValue,
    snippet: AttrValue,
    copied: Copied,
}

/// The link to the state on screen, and its embed snippet, named after the lesson.
fn offer(ctx: &AppContext) -> Offer {
    let base = page_address();
    let fragment = encode(&ctx.share());
    let title = match ctx.lesson {
        Some(_) => ctx.title(),
        None => "a Python asyncio program".to_string(),
    };
    let embed = format!("{base}{}", embed_hash(&fragment));
    Offer {
        url: format!("{base}{fragment}").into(),
        snippet: iframe_snippet(&embed, &title).into(),
        copied: Copied::Pending,
    }
}

#[function_component(ShareLink)]
pub fn share_link() -> Html {
    let ctx = use_context::<AppContext>();
    let shown = use_state(|| None::<Offer>);
    let Some(ctx) = ctx else {
        return Html::default();
    };
    let onclick = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| {
            let offer = offer(&ctx);
            shown.set(Some(offer.clone()));
            let shown = shown.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let copied = crate::ui::clipboard::copy(&offer.url).await;
                let copied = if copied { Copied::Yes } else { Copied::No };
                shown.set(Some(Offer { copied, ..offer }));
            });
        })
    };
    let close = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(None))
    };
    // A field focused is selected whole, ready to copy by hand.
    let select_link = Callback::from(|e: FocusEvent| {
        e.target_unchecked_into::<HtmlInputElement>().select();
    });
    let select_snippet = Callback::from(|e: FocusEvent| {
        e.target_unchecked_into::<HtmlTextAreaElement>().select();
    });
    html! {
        <div class="share">
            <button type="button" class="toggle share__button" data-action="share" {onclick}
                title="Copy a link that opens this program, lesson, speed and moment; or embed it in a page">
                <svg class="toggle__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                    <path d="M8.5 11.5l3-3M7 9.5l-1.8 1.8a2.6 2.6 0 003.7 3.7L10.5 13.5M13 10.5l1.8-1.8a2.6 2.6 0 00-3.7-3.7L9.5 6.5" />
                </svg>
                { "Share link" }
            </button>
            if let Some(Offer { url, snippet, copied }) = (*shown).clone() {
                <div class="share__popover" role="group" aria-label="Share link">
                    <div class="share__head">
                        <label class="share__label" for="share-link">
                            { match copied {
                                Copied::Pending => "Copying…",
                                Copied::Yes => "Copied to the clipboard. The link:",
                                Copied::No => "Copy this link by hand:",
                            } }
                        </label>
                        <button type="button" class="notice__dismiss share__close" onclick={close}
                            aria-label="Close the share link">{ "×" }</button>
                    </div>
                    <div class="share__row">
                        <input id="share-link" class="share__field field__input" type="text" readonly=true
                            value={url.clone()} onfocus={select_link} />
                        <CopyButton text={url} label="Copy the link"
                            fallback="Select the link and copy it." />
                    </div>
                    <label class="share__label" for="share-embed">
                        { "Embed it in a slide or a course page (the program, its timeline and controls):" }
                    </label>
                    <div class="share__row">
                        <textarea id="share-embed" class="share__field share__snippet field__input"
                            readonly=true rows="3" value={snippet.clone()} onfocus={select_snippet} />
                        <CopyButton text={snippet} label="Copy the embed snippet"
                            fallback="Select the snippet and copy it." />
                    </div>
                </div>
            }
        </div>
    }
}
