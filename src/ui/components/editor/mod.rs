//! The code editor: the learner writes asyncio-style Python and watches it run.
//!
//! A `<textarea>` with transparent text lies over [`Highlighted`], the same text
//! highlighted (the classic overlay: same font, same metrics; both sit in one scrolling
//! box and the textarea never scrolls itself, so they cannot drift apart). Tab and
//! Shift+Tab indent (Esc then Tab leaves the field), Ctrl+Enter or Cmd+Enter runs now,
//! and any other edit runs after a pause of [`DEBOUNCE_MS`]. The interpreter runs the
//! text and its run goes up through `on_run` ([`crate::ui::running::start_program`]);
//! text that does not read leaves the last good run on screen and shows the error in
//! words, underlined. The text logic is in [`crate::ui::editing_text`].

mod highlighted;

use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::code_panel::reveal_line;
use crate::ui::components::rich_text::RichText;

use crate::ui::editing_text::{
    indent, insert_below, is_run_key, line_span, outdent, replacement, underline, Edited,
    DEBOUNCE_MS,
};
use crate::ui::program::syntax_error_of;
use crate::ui::running::{for_ms, start_program, Started, FIRST_SLICE_MS};
use highlighted::Highlighted;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The program on screen. When it changes from elsewhere (an example, a lesson, a
    /// link) the text follows.
    pub program: AttrValue,
    /// The lines of the running and the waiting steps.
    pub running: Option<usize>,
    pub waiting: Rc<BTreeSet<usize>>,
    /// The text, run by the interpreter.
    pub on_run: Callback<Started>,
    /// Runs count the loop's own cost (the state's setting). No default: an editor that
    /// forgot it would run the program otherwise than the run on screen was.
    pub loop_cost: bool,
    /// Text typed earlier in this editor that had not run (it did not parse): the
    /// editor starts from it instead of `program`, so leaving the editor loses nothing.
    #[prop_or_default]
    pub draft: Option<AttrValue>,
    /// Every edit's text, for the caller to keep as the draft.
    #[prop_or_default]
    pub on_draft: Callback<String>,
    /// Put the caret on this 1-based line, focused and in view (a traceback's frame was
    /// clicked); the second number tells one click from the next on the same line.
    #[prop_or_default]
    pub go_to: Option<(usize, u32)>,
    /// Insert this snippet below the caret (the Insert menu); the number tells one
    /// insertion from the next of the same snippet.
    #[prop_or_default]
    pub insert: Option<(AttrValue, u32)>,
    /// The text field's accessible name.
    #[prop_or(AttrValue::from("Python program (Ctrl+Enter runs)"))]
    pub label: AttrValue,
    /// Unique in the page (the Compare panel has a second editor): ids derive from it.
    #[prop_or(AttrValue::from("editor"))]
    pub id: AttrValue,
}

