//! The progress page (`#/progress`, in the Lesson panel): which lessons were played to
//! the end and which challenges solved in this browser, with the attempts made, and a
//! course link a teacher builds by ticking lessons and challenges.

use yew::prelude::*;

use crate::challenges::challenges;
use crate::lessons::lessons;
use crate::ui::clipboard;
use crate::ui::hooks::use_route::{open_challenge, open_lesson, page_address};
use crate::ui::progress::{challenge_progress, lesson_finished};
use crate::ui::route::{course_hash, Item};
use crate::ui::state::AppContext;

#[function_component(ProgressPage)]
pub fn progress_page() -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    // Read once per visit: the page is a look at what is stored.
    let lessons = use_memo((), |_| {
        lessons()
            .into_iter()
            .map(|l| {
                (
                    l.slug,
                    format!("{}. {}", l.id, l.title),
                    lesson_finished(l.slug),
                )
            })
            .collect::<Vec<_>>()
    });
    let challenges = use_memo((), |_| {
        challenges()
            .iter()
            .map(|c| (c.slug, c.title, challenge_progress(c.slug)))
            .collect::<Vec<_>>()
    });
    let picked = use_state(Vec::<Item>::new);
    let copied = use_state(|| None::<&'static str>);
    let played = lessons.iter().filter(|l| l.2).count();
    let solved = challenges.iter().filter(|c| c.2.solved).count();
    let toggle = |item: Item| {
        let picked = picked.clone();
        Callback::from(move |_: Event| {
            let mut now = (*picked).clone();
            match now.iter().position(|i| *i == item) {
                Some(i) => {
                    now.remove(i);
                }
                None => now.push(item.clone()),
            }
            picked.set(now);
        })
    };
    // The course in the order of the lists (lessons, then challenges).
    let order = |item: &Item| {
        let lesson_at = lessons
            .iter()
            .position(|l| Item::Lesson(l.0.into()) == *item);
        let challenge_at = challenges
            .iter()
            .position(|c| Item::Challenge(c.0.into()) == *item);
        lesson_at.or(challenge_at.map(|i| i + lessons.len()))
    };
    let mut course = (*picked).clone();
    crate::sort::sort_by_key(&mut course, |i| order(i));
    let link =
        (!course.is_empty()).then(|| format!("{}{}", page_address(), course_hash(&course, 0)));
    let on_copy = link.clone().map(|link| {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let (link, copied) = (link.clone(), copied.clone());
            wasm_bindgen_futures::spawn_local(async move {
                copied.set(Some(if clipboard::copy(&link).await {
                    "Copied."
                } else {
                    "Select the link and copy it."
                }));
            });
        })
    });
    let tick = |item: Item, label: String| {
        let checked = picked.contains(&item);
        html! {
            <label class="progress__pick">
                <input type="checkbox" {checked} onchange={toggle(item)} />
                <span class="visually-hidden">{ format!("Add {label} to the course") }</span>
            </label>
        }
    };
    html! {
        <div class="progress" data-progress="">
            <h3 class="lesson__title">{ "Your progress" }</h3>
            <p class="lesson__intro">
                { "Kept in this browser only. Tick lessons and challenges to make a course link for a class." }
            </p>
            <h4 class="progress__head">{ format!("Lessons: {played} of {} played to the end", lessons.len()) }</h4>
            <ul class="progress__list">
                { for lessons.iter().map(|(slug, title, done)| {
                    let ctx = ctx.clone();
                    let slug = *slug;
                    html! {
                        <li class="progress__row" data-lesson={slug}>
                            { tick(Item::Lesson(slug.into()), title.clone()) }
                            <span class="progress__mark" aria-hidden="true">{ if *done { "✓" } else { "○" } }</span>
                            <button type="button" class="text-button progress__open"
                                onclick={Callback::from(move |_: MouseEvent| open_lesson(&ctx, slug))}>
                                { title.clone() }
                            </button>
                            <span class="progress__note">{ if *done { "played" } else { "" } }</span>
                        </li>
                    }
                }) }
            </ul>
            <h4 class="progress__head">{ format!("Challenges: {solved} of {} solved", challenges.len()) }</h4>
            <ul class="progress__list">
                { for challenges.iter().map(|(slug, title, p)| {
                    let ctx = ctx.clone();
                    let slug = *slug;
                    let note = match (p.solved, p.attempts) {
                        (true, n) => format!("solved · {n} {}", if n == 1 { "attempt" } else { "attempts" }),
                        (false, 0) => "not tried yet".to_string(),
                        (false, n) => format!("{n} {}", if n == 1 { "attempt" } else { "attempts" }),
                    };
                    html! {
                        <li class="progress__row" data-challenge={slug} data-solved={p.solved.to_string()}>
                            { tick(Item::Challenge(slug.into()), title.to_string()) }
                            <span class="progress__mark" aria-hidden="true">{ if p.solved { "✓" } else { "○" } }</span>
                            <button type="button" class="text-button progress__open"
                                onclick={Callback::from(move |_: MouseEvent| open_challenge(&ctx, slug))}>
                                { *title }
                            </button>
                            <span class="progress__note">{ note }</span>
                        </li>
                    }
                }) }
            </ul>
            <h4 class="progress__head">{ "A course link" }</h4>
            if let (Some(link), Some(onclick)) = (link, on_copy) {
                <p class="progress__link">
                    <input class="field__input" type="text" readonly=true value={link}
                        aria-label="The course link" data-course-link="" />
                    <button type="button" class="button" {onclick}>{ "Copy the course link" }</button>
                    if let Some(note) = *copied {
                        <span class="code__note" aria-live="polite">{ note }</span>
                    }
                </p>
            } else {
                <p class="challenge__note">{ "Tick the lessons and challenges the course should open, in this order." }</p>
            }
        </div>
    }
}
