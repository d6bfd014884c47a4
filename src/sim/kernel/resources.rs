//! Semaphores, locks and queues, handed over FIFO as in CPython 3.12.

use super::waits::Wait;
use super::{LoopState, Wake};
use crate::sim::scenario::ResourceKind;
use crate::sim::trace::{EventKind, Reason, TaskId};
use std::collections::VecDeque;
use std::rc::Rc;

pub enum ResourceState {
    Permits {
        available: u32,
        holders: Vec<TaskId>,
        waiters: VecDeque<(TaskId, u32)>,
    },
    Queue {
        items: VecDeque<Rc<str>>,
        maxsize: u32,
        putters: VecDeque<(TaskId, u32)>,
        getters: VecDeque<(TaskId, u32)>,
    },
}

impl ResourceState {
    /// A resource's state at the start of a run: a lock is a semaphore of one permit.
    pub(super) fn new(kind: ResourceKind) -> ResourceState {
        match kind {
            ResourceKind::Semaphore { permits } => ResourceState::Permits {
                available: permits,
                holders: Vec::new(),
                waiters: VecDeque::new(),
            },
            ResourceKind::Lock => ResourceState::Permits {
                available: 1,
                holders: Vec::new(),
                waiters: VecDeque::new(),
            },
            ResourceKind::Queue { maxsize } => ResourceState::Queue {
                items: VecDeque::new(),
                maxsize,
                putters: VecDeque::new(),
                getters: VecDeque::new(),
            },
        }
    }
}

impl LoopState {
    /// Takes a permit at once if free and nobody queues (asyncio's FIFO rule).
    pub fn try_acquire(&mut self, r: u32) -> bool {
        let me = self.current;
        let ResourceState::Permits {
            available,
            holders,
            waiters,
        } = &mut self.resources[r as usize]
        else {
            return false;
        };
        if *available == 0 || !waiters.is_empty() {
            return false;
        }
        *available -= 1;
        holders.push(me);
        self.emit(me, EventKind::Acquired { resource: r });
        true
    }

    pub fn wait_acquire(&mut self, r: u32) -> u32 {
        let gen = self.suspend(Wait::Acquire(r), Reason::Acquire { resource: r });
        let me = self.current;
        if let ResourceState::Permits { waiters, .. } = &mut self.resources[r as usize] {
            waiters.push_back((me, gen));
        }
        gen
    }

    /// Gives back `task`'s permit, handing it to the first waiter (CPython 3.12).
    pub fn release(&mut self, task: TaskId, r: u32) {
        self.emit(task, EventKind::Released { resource: r });
        if let ResourceState::Permits {
            available, holders, ..
        } = &mut self.resources[r as usize]
        {
            if let Some(i) = holders.iter().position(|h| *h == task) {
                holders.remove(i);
            }
            *available += 1;
        }
        self.wake_up_next(r);
    }

    /// `Semaphore._wake_up_next`: the first waiter still waiting takes the permit.
    fn wake_up_next(&mut self, r: u32) {
        loop {
            let next = match &mut self.resources[r as usize] {
                ResourceState::Permits { waiters, .. } => waiters.pop_front(),
                ResourceState::Queue { .. } => None,
            };
            let Some((w, gen)) = next else { return };
            let slot = &self.tasks[w.index()];
            if slot.gen != gen || slot.wait != Wait::Acquire(r) {
                continue;
            }
            if let ResourceState::Permits {
                available, holders, ..
            } = &mut self.resources[r as usize]
            {
                *available -= 1;
                holders.push(w);
            }
            self.emit(w, EventKind::Acquired { resource: r });
            self.resolve(w, gen, Wake::Value);
            return;
        }
    }

    pub fn queue_full(&self, r: u32) -> bool {
        match &self.resources[r as usize] {
            ResourceState::Queue { items, maxsize, .. } => {
                *maxsize > 0 && items.len() >= *maxsize as usize
            }
            ResourceState::Permits { .. } => false,
        }
    }

    pub fn queue_empty(&self, r: u32) -> bool {
        match &self.resources[r as usize] {
            ResourceState::Queue { items, .. } => items.is_empty(),
            ResourceState::Permits { .. } => true,
        }
    }

    /// Suspends the current task as a putter (`put = true`) or a getter of queue `r`.
    pub fn wait_queue(&mut self, r: u32, put: bool) -> u32 {
        let (wait, reason) = if put {
            (Wait::QueuePut(r), Reason::QueuePut { resource: r })
        } else {
            (Wait::QueueGet(r), Reason::QueueGet { resource: r })
        };
        let gen = self.suspend(wait, reason);
        let me = self.current;
        if let ResourceState::Queue {
            putters, getters, ..
        } = &mut self.resources[r as usize]
        {
            if put { putters } else { getters }.push_back((me, gen));
        }
        gen
    }

    /// `Queue._wakeup_next`: wakes the first putter (or getter) still waiting.
    pub fn wakeup_next(&mut self, r: u32, putters: bool) {
        loop {
            let next = match &mut self.resources[r as usize] {
                ResourceState::Queue {
                    putters: p,
                    getters: g,
                    ..
                } => if putters { p } else { g }.pop_front(),
                ResourceState::Permits { .. } => None,
            };
            let Some((task, gen)) = next else { return };
            if self.resolve(task, gen, Wake::Value) {
                return;
            }
        }
    }

    pub fn put_item(&mut self, r: u32, item: Rc<str>) {
        let me = self.current;
        if let ResourceState::Queue { items, .. } = &mut self.resources[r as usize] {
            items.push_back(item);
            let size = items.len() as u32;
            self.emit(me, EventKind::QueuePut { resource: r, size });
        }
        self.wakeup_next(r, false);
    }

    pub fn get_item(&mut self, r: u32) -> Rc<str> {
        let me = self.current;
        let mut item = self.none.clone();
        if let ResourceState::Queue { items, .. } = &mut self.resources[r as usize] {
            if let Some(i) = items.pop_front() {
                item = i;
            }
            let size = items.len() as u32;
            self.emit(me, EventKind::QueueGet { resource: r, size });
        }
        self.wakeup_next(r, true);
        item
    }
}
