//! The Code panel: the scenario as Python asyncio and as Rust async code (tabs), with
//! the line of the running step highlighted as the playhead moves, and the lines where
//! other tasks wait marked. "Edit" turns the Python tab into the code editor; a
//! scenario that came from the editor shows the learner's own program. A real Python
//! program (run by the interpreter) shows its console ([`Output`]) beside the code; it
//! has no Rust version.

use std::collections::BTreeSet;
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

use super::editor::Editor;
use super::kept_draft::KeptDraft;
use super::output::Output;
use super::panel::Panel;
use crate::code::{parse_python_with_lines, python_code_with_lines, rust_code, PythonOptions};
use crate::examples::{example, examples};
use crate::sim::positions::positions;
use crate::ui::clipboard;
use crate::ui::highlight::{highlight, Lang};
use crate::ui::layout::PanelKind;
use crate::ui::program::{read_program, Reading};
use crate::ui::saved;
use crate::ui::state::{make_callback, Action, AppContext};

/// A program and the 1-based line of each step.
#[derive(PartialEq)]
struct Listing {
    text: AttrValue,
    lines: Vec<usize>,
}

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
struct LinesProps {
    text: AttrValue,
    lang: Lang,
    running: Option<usize>,
    waiting: BTreeSet<usize>,
}

