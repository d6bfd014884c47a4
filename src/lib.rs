//! Looplab: learn async programming by watching an asyncio-style event loop.
//!
//! - [`sim`]: the pure simulation core (scenario model, virtual-clock event loop, trace
//!   and the queries over it). No web-sys, no yew; tested natively.
//! - [`live`]: the same loop run live on the browser's event loop (real timers, fetch, workers).
//! - [`ui`]: yew function components that render what `sim` computes.

pub mod code;
pub mod live;
pub mod sim;
pub mod ui;
