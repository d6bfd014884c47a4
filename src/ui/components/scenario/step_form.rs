//! The form of one step: the fields its kind has (durations, URL and latency, the
//! coroutine or task it awaits, a resource, loop counts, text), each change reported as
//! the edited step. Nested bodies are edited in the outline, not here.

use yew::prelude::*;

use super::{number_field::NumberField, select_field::SelectField, text_field::TextField};
use crate::sim::{Awaitable, Step};
use crate::ui::edit::Quantity;

/// The names a step can refer to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Names {
    pub coroutines: Vec<String>,
    /// Task handles created in this coroutine.
    pub handles: Vec<String>,
    /// Semaphores and locks.
    pub locks: Vec<String>,
    pub queues: Vec<String>,
}

#[derive(Properties, PartialEq)]
pub struct StepFormProps {
    /// Prefix of the fields' ids, unique per step.
    pub id: AttrValue,
    pub step: Step,
    pub names: Names,
    pub on_change: Callback<Step>,
}

/// `c:name` for a coroutine, `t:handle` for a task.
fn encode(target: &Awaitable) -> String {
    match target {
        Awaitable::Coroutine(name) => format!("c:{name}"),
        Awaitable::Task(handle) => format!("t:{handle}"),
    }
}

fn decode(value: &str) -> Awaitable {
    match value.split_once(':') {
        Some(("t", handle)) => Awaitable::Task(handle.to_string()),
        Some((_, name)) => Awaitable::Coroutine(name.to_string()),
        None => Awaitable::Coroutine(value.to_string()),
    }
}

fn awaitable_options(names: &Names) -> Vec<(String, String)> {
    let coroutines = names
        .coroutines
        .iter()
        .map(|c| (format!("c:{c}"), format!("{c}()")));
    let tasks = names
        .handles
        .iter()
        .map(|h| (format!("t:{h}"), format!("{h} (task)")));
    coroutines.chain(tasks).collect()
}

fn plain(options: &[String]) -> Vec<(String, String)> {
    options.iter().map(|o| (o.clone(), o.clone())).collect()
}

