//! Export the shown run's trace in Chrome Trace Event Format (it opens in Perfetto and
//! chrome://tracing, and carries the Looplab trace so it can be imported again), and
//! import such a file to replay it here.

use crate::sim::chrome_trace::to_chrome_trace;
use crate::ui::files::{download, file_name, on_file_chosen};
use crate::ui::state::{make_callback, Action, AppContext};
use yew::prelude::*;

#[function_component(TraceFiles)]
pub fn trace_files() -> Html {
    let ctx = use_context::<AppContext>().expect("TraceFiles is rendered inside the app");
    let status = use_state_eq(|| None::<&'static str>);
    let export = {
        let (ctx, status) = (ctx.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(run) = ctx.shown() else { return };
            let name = file_name(&ctx.title(), "trace.json");
            let ok = download(&name, "application/json", &to_chrome_trace(&run.trace)).is_ok();
            status.set(Some(if ok {
                "Downloaded: open it in ui.perfetto.dev or chrome://tracing."
            } else {
                "The download did not start."
            }));
        })
    };
    let import = on_file_chosen(
        make_callback(&ctx, |(_, text): (String, String)| {
            Action::ImportTrace(text)
        }),
        status.clone(),
    );
    let close = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::CloseReplay))
    };
    html! {
        <div class="trace-files">
            if let Some(run) = &ctx.replay {
                <p class="trace-files__replay" role="status">
                    <strong>{ "Replaying an imported trace" }</strong>
                    { format!(" · {} tasks, {} events", run.trace.tasks.len(), run.trace.events.len()) }
                    <button type="button" class="text-button" onclick={close}>{ "Back to the program" }</button>
                </p>
            }
            <div class="trace-files__buttons">
                <button type="button" class="button" onclick={export} disabled={ctx.shown().is_none()}
                    data-action="export-trace">
                    { "Export trace (Perfetto)" }
                </button>
                <label class="button">
                    { "Import a trace…" }
                    <input type="file" accept=".json,application/json" class="visually-hidden"
                        onchange={import} aria-label="Import a trace file" />
                </label>
                if let Some(text) = *status {
                    <span class="trace-files__status" role="status">{ text }</span>
                }
            </div>
        </div>
    }
}
