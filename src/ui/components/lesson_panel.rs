//! The Lesson panel: pick one of the course's lessons, read what it is about, follow the
//! narration as the run plays, predict before you run, and what to try next. Its parts
//! live in [`super::lesson`].

use std::rc::Rc;
use yew::prelude::*;

use super::lesson::narration::{use_narration, Narration};
use super::lesson::nav::LessonNav;
use super::lesson::prediction::PredictionView;
use super::panel::Panel;
use crate::lessons::{lesson, lessons, Lesson, LessonRun};
use crate::ui::components::rich_text::RichText;
use crate::ui::hooks::use_route::{leave_lesson, open_lesson};
use crate::ui::layout::PanelKind;
use crate::ui::state::{AppContext, View};
use web_sys::HtmlSelectElement;

/// The open lesson and its runs (both modes), computed once per lesson.
type Opened = Option<(Rc<Lesson>, Option<Rc<LessonRun>>)>;

#[function_component(LessonPanel)]
pub fn lesson_panel() -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let list = use_memo((), |_| {
        lessons()
            .into_iter()
            .map(|l| (l.slug, format!("{}. {}", l.id, l.title)))
            .collect::<Vec<_>>()
    });
    let current = use_memo(ctx.lesson.clone(), |slug| -> Opened {
        let l = slug.as_deref().and_then(lesson)?;
        let run = l.run().ok().map(Rc::new);
        Some((Rc::new(l), run))
    });
    let lines = use_narration(&ctx);
    let on_pick = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let slug = e.target_unchecked_into::<HtmlSelectElement>().value();
            if slug.is_empty() {
                leave_lesson(&ctx);
            } else {
                open_lesson(&ctx, &slug);
            }
        })
    };
    let meta = current
        .as_ref()
        .as_ref()
        .map(|(l, _)| AttrValue::from(format!("{} of {}", l.id, list.len())));
    let body = match current.as_ref() {
        Some((l, run)) => {
            let leave = {
                let ctx = ctx.clone();
                Callback::from(move |_: MouseEvent| leave_lesson(&ctx))
            };
            // A live run in progress keeps its playhead at its end so far: not the end.
            let live_running = ctx.live_running();
            // Every event has happened (a run within one instant too, such as lesson 1's).
            let at_end = !live_running
                && ctx.shown().is_some_and(|r| {
                    !r.trace.events.is_empty() && ctx.events_done() >= r.trace.events.len()
                });
            // The answer is read off a run not on screen (the gathered one, while the
            // run awaited in turn plays): it waits for both to play side by side.
            let elsewhere = l.measured_elsewhere(ctx.view == View::Compare);
            html! {
                <>
                    <h3 class="lesson__title" data-lesson={l.slug}>{ l.title }</h3>
                    <p class="lesson__intro"><RichText text={l.intro} /></p>
                    <PredictionView lesson={l.clone()} run={run.clone()} picked={ctx.prediction} {at_end}
                        {elsewhere} />
                    <Narration lines={lines} playhead={ctx.playhead} />
                    <p class="lesson__try"><strong>{ "Try this: " }</strong><RichText text={l.try_this} /></p>
                    <LessonNav slug={l.slug} />
                    <button type="button" class="text-button lesson__leave edit-only" onclick={leave}>
                        { "Leave the lesson" }
                    </button>
                </>
            }
        }
        None => html! {
            <p class="lesson__intro">{ "Fifteen short lessons walk through asyncio, from the event loop to 1,000 tasks. Pick one, predict, run, and try a change." }</p>
        },
    };
    html! {
        <Panel kind={PanelKind::Lesson} {meta}>
            <div class="lesson">
                <label class="field__label" for="lesson-picker">{ "Lesson" }</label>
                <select id="lesson-picker" class="field__input" onchange={on_pick}>
                    <option value="" selected={current.is_none()}>{ "Free play (no lesson)" }</option>
                    { for list.iter().map(|(slug, title)| html! {
                        <option value={*slug} selected={ctx.lesson.as_deref() == Some(*slug)}>
                            { title.clone() }
                        </option>
                    }) }
                </select>
                { body }
            </div>
        </Panel>
    }
}