/// Applies `edited` to the focused textarea as typing would (`execCommand`, which keeps
/// the browser's undo history and fires `input`); `false` if the browser would not.
fn type_edit(el: &HtmlTextAreaElement, edited: &Edited) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let focused = document.active_element().is_some_and(|a| a == ***el);
    let Ok(exec) = js_sys::Reflect::get(&document, &"execCommand".into()) else {
        return false;
    };
    let Some(exec) = exec.dyn_ref::<js_sys::Function>().filter(|_| focused) else {
        return false;
    };
    let change = replacement(&el.value(), &edited.text);
    if el.set_selection_range(change.start, change.end).is_err() {
        return false;
    }
    let done = if change.text.is_empty() {
        exec.call1(&document, &"delete".into())
    } else {
        exec.call3(
            &document,
            &"insertText".into(),
            &JsValue::FALSE,
            &change.text.as_str().into(),
        )
    };
    done.is_ok_and(|ok| ok.is_truthy()) && el.value() == edited.text
}

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let text = use_state(|| props.draft.as_ref().unwrap_or(&props.program).to_string());
    let error = use_state(|| syntax_error_of(props.draft.as_ref().unwrap_or(&props.program)));
    // The last program this editor ran, to tell its own scenario from one set elsewhere.
    // Starting from a draft counts as having run `program`, so the draft is kept.
    let sent = use_mut_ref(|| props.draft.as_ref().map(|_| props.program.to_string()));
    let timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    // Esc then Tab moves focus on instead of indenting.
    // Reached with the keyboard, Tab moves on as it does everywhere else until the
    // learner types (a keyboard user is never trapped); clicked into, Tab indents.
    let escaped = use_mut_ref(|| false);
    let pointed = use_mut_ref(|| false);
    let onpointerdown = {
        let pointed = pointed.clone();
        Callback::from(move |_: PointerEvent| *pointed.borrow_mut() = true)
    };
    let onfocus = {
        let (escaped, pointed) = (escaped.clone(), pointed.clone());
        Callback::from(move |_: FocusEvent| {
            *escaped.borrow_mut() = !std::mem::take(&mut *pointed.borrow_mut());
        })
    };
    let area = use_node_ref();
    let scroller = use_node_ref();

    {
        let (text, error, sent, timer) = (text.clone(), error.clone(), sent.clone(), timer.clone());
        use_effect_with(props.program.clone(), move |program| {
            if sent.borrow().as_deref() != Some(program.as_str()) {
                timer.borrow_mut().take();
                text.set(program.to_string());
                error.set(syntax_error_of(program));
            }
        });
    }

    // Keep the running line in view while the learner is not typing.
    {
        let (scroller, area) = (scroller.clone(), area.clone());
        use_effect_with(props.running, move |running| {
            let focused = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .zip(area.cast::<web_sys::Element>())
                .is_some_and(|(a, b)| a == b);
            if let (Some(line), Some(el), false) =
                (running, scroller.cast::<HtmlElement>(), focused)
            {
                reveal_line(&el, *line);
            }
        });
    }

    // A traceback's line: select it, so the caret is there and the line stands out.
    {
        let (scroller, area, text) = (scroller.clone(), area.clone(), text.clone());
        use_effect_with(props.go_to, move |go_to| {
            if let (Some((line, _)), Some(el), Some(box_)) = (
                go_to,
                area.cast::<HtmlTextAreaElement>(),
                scroller.cast::<HtmlElement>(),
            ) {
                let (start, end) = line_span(&text, *line);
                let _ = el.focus();
                let _ = el.set_selection_range(start, end);
                reveal_line(&box_, *line);
            }
        });
    }

    let run_now = {
        let (error, sent, timer, on_run, loop_cost) = (
            error.clone(),
            sent.clone(),
            timer.clone(),
            props.on_run.clone(),
            props.loop_cost,
        );
        Rc::new(move |source: String| {
            timer.borrow_mut().take();
            match start_program(&source, loop_cost, for_ms(FIRST_SLICE_MS)) {
                Ok(program) => {
                    *sent.borrow_mut() = Some(source);
                    error.set(None);
                    on_run.emit(program);
                }
                Err(e) => error.set(Some(e)),
            }
        })
    };
    let schedule = {
        let (timer, run_now, on_draft) = (timer.clone(), run_now.clone(), props.on_draft.clone());
        Rc::new(move |source: String| {
            on_draft.emit(source.clone());
            let run_now = run_now.clone();
            *timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || run_now(source)));
        })
    };

    // A snippet: typed in below the caret (so the browser can undo it), selected, and run
    // after the usual pause.
    {
        let (area, text, schedule) = (area.clone(), text.clone(), schedule.clone());
        use_effect_with(props.insert.clone(), move |insert| {
            if let (Some((snippet, _)), Some(el)) = (insert, area.cast::<HtmlTextAreaElement>()) {
                let caret = el.selection_end().ok().flatten().unwrap_or(0);
                let edited = insert_below(&el.value(), caret, snippet);
                let _ = el.focus();
                if !type_edit(&el, &edited) {
                    el.set_value(&edited.text);
                    text.set(edited.text.clone());
                    schedule(edited.text.clone());
                }
                let _ = el.set_selection_range(edited.start, edited.end);
            }
        });
    }

    let oninput = {
        let (text, schedule) = (text.clone(), schedule.clone());
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            text.set(value.clone());
            schedule(value);
        })
    };
    let onkeydown = {
        let (text, escaped) = (text.clone(), escaped.clone());
        Callback::from(move |e: KeyboardEvent| {
            let el = e.target_unchecked_into::<HtmlTextAreaElement>();
            let key = e.key();
            let was_escaped = *escaped.borrow();
            // Passing through (Tab, Shift) keeps it so; typing ends it; Esc starts it.
            let passing = matches!(key.as_str(), "Tab" | "Shift");
            *escaped.borrow_mut() = key == "Escape" || (passing && was_escaped);
            if is_run_key(&key, e.ctrl_key(), e.meta_key()) {
                e.prevent_default();
                run_now(el.value());
                return;
            }
            if key != "Tab" || e.ctrl_key() || e.meta_key() || e.alt_key() || was_escaped {
                return;
            }
            e.prevent_default();
            let start = el.selection_start().ok().flatten().unwrap_or(0);
            let end = el.selection_end().ok().flatten().unwrap_or(start);
            let value = el.value();
            let edited = if e.shift_key() {
                outdent(&value, start, end)
            } else {
                indent(&value, start, end)
            };
            // Typed in, the `input` event updates the text; else set it directly.
            if edited.text != value && !type_edit(&el, &edited) {
                el.set_value(&edited.text);
                text.set(edited.text.clone());
                schedule(edited.text.clone());
            }
            let _ = el.set_selection_range(edited.start, edited.end);
        })
    };
    // The textarea is as large as its text, so it must never scroll on its own.
    let onscroll = Callback::from(|e: Event| {
        let el = e.target_unchecked_into::<HtmlElement>();
        el.set_scroll_top(0);
        el.set_scroll_left(0);
    });

    let marked = error.as_ref().map(|e| underline(&text, e));
    let status_id = AttrValue::from(format!("{}-status", props.id));
    html! {
        <div class="editor">
            <div class="editor__scroll" ref={scroller}>
                <div class="editor__body">
                    <Highlighted text={AttrValue::from((*text).clone())} running={props.running}
                        waiting={props.waiting.clone()} underline={marked} />
                    <textarea class="editor__input" ref={area} value={(*text).clone()}
                        {oninput} {onkeydown} {onscroll} {onfocus} {onpointerdown}
                        spellcheck="false" autocomplete="off" autocapitalize="off" wrap="off"
                        aria-label={props.label.clone()}
                        aria-invalid={error.is_some().to_string()}
                        aria-describedby={status_id.clone()} />
                </div>
            </div>
            <p class="editor__status" id={status_id} aria-live="polite">
                if let Some(e) = &*error {
                    <span class="editor__error" data-editor-error="">
                        <RichText text={AttrValue::from(e.to_string())} />
                    </span>
                    <span class="editor__kept">{
                        if *text == *props.program {
                            " · nothing runs until it reads"
                        } else {
                            " · the last program that ran is still shown"
                        }
                    }</span>
                } else {
                    <span class="editor__hint">
                        { "Edits run after a pause · Ctrl+Enter runs now · Tab indents once you type (Esc, then Tab, leaves)" }
                    </span>
                }
            </p>
        </div>
    }
}
