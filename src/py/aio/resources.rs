//! The program's locks, semaphores and queues in the trace. They are Python (the
//! prelude's `locks.py` and `queues.py`, after CPython's), and call these natives where
//! CPython's take or give back a permit or move an item, so a program's trace has the
//! step simulation's `Acquired`, `Released`, `QueuePut` and `QueueGet` events. Only
//! programs that make such objects call them: other runs record nothing more.

use super::{future_of, AioObject, R};
use crate::py::builtins::{builtin, Kwargs};
use crate::py::value::*;
use crate::py::vm::Vm;

/// The natives, as `_native.*` inside the prelude.
pub fn natives() -> Vec<(&'static str, Value)> {
    vec![
        ("resource", builtin("resource", resource)),
        ("acquired", builtin("acquired", acquired)),
        ("released", builtin("released", released)),
        (
            "queue_put",
            builtin("queue_put", |vm, a, _| moved(vm, &a, true)),
        ),
        (
            "queue_get",
            builtin("queue_get", |vm, a, _| moved(vm, &a, false)),
        ),
    ]
}

/// `_native.resource(self, kind, capacity)` in a lock's, semaphore's or queue's
/// `__init__`: it becomes a resource of the trace, named after its class (a subclass
/// the program wrote keeps its own name). `capacity`: permits, or a queue's maxsize
/// (none if not positive).
fn resource(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let (Some(object), Some(Value::Str(kind))) = (args.first(), args.get(1)) else {
        return Ok(Value::None);
    };
    let capacity = match args.get(2) {
        Some(Value::Int(n)) => (*n).clamp(0, i64::from(u32::MAX)) as u32,
        _ => 0,
    };
    let class = vm.type_name(object);
    vm.aio
        .rec
        .new_resource(object.identity(), class, kind, capacity);
    Ok(Value::None)
}

/// The trace's resource of a lock, semaphore or queue made by the prelude.
pub(super) fn resource_of(vm: &Vm, object: Option<&Value>) -> Option<u32> {
    vm.aio.rec.resource_of(object?.identity())
}

fn running_task(vm: &Vm) -> Option<u32> {
    vm.aio.current.as_ref().map(|t| t.id)
}

/// `_native.acquired(self)`: the running task took a permit; `_native.acquired(self,
/// fut)`: the permit is handed to the task waiting on `fut`, as the holder releases
/// it (the step simulation's hand-over: from then on nobody else can take it).
fn acquired(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let task = match args.get(1) {
        Some(fut) => waiting_task(fut),
        None => running_task(vm),
    };
    if let (Some(r), Some(task)) = (resource_of(vm, args.first()), task) {
        let t = vm.aio.time;
        vm.aio.rec.acquired(t, r, task);
    }
    Ok(Value::None)
}

/// The task waiting on `fut`: the one whose `__wakeup` is among its done callbacks.
fn waiting_task(fut: &Value) -> Option<u32> {
    future_of(fut)?
        .callbacks
        .borrow()
        .iter()
        .find_map(|cb| match cb {
            Value::Object(o) => match &**o {
                Object::Aio(AioObject::Wakeup(task)) => Some(task.id),
                _ => None,
            },
            _ => None,
        })
}

/// `_native.released(self)`: a permit is given back (whose: see `Recorder::released`).
fn released(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    if let Some(r) = resource_of(vm, args.first()) {
        let (t, by) = (vm.aio.time, running_task(vm));
        vm.aio.rec.released(t, r, by);
    }
    Ok(Value::None)
}

/// `_native.queue_put(self, size)` / `queue_get`: an item went in or out, the queue
/// now holding `size`.
fn moved(vm: &mut Vm, args: &[Value], put: bool) -> R<Value> {
    if let (Some(r), Some(Value::Int(size))) = (resource_of(vm, args.first()), args.get(1)) {
        let (t, task) = (vm.aio.time, running_task(vm));
        let size = (*size).clamp(0, i64::from(u32::MAX)) as u32;
        vm.aio.rec.queue_moved(t, r, task, put, size);
    }
    Ok(Value::None)
}
