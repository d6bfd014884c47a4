//! The live driver: asyncio's `_run_once` paced by the browser's event loop.

use super::browser_host::BrowserHost;
use super::timer::LiveTimer;
use crate::sim::event_loop::{EventLoop, Turn};
use crate::sim::host::{Completion, Host};
use crate::sim::{Limits, Outcome, Program, Scenario, ScenarioError, Step, TaskId, Trace};
use futures::channel::mpsc::{unbounded, UnboundedReceiver, UnboundedSender};
use futures::channel::oneshot;
use futures::future::{select, Either};
use futures::StreamExt;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;

/// How often a run in progress shows its trace so far, in ms.
const PROGRESS_EVERY_MS: f64 = 100.0;
/// The shortest idle wait during which the page may draw the trace so far, in ms.
const QUIET_MS: f64 = 60.0;
/// The longest the driver keeps the page's thread before letting the browser render.
const YIELD_EVERY_MS: f64 = 16.0;

/// What reaches the driver from outside.
pub enum Msg {
    Done(Completion),
    /// A Python program's request was answered (`crate::py::live::LiveRun::fetched`).
    Fetched {
        id: u32,
        body: Result<String, String>,
    },
    Stop,
}

/// Stops a live run.
#[derive(Clone)]
pub struct LiveHandle {
    pub(super) tx: UnboundedSender<Msg>,
}

impl LiveHandle {
    /// Ends the run now: its tasks stop, its timers are cleared, its requests aborted
    /// and its workers terminated. The run ends with [`Outcome::Stopped`].
    pub fn stop(&self) {
        let _ = self.tx.unbounded_send(Msg::Stop);
    }
}

/// Starts `scenario` live. `progress` gets the trace so far while it runs; `done` gets
/// the finished trace.
pub fn start_live(
    scenario: &Scenario,
    progress: impl Fn(Trace) + 'static,
    done: impl FnOnce(Trace) + 'static,
) -> Result<LiveHandle, ScenarioError> {
    let program = Rc::new(scenario.validate()?);
    let (tx, rx) = unbounded();
    let handle = LiveHandle { tx: tx.clone() };
    spawn_local(async move { done(drive(program, tx, rx, progress).await) });
    Ok(handle)
}

/// Runs `scenario` live to its end.
pub async fn run_live(scenario: &Scenario) -> Result<Trace, ScenarioError> {
    let (tx, rx) = oneshot::channel();
    start_live(
        scenario,
        |_| {},
        move |trace| {
            let _ = tx.send(trace);
        },
    )?;
    Ok(rx.await.expect("a live run always finishes"))
}

async fn drive(
    program: Rc<Program>,
    tx: UnboundedSender<Msg>,
    mut rx: UnboundedReceiver<Msg>,
    progress: impl Fn(Trace),
) -> Trace {
    let offloads = (program.scenario).any_step(|s| matches!(s, Step::RunInExecutor { .. }));
    let workers = if offloads {
        program.scenario.executor_workers
    } else {
        0
    };
    let host = Rc::new(BrowserHost::new(workers, tx));
    host.warm_up().await;
    let mut lp = EventLoop::with_host(program, Limits::default(), host.clone());
    lp.start();
    let mut pace = Pacing::default();
    let stopped = 'run: loop {
        while let Ok(msg) = rx.try_recv() {
            if !hand_in(&lp, &host, msg) {
                break 'run true;
            }
        }
        lp.state().sync_clock();
        match lp.turn() {
            Turn::Over => break false,
            Turn::Ran => pace.ran(&*host).await,
            Turn::Idle(due) => {
                if due.is_none() && host.pending() == 0 {
                    break false; // every task is done, or they wait on each other
                }
                let due = due.map(|due| due as f64);
                if pace.show(&*host, due) {
                    progress(lp.trace_so_far());
                }
                let idle_from = lp.state().time();
                let msg = pace.idle(&*host, due, &mut rx).await;
                let mut k = lp.state();
                k.sync_clock();
                k.emit(
                    TaskId::LOOP,
                    crate::sim::EventKind::IdleJump { from: idle_from },
                );
                drop(k);
                if let Some(msg) = msg {
                    if !hand_in(&lp, &host, msg) {
                        break true;
                    }
                }
            }
        }
    };
    host.shut_down();
    lp.finish_trace(stopped.then_some(Outcome::Stopped))
}

/// When a driver lets the browser render and shows the run so far.
#[derive(Default)]
pub(super) struct Pacing {
    shown_at: f64,
    yielded_at: f64,
}

impl Pacing {
    /// After a turn that ran: the page's thread is given back every `YIELD_EVERY_MS`.
    pub(super) async fn ran(&mut self, host: &impl Host) {
        if host.now() - self.yielded_at >= YIELD_EVERY_MS {
            LiveTimer::new(0.0).await;
            self.yielded_at = host.now();
        }
    }

    /// Should the run so far be shown now, before idling until `due` (ms)? Only if the
    /// wait is long enough for the page to draw it without delaying the next timer,
    /// and at most every `PROGRESS_EVERY_MS`.
    pub(super) fn show(&mut self, host: &impl Host, due: Option<f64>) -> bool {
        let quiet = due.is_none_or(|due| due - host.now() >= QUIET_MS);
        let show = quiet && host.now() - self.shown_at >= PROGRESS_EVERY_MS;
        if show {
            self.shown_at = host.now();
        }
        show
    }

    /// Waits until `due` (ms), or for a message, whichever comes first.
    pub(super) async fn idle(
        &mut self,
        host: &impl Host,
        due: Option<f64>,
        rx: &mut UnboundedReceiver<Msg>,
    ) -> Option<Msg> {
        let msg = match due {
            Some(due) => {
                let timer = LiveTimer::new(due - host.now());
                match select(timer, rx.next()).await {
                    Either::Left(_) => None,
                    Either::Right((msg, _)) => msg,
                }
            }
            None => rx.next().await,
        };
        self.yielded_at = host.now();
        msg
    }
}

/// Hands a completion to the loop; false on a stop.
fn hand_in(lp: &EventLoop, host: &BrowserHost, msg: Msg) -> bool {
    match msg {
        Msg::Stop => false,
        Msg::Done(completion) => {
            host.received();
            lp.state().complete(completion);
            true
        }
        // A step scenario sends no program requests.
        Msg::Fetched { .. } => true,
    }
}
