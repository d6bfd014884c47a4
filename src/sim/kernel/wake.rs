//! What a wait ends with ([`Wake`]), and the exceptions that travel through the
//! coroutines: the loop keeps them in a table and a wake names one by its index.

use super::LoopState;
use std::rc::Rc;

/// How many of the newest exceptions [`LoopState::raise`] looks through for an equal one.
const RECENT_EXCEPTIONS: usize = 8;

/// What a task ends with: the value it returned, or the exception it raised.
pub type TaskResult = Result<Rc<str>, Exception>;

/// A Python exception travelling through the coroutines.
#[derive(Clone, Debug, PartialEq)]
pub struct Exception {
    pub kind: Rc<str>,
    pub message: Rc<str>,
}

impl Exception {
    pub fn new(kind: &str, message: &str) -> Exception {
        Exception {
            kind: kind.into(),
            message: message.into(),
        }
    }

    pub fn cancelled() -> Exception {
        Exception::new("CancelledError", "")
    }

    pub fn is_cancel(&self) -> bool {
        &*self.kind == "CancelledError"
    }

    /// `ValueError: bad input`, or just `ValueError`.
    pub fn describe(&self) -> String {
        if self.message.is_empty() {
            self.kind.to_string()
        } else {
            format!("{}: {}", self.kind, self.message)
        }
    }
}

/// Why a coroutine stopped early: a Python exception, or the run being aborted.
#[derive(Clone, Debug, PartialEq)]
pub enum Unwind {
    Raise(Exception),
    Abort,
}

impl From<Exception> for Unwind {
    fn from(e: Exception) -> Self {
        Unwind::Raise(e)
    }
}

/// What a finished wait hands back to the suspended coroutine.
///
/// A value carries no payload: no coroutine ever reads the value of what it awaited
/// (only a task's own return value is recorded, in its `Completed` event), so the hot
/// path neither builds nor clones one. `Copy` and 8 bytes: an exception is kept in the
/// loop's table ([`LoopState::raise`]) and named by its index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wake {
    Value,
    Raise(ExceptionId),
    /// A `wait_for` deadline passed.
    TimedOut,
}

/// An exception in [`LoopState`]'s table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionId(u32);

impl Wake {
    /// The wake as one number below 2^29, for a timer's entry
    /// ([`Resolve`](crate::sim::ready::Resolve)): a value 0, a timeout 1, an exception
    /// its id plus 2 (ids stay far below 2^29: a run adds at most one per step, and
    /// stops after [`Limits::max_steps`](super::Limits::max_steps)).
    #[inline(always)]
    pub fn to_bits(self) -> u32 {
        match self {
            Wake::Value => 0,
            Wake::TimedOut => 1,
            Wake::Raise(ExceptionId(id)) => id + 2,
        }
    }

    /// The inverse of [`Self::to_bits`].
    #[inline(always)]
    pub fn from_bits(bits: u32) -> Wake {
        match bits {
            0 => Wake::Value,
            1 => Wake::TimedOut,
            id => Wake::Raise(ExceptionId(id - 2)),
        }
    }
}

impl LoopState {
    /// A wake that raises `e` in the coroutine. Exceptions are values: one equal to a
    /// recent one shares its entry, so a loop that keeps failing the same way (a
    /// failing fetch under `try`, repeated) does not grow the table.
    pub fn raise(&mut self, e: Exception) -> Wake {
        let recent = self.exceptions.len().saturating_sub(RECENT_EXCEPTIONS);
        let index = match self.exceptions[recent..].iter().rposition(|x| *x == e) {
            Some(i) => recent + i,
            None => {
                self.exceptions.push(e);
                self.exceptions.len() - 1
            }
        };
        Wake::Raise(ExceptionId(index as u32))
    }

    pub fn exception(&self, id: ExceptionId) -> &Exception {
        &self.exceptions[id.0 as usize]
    }

    /// What the coroutine gets from a wait that ended with `wake`.
    pub fn unwrap_wake(&self, wake: Wake) -> Result<(), Unwind> {
        match wake {
            Wake::Value => Ok(()),
            Wake::Raise(id) => Err(self.exception(id).clone().into()),
            Wake::TimedOut => Err(Exception::new("TimeoutError", "").into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::kernel::Limits;
    use crate::sim::ready::Resolve;
    use crate::sim::trace::{Callback, TaskId};
    use crate::sim::{Coroutine, Main, Scenario, StartMode};

    fn state() -> LoopState {
        let scenario = Scenario {
            name: "one".into(),
            coroutines: vec![Coroutine {
                name: "a".into(),
                steps: Vec::new(),
            }],
            main: Main {
                mode: StartMode::Concurrent,
                run: vec!["a".into()],
            },
            resources: Vec::new(),
            executor_workers: 1,
            seed: 0,
            source: None,
        };
        let program = scenario.validate().expect("valid");
        LoopState::new(Rc::new(program), Limits::default())
    }

    #[test]
    fn an_exception_raised_again_shares_its_entry() {
        let mut k = state();
        let failed = || Exception::new("ConnectionError", "fetch /a failed");
        let first = k.raise(failed());
        let other = k.raise(Exception::new("ValueError", "bad"));
        assert_ne!(first, other);
        for _ in 0..1000 {
            assert_eq!(k.raise(failed()), first);
        }
        assert_eq!(k.exceptions.len(), 2, "a repeated failure adds no entry");
        assert_eq!(k.unwrap_wake(first), Err(Unwind::Raise(failed())));
    }

    #[test]
    fn a_timer_entry_gives_back_its_task_wait_callback_and_wake() {
        let callbacks = Callback::ALL;
        let wakes = [
            Wake::Value,
            Wake::TimedOut,
            Wake::Raise(ExceptionId(0)),
            Wake::Raise(ExceptionId((1 << 29) - 3)),
        ];
        for (i, &callback) in callbacks.iter().enumerate() {
            for &wake in &wakes {
                let (task, gen) = (TaskId(u32::MAX - i as u32), u32::MAX - 7);
                let r = Resolve::new(task, gen, callback, wake);
                assert_eq!(
                    (r.task(), r.gen(), r.callback(), r.wake()),
                    (task, gen, callback, wake)
                );
            }
        }
    }
}
