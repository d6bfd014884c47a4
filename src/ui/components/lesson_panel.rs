//! The Lesson panel: pick one of the course's lessons, read what it is about, and what
//! to try once it has run.

use yew::prelude::*;

use super::panel::Panel;
use crate::lessons::{lesson, lessons};
use crate::ui::layout::PanelKind;
use crate::ui::state::{make_callback, Action, AppContext};
use web_sys::HtmlSelectElement;

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
    let current = use_memo(ctx.lesson.clone(), |slug| slug.as_deref().and_then(lesson));
    let on_pick = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let slug = e.target_unchecked_into::<HtmlSelectElement>().value();
            if slug.is_empty() {
                ctx.dispatch(Action::CloseLesson);
            } else {
                ctx.dispatch(Action::OpenLesson(slug));
            }
        })
    };
    let meta = current
        .as_ref()
        .as_ref()
        .map(|l| AttrValue::from(format!("{} of {}", l.id, list.len())));
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
                if let Some(l) = current.as_ref() {
                    <h3 class="lesson__title">{ l.title }</h3>
                    <p class="lesson__intro">{ l.intro }</p>
                    <p class="lesson__try"><strong>{ "Try this: " }</strong>{ l.try_this }</p>
                    <button type="button" class="text-button" onclick={make_callback(&ctx, |_: MouseEvent| Action::CloseLesson)}>
                        { "Leave the lesson" }
                    </button>
                } else {
                    <p class="lesson__intro">{ "Fifteen short lessons walk through asyncio, from the event loop to 1,000 tasks. Pick one, predict, run, and try a change." }</p>
                }
            </div>
        </Panel>
    }
}
