//! Live mode: a Python program run on the browser's real event loop.
//!
//! The interpreter's loop ([`crate::py::stepped::SteppedRun`]) with the browser as its
//! outside world (`BrowserHost`, a [`crate::py::aio::host::Host`]): the driver
//! ([`python`]) is a `spawn_local` future that turns the loop and, when nothing is
//! ready, awaits a real browser timer (`gloo_timers`) or a request's answer. Sleeps are
//! real timers, requests for the files of `static/api/` are real `fetch` requests,
//! answered no sooner than their latency, `time.sleep` on the loop busy-waits on
//! `performance.now()` (the page truly freezes), and an executor thread's `time.sleep`
//! is a real timer. Events are stamped with `performance.now()` into the one
//! [`crate::sim::Trace`] type.

mod browser_host;
mod fetch;
mod limits;
mod python;
mod timer;

pub use fetch::{fetch_text, request_url};
pub use limits::refusal;
pub use python::{start_live_program, LiveHandle};
pub use timer::{armed_timers, painted, LiveTimer};
