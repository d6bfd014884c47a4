//! The page header: the product's name, mark and one-line pitch, and the display
//! toggles: presenter mode (large type for a projector, editing hidden) and the theme
//! (follow the system, light or dark); and the share link.

use yew::prelude::*;

use crate::ui::hooks::use_route::page_address;
use crate::ui::share::{encode, Share};
use crate::ui::state::{Action, AppContext, Theme};

/// The one line that says what Looplab is for.
pub const PITCH: &str =
    "Watch async code run: every await, suspension and resumption on the event loop's timeline.";

#[function_component(Header)]
pub fn header() -> Html {
    let ctx = use_context::<AppContext>();
    let toggles = ctx.map(|ctx| {
        let presenter = ctx.presenter;
        let toggle_presenter = {
            let ctx = ctx.clone();
            Callback::from(move |_: MouseEvent| ctx.dispatch(Action::TogglePresenter))
        };
        let theme_button = |theme: Theme, text: &'static str| {
            let pressed = ctx.theme == theme;
            let ctx = ctx.clone();
            html! {
                <button type="button"
                    class={classes!("segmented__option", pressed.then_some("segmented__option--on"))}
                    aria-pressed={if pressed { "true" } else { "false" }}
                    data-theme-option={text.to_ascii_lowercase()}
                    onclick={Callback::from(move |_: MouseEvent| ctx.dispatch(Action::SetTheme(theme)))}
                >{ text }</button>
            }
        };
        html! {
            <div class="masthead__toggles">
                <ShareLink />
                <button type="button"
                    class={classes!("toggle", presenter.then_some("toggle--on"))}
                    aria-pressed={if presenter { "true" } else { "false" }}
                    title="Large type and thick lanes for a projector; hides the editing controls"
                    onclick={toggle_presenter}
                >
                    <svg class="toggle__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                        <rect x="2" y="3" width="16" height="10" rx="1.5" />
                        <path d="M10 13v3M6.5 17.5h7" />
                    </svg>
                    { "Presenter" }
                </button>
                <div class="segmented" role="group" aria-label="Colour theme">
                    { theme_button(Theme::Auto, "Auto") }
                    { theme_button(Theme::Light, "Light") }
                    { theme_button(Theme::Dark, "Dark") }
                </div>
            </div>
        }
    });
    html! {
        <header class="masthead">
            <a class="skip-link" href="#workspace">{ "Skip to the workspace" }</a>
            <div class="brand">
                <svg class="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                    <circle cx="16" cy="16" r="11" class="brand__ring" />
                    <path d="M16 5 A11 11 0 0 1 27 16" class="brand__arc" />
                    <circle cx="27" cy="16" r="3" class="brand__dot" />
                </svg>
                <h1 class="brand__name">{ "Looplab" }</h1>
            </div>
            <p class="pitch">{ PITCH }</p>
            { toggles.unwrap_or_default() }
        </header>
    }
}

/// Whether the share link reached the clipboard.
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Pending,
    Yes,
    No,
}

/// "Share link": the program (and its second version), lesson, speed and playhead packed
/// into a URL, copied to
/// the clipboard and shown in a read-only field to copy by hand.
#[function_component(ShareLink)]
fn share_link() -> Html {
    let ctx = use_context::<AppContext>();
    let link = use_state(|| None::<(String, Copied)>);
    let Some(ctx) = ctx else {
        return Html::default();
    };
    let onclick = {
        let link = link.clone();
        Callback::from(move |_: MouseEvent| {
            let url = format!(
                "{}{}",
                page_address(),
                encode(&Share {
                    program: ctx.source().to_string(),
                    rival: ctx.rival.as_ref().map(|r| r.source.to_string()),
                    lesson: ctx.lesson.clone(),
                    speed: ctx.speed,
                    playhead: ctx.clock(),
                    events: ctx.cursor,
                    loop_cost: ctx.loop_cost,
                })
            );
            link.set(Some((url.clone(), Copied::Pending)));
            let link = link.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let copied = crate::ui::clipboard::copy(&url).await;
                link.set(Some((url, if copied { Copied::Yes } else { Copied::No })));
            });
        })
    };
    let close = {
        let link = link.clone();
        Callback::from(move |_: MouseEvent| link.set(None))
    };
    let select_all = Callback::from(|e: FocusEvent| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .select();
    });
    html! {
        <div class="share">
            <button type="button" class="toggle share__button" data-action="share" {onclick}
                title="Copy a link that opens this program, lesson, speed and moment">
                <svg class="toggle__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                    <path d="M8.5 11.5l3-3M7 9.5l-1.8 1.8a2.6 2.6 0 003.7 3.7L10.5 13.5M13 10.5l1.8-1.8a2.6 2.6 0 00-3.7-3.7L9.5 6.5" />
                </svg>
                { "Share link" }
            </button>
            if let Some((url, copied)) = (*link).clone() {
                <div class="share__popover" role="group" aria-label="Share link">
                    <label class="share__label" for="share-link">
                        { match copied {
                            Copied::Pending => "Copying…",
                            Copied::Yes => "Copied to the clipboard. The link:",
                            Copied::No => "Copy this link by hand:",
                        } }
                    </label>
                    <input id="share-link" class="share__field field__input" type="text" readonly=true
                        value={url} onfocus={select_all} />
                    <button type="button" class="notice__dismiss share__close" onclick={close}
                        aria-label="Close the share link">{ "×" }</button>
                </div>
            }
        </div>
    }
}
