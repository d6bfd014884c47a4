//! A Python program run live: [`LiveRun`] stepped by the browser's event loop. Its
//! sleeps and timers are real timers, `time.sleep` on the loop busy-waits (the page
//! freezes), files of `static/api/` are really fetched, and a worker thread's
//! `time.sleep` is a real timer the loop waits for beside its own.

use super::browser_host::BrowserHost;
use super::runner::{LiveHandle, Msg, Pacing};
use crate::py::ast::SyntaxError;
use crate::py::live::{LiveRun, Step};
use crate::py::RunOutput;
use futures::channel::mpsc::{unbounded, UnboundedReceiver};
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;

/// Starts `source` live. `progress` gets what it did so far while it runs (its ending
/// `Running`); `done` gets how it ended. A program that does not compile is an `Err`,
/// and nothing starts.
pub fn start_live_program(
    source: &str,
    progress: impl Fn(RunOutput) + 'static,
    done: impl FnOnce(RunOutput) + 'static,
) -> Result<LiveHandle, SyntaxError> {
    let (tx, rx) = unbounded();
    let host = Rc::new(BrowserHost::new(0, tx.clone()));
    let run = LiveRun::new(source, host.clone())?;
    spawn_local(async move { done(drive(run, host, rx, progress).await) });
    Ok(LiveHandle { tx })
}

async fn drive(
    mut run: LiveRun,
    host: Rc<BrowserHost>,
    mut rx: UnboundedReceiver<Msg>,
    progress: impl Fn(RunOutput),
) -> RunOutput {
    progress(run.progress());
    super::timer::painted().await;
    // The clock starts now: drawing the run's start is not part of the program.
    host.warm_up().await;
    let mut pace = Pacing::default();
    let stopped = 'run: loop {
        while let Ok(msg) = rx.try_recv() {
            if !hand_in(&mut run, &host, msg) {
                break 'run true;
            }
        }
        match run.step() {
            Step::Over => break false,
            Step::Ran => pace.ran(&*host).await,
            Step::Idle(due) => {
                if due.is_none() && run.requests_pending() == 0 {
                    run.deadlock();
                    continue;
                }
                if pace.show(&*host, due) {
                    progress(run.progress());
                }
                if let Some(msg) = pace.idle(&*host, due, &mut rx).await {
                    if !hand_in(&mut run, &host, msg) {
                        break true;
                    }
                }
            }
        }
    };
    host.shut_down();
    run.finish(stopped)
}

/// Hands an answered request to the run; false on a stop.
fn hand_in(run: &mut LiveRun, host: &BrowserHost, msg: Msg) -> bool {
    match msg {
        Msg::Stop => false,
        Msg::Fetched { id, body } => {
            host.received();
            run.fetched(id, body);
            true
        }
        // A program starts no step-scenario work.
        Msg::Done(_) => true,
    }
}
