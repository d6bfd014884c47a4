//! One small component per file. Each takes what it shows as props (derived
//! `PartialEq`, so yew skips re-rendering unchanged ones) and never reaches for global
//! state.

pub mod challenge;
pub mod code_panel;
pub mod compare_panel;
pub mod compare_programs;
pub mod controls;
pub mod copy_button;
pub mod editor;
pub mod embed;
pub mod empty_state;
pub mod event_loop;
pub mod footer;
pub mod frames_panel;
pub mod header;
pub mod kept_draft;
pub mod lesson;
pub mod lesson_panel;
pub mod line_stepper;
pub mod live;
pub mod loop_panel;
pub mod notice;
pub mod output;
pub mod panel;
pub mod panel_tabs;
pub mod program_files;
pub mod rich_text;
pub mod share_dialog;
pub mod shortcuts_help;
pub mod timeline;
pub mod timeline_panel;
