//! The parts of the Lesson panel (`lesson_panel.rs`): text with `code` in it, the
//! narration so far, the prediction question, the way to the previous and next lesson,
//! and the narration overlay presenter mode lays over the timeline.

pub mod narration;
pub mod nav;
pub mod overlay;
pub mod prediction;
