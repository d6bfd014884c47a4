//! The events so far, in plain words, the current one highlighted and kept in view.
//!
//! Only a window ending at the current event is drawn (see
//! [`crate::ui::describe::LOG_WINDOW`]), so a trace of a thousand tasks stays fast. The
//! list scrolls itself, never the page, and never takes the focus; smooth scrolling is
//! a CSS choice that `prefers-reduced-motion` turns off.

use web_sys::HtmlElement;
use yew::prelude::*;

use super::task_chip::{TaskChip, TaskRef};

#[derive(Clone, Debug, PartialEq)]
pub struct LogLine {
    /// Index of the event in the trace.
    pub index: usize,
    pub time: String,
    /// `None` for the loop's own events.
    pub task: Option<TaskRef>,
    pub text: String,
    /// `tick`, `jump`, `suspend`, `error`, `done` or `other`: a mark beside the line.
    pub kind: &'static str,
}

#[derive(Properties, PartialEq)]
pub struct EventLogProps {
    pub lines: Vec<LogLine>,
    /// How many events came before the first drawn line.
    pub skipped: usize,
    /// The current event (the last one that happened).
    pub current: Option<usize>,
    /// The current event as one sentence, announced politely while paused.
    #[prop_or_default]
    pub announce: Option<String>,
}

#[function_component(EventLog)]
pub fn event_log(props: &EventLogProps) -> Html {
    let list = use_node_ref();
    {
        let list = list.clone();
        use_effect_with(props.current, move |_| {
            keep_current_in_view(&list);
        });
    }
    let count = props.skipped + props.lines.len();
    html! {
        <section class="loop-part loop-log" data-part="log" aria-labelledby="loop-log-title">
            <h3 class="loop-part__title" id="loop-log-title">
                { "Event log" }
                <span class="loop-part__count">{ count }</span>
            </h3>
            if props.lines.is_empty() {
                <p class="loop-part__empty">{ "Nothing has happened yet: press Play or step forward." }</p>
            } else {
                <ol class="log" ref={list} tabindex="0" aria-label="Events so far, oldest first">
                    if props.skipped > 0 {
                        <li class="log__skipped">{ format!("{} earlier events not shown", props.skipped) }</li>
                    }
                    { for props.lines.iter().map(|line| {
                        let current = props.current == Some(line.index);
                        html! {
                            <li
                                class={classes!("log__line", format!("log__line--{}", line.kind), current.then_some("log__line--current"))}
                                aria-current={current.then_some("step")}
                                data-index={line.index.to_string()}
                            >
                                <span class="log__time">{ line.time.clone() }</span>
                                <span class="log__what">
                                    if let Some(task) = &line.task {
                                        <TaskChip task={task.clone()} />{ " " }
                                    } else {
                                        <span class="log__loop">{ "loop" }</span>{ " " }
                                    }
                                    { line.text.clone() }
                                </span>
                            </li>
                        }
                    }) }
                </ol>
            }
            <p class="visually-hidden" aria-live="polite">{ props.announce.clone().unwrap_or_default() }</p>
        </section>
    }
}

/// Scrolls the list, and only the list, so that the current line is visible.
fn keep_current_in_view(list: &NodeRef) {
    let Some(list) = list.cast::<HtmlElement>() else {
        return;
    };
    let Ok(Some(row)) = list.query_selector(".log__line--current") else {
        return;
    };
    let Ok(row) = wasm_bindgen::JsCast::dyn_into::<HtmlElement>(row) else {
        return;
    };
    let top = row.offset_top();
    let bottom = top + row.offset_height();
    let view = list.client_height();
    let scrolled = list.scroll_top();
    let margin = 8;
    if bottom + margin > scrolled + view {
        list.set_scroll_top(bottom + margin - view);
    } else if top - margin < scrolled {
        list.set_scroll_top((top - margin).max(0));
    }
}
