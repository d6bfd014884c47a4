//! The page header: the product's name, mark and one-line pitch ([`Header`]); and the
//! display toggles ([`Toggles`]): presenter mode (large type for a projector, editing
//! hidden), the theme (follow the system, light or dark) and the share link
//! ([`ShareLink`]), which sit in the play bar after the playback controls (`app.rs`).

use yew::prelude::*;

use super::share_dialog::ShareLink;
use crate::ui::state::{Action, AppContext, Theme};

/// The one line that says what Looplab is for.
pub const PITCH: &str =
    "Watch async code run: every await, suspension and resumption on the event loop's timeline.";

/// The share link, presenter mode and the theme.
#[function_component(Toggles)]
pub fn toggles() -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
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
        <div class="toggles">
            <ShareLink />
            <button type="button"
                class={classes!("toggle", "toggle--presenter", presenter.then_some("toggle--on"))}
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
}

#[function_component(Header)]
pub fn header() -> Html {
    html! {
        <header class="masthead">
            <a class="skip-link" href="#workspace">{ "Skip to the workspace" }</a>
            <div class="brand">
                { brand_mark() }
                <h1 class="brand__name">{ "Looplab" }</h1>
            </div>
            <p class="pitch">{ PITCH }</p>
        </header>
    }
}

/// Looplab's mark: the loop, the arc it has run, the task on it. Decorative.
pub fn brand_mark() -> Html {
    html! {
        <svg class="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <circle cx="16" cy="16" r="11" class="brand__ring" />
            <path d="M16 5 A11 11 0 0 1 27 16" class="brand__arc" />
            <circle cx="27" cy="16" r="3" class="brand__dot" />
        </svg>
    }
}
