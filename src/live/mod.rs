//! Live mode: a scenario run on the browser's real event loop.
//!
//! The same kernel and coroutine interpreter as the virtual-clock run ([`crate::sim`]),
//! with a [`BrowserHost`] as their outside world: the driver ([`runner`]) is a
//! `spawn_local` future that runs the loop's turns and, when nothing is ready, awaits a
//! real browser timer (`gloo_timers`) or a completion; sleeps are real timers, fetches
//! are real `fetch` requests of files in `static/api/`, answered no sooner than the
//! scenario's latency,
//! `compute` busy-waits on `performance.now()` (the page truly freezes), and
//! `run_in_executor` work runs in Web Workers. Events are stamped with
//! `performance.now()` into the one [`crate::sim::Trace`] type. A Python program runs
//! live the same way ([`python`]): the interpreter's loop is stepped by the same kind
//! of driver, with the same host.

mod browser_host;
mod fetch;
mod limits;
mod python;
mod runner;
mod timer;
mod workers;

pub use browser_host::BrowserHost;
pub use fetch::{fetch_text, request_url};
pub use limits::refusal;
pub use python::start_live_program;
pub use runner::{run_live, start_live, LiveHandle};
pub use timer::{armed_timers, painted, LiveTimer};
