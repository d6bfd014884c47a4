//! The event loop: asyncio's `_run_once`, over a virtual clock.
//!
//! Each iteration moves due timers and I/O completions to the ready queue, then runs
//! the callbacks that were ready when it began, in FIFO order. When nothing is ready
//! the clock jumps to the next due time. The run ends when every task is done (then
//! `main`'s result is the outcome), when nothing can ever run again (a deadlock), or
//! when a safety limit stops a runaway scenario.

use super::coroutine::{task_futures, Cx, Flow};
use super::kernel::{find_cycle, Exception, Limits, LoopState, Unwind};
use super::program::{Program, ScenarioError};
use super::ready::Batch;
use super::scenario::Scenario;
use super::task_futures::TaskFutures;
use super::trace::{EventKind, Outcome, TaskId, Trace};
use std::cell::{RefCell, RefMut};
use std::rc::Rc;
use std::task::{Context, Waker};

/// Runs a scenario to its end with the default limits.
pub fn run(scenario: &Scenario) -> Result<Trace, ScenarioError> {
    run_with(scenario, Limits::default())
}

/// Runs a scenario to its end; invalid scenarios are rejected before anything runs.
pub fn run_with(scenario: &Scenario, limits: Limits) -> Result<Trace, ScenarioError> {
    let program = Rc::new(scenario.validate()?);
    Ok(EventLoop::new(program, limits, task_futures()).run())
}

/// [`run_with`] with every turn taken by the general path, never in one pass over its
/// timers ([`LoopState::run_due_timers`]): for the test that checks both write the
/// same trace.
#[doc(hidden)]
pub fn run_general(scenario: &Scenario, limits: Limits) -> Result<Trace, ScenarioError> {
    let program = Rc::new(scenario.validate()?);
    let event_loop = EventLoop::new(program, limits, task_futures());
    event_loop.k().single_pass = false;
    Ok(event_loop.run())
}

/// What one [`EventLoop::turn`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Turn {
    /// Callbacks ran.
    Ran,
    /// Nothing was ready; the next timer or completion is due then (`None`: nothing
    /// pending in the loop itself).
    Idle(Option<u64>),
    /// Every task is done, or a limit stopped the run.
    Over,
}

/// A single-threaded executor polling the tasks' futures, kept in `T`, the concrete
/// type `task_futures()` makes, so that polling a task compiles to a direct call.
pub struct EventLoop<T: TaskFutures> {
    cx: Rc<Cx>,
    futures: T,
}

impl<T: TaskFutures> EventLoop<T> {
    /// A loop for `prog` whose tasks' futures live in `futures` (see [`task_futures`]).
    pub fn new(prog: Rc<Program>, limits: Limits, futures: T) -> EventLoop<T> {
        let k = Rc::new(RefCell::new(LoopState::new(prog.clone(), limits)));
        EventLoop {
            cx: Rc::new(Cx { k, prog }),
            futures,
        }
    }

