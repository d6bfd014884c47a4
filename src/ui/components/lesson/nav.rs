//! To the previous and the next lesson of the course.

use yew::prelude::*;

use crate::lessons::lessons;
use crate::ui::hooks::use_route::open_lesson;
use crate::ui::state::AppContext;

/// A lesson to go to: its slug and `3. Its title`.
pub type Neighbour = Option<(&'static str, String)>;

/// The lessons before and after `slug` in the course.
pub fn neighbours(slug: &str) -> (Neighbour, Neighbour) {
    let all = lessons();
    let Some(i) = all.iter().position(|l| l.slug == slug) else {
        return (None, None);
    };
    let entry = |j: usize| {
        all.get(j)
            .map(|l| (l.slug, format!("{}. {}", l.id, l.title)))
    };
    (i.checked_sub(1).and_then(entry), entry(i + 1))
}

#[derive(Properties, PartialEq)]
pub struct LessonNavProps {
    pub slug: AttrValue,
}

#[function_component(LessonNav)]
pub fn lesson_nav(props: &LessonNavProps) -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let (previous, next) = neighbours(&props.slug);
    let button = |to: Neighbour, rel: &'static str, arrow: &str| {
        let Some((slug, title)) = to else {
            return html! { <span class="lesson-nav__gap" /> };
        };
        let ctx = ctx.clone();
        let onclick = Callback::from(move |_: MouseEvent| open_lesson(&ctx, slug));
        let label = if rel == "prev" {
            format!("{arrow} {title}")
        } else {
            format!("{title} {arrow}")
        };
        html! {
            <button type="button" class={classes!("lesson-nav__button", format!("lesson-nav__button--{rel}"))}
                data-lesson={slug} data-nav={rel} {onclick}
                title={format!("{}: {title}", if rel == "prev" { "Previous lesson" } else { "Next lesson" })}>
                { label }
            </button>
        }
    };
    html! {
        <nav class="lesson-nav" aria-label="Lessons">
            { button(previous, "prev", "←") }
            { button(next, "next", "→") }
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::neighbours;
    use crate::lessons::lessons;

    #[test]
    fn the_course_has_ends_and_a_middle() {
        let (prev, next) = neighbours("gather");
        assert_eq!(prev.map(|p| p.0), Some("coroutines"));
        assert_eq!(next.map(|n| n.0), Some("create-task"));
        assert_eq!(neighbours("event-loop").0, None);
        let last = lessons().last().unwrap().slug;
        assert_eq!(neighbours(last).1, None);
        assert!(neighbours(last).0.is_some());
        assert_eq!(neighbours("nope"), (None, None));
    }
}
