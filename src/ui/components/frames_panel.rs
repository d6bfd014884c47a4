//! The Frames and variables panel: Python Tutor for async code. At the playhead, the
//! module's variables and each task's frames (its coroutine, then each coroutine it
//! awaits), their local variables, the line each frame is at and what the task waits
//! for; a finished task's result or exception. Lists and dicts are drawn as boxes, and
//! what changed since the previous view is highlighted.
//!
//! It reads [`crate::py::inspect::inspect_at`], which runs the program again up to the
//! playhead (a slice at a time on a big program: `hooks/use_inspection.rs`), so it
//! follows the playhead while paused or stepping, not while playing.
//! Stepping by line ([`LineStepper`]), the state is [`inspect_at_line`]'s, the running task's frames and the code outside
//! any task included.

use yew::prelude::*;

use super::line_stepper::LineStepper;
use super::panel::Panel;
use crate::py::inspect::{FrameView, Inspection, TaskStatus, TaskView, ValueView, Var};
use crate::ui::hooks::use_inspection::{use_inspection, Read, Reading};
use crate::ui::layout::PanelKind;
use crate::ui::state::AppContext;

/// How many tasks are drawn; a fan-out of thousands says how many more there are.
const MAX_TASKS: usize = 40;

#[function_component(FramesPanel)]
pub fn frames_panel() -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let program = ctx.shown_program().cloned();
    let live = ctx.live.is_some();
    let total = program.as_ref().map_or(0, |p| p.run.trace.events.len());
    let done = ctx.events_done();
    let read = match ctx.line {
        Some(k) => Read::Line(k),
        None => Read::Events((done < total).then_some(done)),
    };
    // `None` while playing (or with no program): the view waits for a pause.
    let at = program
        .as_ref()
        .filter(|_| !ctx.playing && !live)
        .map(|p| (p.source.clone(), p.options(), read));
    let reading = use_inspection(at);
    let state = match &reading {
        Reading::Done(state) => state.as_ref(),
        _ => None,
    };
    // The state is read at the end of the loop callback the playhead's event is in.
    let meta = state.map(|s| {
        AttrValue::from(match s.at {
            Some(at) => format!("just before line {} runs", at.line),
            _ if s.events > done => format!("end of this step (event {})", s.events),
            _ => format!("at event {}", s.events),
        })
    });
    let body = match (&program, live, ctx.playing, state) {
        (None, ..) if ctx.running() => {
            empty("Each task's frames and variables show here once the program has run.")
        }
        (None, ..) => empty(
            "Frames and variables show for a Python program: write one in the Code panel \
             (or paste one).",
        ),
        (Some(_), true, ..) => empty(
            "A live run shows no frames: they are read from the virtual-clock run. Go back \
             to it to see each task's variables.",
        ),
        (Some(_), _, true, _) => empty("Pause or step to see each task's frames at the playhead."),
        (Some(_), _, _, None) if matches!(reading, Reading::Busy) => html! {
            <p class="frames__empty" data-running="">
                { "Reading each task's frames at the playhead: the program runs again up to it…" }
            </p>
        },
        (Some(_), _, _, None) => empty("The program's state could not be read."),
        (Some(_), _, _, Some(state)) => view_state(state),
    };
    html! {
        <Panel kind={PanelKind::Frames} {meta}>
            <LineStepper />
            <div class="frames" data-frames="" tabindex="0" aria-label="Each task's frames and variables">{ body }</div>
        </Panel>
    }
}

fn empty(text: &'static str) -> Html {
    html! { <p class="frames__empty">{ text }</p> }
}

fn view_state(state: &Inspection) -> Html {
    let more = state.tasks.len().saturating_sub(MAX_TASKS);
    html! {
        <>
            if !state.globals.is_empty() {
                <section class="frames__box frames__box--globals" aria-label="Global variables">
                    <h3 class="frames__head"><span class="frames__name">{ "Global variables" }</span></h3>
                    { vars(&state.globals) }
                </section>
            }
            if !state.outside.is_empty() {
                <section class="frames__box frames__box--running" data-task=""
                    aria-label="Running outside any task">
                    <h3 class="frames__head"><span class="frames__name">{ "Outside any task" }</span></h3>
                    { outside_status(state) }
                    { chain(&state.outside) }
                </section>
            }
            if state.tasks.is_empty() {
                <p class="frames__empty">{ "No task yet: the event loop has not started." }</p>
            }
            { for state.tasks.iter().take(MAX_TASKS).map(|t| task(t, running_line(state, t))) }
            if more > 0 {
                <p class="frames__empty">{ format!("… and {more} more tasks") }</p>
            }
        </>
    }
}

