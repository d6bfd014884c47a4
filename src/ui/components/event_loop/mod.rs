//! The parts of the Event loop panel, one small component per file. Each takes plain,
//! already-worded data as props (see [`crate::ui::describe`]); the panel
//! (`loop_panel.rs`) reads the context and builds it.

pub mod event_log;
pub mod loop_section;
pub mod outcome_banner;
pub mod ready_queue;
pub mod resources;
pub mod running;
pub mod task_chip;
pub mod timed_list;
pub mod workers;

use task_chip::TaskRef;

/// At most this many entries of a list are drawn; the rest are counted.
pub const LIST_LIMIT: usize = 50;

/// A task with what it is doing or waiting for, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub task: TaskRef,
    pub text: String,
    /// A time in monospace beside it (a due time), if any.
    pub time: Option<String>,
}
