//! The root component: owns the reducer ([`State`]), provides it to every panel as
//! context ([`AppContext`]), drives playback, follows the URL's fragment, and lays out
//! the header and the panels; or, for an embed link (`#/embed/…`), the program alone
//! ([`EmbedView`]).
//! Each panel is its own component in [`super::components`].

use gloo_render::{request_animation_frame, AnimationFrame};
use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::components::{
    code_panel::CodePanel,
    compare_panel::ComparePanel,
    controls::Controls,
    embed::EmbedView,
    footer::Footer,
    frames_panel::FramesPanel,
    header::{Header, Toggles},
    lesson_panel::LessonPanel,
    loop_panel::LoopPanel,
    notice::app_notice,
    panel_tabs::PanelTabs,
    shortcuts_help::ShortcutsHelp,
    timeline_panel::TimelinePanel,
};
use super::hooks::use_page::{stored_theme, use_page};
use super::hooks::use_playback::use_playback;
use super::hooks::use_route::use_route;
use super::layout::PanelKind;
use super::route::Page;
use super::running::{for_ms, SLICE_MS};
use super::state::{Action, AppContext, PairPending, State, Theme};

/// Runs `f` once the page has painted: after the next animation frame, a task later.
fn after_paint(f: impl FnOnce() + 'static) -> AnimationFrame {
    request_animation_frame(move |_| {
        Timeout::new(0, f).forget();
    })
}

/// Looplab's whole page.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| State {
        theme: stored_theme(),
        ..State::first()
    });
    use_playback(&state);
    let page = use_route(&state);
    use_page(&state);
    // A big program's run goes on a slice at a time, each a task of its own
    // (`SLICE_MS`), so the page draws and answers in between (`ui/running.rs`). A run
    // begun later (the page's first program) waits for the page to paint first.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(state.slices(), move |&slices| {
            let slice = move || dispatcher.dispatch(Action::RunSlice(for_ms(SLICE_MS)));
            let (frame, next) = match slices {
                Some(0) => (Some(after_paint(slice)), None),
                Some(_) => (None, Some(Timeout::new(0, slice))),
                None => (None, None),
            };
            move || drop((frame, next))
        });
    }
    // An opened lesson's second version runs once the lesson has painted and its program
    // has run (`State::pair_pending`).
    {
        let dispatcher = state.dispatcher();
        let pending =
            matches!(state.pair_pending, Some(PairPending::Waiting(_))) && state.program.is_ok();
        use_effect_with(pending, move |&pending| {
            let frame = pending.then(|| after_paint(move || dispatcher.dispatch(Action::RunPair)));
            move || drop(frame)
        });
    }
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
    // The panel a phone shows (`PanelTabs`): the lesson while one is open, else the code,
    // until the learner picks a tab or plays the lesson; opening another lesson shows it
    // again.
    let picked = use_state_eq(|| None::<PanelKind>);
    {
        let picked = picked.clone();
        use_effect_with(state.lesson.clone(), move |_| picked.set(None));
    }
    let shown = picked.unwrap_or(match state.lesson {
        Some(_) => PanelKind::Lesson,
        None => PanelKind::Code,
    });
    // Play pressed while reading the lesson: the run is what to watch now.
    {
        let picked = picked.clone();
        let from_lesson = shown == PanelKind::Lesson;
        use_effect_with(state.playing, move |&playing| {
            if playing && from_lesson {
                picked.set(Some(PanelKind::Timeline));
            }
        });
    }
    let on_show = {
        let picked = picked.clone();
        Callback::from(move |kind| picked.set(Some(kind)))
    };
    let class = classes!("app", state.presenter.then_some("app--presenter"));
    html! {
        <ContextProvider<AppContext> context={state.clone()}>
            <div {class} data-theme={theme}>
                <Header />
                // Playback first after the skip link (Play is the fourth Tab stop), and
                // sticky, so it is at hand whichever panel the learner reads.
                <div class="playbar">
                    <Controls />
                    <Toggles />
                </div>
                // Above the panels, where the learner looks after opening a link or a file.
                { app_notice(&state, "app__notice") }
                <PanelTabs {shown} {on_show} />
                <main class="workspace" id="workspace" data-tab={shown.slug()}>
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
