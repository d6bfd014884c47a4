//! The browser as a live program's outside world: `performance.now()`, a busy loop,
//! `fetch`.

use super::fetch::fetch_text;
use super::python::Msg;
use super::timer::LiveTimer;
use crate::py::aio::host::Host;
use futures::channel::mpsc::UnboundedSender;
use futures::future::{join, AbortHandle, Abortable};
use std::cell::{Cell, RefCell};
use wasm_bindgen_futures::spawn_local;
use web_sys::{AbortController, Performance};

pub struct BrowserHost {
    performance: Performance,
    /// `performance.now()` when the run began (trace time 0). Until then the clock
    /// reads 0: the loop's clock never goes back, so compiling the program and drawing
    /// its start must not move it.
    origin: Cell<Option<f64>>,
    tx: UnboundedSender<Msg>,
    /// Aborts every request in flight when the run stops.
    controller: Option<AbortController>,
    /// The futures waiting on requests.
    requests: RefCell<Vec<AbortHandle>>,
}

impl BrowserHost {
    pub fn new(tx: UnboundedSender<Msg>) -> BrowserHost {
        let performance = web_sys::window()
            .and_then(|w| w.performance())
            .expect("live runs need window.performance");
        BrowserHost {
            origin: Cell::new(None),
            performance,
            tx,
            controller: AbortController::new().ok(),
            requests: RefCell::new(Vec::new()),
        }
    }

    /// The run's time 0 is now.
    pub fn start_clock(&self) {
        self.origin.set(Some(self.performance.now()));
    }

    /// Stops everything the run started: requests are aborted and their timers
    /// cleared. Nothing of the run keeps going in the background.
    pub fn shut_down(&self) {
        if let Some(controller) = &self.controller {
            controller.abort();
        }
        for request in self.requests.borrow_mut().drain(..) {
            request.abort();
        }
    }
}

impl Host for BrowserHost {
    fn now_ms(&self) -> f64 {
        (self.origin.get()).map_or(0.0, |origin| self.performance.now() - origin)
    }

    /// Busy-waits: the page really freezes.
    fn block(&self, ms: f64) {
        let end = self.performance.now() + ms;
        while self.performance.now() < end {}
    }

    fn fetch(&self, id: u32, path: &str, latency_ms: f64) {
        // Both start now, while the loop goes on: the answer is handed in once the real
        // request is done and the latency has passed, whichever is later.
        let signal = self.controller.as_ref().map(AbortController::signal);
        let answer = join(
            fetch_text(path, signal.as_ref()),
            LiveTimer::new(latency_ms),
        );
        let (handle, registration) = AbortHandle::new_pair();
        self.requests.borrow_mut().push(handle);
        let tx = self.tx.clone();
        spawn_local(async move {
            if let Ok((body, ())) = Abortable::new(answer, registration).await {
                let _ = tx.unbounded_send(Msg::Fetched { id, body });
            }
        });
    }
}
