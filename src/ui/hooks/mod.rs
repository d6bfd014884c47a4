//! Reusable behaviour for components.

pub mod use_playback;
