//! Looplab: learn async programming by watching an asyncio-style event loop.
//!
//! - [`sim`]: the pure simulation core (scenario model, virtual-clock event loop, trace
//!   and the queries over it). No web-sys, no yew; tested natively.
//! - [`live`]: a Python program run live on the browser's event loop (real timers,
//!   `fetch`, a `time.sleep` that freezes the page).
//! - [`lessons`]: guided lessons (scenario, narration, prediction), pure data and
//!   queries over a trace.
//! - [`code`]: the scenario as Python asyncio and as Rust async code.
//! - [`ui`]: yew function components that render what `sim` computes.
//! - [`py`]: the Python interpreter whose asyncio runs on a virtual clock.
//! - [`examples`]: example programs (`.py` files) the Code panel opens.
//! - [`challenges`]: challenges (a starter program, goals checked on its run, hints, a
//!   solution) and their grading.
//! - `native_alloc`: the native builds' allocator (not in the wasm build).

pub mod challenges;
pub mod code;
pub mod examples;
pub mod lessons;
pub mod live;
#[cfg(not(target_arch = "wasm32"))]
pub mod native_alloc;
pub mod py;
pub mod sim;
pub mod sort;
pub mod ui;
