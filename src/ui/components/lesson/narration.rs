//! The lesson's narration so far: every line whose moment the playhead has passed in the
//! shown run, the newest highlighted; a click on a line seeks to its moment.

use std::rc::Rc;
use yew::prelude::*;

use crate::lessons::{lesson, narration_times};
use crate::ui::components::rich_text::RichText;
use crate::ui::state::{Action, AppContext};

/// The open lesson's narration resolved against the shown run, in time order.
pub type Lines = Rc<Vec<(f64, AttrValue)>>;

/// The narration's positions in the shown run on the axis in use (so that on the tick
/// axis what happens in one instant is told in order), computed again only when the
/// lesson or the run changes (not on every frame).
#[hook]
pub fn use_narration(ctx: &AppContext) -> Lines {
    // The narration tells the lesson's run: its scenario's, or its own program's, not
    // a program typed over it.
    let shown = ctx
        .on_axis()
        .cloned()
        .filter(|_| ctx.shown_program().is_none() || ctx.shows_lesson_program());
    use_memo((ctx.lesson.clone(), shown), |(slug, run)| {
        let (Some(l), Some(run)) = (slug.as_deref().and_then(lesson), run) else {
            return Vec::new();
        };
        narration_times(&l, &run.trace)
            .into_iter()
            .map(|(t, text)| (t, AttrValue::from(text.to_string())))
            .collect()
    })
}

/// How many of `lines` the playhead at `t` has reached.
pub fn reached(lines: &[(f64, AttrValue)], t: f64) -> usize {
    lines.iter().take_while(|(at, _)| *at <= t).count()
}

#[derive(Properties, PartialEq)]
pub struct NarrationProps {
    pub lines: Lines,
    pub playhead: f64,
}

#[function_component(Narration)]
pub fn narration(props: &NarrationProps) -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let shown = reached(&props.lines, props.playhead);
    if props.lines.is_empty() {
        return Html::default();
    }
    html! {
        <section class="lesson__narration" aria-label="What is happening">
            <h4 class="lesson__label">{ "As it runs" }</h4>
            if shown == 0 {
                <p class="lesson__hint">{ "Press play: the story of the run appears here as it happens." }</p>
            }
            <ol class="narration" aria-live="polite">
                { for props.lines.iter().take(shown).enumerate().map(|(i, (t, text))| {
                    let newest = i + 1 == shown;
                    let (ctx, t) = (ctx.clone(), *t);
                    let when = ctx.axis_now().exact(t);
                    html! {
                        <li class={classes!("narration__line", newest.then_some("narration__line--now"))}
                            aria-current={newest.then_some("step")}>
                            <button type="button" class="narration__seek" data-t={t.to_string()}
                                title="Move the playhead here"
                                onclick={Callback::from(move |_: MouseEvent| ctx.dispatch(Action::Seek(t)))}>
                                <span class="narration__time">{ when }</span>
                                <span class="narration__text"><RichText text={text.clone()} /></span>
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_reached_once_the_playhead_is_at_its_moment() {
        let lines = vec![
            (0.0, AttrValue::from("a")),
            (1000.0, AttrValue::from("b")),
            (1000.0, AttrValue::from("c")),
        ];
        assert_eq!(reached(&lines, 0.0), 1);
        assert_eq!(reached(&lines, 999.0), 1);
        assert_eq!(reached(&lines, 1000.0), 3);
    }
}