#[function_component(StepForm)]
pub fn step_form(props: &StepFormProps) -> Html {
    let step = props.step.clone();
    let id = |field: &str| AttrValue::from(format!("{}-{field}", props.id));
    // A callback that applies `f` to a copy of the step and reports it.
    let edit = |f: fn(&mut Step, String)| {
        let (step, on_change) = (step.clone(), props.on_change.clone());
        Callback::from(move |value: String| {
            let mut s = step.clone();
            f(&mut s, value);
            on_change.emit(s);
        })
    };
    let edit_n = |f: fn(&mut Step, u64)| {
        let (step, on_change) = (step.clone(), props.on_change.clone());
        Callback::from(move |value: u64| {
            let mut s = step.clone();
            f(&mut s, value);
            on_change.emit(s);
        })
    };
    let ms = |field: &str, label: &str, value: u64, f: fn(&mut Step, u64)| {
        html! {
            <NumberField id={id(field)} label={AttrValue::from(label.to_string())} {value}
                quantity={Quantity::Ms}
                unit={Some(AttrValue::from("ms"))} on_change={edit_n(f)} />
        }
    };
    let count = |field: &str, label: &str, value: u32, f: fn(&mut Step, u64)| {
        html! {
            <NumberField id={id(field)} label={AttrValue::from(label.to_string())} value={u64::from(value)}
                quantity={Quantity::Iterations}
                on_change={edit_n(f)} />
        }
    };
    let text = |field: &str, label: &str, value: &str, f: fn(&mut Step, String)| {
        html! {
            <TextField id={id(field)} label={AttrValue::from(label.to_string())}
                value={AttrValue::from(value.to_string())} on_change={edit(f)} />
        }
    };
    let choose = |field: &str,
                  label: &str,
                  value: &str,
                  options: Vec<(String, String)>,
                  f: fn(&mut Step, String)| {
        html! {
            <SelectField id={id(field)} label={AttrValue::from(label.to_string())}
                value={AttrValue::from(value.to_string())} {options} on_change={edit(f)} />
        }
    };
    let names = &props.names;
    let fields = match &props.step {
        Step::Sleep { ms: v } => ms("ms", "Sleep for", *v, |s, n| {
            if let Step::Sleep { ms } = s {
                *ms = n
            }
        }),
        Step::Compute { ms: v } => ms("ms", "Block the loop for", *v, |s, n| {
            if let Step::Compute { ms } = s {
                *ms = n
            }
        }),
        Step::RunInExecutor { ms: v } => ms("ms", "Work on a thread for", *v, |s, n| {
            if let Step::RunInExecutor { ms } = s {
                *ms = n
            }
        }),
        Step::Fetch {
            url,
            latency_ms,
            jitter_ms,
            fail,
            ..
        } => html! {
            <>
                { text("url", "URL", url, |s, v| if let Step::Fetch { url, .. } = s { *url = v }) }
                { ms("latency", "Latency", *latency_ms, |s, n| if let Step::Fetch { latency_ms, .. } = s { *latency_ms = n }) }
                { ms("jitter", "Jitter (±)", *jitter_ms, |s, n| if let Step::Fetch { jitter_ms, .. } = s { *jitter_ms = n }) }
                { text("fail", "Fails with (empty: succeeds)", fail.as_deref().unwrap_or(""), |s, v| {
                    if let Step::Fetch { fail, .. } = s {
                        *fail = (!v.trim().is_empty()).then(|| v.trim().to_string());
                    }
                }) }
            </>
        },
        Step::CreateTask { coroutine, handle } => html! {
            <>
                { choose("coroutine", "Coroutine", coroutine, plain(&names.coroutines), |s, v| {
                    if let Step::CreateTask { coroutine, .. } = s { *coroutine = v }
                }) }
                { text("handle", "Task handle", handle, |s, v| if let Step::CreateTask { handle, .. } = s { *handle = v }) }
            </>
        },
        Step::Await { target } => choose(
            "target",
            "Await",
            &encode(target),
            awaitable_options(names),
            |s, v| {
                if let Step::Await { target } = s {
                    *target = decode(&v)
                }
            },
        ),
        Step::WaitFor { target, timeout_ms } => html! {
            <>
                { choose("target", "Await", &encode(target), awaitable_options(names), |s, v| {
                    if let Step::WaitFor { target, .. } = s { *target = decode(&v) }
                }) }
                { ms("timeout", "Timeout", *timeout_ms, |s, n| if let Step::WaitFor { timeout_ms, .. } = s { *timeout_ms = n }) }
            </>
        },
        Step::Gather {
            items,
            return_exceptions,
        } => gather_fields(props, items, *return_exceptions),
        Step::Cancel { handle } => choose(
            "handle",
            "Task to cancel",
            handle,
            plain(&names.handles),
            |s, v| {
                if let Step::Cancel { handle } = s {
                    *handle = v
                }
            },
        ),
        Step::Raise { error, message } => html! {
            <>
                { text("error", "Exception", error, |s, v| if let Step::Raise { error, .. } = s { *error = v }) }
                { text("message", "Message", message, |s, v| if let Step::Raise { message, .. } = s { *message = v }) }
            </>
        },
        Step::Try { error, .. } => text(
            "error",
            "Catch (empty: any Exception)",
            error.as_deref().unwrap_or(""),
            |s, v| {
                if let Step::Try { error, .. } = s {
                    *error = (!v.trim().is_empty()).then(|| v.trim().to_string());
                }
            },
        ),
        Step::With { resource, .. } => choose(
            "resource",
            "Semaphore or lock",
            resource,
            plain(&names.locks),
            |s, v| {
                if let Step::With { resource, .. } = s {
                    *resource = v
                }
            },
        ),
        Step::Put { queue, item } => html! {
            <>
                { choose("queue", "Queue", queue, plain(&names.queues), |s, v| if let Step::Put { queue, .. } = s { *queue = v }) }
                { text("item", "Item", item, |s, v| if let Step::Put { item, .. } = s { *item = v }) }
            </>
        },
        Step::Get { queue } => choose("queue", "Queue", queue, plain(&names.queues), |s, v| {
            if let Step::Get { queue } = s {
                *queue = v
            }
        }),
        Step::AsyncFor {
            items, every_ms, ..
        } => html! {
            <>
                { count("items", "Items", *items, |s, n| if let Step::AsyncFor { items, .. } = s { *items = n as u32 }) }
                { ms("every", "One every", *every_ms, |s, n| if let Step::AsyncFor { every_ms, .. } = s { *every_ms = n }) }
            </>
        },
        Step::Repeat { times, .. } => count("times", "Times", *times, |s, n| {
            if let Step::Repeat { times, .. } = s {
                *times = n as u32
            }
        }),
        Step::Print { text: t } => text("text", "Text", t, |s, v| {
            if let Step::Print { text } = s {
                *text = v
            }
        }),
        Step::Return { value } => text("value", "Value", value, |s, v| {
            if let Step::Return { value } = s {
                *value = v
            }
        }),
    };
    html! { <div class="step-form">{ fields }</div> }
}