/// The code outside tasks runs the statement (the module's, a callback's, a thread's),
/// or waits in `asyncio.run` while the loop runs a task's.
fn outside_status(state: &Inspection) -> Html {
    let (status, text) = match state.at {
        Some(at) if at.task.is_none() => ("running", format!("running line {}", at.line)),
        _ => (
            "suspended",
            "waits while the event loop runs a task".to_string(),
        ),
    };
    html! { <p class="frames__status" data-status={status}>{ text }</p> }
}

/// The line `t` runs at a line step, if it is the task running the statement.
fn running_line(state: &Inspection, t: &TaskView) -> Option<u32> {
    state
        .at
        .filter(|at| at.task == Some(t.task))
        .map(|at| at.line)
}

fn task(t: &TaskView, running: Option<u32>) -> Html {
    let (status, class) = match (&t.status, running) {
        (_, Some(line)) => (format!("running line {line}"), "running"),
        (TaskStatus::NotStarted, _) => ("created, not started yet".to_string(), "ready"),
        (TaskStatus::Suspended, _) => match &t.waiting {
            Some(on) => (format!("suspended: waits for {on}"), "suspended"),
            None => ("ready to resume".to_string(), "ready"),
        },
        (TaskStatus::Done(value), _) => (format!("returned {value}"), "done"),
        (TaskStatus::Failed(error), _) => (format!("raised {error}"), "failed"),
        (TaskStatus::Cancelled, _) => ("cancelled".to_string(), "cancelled"),
    };
    let coroutine = t
        .frames
        .first()
        .map(|f| format!("{}()", f.function))
        .unwrap_or_default();
    html! {
        <section class={classes!("frames__box", format!("frames__box--{class}"))}
            data-task={t.name.clone()} aria-label={format!("{} {}", t.name, coroutine)}>
            <h3 class="frames__head">
                <span class="frames__name">{ t.name.clone() }</span>
                if !coroutine.is_empty() {
                    <code class="frames__coro">{ coroutine }</code>
                }
            </h3>
            <p class="frames__status" data-status={class}>{ status }</p>
            { chain(&t.frames) }
        </section>
    }
}

/// Frames, outermost first, each inside its caller.
fn chain(frames: &[FrameView]) -> Html {
    if frames.is_empty() {
        return Html::default();
    }
    html! {
        <ol class="frames__chain" aria-label="Frames, outermost first">
            { for frames.iter().map(|f| html! {
                <li class="frames__frame" data-function={f.function.clone()}>
                    <div class="frames__where">
                        <code>{ f.function.clone() }</code>
                        <span class="frames__line">{ format!("line {}", f.line) }</span>
                    </div>
                    { vars(&f.locals) }
                </li>
            }) }
        </ol>
    }
}

fn vars(list: &[Var]) -> Html {
    if list.is_empty() {
        return html! { <p class="frames__none">{ "no variables" }</p> };
    }
    html! {
        <table class="frames__vars">
            { for list.iter().map(|v| html! {
                <tr class={classes!("frames__var", v.changed.then_some("frames__var--changed"))}
                    data-var={v.name.clone()}>
                    <th scope="row">{ v.name.clone() }</th>
                    <td>
                        { value(&v.value) }
                        if v.changed {
                            <span class="visually-hidden">{ " (changed)" }</span>
                        }
                    </td>
                </tr>
            }) }
        </table>
    }
}

fn value(v: &ValueView) -> Html {
    match v {
        ValueView::Repr(text) => html! { <code class="pyval">{ text.clone() }</code> },
        ValueView::Items { kind, items, more } => boxed(
            kind,
            kind,
            "pyval-box__cells",
            items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    html! {
                        <span class="pyval-box__cell">
                            if *kind != "set" {
                                <span class="pyval-box__index">{ i }</span>
                            }
                            { value(item) }
                        </span>
                    }
                })
                .collect(),
            *more,
        ),
        ValueView::Entries {
            kind,
            entries,
            more,
        } => boxed(
            "map",
            kind,
            "pyval-box__rows",
            entries
                .iter()
                .map(|(k, item)| {
                    html! {
                        <span class="pyval-box__row">
                            <code class="pyval-box__key">{ k.clone() }</code>
                            { value(item) }
                        </span>
                    }
                })
                .collect(),
            *more,
        ),
    }
}

/// A list's or a dict's box: its kind, its cells (or "empty") and how many more.
fn boxed(class: &str, kind: &str, body: &'static str, cells: Vec<Html>, more: usize) -> Html {
    html! {
        <span class={classes!("pyval-box", format!("pyval-box--{class}"))}>
            <span class="pyval-box__kind">{ kind.to_string() }</span>
            if cells.is_empty() {
                <span class="pyval-box__empty">{ "empty" }</span>
            }
            <span class={body}>
                { for cells }
                if more > 0 {
                    <span class="pyval-box__more">{ format!("+{more}") }</span>
                }
            </span>
        </span>
    }
}
