//! asyncio's `Future` and `Task` objects. A task owns its coroutine's frames while it
//! is suspended; its `step` (in [`super::runtime`]) runs them.

use crate::py::value::Value;
use crate::py::vm::Frame;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Pending,
    Finished,
    Cancelled,
}

/// A future: a result that is not there yet, and the callbacks to run when it is.
#[derive(Debug)]
pub struct Future {
    pub state: Cell<State>,
    pub result: RefCell<Value>,
    pub exception: RefCell<Option<Value>>,
    /// Done callbacks, called with the future through `call_soon`.
    pub callbacks: RefCell<Vec<Value>>,
    pub cancel_message: RefCell<Option<Value>>,
    /// An exception nobody retrieved is reported when the run ends.
    pub retrieved: Cell<bool>,
    /// What it stands for in the trace (`Lock.acquire`, `Event.wait`...), if known.
    pub label: RefCell<Option<Rc<str>>>,
    /// The trace's resource for the program's lock, semaphore or queue it stands for
    /// (`NO_RESOURCE` if none): a plain `u32` fits the struct's padding, an `Option` would
    /// make every task 8 bytes bigger.
    resource: Cell<u32>,
    /// `gather`'s outer future cancels its children instead (`_GatheringFuture.cancel`).
    pub cancel_hook: RefCell<Option<Value>>,
    /// `gather`'s children that are tasks, by number, for the trace.
    pub children: RefCell<Vec<u32>>,
    /// A `concurrent.futures` future (`executor.submit`): `result()` waits for the job.
    pub concurrent: Cell<bool>,
}

impl Default for Future {
    fn default() -> Self {
        Future {
            state: Cell::new(State::Pending),
            result: RefCell::new(Value::None),
            exception: RefCell::new(None),
            callbacks: RefCell::new(Vec::new()),
            cancel_message: RefCell::new(None),
            retrieved: Cell::new(false),
            label: RefCell::new(None),
            resource: Cell::new(NO_RESOURCE),
            cancel_hook: RefCell::new(None),
            children: RefCell::new(Vec::new()),
            concurrent: Cell::new(false),
        }
    }
}

const NO_RESOURCE: u32 = u32::MAX;

impl Future {
    /// The trace's resource it waits on for a lock, semaphore or queue, if any.
    pub fn resource(&self) -> Option<u32> {
        Some(self.resource.get()).filter(|r| *r != NO_RESOURCE)
    }

    pub fn set_resource(&self, r: u32) {
        self.resource.set(r);
    }

    pub fn done(&self) -> bool {
        self.state.get() != State::Pending
    }

    /// Drops what it refers to (see `Runtime::clear`).
    pub fn clear(&self) {
        self.callbacks.borrow_mut().clear();
        *self.cancel_hook.borrow_mut() = None;
        *self.result.borrow_mut() = Value::None;
        *self.exception.borrow_mut() = None;
    }
}

/// What a task is suspended on.
#[derive(Debug, Clone)]
pub enum Waiting {
    Nothing,
    /// A future or task.
    Future(Value),
    /// `asyncio.sleep`: the timer's generation (a cancelled sleep's timer is ignored)
    /// and the result to resume with.
    Sleep {
        gen: u32,
        result: Value,
    },
}

/// A task: a coroutine driven by the loop.
#[derive(Debug)]
pub struct Task {
    pub fut: Future,
    /// Its number in the trace.
    pub id: u32,
    /// Its name: `create_task(name=)`, `set_name`, or `Task-N` from `number` when first
    /// asked for (most tasks never are).
    pub name: RefCell<Option<Rc<str>>>,
    pub number: u32,
    pub coro: Value,
    /// The coroutine's frames while suspended (empty while it runs or once it ended).
    pub frames: RefCell<Vec<Frame>>,
    pub started: Cell<bool>,
    pub must_cancel: Cell<bool>,
    pub cancel_requests: Cell<u32>,
    pub waiting: RefCell<Waiting>,
    /// Bumped at every suspension, so a stale timer or wake-up is ignored.
    pub gen: Cell<u32>,
}

impl Task {
    pub fn name(&self) -> Rc<str> {
        self.name
            .borrow_mut()
            .get_or_insert_with(|| format!("Task-{}", self.number).into())
            .clone()
    }
}

pub type TaskRef = Rc<Task>;