/// gather's items: one select each, with remove buttons, an add button, and
/// `return_exceptions`.
fn gather_fields(props: &StepFormProps, items: &[Awaitable], return_exceptions: bool) -> Html {
    let options = awaitable_options(&props.names);
    let emit = {
        let on_change = props.on_change.clone();
        move |items: Vec<Awaitable>, return_exceptions: bool| {
            on_change.emit(Step::Gather {
                items,
                return_exceptions,
            })
        }
    };
    let rows: Vec<Html> = items.iter().enumerate().map(|(i, item)| {
        let on_change = {
            let (items, emit) = (items.to_vec(), emit.clone());
            Callback::from(move |v: String| {
                let mut items = items.clone();
                items[i] = decode(&v);
                emit(items, return_exceptions);
            })
        };
        let remove = {
            let (items, emit) = (items.to_vec(), emit.clone());
            Callback::from(move |_: MouseEvent| {
                let mut items = items.clone();
                items.remove(i);
                emit(items, return_exceptions);
            })
        };
        html! {
            <div class="gather-item">
                <SelectField id={AttrValue::from(format!("{}-item{i}", props.id))}
                    label={AttrValue::from(format!("Item {}", i + 1))}
                    value={AttrValue::from(encode(item))} options={options.clone()} {on_change} />
                <button type="button" class="icon-button edit-only" onclick={remove}
                    aria-label={format!("Remove item {}", i + 1)} title="Remove item">{ "×" }</button>
            </div>
        }
    }).collect();
    let add = {
        let (items, emit) = (items.to_vec(), emit.clone());
        let first = options.first().map(|(v, _)| decode(v));
        Callback::from(move |_: MouseEvent| {
            let mut items = items.clone();
            if let Some(first) = &first {
                items.push(first.clone());
            }
            emit(items, return_exceptions);
        })
    };
    let toggle = {
        let (items, emit) = (items.to_vec(), emit.clone());
        Callback::from(move |_: Event| emit(items.clone(), !return_exceptions))
    };
    let check_id = format!("{}-return-exceptions", props.id);
    html! {
        <>
            { for rows }
            <button type="button" class="text-button edit-only" onclick={add}>{ "+ Add item" }</button>
            <div class="field field--check">
                <input type="checkbox" id={check_id.clone()} checked={return_exceptions} onchange={toggle} />
                <label for={check_id}>{ "return_exceptions=True" }</label>
            </div>
        </>
    }
}
