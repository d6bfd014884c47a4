//! The browser as a live run's outside world: `performance.now()`, a busy loop,
//! `fetch`, Web Workers.

use super::fetch::fetch_text;
use super::runner::Msg;
use super::timer::LiveTimer;
use super::workers::WorkerPool;
use crate::sim::host::{Completion, Host, Request};
use crate::sim::Ms;
use futures::channel::mpsc::UnboundedSender;
use futures::future::{join, AbortHandle, Abortable};
use std::cell::{Cell, RefCell};
use wasm_bindgen_futures::spawn_local;
use web_sys::{AbortController, Performance};

pub struct BrowserHost {
    performance: Performance,
    /// `performance.now()` when the run began: trace time 0.
    origin: Cell<Ms>,
    tx: UnboundedSender<Msg>,
    /// Requests and jobs started whose completion has not been handed in yet.
    pending: Cell<usize>,
    /// Aborts every request in flight when the run stops.
    controller: Option<AbortController>,
    /// The futures waiting on requests (and on jobs without a worker).
    tasks: RefCell<Vec<AbortHandle>>,
    workers: RefCell<WorkerPool>,
}

impl BrowserHost {
    pub fn new(workers: u32, tx: UnboundedSender<Msg>) -> BrowserHost {
        let performance = web_sys::window()
            .and_then(|w| w.performance())
            .expect("live runs need window.performance");
        BrowserHost {
            origin: Cell::new(performance.now()),
            performance,
            workers: RefCell::new(WorkerPool::new(workers, tx.clone())),
            tx,
            pending: Cell::new(0),
            controller: AbortController::new().ok(),
            tasks: RefCell::new(Vec::new()),
        }
    }

    /// Starts the executor's workers and waits (at most a second) until they are up,
    /// then starts the clock: a thread's start-up is not part of the scenario.
    pub async fn warm_up(&self) {
        let end = self.performance.now() + 1000.0;
        while !self.workers.borrow_mut().start_all() && self.performance.now() < end {
            LiveTimer::new(2.0).await;
        }
        self.origin.set(self.performance.now());
    }

    /// Outside work still running.
    pub fn pending(&self) -> usize {
        self.pending.get()
    }

    /// A completion was handed to the loop.
    pub fn received(&self) {
        self.pending.set(self.pending.get().saturating_sub(1));
    }

    /// Stops everything the run started: requests are aborted, their timers cleared,
    /// workers terminated. Nothing of the run keeps going in the background.
    pub fn shut_down(&self) {
        if let Some(controller) = &self.controller {
            controller.abort();
        }
        for task in self.tasks.borrow_mut().drain(..) {
            task.abort();
        }
        self.workers.borrow_mut().terminate();
        self.pending.set(0);
    }

    /// Runs `work` in the background until it ends or the run stops; then sends what
    /// it returns to the driver.
    fn background(&self, work: impl std::future::Future<Output = Msg> + 'static) {
        self.pending.set(self.pending.get() + 1);
        let (handle, registration) = AbortHandle::new_pair();
        self.tasks.borrow_mut().push(handle);
        let tx = self.tx.clone();
        spawn_local(async move {
            if let Ok(done) = Abortable::new(work, registration).await {
                let _ = tx.unbounded_send(done);
            }
        });
    }

    /// Holds the thread for `ms`: the page really freezes.
    fn hold(&self, ms: f64) {
        let end = self.performance.now() + ms;
        while self.performance.now() < end {}
    }

    /// Requests `url` now and waits `latency_ms` meanwhile: the answer is the later
    /// of the two.
    fn request(
        &self,
        url: &str,
        latency_ms: f64,
    ) -> impl std::future::Future<Output = Result<String, String>> {
        let signal = self.controller.as_ref().map(AbortController::signal);
        let body = fetch_text(url, signal.as_ref());
        let latency = LiveTimer::new(latency_ms);
        async move { join(body, latency).await.0 }
    }
}

/// A Python program's outside world (`crate::py::live`).
impl crate::py::aio::host::Host for BrowserHost {
    fn now_ms(&self) -> f64 {
        Host::now(self)
    }

    fn block(&self, ms: f64) {
        self.hold(ms);
    }

    fn fetch(&self, id: u32, path: &str, latency_ms: f64) {
        let answer = self.request(path, latency_ms);
        self.background(async move {
            Msg::Fetched {
                id,
                body: answer.await,
            }
        });
    }
}

impl Host for BrowserHost {
    fn now(&self) -> Ms {
        self.performance.now() - self.origin.get()
    }

    fn block(&self, ms: u64) {
        self.hold(ms as f64);
    }

    fn fetch(&self, request: Request) {
        // Both start now, while the loop goes on: the response arrives once the real
        // request is done and the scenario's latency has passed, whichever is later.
        let answer = self.request(&request.url, request.latency_ms as f64);
        self.background(async move {
            Msg::Done(Completion::Io {
                task: request.task,
                gen: request.gen,
                wake: request.wake,
                error: answer.await.err(),
            })
        });
    }

    fn run_job(&self, worker: u32, ms: u64) {
        if self.workers.borrow_mut().run(worker, ms) {
            self.pending.set(self.pending.get() + 1);
        } else {
            // No Web Workers here: the job's length passes on a timer instead.
            let length = LiveTimer::new(ms as f64);
            self.background(async move {
                length.await;
                Msg::Done(Completion::Executor { worker })
            });
        }
    }
}
