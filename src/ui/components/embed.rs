//! The embed view (`#/embed/…`): one program for a slide or a course page, laid out for
//! an iframe (800 × 450 down to a phone's width). Its code in the editor, editable (a
//! learner can change the program inside the slide and watch the new run; nothing is
//! kept in this browser), its console, and the Timeline panel's controls and chart; no
//! header, side panels or footer. "Open in Looplab ↗" opens the whole app on the same
//! program in a new tab. A link that opens nothing says why, in place of the program.

use std::rc::Rc;
use yew::prelude::*;

use super::editor::Editor;
use super::header::brand_mark;
use super::notice::app_notice;
use super::output::Output;
use super::panel::Panel;
use super::shortcuts_help::ShortcutsHelp;
use super::timeline_panel::TimelinePanel;
use crate::ui::hooks::use_marked_lines::use_marked_lines;
use crate::ui::hooks::use_route::page_address;
use crate::ui::layout::PanelKind;
use crate::ui::share::{encode, Share};
use crate::ui::state::{make_callback, Action, AppContext};

#[derive(Properties, PartialEq)]
pub struct EmbedProps {
    /// Why the embed link opens nothing, shown in place of the program.
    #[prop_or_default]
    pub broken: Option<AttrValue>,
}

/// "Open in Looplab ↗": a new tab, which gets no hold on this page (`noopener`).
fn open_link(href: AttrValue, text: &'static str) -> Html {
    html! {
        <a class="embed__open" {href} target="_blank" rel="noopener">
            { text }
            <span aria-hidden="true">{ "↗" }</span>
            <span class="visually-hidden">{ " (opens in a new tab)" }</span>
        </a>
    }
}

#[function_component(EmbedView)]
pub fn embed_view(props: &EmbedProps) -> Html {
    let ctx = use_context::<AppContext>().expect("the embed is rendered inside the app");
    let marked = use_marked_lines(&ctx);
    // The line a traceback's frame asked for, and a count telling one click from the next.
    let go_to = use_state_eq(|| None::<(usize, u32)>);
    // The whole app on the program as it is now (edits included), from its start: encoded
    // again only when the program, its second version, the lesson or the speed change.
    let full_app = use_memo(
        Share {
            playhead: 0.0,
            events: None,
            ..ctx.share()
        },
        |share| AttrValue::from(format!("{}{}", page_address(), encode(share))),
    );
    let title = match ctx.lesson {
        Some(_) => ctx.title(),
        None => "asyncio, step by step".to_string(),
    };
    let bar = |link: Html| {
        html! {
            <header class="embed__bar">
                { brand_mark() }
                <h1 class="embed__title">
                    <span class="embed__brand">{ "Looplab" }</span>
                    <span class="embed__what">{ title.clone() }</span>
                </h1>
                { link }
            </header>
        }
    };
    if let Some(message) = &props.broken {
        return html! {
            <>
                { bar(open_link(page_address().into(), "Open Looplab")) }
                <main class="embed__broken" id="workspace">
                    <p class="embed__message" role="alert" data-embed-broken="">{ message.clone() }</p>
                </main>
            </>
        };
    }
    let on_line = {
        let go_to = go_to.clone();
        Callback::from(move |line: usize| {
            let count = go_to.map_or(0, |(_, n)| n + 1);
            go_to.set(Some((line, count)));
        })
    };
    html! {
        <>
            { bar(open_link((*full_app).clone(), "Open in Looplab")) }
            { app_notice(&ctx, "embed__notice") }
            <main class="embed__main" id="workspace">
                <Panel kind={PanelKind::Code} meta={AttrValue::from(marked.summary())}>
                    <div class="embed__code">
                        <Editor program={AttrValue::from(ctx.shared_source())}
                            running={marked.running} waiting={Rc::new(marked.waiting)}
                            on_run={make_callback(&ctx, Action::RunProgram)} go_to={*go_to}
                            loop_cost={ctx.loop_cost} />
                        if let Some(program) = ctx.shown_program() {
                            <Output program={program.clone()} done={ctx.events_done()} playing={ctx.playing}
                                on_seek={make_callback(&ctx, Action::StepTo)} {on_line} />
                        }
                    </div>
                </Panel>
                <TimelinePanel embedded=true />
            </main>
            <ShortcutsHelp />
        </>
    }
}
