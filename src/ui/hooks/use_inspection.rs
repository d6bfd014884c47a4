//! The program's state at the playhead, for the Frames panel ([`crate::py::inspect`]):
//! read by running the program again, which on a big program is a sizeable task, so it
//! goes on a slice at a time, as a big run does (`ui/running.rs`), and the panel says it
//! is reading meanwhile. A state read within the first slice (most are) shows at once.

use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

use crate::py::inspect::{Inspecting, Inspection};
use crate::py::lines::inspect_at_line;
use crate::py::run::Options;
use crate::ui::running::{for_ms, FIRST_SLICE_MS, SLICE_MS};

/// Where the program is read: after some events (`None`: at the end), or just before a
/// statement (stepping by line).
#[derive(Clone, Debug, PartialEq)]
pub enum Read {
    Events(Option<usize>),
    Line(usize),
}

/// A program (its text, how it runs) and where to read it.
pub type At = (Rc<str>, Options, Read);

pub enum Reading {
    /// Nothing to read (no program, or it is playing).
    Nothing,
    /// Running the program again up to the playhead.
    Busy,
    /// The state, what changed since the previous read marked; `None` if it could not
    /// be read.
    Done(Option<Inspection>),
}

#[derive(Default)]
struct Slot {
    at: Option<At>,
    job: Option<Inspecting>,
    slices: u32,
    done: Option<Option<Inspection>>,
    previous: Option<Inspection>,
}

impl Slot {
    fn finish(&mut self, state: Option<Inspection>) {
        let state = state.map(|mut now| {
            if let Some(before) = &self.previous {
                now.mark_changes(before);
            }
            self.previous = Some(now.clone());
            now
        });
        self.job = None;
        self.done = Some(state);
    }

    /// A new place to read: read it, or begin to.
    fn start(&mut self, at: Option<At>) {
        self.at = at.clone();
        self.job = None;
        self.done = None;
        let Some((source, opts, read)) = at else {
            return;
        };
        match read {
            Read::Line(k) => self.finish(inspect_at_line(&source, k, opts).ok()),
            Read::Events(n) => match Inspecting::new(&source, n, opts) {
                Err(_) => self.finish(None),
                Ok(mut job) => match job.go_on(for_ms(FIRST_SLICE_MS)) {
                    Some(state) => self.finish(Some(state)),
                    None => self.job = Some(job),
                },
            },
        }
    }
}

#[hook]
pub fn use_inspection(at: Option<At>) -> Reading {
    let slot: Rc<RefCell<Slot>> = use_mut_ref(Slot::default);
    let redraw = use_force_update();
    if slot.borrow().at != at {
        slot.borrow_mut().start(at.clone());
    }
    let busy = slot.borrow().job.is_some().then(|| slot.borrow().slices);
    {
        let slot = slot.clone();
        use_effect_with((at, busy), move |(_, busy)| {
            let next = busy.map(|_| {
                Timeout::new(0, move || {
                    let mut s = slot.borrow_mut();
                    let Some(job) = &mut s.job else { return };
                    match job.go_on(for_ms(SLICE_MS)) {
                        Some(state) => s.finish(Some(state)),
                        None => s.slices += 1,
                    }
                    drop(s);
                    redraw.force_update();
                })
            });
            move || drop(next)
        });
    }
    let s = slot.borrow();
    match (&s.at, &s.done) {
        (None, _) => Reading::Nothing,
        (Some(_), None) => Reading::Busy,
        (Some(_), Some(state)) => Reading::Done(state.clone()),
    }
}
