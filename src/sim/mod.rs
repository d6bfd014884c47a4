//! The simulation core: a deterministic asyncio-style event loop on a virtual clock.
//!
//! Pure Rust: this module must not depend on web-sys, js-sys or yew, so that it compiles
//! and is tested natively with `cargo test` as well as for wasm32.
//!
//! Data flow: [`Scenario`] → [`Scenario::validate`] → [`Program`] → [`run`] → [`Trace`];
//! then pure queries over the trace: spans, the snapshot at a time, metrics.

pub mod accuracy;
pub mod chrome_trace;
mod coroutine;
pub mod diagnostics;
pub mod event_loop;
mod events;
pub mod health;
pub mod kernel;
pub mod metrics;
pub mod positions;
pub mod presets;
pub mod program;
mod ready;
pub mod scenario;
mod scenario_de;
pub mod snapshot;
pub mod spans;
mod task_futures;
pub mod tick_axis;
pub mod trace;
mod trace_de;

pub use diagnostics::{diagnose, Diagnostic, DiagnosticKind};
pub use event_loop::{run, run_with};
pub use health::{loop_health, HealthSample};
pub use kernel::Limits;
pub use metrics::{compare, metrics, Comparison, Metrics};
pub use program::{Program, ScenarioError};
pub use scenario::{Awaitable, Coroutine, Main, Resource, ResourceKind, Scenario, StartMode, Step};
pub use snapshot::{snapshot_after, snapshot_at, Snapshot, TaskState};
pub use spans::{lanes, Lane, Span, SpanState};
pub use trace::{Event, EventKind, Ms, Outcome, Reason, TaskId, Trace};
