//! Live mode in the UI: the bar that starts, races and stops live runs, the page's
//! heartbeat, and the measured-vs-predicted report.

pub mod accuracy_report;
pub mod heartbeat;
pub mod live_bar;
