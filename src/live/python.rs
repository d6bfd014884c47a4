//! A Python program run live: [`SteppedRun`] stepped by the browser's event loop. Its
//! sleeps and timers are real timers, `time.sleep` on the loop busy-waits (the page
//! freezes), files of `static/api/` are really fetched, and a worker thread's
//! `time.sleep` is a real timer the loop waits for beside its own.
//!
//! The driver is a `spawn_local` future: it hands answered requests to the run, steps
//! it, and when nothing is ready awaits a real timer (until the next due time) or a
//! message, whichever comes first. It shows the run so far while idle (at most every
//! 100 ms, and only before a wait long enough to draw it).

use super::browser_host::BrowserHost;
use super::timer::LiveTimer;
use crate::py::aio::host::Host;
use crate::py::ast::SyntaxError;
use crate::py::stepped::{Step, SteppedRun};
use crate::py::RunOutput;
use futures::channel::mpsc::{unbounded, UnboundedReceiver, UnboundedSender};
use futures::future::{select, Either};
use futures::StreamExt;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;

/// How often a run in progress shows what it did so far, in ms.
const PROGRESS_EVERY_MS: f64 = 100.0;
/// The shortest idle wait during which the page may draw the run so far, in ms.
const QUIET_MS: f64 = 60.0;
/// The longest the driver keeps the page's thread before letting the browser render.
const YIELD_EVERY_MS: f64 = 16.0;

/// What reaches the driver from outside.
pub(super) enum Msg {
    /// A request was answered (`crate::py::stepped::SteppedRun::fetched`).
    Fetched {
        id: u32,
        body: Result<String, String>,
    },
    Stop,
}

/// Stops a live run.
#[derive(Clone)]
pub struct LiveHandle {
    tx: UnboundedSender<Msg>,
}

impl LiveHandle {
    /// Ends the run now: its loop turns no more, its timers are cleared and its
    /// requests aborted. The run ends `Stopped`, keeping what it printed.
    pub fn stop(&self) {
        let _ = self.tx.unbounded_send(Msg::Stop);
    }
}

/// Starts `source` live. `progress` gets what it did so far while it runs (its ending
/// `Running`); `done` gets how it ended. A program that does not compile is an `Err`,
/// and nothing starts.
pub fn start_live_program(
    source: &str,
    progress: impl Fn(RunOutput) + 'static,
    done: impl FnOnce(RunOutput) + 'static,
) -> Result<LiveHandle, SyntaxError> {
    let (tx, rx) = unbounded();
    let host = Rc::new(BrowserHost::new(tx.clone()));
    let run = SteppedRun::live(source, host.clone())?;
    spawn_local(async move { done(drive(run, host, rx, progress).await) });
    Ok(LiveHandle { tx })
}

async fn drive(
    mut run: SteppedRun,
    host: Rc<BrowserHost>,
    mut rx: UnboundedReceiver<Msg>,
    progress: impl Fn(RunOutput),
) -> RunOutput {
    progress(run.progress());
    super::timer::painted().await;
    // The clock starts now: drawing the run's start is not part of the program.
    host.start_clock();
    let mut pace = Pacing::default();
    let stopped = 'run: loop {
        while let Ok(msg) = rx.try_recv() {
            if !hand_in(&mut run, msg) {
                break 'run true;
            }
        }
        match run.step() {
            Step::Over => break false,
            Step::Ran => pace.ran(&host).await,
            Step::Idle(due) => {
                if due.is_none() && run.requests_pending() == 0 {
                    run.deadlock();
                    continue;
                }
                if pace.show(&host, due) {
                    progress(run.progress());
                }
                if let Some(msg) = pace.idle(&host, due, &mut rx).await {
                    if !hand_in(&mut run, msg) {
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
fn hand_in(run: &mut SteppedRun, msg: Msg) -> bool {
    match msg {
        Msg::Stop => false,
        Msg::Fetched { id, body } => {
            run.fetched(id, body);
            true
        }
    }
}

/// When the driver lets the browser render and shows the run so far.
#[derive(Default)]
struct Pacing {
    shown_at: f64,
    yielded_at: f64,
}

impl Pacing {
    /// After a step that ran: the page's thread is given back every `YIELD_EVERY_MS`.
    async fn ran(&mut self, host: &BrowserHost) {
        if host.now_ms() - self.yielded_at >= YIELD_EVERY_MS {
            LiveTimer::new(0.0).await;
            self.yielded_at = host.now_ms();
        }
    }

    /// Should the run so far be shown now, before idling until `due` (ms)? Only if the
    /// wait is long enough for the page to draw it without delaying the next timer,
    /// and at most every `PROGRESS_EVERY_MS`.
    fn show(&mut self, host: &BrowserHost, due: Option<f64>) -> bool {
        let now = host.now_ms();
        let quiet = due.is_none_or(|due| due - now >= QUIET_MS);
        let show = quiet && now - self.shown_at >= PROGRESS_EVERY_MS;
        if show {
            self.shown_at = now;
        }
        show
    }

    /// Waits until `due` (ms), or for a message, whichever comes first.
    async fn idle(
        &mut self,
        host: &BrowserHost,
        due: Option<f64>,
        rx: &mut UnboundedReceiver<Msg>,
    ) -> Option<Msg> {
        let msg = match due {
            Some(due) => {
                let timer = LiveTimer::new(due - host.now_ms());
                match select(timer, rx.next()).await {
                    Either::Left(_) => None,
                    Either::Right((msg, _)) => msg,
                }
            }
            None => rx.next().await,
        };
        self.yielded_at = host.now_ms();
        msg
    }
}
