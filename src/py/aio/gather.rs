//! `asyncio.gather`, native: the same algorithm as CPython 3.12's `Lib/asyncio/tasks.py`
//! (children's done callbacks in the same order, the same outcome for every mix of
//! results, exceptions and cancellations), without a Python call per child. The outer
//! future is a `_GatheringFuture`: cancelling it cancels the children.

use super::{aio_value, future_of, AioObject, Future, State};
use crate::py::builtins::{check_kwargs, kwarg, Kwargs};
use crate::py::value::*;
use crate::py::vm::Vm;
use rustc_hash::FxHashMap;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

type R<T> = Result<T, Value>;

/// One `gather(...)`: the state its `_done_callback` closes over in CPython. As a value
/// it is both the children's done callback and the outer future's cancel hook.
#[derive(Debug)]
pub struct Gather {
    /// The outer future; `None` while the children are being collected.
    outer: RefCell<Value>,
    children: Vec<Value>,
    nfuts: usize,
    nfinished: Cell<usize>,
    return_exceptions: bool,
    cancel_requested: Cell<bool>,
}

/// `asyncio.gather(*aws, return_exceptions=False)`.
pub(super) fn gather(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> R<Value> {
    check_kwargs(vm, &kwargs, "gather", &["return_exceptions"])?;
    let return_exceptions = match kwarg(&kwargs, "return_exceptions") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if args.is_empty() {
        let outer = vm.new_future();
        vm.set_result(&outer, Value::list(Vec::new()))?;
        return Ok(outer);
    }
    // The same awaitable passed twice is one child, listed twice.
    let mut seen: FxHashMap<usize, Value> = FxHashMap::default();
    let mut children = Vec::with_capacity(args.len());
    let mut pending = Vec::new();
    let mut done_futs = Vec::new();
    for arg in args {
        let key = arg.identity();
        let fut = match seen.get(&key) {
            Some(fut) => fut.clone(),
            None => {
                let fut = super::api::ensure_future(vm, vec![arg], Vec::new())?;
                seen.insert(key, fut.clone());
                if future_of(&fut).is_some_and(Future::done) {
                    done_futs.push(fut.clone());
                } else {
                    pending.push(fut.clone());
                }
                fut
            }
        };
        children.push(fut);
    }
    let state = Rc::new(Gather {
        outer: RefCell::new(Value::None),
        nfuts: seen.len(),
        children,
        nfinished: Cell::new(0),
        return_exceptions,
        cancel_requested: Cell::new(false),
    });
    let callback = aio_value(AioObject::Gather(state.clone()));
    for fut in &pending {
        vm.add_done_callback(fut, callback.clone());
    }
    let outer = vm.new_future();
    if let Some(f) = future_of(&outer) {
        *f.cancel_hook.borrow_mut() = Some(callback);
        *f.label.borrow_mut() = Some("gather".into());
        *f.children.borrow_mut() = state
            .children
            .iter()
            .filter_map(|c| super::task_of(c).map(|t| t.id))
            .collect();
    }
    *state.outer.borrow_mut() = outer.clone();
    for fut in &done_futs {
        vm.gather_child_done(&state, fut)?;
    }
    Ok(outer)
}

impl Vm {
    /// `_done_callback(fut)`: a child finished.
    pub(super) fn gather_child_done(&mut self, g: &Gather, fut: &Value) -> R<()> {
        g.nfinished.set(g.nfinished.get() + 1);
        let outer = g.outer.borrow().clone();
        let child = future_of(fut).ok_or_else(|| self.type_error("not a future"))?;
        let outer_done = future_of(&outer).is_none_or(Future::done);
        if outer_done {
            // Marks the exception retrieved, so it is not reported at exit.
            child.retrieved.set(true);
            return Ok(());
        }
        if !g.return_exceptions {
            if child.state.get() == State::Cancelled {
                let e = self.make_cancelled_error(child);
                return self.set_exception(&outer, e);
            }
            child.retrieved.set(true);
            let exc = child.exception.borrow().clone();
            if let Some(e) = exc {
                return self.set_exception(&outer, e);
            }
        }
        if g.nfinished.get() < g.nfuts {
            return Ok(());
        }
        let mut results = Vec::with_capacity(g.children.len());
        for c in &g.children {
            let f = future_of(c).ok_or_else(|| self.type_error("not a future"))?;
            results.push(if f.state.get() == State::Cancelled {
                // A new error, as CPython builds it: `CancelledError('')` without a message.
                let msg = f.cancel_message.borrow().clone();
                let cls = self.types.cancelled_error.clone();
                self.exc_with_args(&cls, vec![msg.unwrap_or_else(|| Value::str(""))])
            } else {
                f.retrieved.set(true);
                let exc = f.exception.borrow().clone();
                match exc {
                    Some(e) => e,
                    None => f.result.borrow().clone(),
                }
            });
        }
        if g.cancel_requested.get() {
            let e = self.make_cancelled_error(child);
            self.set_exception(&outer, e)
        } else {
            self.set_result(&outer, Value::list(results))
        }
    }

    /// `_GatheringFuture.cancel(msg)`: cancels the children; true if any was.
    pub(super) fn gather_cancel(&mut self, g: &Gather, msg: Option<Value>) -> bool {
        let mut ret = false;
        for child in &g.children {
            if self.future_cancel(child, msg.clone()) {
                ret = true;
            }
        }
        if ret {
            g.cancel_requested.set(true);
        }
        ret
    }
}