/// The highlighted lines; re-rendered only when the program or the marked lines change
/// (not at every frame of playback).
#[function_component(Lines)]
fn lines(props: &LinesProps) -> Html {
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
    let copied = use_state_eq(|| None::<&'static str>);
    let editing = use_state_eq(|| false);
    // The line a traceback's frame asked for, and a count telling one click from the next.
    let go_to = use_state_eq(|| None::<(usize, u32)>);
    // The editor's last text and the program it was typed over: shown again on the next
    // Edit if the scenario has not changed meanwhile.
    let draft = use_mut_ref(|| None::<(AttrValue, AttrValue)>);
    // The editor's last text kept in this browser, what the editor holds now (since the
    // program last changed), and a count that starts the editor afresh from a restore.
    let kept = use_state(saved::draft);
    let typing = use_state_eq(|| None::<String>);
    let generation = use_state_eq(|| 0u32);
    let listings = use_memo(ctx.scenario.clone(), |s| {
        // The learner's own program, where the scenario came from the editor.
        let own = s.source.as_ref().map(|source| Listing {
            lines: parse_python_with_lines(source)
                .map(|(_, lines)| lines)
                .unwrap_or_default(),
            text: source.clone().into(),
        });
        let py = own.unwrap_or_else(|| {
            let py = python_code_with_lines(s, PythonOptions::default());
            Listing {
                text: py.text.into(),
                lines: py.lines,
            }
        });
        let rs = rust_code(s);
        (
            py,
            Listing {
                text: rs.text.into(),
                lines: rs.lines,
            },
        )
    });
    let listing = match *lang {
        Lang::Python => &listings.0,
        Lang::Rust => &listings.1,
    };
    {
        let typing = typing.clone();
        use_effect_with(listings.0.text.clone(), move |_| typing.set(None));
    }
    let done = ctx.events_done();
    let at = {
        let run = ctx.shown().cloned();
        use_memo((run, done), |(run, done)| {
            run.as_ref()
                .map(|r| positions(&r.trace, *done))
                .unwrap_or_default()
        })
    };
    let program = ctx.shown_program().cloned();
    // A program's steps are its lines; a scenario's come from its listing. A lesson's
    // own program keeps its scenario's Rust version (whose steps are not the program's,
    // so nothing is marked there).
    let lesson_program = ctx.shows_lesson_program();
    let line_of = |step: u32| match (&program, *lang) {
        (Some(p), Lang::Python) => p.line_of(step),
        (Some(_), Lang::Rust) => None,
        _ => listing.lines.get(step as usize).copied(),
    };
    let running = at.running.and_then(line_of);
    let waiting: BTreeSet<usize> = at.waiting.iter().filter_map(|&s| line_of(s)).collect();

    // Keep the running line (else the first waiting one) in view, scrolling the listing
    // only (never the page).
    let scroller = use_node_ref();
    {
        let scroller = scroller.clone();
        let target = running.or_else(|| waiting.first().copied());
        use_effect_with((target, *lang), move |(target, _)| {
            if let (Some(line), Some(el)) = (target, scroller.cast::<HtmlElement>()) {
                reveal_line(&el, *line);
            }
        });
    }

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
    let on_copy = {
        let (text, copied) = (listing.text.to_string(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let (text, copied) = (text.clone(), copied.clone());
            wasm_bindgen_futures::spawn_local(async move {
                copied.set(Some(if clipboard::copy(&text).await {
                    "Copied."
                } else {
                    "Select the code and copy it."
                }));
            });
        })
    };
    let lang_now = *lang;
    let edit_now = *editing && lang_now == Lang::Python;
    // The Rust tab is written from a scenario's steps; a Python program has none (a
    // lesson's program has its lesson's).
    let no_rust = program.is_some() && !lesson_program && lang_now == Lang::Rust;
    let on_edit_toggle = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(!*editing))
    };
    // A program put in the editor (the kept one back, an example) and run as the editor
    // runs it (text that does not read shows there with its error).
    let open_program = {
        let (ctx, draft, over) = (ctx.clone(), draft.clone(), listings.0.text.clone());
        let (editing, lang, generation) = (editing.clone(), lang.clone(), generation.clone());
        Callback::from(move |text: String| {
            *draft.borrow_mut() = Some((over.clone(), AttrValue::from(text.clone())));
            lang.set(Lang::Python);
            editing.set(true);
            generation.set(*generation + 1);
            match read_program(&text) {
                Ok(Reading::Steps(scenario)) => ctx.dispatch(Action::EditCode(scenario)),
                Ok(Reading::Program(program)) => ctx.dispatch(Action::RunProgram(program)),
                Err(_) => {}
            }
        })
    };
    // An example program replaces the one shown (the learner's own text stays kept,
    // and is offered back), opened in the editor.
    let on_example = {
        let open_program = open_program.clone();
        Callback::from(move |e: Event| {
            let select = e.target_unchecked_into::<web_sys::HtmlSelectElement>();
            if let Some(example) = example(&select.value()) {
                open_program.emit(example.source.to_string());
            }
            select.set_value("");
        })
    };
    let meta = AttrValue::from(match running {
        Some(n) => format!("running line {n}"),
        None => "nothing running".to_string(),
    });
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
                    if lang_now == Lang::Python {
                        <button type="button" class="text-button code__edit" aria-pressed={edit_now.to_string()}
                            onclick={on_edit_toggle}>
                            { if edit_now { "Done editing" } else { "Edit" } }
                        </button>
                    }
                    if !no_rust {
                        <button type="button" class="text-button" onclick={on_copy}>{ "Copy" }</button>
                    }
                    if let Some(note) = *copied {
                        <span class="code__note" aria-live="polite">{ note }</span>
                    }
                </div>
                if let Some(text) = (*kept).clone().filter(|k| {
                    saved::offers_draft(Some(k), &listings.0.text, (*typing).as_deref())
                }) {
                    <KeptDraft text={AttrValue::from(text)} on_restore={open_program.clone()}
                        on_forget={{
                            let kept = kept.clone();
                            Callback::from(move |()| {
                                saved::forget_draft();
                                kept.set(None);
                            })
                        }} />
                }
                <div class={classes!("code__body", program.is_some().then_some("code__body--with-output"))}>
                if no_rust {
                    <p class="code__none" data-no-rust="">
                        { "This Python program ran on the interpreter. The Rust version is written \
                           from a step scenario (pick a preset, or edit the Scenario panel), so there \
                           is none for it yet." }
                    </p>
                } else if edit_now {
                    <Editor key={*generation} program={listing.text.clone()} {running}
                        waiting={Rc::new(waiting.clone())}
                        on_run={make_callback(&ctx, Action::EditCode)}
                        on_program={make_callback(&ctx, Action::RunProgram)}
                        go_to={*go_to}
                        draft={draft.borrow().as_ref()
                            .filter(|(over, text)| *over == listing.text && *text != listing.text)
                            .map(|(_, text)| text.clone())}
                        on_draft={{
                            let (draft, over) = (draft.clone(), listing.text.clone());
                            let (kept, typing) = (kept.clone(), typing.clone());
                            Callback::from(move |text: String| {
                                saved::keep_draft(&text);
                                kept.set(Some(text.clone()));
                                typing.set(Some(text.clone()));
                                *draft.borrow_mut() = Some((over.clone(), text.into()));
                            })
                        }} />
                } else {
                    <pre class="code__listing" ref={scroller} tabindex="0"
                        aria-label={if lang_now == Lang::Python { "Python code" } else { "Rust code" }}>
                        <Lines text={listing.text.clone()} lang={lang_now} {running} {waiting} />
                    </pre>
                }
                if let Some(program) = program {
                    <Output {program} {done} on_seek={make_callback(&ctx, Action::StepTo)}
                        on_line={{
                            let (editing, lang, go_to) = (editing.clone(), lang.clone(), go_to.clone());
                            Callback::from(move |line: usize| {
                                lang.set(Lang::Python);
                                editing.set(true);
                                let count = go_to.map_or(0, |(_, n)| n + 1);
                                go_to.set(Some((line, count)));
                            })
                        }} />
                }
                </div>
            </div>
        </Panel>
    }
}
