//! Writing the trace: events (each checked against the limit on events) and the texts
//! they refer to, each interned once.

use super::clock::virtual_ticks;
use super::LoopState;
use crate::sim::events::Ticks;
use crate::sim::trace::{EventKind, StepId, TaskId, TextId};
use std::rc::Rc;

impl LoopState {
    #[inline(always)]
    pub fn emit_at(&mut self, t: u64, task: TaskId, kind: EventKind) {
        self.emit_stamped(virtual_ticks(t), task, kind);
    }

    /// [`Self::emit_at`] a time in ticks.
    #[inline(always)]
    fn emit_stamped(&mut self, t: Ticks, task: TaskId, kind: EventKind) {
        let step = if task == TaskId::LOOP {
            None
        } else {
            self.tasks[task.index()].at()
        };
        self.push_event(t, task, step, kind);
    }

    /// Appends an event stamped `t` (in ticks, see [`Self::ticks`]), unless the trace is
    /// full (which stops the run).
    #[inline(always)]
    pub(super) fn push_event(
        &mut self,
        t: Ticks,
        task: TaskId,
        step: Option<StepId>,
        kind: EventKind,
    ) {
        if self.room_for_event() {
            self.events.push_at(t, task, step, kind);
        }
    }

    /// True if the trace has room for another event; once it is full, the run stops.
    #[inline(always)]
    pub(super) fn room_for_event(&mut self) -> bool {
        if self.events.stored() >= self.max_stored {
            self.too_many_events();
            return false;
        }
        true
    }

    #[cold]
    #[inline(never)]
    fn too_many_events(&mut self) {
        self.stop(format!(
            "the run recorded more than {} events; is a loop endless?",
            self.limits.max_events
        ));
    }

    /// The id of `text` in the trace's texts, added if new.
    pub fn intern(&mut self, text: &str) -> TextId {
        if let Some(&id) = self.text_ids.get(text) {
            return TextId(id);
        }
        let id = self.texts.len() as u32;
        self.texts.push(text.to_string());
        self.text_ids.insert(text.to_string(), id);
        TextId(id)
    }

    /// [`Self::intern`] for a task's return value, which is most often `None`.
    pub(super) fn intern_value(&mut self, value: &Rc<str>) -> TextId {
        if !Rc::ptr_eq(value, &self.none) {
            return self.intern(value);
        }
        match self.none_text {
            Some(id) => id,
            None => {
                let id = self.intern(&self.none.clone());
                self.none_text = Some(id);
                id
            }
        }
    }

    /// [`Self::emit`] at the current time for a task whose step the caller knows.
    #[inline(always)]
    pub fn emit_for(&mut self, task: TaskId, step: Option<StepId>, kind: EventKind) {
        let t = self.now_ticks;
        self.push_event(t, task, step, kind);
    }

    #[inline(always)]
    pub fn emit(&mut self, task: TaskId, kind: EventKind) {
        let t = self.now_ticks;
        self.emit_stamped(t, task, kind);
    }
}
