//! Deadlock reports: what each unfinished task waits for, and a cycle in that graph.

use super::waits::Wait;
use super::{LoopState, ResourceState};
use crate::sim::trace::{TaskId, WaitEdge};

impl LoopState {
    /// What each unfinished task waits for, as waits-for edges.
    pub fn wait_edges(&self) -> Vec<WaitEdge> {
        let mut edges = Vec::new();
        for (i, slot) in self.tasks.iter().enumerate() {
            if slot.done {
                continue;
            }
            let task = TaskId(i as u32);
            let name = |t: TaskId| self.infos[t.index()].name().into_owned();
            let resource = |r: u32| &self.prog.resources[r as usize];
            let (on, holder) = match slot.wait {
                Wait::Task(t) => (format!("task {}", name(t)), Some(t)),
                Wait::Gather(g) => {
                    let pending = self.gathers[g as usize]
                        .children
                        .iter()
                        .copied()
                        .find(|c| !self.is_done(*c));
                    let words = pending.map_or("gather".into(), |c| {
                        format!("gather (still running: {})", name(c))
                    });
                    (words, pending)
                }
                Wait::Acquire(r) => {
                    let holder = match &self.resources[r as usize] {
                        ResourceState::Permits { holders, .. } => holders.first().copied(),
                        ResourceState::Queue { .. } => None,
                    };
                    let held = holder.map_or(String::new(), |h| format!(" (held by {})", name(h)));
                    (
                        format!("{} {}{held}", resource(r).kind, resource(r).name),
                        holder,
                    )
                }
                Wait::QueueGet(r) => (
                    format!(
                        "an item from queue {} (empty, no producer left)",
                        resource(r).name
                    ),
                    None,
                ),
                Wait::QueuePut(r) => (
                    format!(
                        "room in queue {} (full, no consumer left)",
                        resource(r).name
                    ),
                    None,
                ),
                Wait::None | Wait::Timer | Wait::Io | Wait::Executor => ("nothing".into(), None),
            };
            edges.push(WaitEdge { task, on, holder });
        }
        edges
    }
}

/// Finds a cycle in the waits-for graph, following each task's holder.
pub fn find_cycle(edges: &[WaitEdge]) -> Vec<WaitEdge> {
    let next = |t: TaskId| edges.iter().find(|e| e.task == t);
    for start in edges {
        let mut path: Vec<&WaitEdge> = vec![start];
        while let Some(holder) = path.last().and_then(|e| e.holder) {
            if let Some(pos) = path.iter().position(|e| e.task == holder) {
                return path[pos..].iter().map(|e| (*e).clone()).collect();
            }
            match next(holder) {
                Some(e) => path.push(e),
                None => break,
            }
        }
    }
    Vec::new()
}
