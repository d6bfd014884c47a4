//! Reusable behaviour for components.

pub mod use_inspection;
pub mod use_keyboard;
pub mod use_marked_lines;
pub mod use_page;
pub mod use_playback;
pub mod use_route;
pub mod use_seen;
