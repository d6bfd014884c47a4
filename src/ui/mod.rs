//! The browser UI: yew function components that draw what [`crate::sim`] computes.
//!
//! `ui` renders; it never simulates. Anything worth testing without a browser (which
//! panels exist, what they are called) lives in plain Rust here, such as [`layout`], and
//! is tested natively; components stay thin. Nothing in [`crate::sim`] may depend on `ui`.

pub mod app;
pub mod axis;
pub mod clipboard;
pub mod components;
pub mod console;
pub mod describe;
pub mod editing_text;
pub mod files;
pub mod highlight;
pub mod hooks;
pub mod layout;
pub mod markup;
pub mod program;
pub mod progress;
pub mod route;
pub mod running;
pub mod saved;
pub mod share;
pub mod snippets;
pub mod state;
pub mod timeline_geometry;

pub use app::App;

/// Mounts Looplab into `root` and returns the handle that keeps it alive.
///
/// `main` renders into `<body>`; tests mount into a fresh element of their own. Yew
/// renders asynchronously, so the DOM is filled in on the next tick, not on return.
pub fn mount(root: web_sys::Element) -> yew::AppHandle<App> {
    yew::Renderer::<App>::with_root(root).render()
}