    fn k(&self) -> std::cell::RefMut<'_, LoopState> {
        self.cx.k.borrow_mut()
    }

    /// Runs on the virtual clock to the end.
    pub fn run(mut self) -> Trace {
        self.start();
        loop {
            match self.turn() {
                Turn::Ran => {}
                Turn::Over | Turn::Idle(None) => break,
                Turn::Idle(Some(due)) => {
                    let mut k = self.k();
                    if due > k.now {
                        let from = k.now as f64;
                        k.emit_at(due, TaskId::LOOP, EventKind::IdleJump { from });
                        k.advance(due);
                    }
                }
            }
        }
        self.finish_trace()
    }

    /// Creates `main`'s task.
    fn start(&mut self) {
        let main = self.cx.prog.main;
        self.k().create_task(Some(main), None);
        self.futures.spawn(&self.cx, &[(TaskId::MAIN, main)]);
    }

    /// One iteration of asyncio's `_run_once` at the current time: due timers and I/O
    /// completions join the ready queue, then the callbacks ready now run in order.
    fn turn(&mut self) -> Turn {
        // The state stays borrowed for the whole turn, except while a compound step runs.
        let cx = self.cx.clone();
        let mut k = cx.k.borrow_mut();
        if k.abort.is_some() || k.finished() {
            return Turn::Over;
        }
        k.catch_up();
        if k.run_due_timers() {
            return Turn::Ran;
        }
        k.collect_due();
        if k.ready.is_empty() {
            return Turn::Idle(k.next_due());
        }
        // This turn runs what is queued now; what the callbacks queue waits for the next.
        k.ready.seal();
        let n = k.ready.batches();
        let ready = k.ready.callbacks() as u32;
        k.emit(TaskId::LOOP, EventKind::Tick { ready });
        let mut context = Context::from_waker(Waker::noop());
        for _ in 0..n {
            let Some(mut batch) = k.ready.pop() else {
                break;
            };
            match &mut batch {
                Batch::Steps(tasks) => {
                    for &task in tasks.iter() {
                        k = self.step(&cx, k, task, &mut context);
                        if k.abort.is_some() {
                            break;
                        }
                    }
                }
                Batch::Resolves(resolves) => k.run_resolves(resolves),
                Batch::GatherChildren(children) => k.run_gather_children(children),
            }
            k.ready.recycle(batch);
            if k.abort.is_some() {
                break;
            }
        }
        Turn::Ran
    }

    /// Runs one step of a task: polls its future until it suspends or ends. Takes the
    /// turn's borrow of the loop's state and gives it back; the future runs its simple
    /// steps in that borrow ([`super::task_futures::Resume`]).
    fn step<'a>(
        &mut self,
        cx: &'a Rc<Cx>,
        mut k: RefMut<'a, LoopState>,
        task: TaskId,
        context: &mut Context<'_>,
    ) -> RefMut<'a, LoopState> {
        let slot = &mut k.tasks[task.index()];
        if slot.done {
            return k;
        }
        let at = slot.at();
        if !slot.started {
            if slot.cancel_requested {
                // Cancelled before it ever ran: the coroutine never starts.
                end_task(&mut k, task, Err(Exception::cancelled()));
                return k;
            }
            slot.started = true;
            k.emit_for(task, at, EventKind::Started);
        } else {
            k.emit_for(task, at, EventKind::Resumed);
        }
        k.current = task;
        let mut ended = None;
        let mut k = self.futures.poll(task, cx, k, context, &mut ended);
        if !k.spawned.is_empty() {
            self.futures.spawn(&self.cx, &k.spawned);
            k.spawned.clear();
        }
        if let Some(result) = ended {
            match result {
                Ok(flow) => {
                    let value = match flow {
                        Flow::Return(value) => value,
                        Flow::Next => k.none.clone(),
                    };
                    end_task(&mut k, task, Ok(value))
                }
                Err(Unwind::Raise(e)) => end_task(&mut k, task, Err(e)),
                Err(Unwind::Abort) => {}
            }
        }
        k
    }

    /// The finished run's trace: its outcome is what the state says.
    fn finish_trace(self) -> Trace {
        let mut k = self.k();
        let outcome = if let Some(message) = k.abort.take() {
            Outcome::LimitExceeded { message }
        } else if k.tasks.iter().any(|t| !t.done) {
            let waits = k.wait_edges();
            Outcome::Deadlock {
                cycle: find_cycle(&waits),
                waits,
            }
        } else {
            match k.result(TaskId::MAIN) {
                Some(Ok(value)) => Outcome::Completed {
                    value: value.to_string(),
                },
                Some(Err(e)) => Outcome::Failed {
                    error: e.describe(),
                },
                None => Outcome::Completed {
                    value: "None".into(),
                },
            }
        };
        let prog = &self.cx.prog;
        Trace {
            tasks: std::mem::take(&mut k.infos),
            steps: prog.steps.clone(),
            resources: prog.resources.clone(),
            executor_workers: prog.scenario.executor_workers,
            events: std::mem::take(&mut k.events),
            texts: std::mem::take(&mut k.texts),
            task_lists: std::mem::take(&mut k.task_lists),
            end: k.time(),
            outcome,
        }
    }
}

/// Records `task`'s end with `result` (inlined, as [`LoopState::finish`] is).
#[inline(always)]
fn end_task(k: &mut LoopState, task: TaskId, result: Result<Rc<str>, Exception>) {
    k.finish(task, result);
    if task == TaskId::MAIN && k.alive() > 0 {
        // asyncio.run(): when main returns, every remaining task is cancelled.
        for t in 1..k.tasks.len() {
            k.cancel(TaskId(t as u32));
        }
    }
}
