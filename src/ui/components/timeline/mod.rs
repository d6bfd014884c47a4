//! The parts of a timeline: the chart ([`chart::Timeline`]) used by the Timeline panel
//! and, twice on one axis, by the Compare panel. Each part is one small component; the
//! geometry and the rows they draw come from [`crate::ui::timeline_geometry`].

pub mod arrows;
pub mod axis;
pub mod chart;
pub mod health_strip;
pub mod lane;
pub mod lanes;
pub mod legend;
pub mod playhead;
pub mod segment;
pub mod spans_table;
pub mod test_hook;
pub mod tooltip;
pub mod trace_files;
pub mod warnings;

use crate::ui::timeline_geometry::Model;
use std::rc::Rc;

/// A run's timeline model, shared by the chart's parts and compared by identity, so a
/// part re-renders only when the run changes, never on a playhead move.
#[derive(Clone, Debug)]
pub struct ModelRef(pub Rc<Model>);

impl PartialEq for ModelRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Which segment a tooltip is about: (row, segment) indices into the model.
pub type SegRef = (usize, usize);
