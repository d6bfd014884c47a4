//! The root component: owns the reducer ([`State`]), provides it to every panel as
//! context ([`AppContext`]), drives playback, follows the URL's fragment, and lays out
//! the header and the panels; or, for an embed link (`#/embed/…`), the program alone
//! ([`EmbedView`]).
//! Each panel is its own component in [`super::components`].

use yew::prelude::*;

use super::components::{
    code_panel::CodePanel, compare_panel::ComparePanel, embed::EmbedView, footer::Footer,
    frames_panel::FramesPanel, header::Header, lesson_panel::LessonPanel, loop_panel::LoopPanel,
    notice::app_notice, shortcuts_help::ShortcutsHelp, timeline_panel::TimelinePanel,
};
use super::hooks::use_page::{stored_theme, use_page};
use super::hooks::use_playback::use_playback;
use super::hooks::use_route::use_route;
use super::route::Page;
use super::state::{AppContext, State, Theme};

/// Looplab's whole page.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| State {
        theme: stored_theme(),
        ..State::default()
    });
    use_playback(&state);
    let page = use_route(&state);
    use_page(&state);
    let theme = match state.theme {
        Theme::Auto => None,
        Theme::Light => Some("light"),
        Theme::Dark => Some("dark"),
    };
    if let Page::Embed { broken } = page {
        return html! {
            <ContextProvider<AppContext> context={state.clone()}>
                <div class="app app--embed" data-theme={theme}>
                    <EmbedView broken={broken.map(AttrValue::from)} />
                </div>
            </ContextProvider<AppContext>>
        };
    }
    let class = classes!("app", state.presenter.then_some("app--presenter"));
    html! {
        <ContextProvider<AppContext> context={state.clone()}>
            <div {class} data-theme={theme}>
                <Header />
                // Above the panels, where the learner looks after opening a link or a file.
                { app_notice(&state, "app__notice") }
                <main class="workspace" id="workspace">
                    <LessonPanel />
                    <CodePanel />
                    <TimelinePanel />
                    <LoopPanel />
                    <FramesPanel />
                    <ComparePanel />
                </main>
                <Footer />
                <ShortcutsHelp />
            </div>
        </ContextProvider<AppContext>>
    }
}
