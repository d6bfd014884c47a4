//! A live run's outside world: the real clock, holding the thread, real requests. On the
//! virtual clock there is no host and nothing here runs. The interpreter only calls the
//! host (it stays pure Rust); `crate::live` implements it for the browser and paces the
//! loop's turns (`crate::py::stepped::SteppedRun`).

use super::runtime::R;
use crate::py::value::*;
use crate::py::vm::Vm;

pub trait Host {
    /// Milliseconds since the run began, by the real clock.
    fn now_ms(&self) -> f64;
    /// Holds the thread for `ms` (the page freezes, as `time.sleep` freezes a loop).
    fn block(&self, ms: f64);
    /// Requests `path` (a file of `static/api/`); the body, or why it failed, is handed
    /// back with `id` to [`crate::py::stepped::SteppedRun::fetched`], no sooner than
    /// `latency_ms` from now.
    fn fetch(&self, id: u32, path: &str, latency_ms: f64);
}

impl Vm {
    /// Moves the clock to the host's time (never back). Nothing on the virtual clock.
    pub fn sync_clock(&mut self) {
        if let Some(host) = &self.aio.host {
            let ns = (host.now_ms() * 1e6).round() as i64;
            if ns > self.aio.now_ns {
                self.aio.set_ns(ns);
            }
        }
    }

    /// Holds the loop's thread until `ns`: the virtual clock jumps there; a live run
    /// really waits.
    pub(super) fn hold_until(&mut self, ns: i64) {
        match &self.aio.host {
            Some(host) => {
                host.block((ns - self.aio.now_ns).max(0) as f64 / 1e6);
                self.sync_clock();
            }
            None => self.aio.set_ns(self.aio.now_ns.max(ns)),
        }
    }

    /// A live run fetches `path` for real for the future `fut` (false on the virtual
    /// clock: the simulated network answers).
    pub fn fetch_live(&mut self, fut: &Value, path: &str, latency: f64) -> bool {
        let Some(host) = self.aio.host.clone() else {
            return false;
        };
        let id = self.aio.requests.len() as u32;
        self.aio.requests.push(Some(fut.clone()));
        host.fetch(id, path, latency * 1000.0);
        true
    }

    /// A live request ended: its future gets `(True, body)` or `(False, why)`.
    pub fn fetched(&mut self, id: u32, body: Result<String, String>) -> R<()> {
        let Some(fut) = self
            .aio
            .requests
            .get_mut(id as usize)
            .and_then(Option::take)
        else {
            return Ok(());
        };
        if super::future_of(&fut).is_some_and(|f| f.done()) {
            return Ok(());
        }
        let (ok, text) = match body {
            Ok(b) => (true, b),
            Err(e) => (false, e),
        };
        self.set_result(&fut, Value::tuple(vec![Value::Bool(ok), Value::str(&text)]))
    }

    /// Requests sent and not answered yet.
    pub fn requests_pending(&self) -> usize {
        self.aio.requests.iter().filter(|r| r.is_some()).count()
    }
}
