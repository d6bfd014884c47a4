//! The Code panel: the program, always in its editor, with the running line
//! highlighted as the playhead moves and the lines where other tasks wait marked; its
//! console ([`Output`]) below; a lesson's tokio version in the Rust tab; examples to
//! open, snippets to insert, and the program's files ([`ProgramFiles`]).

use std::collections::BTreeSet;
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

use super::copy_button::CopyButton;
use super::editor::Editor;
use super::kept_draft::KeptDraft;
use super::line_stepper::LineStepper;
use super::output::Output;
use super::panel::Panel;
use super::program_files::ProgramFiles;
use crate::examples::{example, examples};
use crate::ui::highlight::{highlight, Lang};
use crate::ui::hooks::use_marked_lines::{use_marked_lines, MarkedLines};
use crate::ui::layout::PanelKind;
use crate::ui::running::{for_ms, start_program, FIRST_SLICE_MS};
use crate::ui::saved;
use crate::ui::snippets::SNIPPETS;
use crate::ui::state::{make_callback, Action, AppContext};

/// Scrolls `scroller` (never the page) so that its `[data-line=N]` row is in view.
pub fn reveal_line(scroller: &HtmlElement, line: usize) {
    let selector = format!("[data-line=\"{line}\"]");
    if let Ok(Some(row)) = scroller.query_selector(&selector) {
        let row: HtmlElement = wasm_bindgen::JsCast::unchecked_into(row);
        let (top, height) = (row.offset_top(), row.offset_height());
        let (view, view_height) = (scroller.scroll_top(), scroller.client_height());
        if top < view || top + height > view + view_height {
            scroller.set_scroll_top(top - view_height / 3);
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct LinesProps {
    pub text: AttrValue,
    pub lang: Lang,
    #[prop_or_default]
    pub running: Option<usize>,
    #[prop_or_default]
    pub waiting: BTreeSet<usize>,
}

/// The highlighted lines; re-rendered only when the program or the marked lines change
/// (not at every frame of playback).
#[function_component(Lines)]
pub fn lines(props: &LinesProps) -> Html {
    let rows = props.text.lines().enumerate().map(|(i, line)| {
        let n = i + 1;
        let class = classes!(
            "code__line",
            (props.running == Some(n)).then_some("code__line--running"),
            props.waiting.contains(&n).then_some("code__line--waiting")
        );
        html! {
            <span {class} data-line={n.to_string()}>
                <span class="code__no" aria-hidden="true">{ n }</span>
                { for highlight(line, props.lang).into_iter().map(|(token, text)| match token.class() {
                    Some(c) => html! { <span class={c}>{ text.to_string() }</span> },
                    None => html! { { text.to_string() } },
                }) }
                { "\n" }
            </span>
        }
    });
    html! { <code>{ for rows }</code> }
}

#[function_component(CodePanel)]
pub fn code_panel() -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = use_state_eq(|| Lang::Python);
    // The line a traceback's frame asked for, and a count telling one click from the next.
    let go_to = use_state_eq(|| None::<(usize, u32)>);
    // The snippet the Insert menu asked for, and a count telling one pick from the next.
    let insert = use_state_eq(|| None::<(AttrValue, u32)>);
    // The editor's last text and the program it was typed over: shown again when the
    // editor comes back (from the Rust tab) if the program has not changed meanwhile.
    let draft = use_mut_ref(|| None::<(AttrValue, AttrValue)>);
    // The editor's last text kept in this browser, what the editor holds now (since the
    // program last changed), and a count that starts the editor afresh from a restore.
    let kept = use_state(saved::draft);
    let typing = use_state_eq(|| None::<String>);
    let generation = use_state_eq(|| 0u32);
    let source = AttrValue::from(ctx.shared_source());
    {
        let typing = typing.clone();
        use_effect_with(source.clone(), move |_| typing.set(None));
    }
    // The lesson's own program has its tokio version; a program typed over it has none.
    let rust = ctx.lesson_rust().map(AttrValue::from);
    let done = ctx.events_done();
    let program = ctx.shown_program().cloned();
    // Nothing is marked in the Rust version.
    let marked = use_marked_lines(&ctx);
    let marked = match *lang {
        Lang::Python => marked,
        Lang::Rust => MarkedLines::default(),
    };

    let tab = |which: Lang, label: &'static str| {
        let lang = lang.clone();
        let selected = *lang == which;
        html! {
            <button type="button" role="tab" class="code__tab" aria-selected={selected.to_string()}
                onclick={Callback::from(move |_: MouseEvent| lang.set(which))}>
                { label }
            </button>
        }
    };
    let lang_now = *lang;
    let shown_text = match lang_now {
        Lang::Python => Some(source.clone()),
        Lang::Rust => rust.clone(),
    };
    // A program put in the editor from elsewhere starts the editor afresh.
    let fresh = {
        let (draft, over, lang, generation) = (
            draft.clone(),
            source.clone(),
            lang.clone(),
            generation.clone(),
        );
        move |text: &str| {
            *draft.borrow_mut() = Some((over.clone(), AttrValue::from(text.to_string())));
            lang.set(Lang::Python);
            generation.set(*generation + 1);
        }
    };
    // An example replaces the program (the learner's own text stays kept, and is
    // offered back), and leaves the lesson.
    let on_example = {
        let (ctx, fresh) = (ctx.clone(), fresh.clone());
        Callback::from(move |e: Event| {
            let select = e.target_unchecked_into::<web_sys::HtmlSelectElement>();
            if let Some(example) = example(&select.value()) {
                fresh(example.source);
                ctx.dispatch(Action::Open(example.source.to_string()));
            }
            select.set_value("");
        })
    };
    // The kept text back: run as the editor runs it (in the lesson, if one is open);
    // text that does not read is shown with its error.
    let on_restore = {
        let (ctx, fresh) = (ctx.clone(), fresh.clone());
        Callback::from(move |text: String| {
            fresh(&text);
            ctx.dispatch(
                match start_program(&text, ctx.loop_cost, for_ms(FIRST_SLICE_MS)) {
                    Ok(program) => Action::RunProgram(program),
                    Err(_) => Action::Open(text),
                },
            );
        })
    };
    let on_saved = {
        let (ctx, fresh) = (ctx.clone(), fresh.clone());
        Callback::from(move |text: String| {
            fresh(&text);
            ctx.dispatch(Action::Open(text));
        })
    };
    let on_file = {
        let ctx = ctx.clone();
        Callback::from(move |(name, text): (String, String)| {
            fresh(&text);
            ctx.dispatch(Action::OpenFile { name, text });
        })
    };
    let code_view = match (lang_now, &rust) {
        (Lang::Rust, None) => html! {
            <p class="code__none" data-no-rust="">
                { "Each lesson's program has a Rust (tokio) version, written by hand and checked \
                   to print the same lines at the same times. This program has none: open a \
                   lesson to read one." }
            </p>
        },
        (Lang::Rust, Some(text)) => html! {
            <pre class="code__listing" tabindex="0" aria-label="Rust code">
                <Lines text={text.clone()} lang={Lang::Rust} running={None::<usize>}
                    waiting={BTreeSet::new()} />
            </pre>
        },
        (Lang::Python, _) => html! {
            <Editor key={*generation} program={source.clone()} running={marked.running} loop_cost={ctx.loop_cost}
                waiting={Rc::new(marked.waiting.clone())}
                on_run={make_callback(&ctx, Action::RunProgram)}
                go_to={*go_to}
                insert={(*insert).clone()}
                draft={draft.borrow().as_ref()
                    .filter(|(over, text)| *over == source && *text != source)
                    .map(|(_, text)| text.clone())}
                on_draft={{
                    let (draft, over) = (draft.clone(), source.clone());
                    let (kept, typing) = (kept.clone(), typing.clone());
                    Callback::from(move |text: String| {
                        saved::keep_draft(&text);
                        kept.set(Some(text.clone()));
                        typing.set(Some(text.clone()));
                        *draft.borrow_mut() = Some((over.clone(), text.into()));
                    })
                }} />
        },
    };
    let on_insert = {
        let (insert, lang) = (insert.clone(), lang.clone());
        Callback::from(move |e: Event| {
            let select = e.target_unchecked_into::<web_sys::HtmlSelectElement>();
            if let Some(s) = select
                .value()
                .parse::<usize>()
                .ok()
                .and_then(|i| SNIPPETS.get(i))
            {
                lang.set(Lang::Python);
                let count = insert.as_ref().map_or(0, |(_, n)| n + 1);
                insert.set(Some((AttrValue::from(s.code), count)));
            }
            select.set_value("");
        })
    };
    let meta = AttrValue::from(marked.summary());
    html! {
        <Panel kind={PanelKind::Code} {meta}>
            <div class="code">
                <div class="code__bar">
                    <div role="tablist" aria-label="Language" class="code__tabs">
                        { tab(Lang::Python, "Python asyncio") }
                        { tab(Lang::Rust, "Rust (tokio)") }
                    </div>
                    <span class="code__legend">
                        <span class="code__key code__key--running">{ "running" }</span>
                        <span class="code__key code__key--waiting">{ "waiting" }</span>
                    </span>
                    <select class="code__examples field__input" aria-label="Open an example program"
                        onchange={on_example}>
                        <option value="" selected=true>{ "Examples…" }</option>
                        { for examples().iter().map(|e| html! {
                            <option value={e.slug}>{ e.title }</option>
                        }) }
                    </select>
                    <select class="code__insert field__input" aria-label="Insert a snippet below the cursor"
                        onchange={on_insert}>
                        <option value="" selected=true>{ "Insert…" }</option>
                        { for SNIPPETS.iter().enumerate().map(|(i, s)| html! {
                            <option value={i.to_string()}>{ s.label }</option>
                        }) }
                    </select>
                    if let Some(text) = shown_text {
                        <CopyButton {text} label="Copy the code"
                            fallback="Select the code and copy it." />
                    }
                </div>
                if let Some(text) = (*kept).clone().filter(|k| {
                    saved::offers_draft(Some(k), &source, (*typing).as_deref())
                }) {
                    <KeptDraft text={AttrValue::from(text)} on_restore={on_restore}
                        on_forget={{
                            let kept = kept.clone();
                            Callback::from(move |()| {
                                saved::forget_draft();
                                kept.set(None);
                            })
                        }} />
                }
                <div class={classes!("code__body", program.is_some().then_some("code__body--with-output"))}>
                { code_view }
                if lang_now == Lang::Python {
                    <LineStepper />
                }
                if let Some(program) = program {
                    <Output {program} {done} playing={ctx.playing} on_seek={make_callback(&ctx, Action::StepTo)}
                        on_line={{
                            let (lang, go_to) = (lang.clone(), go_to.clone());
                            Callback::from(move |line: usize| {
                                lang.set(Lang::Python);
                                let count = go_to.map_or(0, |(_, n)| n + 1);
                                go_to.set(Some((line, count)));
                            })
                        }} />
                }
                </div>
                <ProgramFiles source={source.clone()}
                    title={AttrValue::from(if ctx.lesson.is_some() { ctx.title() } else { String::new() })}
                    on_open={on_saved} {on_file} />
            </div>
        </Panel>
    }
}
