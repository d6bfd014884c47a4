//! A challenge in the Lesson panel: the goal in words, each goal checked on the run of
//! the program in the editor (a failed one says what was measured and seeks the
//! timeline to the moment it broke), hints one at a time, the solution on request, and
//! the learner's progress kept in this browser (`ui::progress`).

pub mod progress_page;

use yew::prelude::*;

use crate::challenges::{challenges, GoalResult};
use crate::ui::components::code_panel::Lines;
use crate::ui::components::rich_text::RichText;
use crate::ui::highlight::Lang;
use crate::ui::hooks::use_route::open_challenge;
use crate::ui::progress::{challenge_progress, store_challenge};
use crate::ui::state::{make_callback, Action, AppContext, OpenChallenge};

#[derive(Properties, PartialEq)]
pub struct ChallengeViewProps {
    pub open: OpenChallenge,
}

#[function_component(ChallengeView)]
pub fn challenge_view(props: &ChallengeViewProps) -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let open = &props.open;
    let c = open.challenge();
    let verdict = open.verdict().cloned();
    // Solved in this browser before, or now.
    let solved_before = use_state(|| challenge_progress(c.slug).solved);
    {
        // Every program checked is kept as the learner's last, and a pass solves it.
        let (slug, starter, source) = (c.slug, c.starter, ctx.shared_source());
        let solved_before = solved_before.clone();
        use_effect_with(verdict.clone(), move |verdict| {
            if let Some(v) = verdict {
                let mut progress = challenge_progress(slug);
                if progress.checked(&source, starter, v.passed) {
                    store_challenge(slug, &progress);
                }
                solved_before.set(progress.solved);
            }
        });
    }
    let solved = *solved_before || verdict.as_ref().is_some_and(|v| v.passed);
    let status = match &verdict {
        None => html! {
            <p class="challenge__status challenge__status--unread" data-challenge-status="unreadable">
                { "The program does not run yet: fix the line the editor underlines, and its goals are checked again." }
            </p>
        },
        Some(v) if v.passed => html! {
            <p class="challenge__status challenge__status--passed" data-challenge-status="passed">
                { "✓ Solved: every goal is met." }
            </p>
        },
        Some(v) => html! {
            <p class="challenge__status" data-challenge-status="failed">
                { format!("{} of {} goals met. Change the program: each run is checked.",
                    v.goals.iter().filter(|g| g.passed).count(), v.goals.len()) }
            </p>
        },
    };
    let all = challenges();
    let index = all.iter().position(|x| x.slug == c.slug).unwrap_or(0);
    let next = all.get(index + 1);
    let on_next = next.map(|n| {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| open_challenge(&ctx, n.slug))
    });
    html! {
        <div class="challenge" data-challenge={c.slug}>
            <h3 class="lesson__title">
                { c.title }
                if solved {
                    <span class="challenge__badge" data-solved="">{ "✓ solved" }</span>
                }
            </h3>
            <p class="lesson__intro"><RichText text={c.brief} /></p>
            { status }
            if let Some(v) = &verdict {
                <ul class="challenge__goals" aria-label="Goals">
                    { for v.goals.iter().map(|g| goal(&ctx, g)) }
                </ul>
            }
            <section class="challenge__hints" aria-label="Hints">
                if open.hints > 0 {
                    <ol class="challenge__hint-list">
                        { for c.hints.iter().take(open.hints).map(|h| html! {
                            <li><RichText text={*h} /></li>
                        }) }
                    </ol>
                }
                <div class="challenge__buttons">
                    if open.hints < c.hints.len() {
                        <button type="button" class="button" data-action="hint"
                            onclick={make_callback(&ctx, |_: MouseEvent| Action::ShowHint)}>
                            { format!("Show a hint ({} of {})", open.hints + 1, c.hints.len()) }
                        </button>
                    }
                    if !open.solution {
                        <button type="button" class="button" data-action="solution"
                            onclick={make_callback(&ctx, |_: MouseEvent| Action::ShowSolution)}>
                            { "Show the solution" }
                        </button>
                    }
                    <button type="button" class="text-button" data-action="start-over"
                        onclick={make_callback(&ctx, |_: MouseEvent| Action::StartOver)}>
                        { "Start over" }
                    </button>
                </div>
            </section>
            if open.solution {
                <section class="challenge__solution" aria-label="A solution">
                    <p class="challenge__note">
                        { "One way to solve it (raced beside your program in Compare):" }
                    </p>
                    <pre class="code__listing" tabindex="0">
                        <Lines text={AttrValue::from(c.solution)} lang={Lang::Python} />
                    </pre>
                </section>
            }
            if let (Some(n), Some(onclick)) = (next, on_next) {
                <nav class="lesson-nav" aria-label="Challenges">
                    <button type="button" class="lesson-nav__button lesson-nav__button--next"
                        data-nav="next" {onclick}>
                        { format!("Next challenge: {} →", n.title) }
                    </button>
                </nav>
            }
        </div>
    }
}

/// One goal: met or not, what was measured, and for a failed one the moment it broke.
fn goal(ctx: &AppContext, g: &GoalResult) -> Html {
    let seek = g.at.map(|at| {
        // Just after the event that breaks the goal.
        make_callback(ctx, move |_: MouseEvent| Action::StepTo(at.event + 1))
    });
    html! {
        <li class={classes!("challenge__goal", if g.passed { "challenge__goal--met" } else { "challenge__goal--failed" })}
            data-goal-passed={g.passed.to_string()}>
            <span class="challenge__mark" aria-hidden="true">{ if g.passed { "✓" } else { "✗" } }</span>
            <span class="visually-hidden">{ if g.passed { "Met: " } else { "Not met: " } }</span>
            <span class="challenge__goal-text">{ g.goal.clone() }</span>
            <span class="challenge__detail">{ g.detail.clone() }</span>
            if let Some(onclick) = seek {
                <button type="button" class="text-button challenge__seek" {onclick}>
                    { "Show on the timeline" }
                </button>
            }
        </li>
    }
}
