//! The parts of the Scenario panel: the preset picker, one editor per coroutine with its
//! outline of steps and their forms, `main`, the resources, import and export, and the
//! small form fields they share. Each edit builds the new scenario with
//! [`crate::ui::edit`] and hands it up through an `on_edit` callback; none of them reads
//! the app state itself.

pub mod add_step;
pub mod coroutine_editor;
pub mod field_error;
pub mod import_export;
pub mod main_editor;
pub mod name_field;
pub mod number_field;
pub mod preset_picker;
pub mod resource_editor;
pub mod saved_scenarios;
pub mod select_field;
pub mod step_form;
pub mod step_list;
pub mod text_field;
