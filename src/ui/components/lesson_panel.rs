//! The Lesson panel: pick one of the course's lessons or challenges (or the progress
//! page), read what it is about, follow the narration as the run plays, predict before
//! you run, and what to try next; a challenge's goals and hints
//! ([`super::challenge`]); a teacher's course, item by item. Its parts live in
//! [`super::lesson`] and [`super::challenge`].

use std::rc::Rc;
use yew::prelude::*;

use super::challenge::progress_page::ProgressPage;
use super::challenge::ChallengeView;
use super::lesson::narration::{use_narration, Narration};
use super::lesson::nav::LessonNav;
use super::lesson::prediction::PredictionView;
use super::panel::Panel;
use crate::challenges::challenges;
use crate::lessons::{lesson, lessons, Lesson, LessonRun};
use crate::sim::Comparison;
use crate::ui::components::rich_text::RichText;
use crate::ui::hooks::use_route::{
    leave_lesson, open_challenge, open_course_item, open_lesson, show_progress,
};
use crate::ui::layout::PanelKind;
use crate::ui::progress::finish_lesson;
use crate::ui::route::Item;
use crate::ui::state::{AppContext, Run, View};
use web_sys::HtmlSelectElement;

/// The lesson's runs the prediction's answer is read off, once it is revealed: the runs
/// on screen while they are the lesson's program and its second version (the answer is
/// what the learner watched, the loop's cost counted or not), else run afresh (an
/// edited program on screen). Read only once needed (the memo below): a
/// lesson of 10,000 tasks would otherwise run twice more as it opens.
fn lesson_run(lesson: &Lesson, on_screen: Option<&(Run, Option<Run>)>) -> Option<Rc<LessonRun>> {
    let run = match on_screen {
        Some((program, rival)) => {
            let own = (*program.trace).clone();
            let other = rival.as_ref().map(|r| (*r.trace).clone());
            LessonRun {
                comparison: Comparison {
                    concurrent: other.unwrap_or_else(|| own.clone()),
                    sequential: own,
                },
            }
        }
        None => lesson.run().ok()?,
    };
    Some(Rc::new(run))
}

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
    let current = use_memo(ctx.lesson.clone(), |slug| {
        slug.as_deref().and_then(lesson).map(Rc::new)
    });
    let lines = use_narration(&ctx);
    let on_pick = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            match value.split_once(':') {
                Some(("lesson", slug)) => open_lesson(&ctx, slug),
                Some(("challenge", slug)) => open_challenge(&ctx, slug),
                _ if value == "progress" => show_progress(&ctx),
                _ => leave_lesson(&ctx),
            }
        })
    };
    let meta = match (current.as_ref(), &ctx.challenge) {
        (Some(l), _) => Some(format!("{} of {}", l.id, list.len())),
        (_, Some(c)) => challenges()
            .iter()
            .position(|x| x.slug == c.slug)
            .map(|i| format!("challenge {} of {}", i + 1, challenges().len())),
        _ => None,
    }
    .map(AttrValue::from);
    // Every event has happened (a run within one instant too, such as lesson 1's).
    let at_end = !ctx.live_running()
        && ctx.shown().is_some_and(|r| {
            !r.trace.events.is_empty() && ctx.events_done() >= r.trace.events.len()
        });
    // `Some` once the answer is needed: with the runs on screen, if they are the lesson's.
    let needed = (ctx.prediction.is_some() && at_end).then(|| {
        let program = ctx
            .program
            .as_ref()
            .ok()
            .filter(|_| ctx.shows_lesson_program());
        program.map(|p| (p.run.clone(), ctx.rival.as_ref().map(|r| r.run.clone())))
    });
    let run = {
        let current = current.clone();
        use_memo((ctx.lesson.clone(), needed), move |(_, needed)| {
            lesson_run(current.as_ref().as_ref()?, needed.as_ref()?.as_ref())
        })
    };
    // A lesson played to its end counts on the progress page.
    use_effect_with((ctx.lesson.clone(), at_end), |(slug, at_end)| {
        if let (Some(slug), true) = (slug, at_end) {
            finish_lesson(slug);
        }
    });
    let body = match current.as_ref() {
        Some(l) => {
            let leave = {
                let ctx = ctx.clone();
                Callback::from(move |_: MouseEvent| leave_lesson(&ctx))
            };
            // The answer is read off a run not on screen (the gathered one, while the
            // run awaited in turn plays): it waits for both to play side by side.
            let elsewhere = l.measured_elsewhere(ctx.view == View::Compare);
            html! {
                <>
                    <h3 class="lesson__title" data-lesson={l.slug}>{ l.title }</h3>
                    <p class="lesson__intro"><RichText text={l.intro} /></p>
                    <PredictionView lesson={l.clone()} run={(*run).clone()} picked={ctx.prediction} {at_end}
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
        None => match &ctx.challenge {
            Some(open) => html! { <ChallengeView open={open.clone()} /> },
            None if ctx.overview => html! { <ProgressPage /> },
            None => html! {
                <p class="lesson__intro">{ format!(
                    "{} short lessons walk through asyncio, from the event loop to 1,000 tasks, \
                     testing and monitoring: pick one, predict, run, and try a change. Then {} \
                     challenges check the programs you write.", list.len(), challenges().len()) }</p>
            },
        },
    };
    let selected = |value: &str| match value.split_once(':') {
        Some(("lesson", slug)) => ctx.lesson.as_deref() == Some(slug),
        Some(("challenge", slug)) => ctx.challenge.as_ref().is_some_and(|c| c.slug == slug),
        _ => value == "progress" && ctx.overview,
    };
    html! {
        <Panel kind={PanelKind::Lesson} {meta}>
            <div class="lesson">
                <CourseBar />
                <label class="field__label" for="lesson-picker">{ "Lesson or challenge" }</label>
                <select id="lesson-picker" class="field__input" onchange={on_pick}>
                    <option value="" selected={current.is_none() && ctx.challenge.is_none() && !ctx.overview}>
                        { "Free play (no lesson)" }
                    </option>
                    <optgroup label="Lessons">
                        { for list.iter().map(|(slug, title)| {
                            let value = format!("lesson:{slug}");
                            html! {
                                <option selected={selected(&value)} value={value.clone()}>{ title.clone() }</option>
                            }
                        }) }
                    </optgroup>
                    <optgroup label="Challenges">
                        { for challenges().iter().map(|c| {
                            let value = format!("challenge:{}", c.slug);
                            html! {
                                <option selected={selected(&value)} value={value.clone()}>{ c.title }</option>
                            }
                        }) }
                    </optgroup>
                    <option value="progress" selected={ctx.overview}>{ "Your progress…" }</option>
                </select>
                { body }
            </div>
        </Panel>
    }
}

/// A teacher's course: where the open item is in it, and the way to the one before and
/// after.
#[function_component(CourseBar)]
fn course_bar() -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let Some(items) = ctx.course.clone() else {
        return Html::default();
    };
    let here = match (&ctx.lesson, &ctx.challenge) {
        (Some(slug), _) => Some(Item::Lesson(slug.clone())),
        (_, Some(c)) => Some(Item::Challenge(c.slug.to_string())),
        _ => None,
    };
    let Some(at) = here.and_then(|h| items.iter().position(|i| *i == h)) else {
        return Html::default();
    };
    let go = |to: usize, label: &'static str, rel: &'static str| {
        let (ctx, items) = (ctx.clone(), items.clone());
        html! {
            <button type="button" class={classes!("lesson-nav__button", format!("lesson-nav__button--{rel}"))}
                data-course-nav={rel}
                onclick={Callback::from(move |_: MouseEvent| open_course_item(&ctx, &items, to))}>
                { label }
            </button>
        }
    };
    html! {
        <nav class="course-bar" aria-label="Course" data-course-at={(at + 1).to_string()}>
            <span class="course-bar__where">{ format!("Course: {} of {}", at + 1, items.len()) }</span>
            if at > 0 {
                { go(at - 1, "← Previous", "prev") }
            }
            if at + 1 < items.len() {
                { go(at + 1, "Next →", "next") }
            }
        </nav>
    }
}
