//! Coroutines as real Rust futures: an async interpreter of a coroutine's steps.
//!
//! Every step that waits (sleep, fetch, await, gather, acquire, ...) registers its wait
//! with the [`LoopState`] and then awaits a [`Suspension`], which returns `Pending`
//! once; the event loop polls the task again only after the wait is over.

use super::kernel::{Exception, LoopState, Shared, Unwind, Wait, Wake};
use super::program::Program;
use super::scenario::{Awaitable, Step};
use super::task_futures::{Arena, Resume, TaskFutures};
use super::trace::{EventKind, Reason, StepId, TaskId};
use std::cell::RefMut;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

/// What the running task can reach: the loop's state and the program.
pub struct Cx {
    pub k: Shared,
    pub prog: Rc<Program>,
}

/// How a block ended: at its end, or at a `return` (with the coroutine's value).
pub enum Flow {
    Next,
    Return(Rc<str>),
}

/// A coroutine's local variables: its task handles. One pointer, allocated at the
/// first `create_task` (most coroutines make no task), so that a [`TaskFuture`] stays
/// small.
#[derive(Default)]
struct Frame {
    #[expect(
        clippy::box_collection,
        reason = "one pointer in every task's future rather than a Vec's three"
    )]
    handles: Option<Box<Vec<Handle>>>,
}

/// A task handle: the variable's name and the task.
type Handle = (Rc<str>, TaskId);

impl Frame {
    fn bind(&mut self, name: &str, task: TaskId) {
        self.handles
            .get_or_insert_default()
            .push((name.into(), task));
    }

    fn handle(&self, name: &str) -> Result<TaskId, Unwind> {
        self.handles
            .iter()
            .flat_map(|handles| handles.iter().rev())
            .find(|(h, _)| &**h == name)
            .map(|(_, t)| *t)
            .ok_or_else(|| {
                Unwind::Raise(Exception::new(
                    "NameError",
                    &format!("name '{name}' is not defined"),
                ))
            })
    }
}

/// Returns `Pending` once, then the task's wake value.
struct Suspension<'a> {
    cx: &'a Cx,
    armed: bool,
}

impl Future for Suspension<'_> {
    type Output = Result<Wake, Option<Wake>>;

    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Self::Output> {
        if !self.armed {
            self.armed = true;
            return Poll::Pending;
        }
        Poll::Ready(self.cx.k.borrow_mut().take_wake())
    }
}

impl Cx {
    fn with<R>(&self, f: impl FnOnce(&mut LoopState) -> R) -> R {
        f(&mut self.k.borrow_mut())
    }

    /// Waits until woken; a cancellation becomes `CancelledError`.
    async fn suspended(&self) -> Result<Wake, Unwind> {
        match (Suspension {
            cx: self,
            armed: false,
        })
        .await
        {
            Ok(wake) => Ok(wake),
            Err(_) => Err(Exception::cancelled().into()),
        }
    }

    /// Waits for a plain value (sleep, I/O, executor, resource hand-over).
    fn wait_value(&self) -> WaitValue<'_> {
        WaitValue {
            cx: self,
            armed: false,
        }
    }

    fn sleep(&self, ms: u64, stream: bool) -> WaitValue<'_> {
        self.with(|k| k.arm_sleep(ms, stream));
        self.wait_value()
    }
}

/// [`Cx::wait_value`]: returns `Pending` once, then what the wait ended with (a plain
/// future rather than an `async fn`, as sleeps are the hot path).
struct WaitValue<'a> {
    cx: &'a Cx,
    armed: bool,
}

impl Future for WaitValue<'_> {
    type Output = Result<(), Unwind>;

    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Self::Output> {
        if !self.armed {
            self.armed = true;
            return Poll::Pending;
        }
        Poll::Ready(self.cx.k.borrow_mut().take_value())
    }
}

/// Where a run keeps its tasks' futures: a [`TaskFuture`] per task.
pub fn task_futures() -> impl TaskFutures {
    Arena::new(TaskFuture::new)
}

/// A task's future: its coroutine's body, ending with the coroutine's [`Flow`]. Its
/// simple steps run in place ([`run_simple`], as in a [`block`]); a compound step runs
/// in a boxed [`exec_compound`], which holds the frame until it ends.
///
/// Written by hand rather than as the `async fn` [`block`] so that it stays small (32
/// bytes; the `block` of a coroutine's body took 208): a gather of 10,000 coroutines
/// polls 10,000 task futures every turn, and their bytes were most of what a turn
/// read and wrote. So it keeps no pointer to the loop (it is handed one when polled),
/// its frame is one pointer, and a compound step's future is boxed twice, to be one.
/// It is polled through [`Resume`], in the turn's borrow of the loop's state: taking
/// and releasing the `RefCell` again for every step chained each poll to the one before
/// through its flag.
pub struct TaskFuture {
    frame: Frame,
    /// The compound step at the cursor, while it runs.
    compound: Option<Box<Pin<Box<Compound>>>>,
    at: Cursor,
    coroutine: u32,
    /// The simple step at the cursor registered a wait (see [`run_simple`]).
    waiting: bool,
}

/// A compound step of a task's body, run with the task's frame, which it gives back.
type Compound = dyn Future<Output = (Frame, Result<Flow, Unwind>)>;

const _: () = assert!(std::mem::size_of::<TaskFuture>() <= 32);

impl TaskFuture {
    fn new(cx: &Cx, coroutine: usize) -> TaskFuture {
        TaskFuture {
            frame: Frame::default(),
            compound: None,
            at: Cursor {
                i: 0,
                id: cx.prog.first_step[coroutine],
            },
            coroutine: coroutine as u32,
            waiting: false,
        }
    }
}

impl Resume for TaskFuture {
    /// Runs simple steps in the turn's borrow of the loop's state `k`; a compound step's
    /// future is polled with the borrow released, as it borrows the state itself.
    #[inline(always)]
    fn resume<'a>(
        &mut self,
        cx: &'a Rc<Cx>,
        mut k: RefMut<'a, LoopState>,
        context: &mut Context<'_>,
    ) -> (RefMut<'a, LoopState>, Poll<Result<Flow, Unwind>>) {
        let prog = &*cx.prog;
        loop {
            if let Some(compound) = &mut self.compound {
                drop(k);
                let poll = compound.as_mut().as_mut().poll(context);
                k = cx.k.borrow_mut();
                let Poll::Ready((frame, flow)) = poll else {
                    return (k, Poll::Pending);
                };
                self.compound = None;
                self.frame = frame;
                match flow {
                    Ok(Flow::Next) => self.at.next(prog),
                    ended => return (k, Poll::Ready(ended)),
                }
            }
            let steps = &prog.scenario.coroutines[self.coroutine as usize].steps;
            let stop = run_simple(
                &mut k,
                prog,
                steps,
                &mut self.frame,
                &mut self.at,
                &mut self.waiting,
            );
            let Poll::Ready(stop) = stop else {
                return (k, Poll::Pending);
            };
            let flow = match stop {
                Ok(Stop::End) => Ok(Flow::Next),
                Ok(Stop::Return(v)) => Ok(Flow::Return(v)),
                Err(e) => Err(e),
                Ok(Stop::Compound) => {
                    let frame = std::mem::take(&mut self.frame);
                    let step = compound_step(cx.clone(), self.coroutine, self.at, frame);
                    self.compound = Some(Box::new(Box::pin(step)));
                    continue;
                }
            };
            return (k, Poll::Ready(flow));
        }
    }
}

/// Runs the compound step at `at` of `coroutine`'s body (of a task: depth 0) with the
/// task's frame, and gives the frame back.
async fn compound_step(
    cx: Rc<Cx>,
    coroutine: u32,
    at: Cursor,
    mut frame: Frame,
) -> (Frame, Result<Flow, Unwind>) {
    let step = &cx.prog.scenario.coroutines[coroutine as usize].steps[at.i as usize];
    let flow = exec_compound(&cx, step, at.id, &mut frame, 0).await;
    (frame, flow)
}

/// The steps a [`block`] runs.
enum Body<'a> {
    /// A coroutine's body, run as a task or by `await coroutine()`, with a frame of its own.
    Coroutine(usize),
    /// A nested block (try, with, async for, repeat): its steps and the first one's id.
    Nested(&'a [Step], StepId),
}

/// Runs a block's steps: runs of simple steps in [`Run`], each compound step (one with
/// a body or several waits) in [`exec_compound`]. An awaited coroutine's block owns its
/// frame; other blocks borrow their caller's. (A task's body is a [`TaskFuture`].)
async fn block<F: std::borrow::BorrowMut<Frame>>(
    cx: &Cx,
    body: Body<'_>,
    mut frame: F,
    depth: u32,
) -> Result<Flow, Unwind> {
    let (steps, first) = match body {
        Body::Coroutine(c) => (
            &cx.prog.scenario.coroutines[c].steps[..],
            cx.prog.first_step[c],
        ),
        Body::Nested(steps, first) => (steps, first),
    };
    let frame = frame.borrow_mut();
    let mut at = Cursor { i: 0, id: first };
    loop {
        let stop = Run {
            cx,
            steps,
            frame,
            at: &mut at,
            waiting: false,
        }
        .await?;
        match stop {
            Stop::End => return Ok(Flow::Next),
            Stop::Return(v) => return Ok(Flow::Return(v)),
            Stop::Compound => {
                // Boxed, so that this block's future (which its caller holds while it
                // waits) stays small: simple steps, the hot path, wait inside `Run`.
                let step = &steps[at.i as usize];
                let flow = Box::pin(exec_compound(cx, step, at.id, frame, depth)).await?;
                if let Flow::Return(v) = flow {
                    return Ok(Flow::Return(v));
                }
                at.next(&cx.prog);
            }
        }
    }
}

/// The next step of a block to run: its position in the block and its step id.
#[derive(Clone, Copy)]
struct Cursor {
    i: u32,
    id: StepId,
}

impl Cursor {
    fn next(&mut self, prog: &Program) {
        self.id += prog.subtree[self.id as usize];
        self.i += 1;
    }
}

/// Where a [`Run`] of simple steps stopped.
enum Stop {
    /// The block's steps are all done.
    End,
    /// A `return` step.
    Return(Rc<str>),
    /// The step at the cursor is compound (it has begun): the caller runs it.
    Compound,
}

/// Runs a block's simple steps from the cursor on (sleep, fetch, compute, executor job,
/// create_task, cancel, raise, print, return): each begins in one borrow of the loop's
/// state, and the future suspends at the wait it registers. A hand-written future, as
/// these steps are the hot path; it stops at the block's end, a `return` or a compound
/// step.
struct Run<'a> {
    cx: &'a Cx,
    steps: &'a [Step],
    frame: &'a mut Frame,
    at: &'a mut Cursor,
    /// The step at the cursor registered a wait and the task is suspended on it.
    waiting: bool,
}

impl Future for Run<'_> {
    type Output = Result<Stop, Unwind>;

    #[inline(always)]
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Self::Output> {
        let this = &mut *self;
        let mut k = this.cx.k.borrow_mut();
        let prog = &*this.cx.prog;
        run_simple(
            &mut k,
            prog,
            this.steps,
            this.frame,
            this.at,
            &mut this.waiting,
        )
    }
}

/// [`Run`]'s poll, shared with [`TaskFuture`]: runs simple steps from the cursor on;
/// `waiting` is set while the task is suspended on the wait of the step at the cursor.
#[inline(always)]
fn run_simple(
    k: &mut LoopState,
    prog: &Program,
    steps: &[Step],
    frame: &mut Frame,
    at: &mut Cursor,
    waiting: &mut bool,
) -> Poll<Result<Stop, Unwind>> {
    if *waiting {
        *waiting = false;
        if let Err(e) = k.take_value() {
            return Poll::Ready(Err(e));
        }
        at.next(prog);
    }
    while let Some(step) = steps.get(at.i as usize) {
        if !k.begin_step(at.id) {
            return Poll::Ready(Err(Unwind::Abort));
        }
        match simple(k, prog, step, at.id, frame) {
            Ok(Simple::Done) => at.next(prog),
            Ok(Simple::Waiting) => {
                *waiting = true;
                return Poll::Pending;
            }
            Ok(Simple::Return(v)) => return Poll::Ready(Ok(Stop::Return(v))),
            Ok(Simple::Compound) => return Poll::Ready(Ok(Stop::Compound)),
            Err(e) => return Poll::Ready(Err(e)),
        }
    }
    Poll::Ready(Ok(Stop::End))
}

/// How [`simple`] began a step.
enum Simple {
    /// The step is over.
    Done,
    /// The step registered one wait (sleep, fetch, executor job): the task awaits it.
    Waiting,
    /// A `return` step.
    Return(Rc<str>),
    /// The step has a body or several waits: [`exec_compound`] runs it.
    Compound,
}

/// A nested block, boxed because blocks nest recursively.
async fn nested(
    cx: &Cx,
    steps: &[Step],
    first: StepId,
    frame: &mut Frame,
    depth: u32,
) -> Result<Flow, Unwind> {
    Box::pin(block(
        cx,
        Body::Nested(steps, first),
        frame,
        deeper(cx, depth)?,
    ))
    .await
}

/// One level deeper into nested blocks or inline calls; each level costs stack when
/// the task is polled, so the depth is bounded (Python's recursion limit).
fn deeper(cx: &Cx, depth: u32) -> Result<u32, Unwind> {
    if depth >= cx.k.borrow().limits.max_depth {
        return Err(Exception::new("RecursionError", "maximum recursion depth exceeded").into());
    }
    Ok(depth + 1)
}

fn matches_except(clause: Option<&str>, e: &Exception) -> bool {
    let kind = &*e.kind;
    match clause {
        None | Some("Exception") => !e.is_cancel(),
        Some("BaseException") => true,
        Some("OSError") => matches!(
            kind,
            "OSError"
                | "TimeoutError"
                | "ConnectionError"
                | "ConnectionRefusedError"
                | "ConnectionResetError"
        ),
        Some("ConnectionError") => kind.starts_with("Connection"),
        Some(name) => kind == name,
    }
}

/// Begins a step that has begun ([`LoopState::begin_step`]): runs it if it does not
/// wait, registers its wait if it waits on one thing (sleep, fetch, executor job), or
/// leaves it to [`exec_compound`]. Inlined into [`Run`], its one caller: the hot path.
#[inline(always)]
fn simple(
    k: &mut LoopState,
    prog: &Program,
    step: &Step,
    id: StepId,
    frame: &mut Frame,
) -> Result<Simple, Unwind> {
    Ok(match step {
        Step::Sleep { ms } => {
            k.arm_sleep(*ms, false);
            Simple::Waiting
        }
        Step::Fetch {
            url,
            latency_ms,
            jitter_ms,
            size_bytes,
            fail,
        } => {
            let latency = latency_ms + k.jitter(*jitter_ms);
            let reason = Reason::Fetch {
                url: k.intern(url),
                until: k.time() + latency as f64,
            };
            let gen = k.suspend(Wait::Io, reason);
            // The response (`<Response {url} 200, {size_bytes} bytes>`) is not built:
            // no coroutine reads the value it awaited.
            let _ = size_bytes;
            let wake = match fail {
                Some(error) => k.raise(Exception::new(error, &format!("fetch {url} failed"))),
                None => Wake::Value,
            };
            k.send_request(gen, latency, wake);
            Simple::Waiting
        }
        Step::Compute { ms } => {
            let me = k.current;
            k.emit(me, EventKind::ComputeStart { ms: *ms as f64 });
            k.hold(*ms);
            k.emit(me, EventKind::ComputeEnd);
            Simple::Done
        }
        Step::RunInExecutor { ms } => {
            let gen = k.suspend(Wait::Executor, Reason::Executor);
            k.submit_job(*ms, gen);
            Simple::Waiting
        }
        Step::CreateTask { handle, .. } => {
            let task = spawn_in(k, prog.callee(id, 0))?;
            frame.bind(handle, task);
            Simple::Done
        }
        Step::Cancel { handle } => {
            let task = frame.handle(handle)?;
            k.cancel(task);
            Simple::Done
        }
        Step::Raise { error, message } => return Err(Exception::new(error, message).into()),
        Step::Print { text } => {
            let me = k.current;
            let text = k.intern(text);
            k.emit(me, EventKind::Print { text });
            Simple::Done
        }
        Step::Return { value } => Simple::Return(value.as_str().into()),
        Step::Await { .. }
        | Step::Gather { .. }
        | Step::WaitFor { .. }
        | Step::Try { .. }
        | Step::With { .. }
        | Step::Put { .. }
        | Step::Get { .. }
        | Step::AsyncFor { .. }
        | Step::Repeat { .. } => Simple::Compound,
    })
}

/// The steps [`simple`] hands over: awaits of tasks and coroutines, gather, wait_for,
/// blocks (try, with, async for, repeat) and queue operations.
async fn exec_compound(
    cx: &Cx,
    step: &Step,
    id: StepId,
    frame: &mut Frame,
    depth: u32,
) -> Result<Flow, Unwind> {
    match step {
        Step::Await { target } => match target {
            Awaitable::Coroutine(_) => {
                let c = cx.prog.callee(id, 0);
                let depth = deeper(cx, depth)?;
                Box::pin(block(cx, Body::Coroutine(c), Frame::default(), depth)).await?;
            }
            Awaitable::Task(handle) => {
                let wake = await_task(cx, frame.handle(handle)?, None).await?;
                cx.with(|k| k.unwrap_wake(wake))?;
            }
        },
        Step::Gather {
            items,
            return_exceptions,
        } => {
            let mut children = Vec::with_capacity(items.len());
            cx.with(|k| k.reserve_tasks(items.len()));
            for (i, item) in items.iter().enumerate() {
                children.push(task_of(cx, frame, item, id, i)?);
            }
            cx.with(|k| k.gather(children, *return_exceptions));
            cx.wait_value().await?;
        }
        Step::WaitFor { target, timeout_ms } => {
            let inner = task_of(cx, frame, target, id, 0)?;
            wait_for(cx, inner, *timeout_ms).await?;
        }
        Step::Try {
            body,
            error,
            handler,
        } => {
            let handler_first = id + 1 + body_size(cx, id + 1, body.len());
            match nested(cx, body, id + 1, frame, depth).await {
                Err(Unwind::Raise(e)) if matches_except(error.as_deref(), &e) => {
                    return nested(cx, handler, handler_first, frame, depth).await;
                }
                other => return other,
            }
        }
        Step::With { resource, body } => {
            let r = cx.prog.resource(resource);
            acquire(cx, r).await?;
            let result = nested(cx, body, id + 1, frame, depth).await;
            if !matches!(result, Err(Unwind::Abort)) {
                cx.with(|k| {
                    let me = k.current;
                    k.release(me, r);
                });
            }
            return result;
        }
        Step::Put { queue, item } => {
            let r = cx.prog.resource(queue);
            put(cx, r, item.as_str().into()).await?;
        }
        Step::Get { queue } => {
            let r = cx.prog.resource(queue);
            get(cx, r).await?;
        }
        Step::AsyncFor {
            items,
            every_ms,
            body,
        } => {
            for _ in 0..*items {
                cx.with(|k| k.tasks[k.current.index()].set_at(id));
                cx.sleep(*every_ms, true).await?;
                if let Flow::Return(v) = nested(cx, body, id + 1, frame, depth).await? {
                    return Ok(Flow::Return(v));
                }
            }
        }
        Step::Repeat { times, body } => {
            for _ in 0..*times {
                if let Flow::Return(v) = nested(cx, body, id + 1, frame, depth).await? {
                    return Ok(Flow::Return(v));
                }
            }
        }
        // `simple` runs these itself and never hands them over.
        Step::Sleep { .. }
        | Step::Fetch { .. }
        | Step::Compute { .. }
        | Step::RunInExecutor { .. }
        | Step::CreateTask { .. }
        | Step::Cancel { .. }
        | Step::Raise { .. }
        | Step::Print { .. }
        | Step::Return { .. } => {}
    }
    Ok(Flow::Next)
}

/// Number of step ids taken by the first `len` steps of a block starting at `first`.
fn body_size(cx: &Cx, first: StepId, len: usize) -> StepId {
    let mut id = first;
    for _ in 0..len {
        id += cx.prog.subtree[id as usize];
    }
    id - first
}

/// `asyncio.create_task(coroutine())`, `coroutine` being an index into the program's
/// coroutines. The loop creates the task's future after the current poll.
pub fn spawn(cx: &Cx, coroutine: usize) -> Result<TaskId, Unwind> {
    cx.with(|k| spawn_in(k, coroutine))
}

fn spawn_in(k: &mut LoopState, coroutine: usize) -> Result<TaskId, Unwind> {
    let parent = Some(k.current);
    let task = k
        .create_task(Some(coroutine), parent)
        .ok_or(Unwind::Abort)?;
    k.spawned.push((task, coroutine));
    Ok(task)
}

/// The task for item `item` of step `step`: a coroutine is wrapped in a new task
/// (`ensure_future`).
fn task_of(
    cx: &Cx,
    frame: &Frame,
    target: &Awaitable,
    step: StepId,
    item: usize,
) -> Result<TaskId, Unwind> {
    match target {
        Awaitable::Coroutine(_) => spawn(cx, cx.prog.callee(step, item)),
        Awaitable::Task(handle) => frame.handle(handle),
    }
}

/// `await task`: returns at once if it is done, else waits for it.
async fn await_task(cx: &Cx, task: TaskId, deadline: Option<u64>) -> Result<Wake, Unwind> {
    let done = cx.with(|k| k.result_wake(task));
    if let Some(wake) = done {
        return Ok(wake);
    }
    cx.with(|k| k.await_task(task, deadline));
    cx.suspended().await
}

/// `asyncio.wait_for(inner, timeout)` as in CPython 3.11: on timeout the inner task is
/// cancelled, waited for, and `TimeoutError` is raised.
async fn wait_for(cx: &Cx, inner: TaskId, timeout_ms: u64) -> Result<(), Unwind> {
    let deadline = cx.with(|k| k.now + timeout_ms);
    match await_task(cx, inner, Some(deadline)).await? {
        Wake::TimedOut => {}
        wake => return cx.with(|k| k.unwrap_wake(wake)),
    }
    cx.with(|k| {
        let me = k.current;
        k.emit(me, EventKind::TimedOut);
        k.cancel(inner);
    });
    match await_task(cx, inner, None).await? {
        Wake::Raise(e) if cx.with(|k| k.exception(e).is_cancel()) => {
            Err(Exception::new("TimeoutError", "").into())
        }
        wake => cx.with(|k| k.unwrap_wake(wake)),
    }
}

/// Takes a permit of semaphore or lock `r`, waiting in line if needed.
async fn acquire(cx: &Cx, r: u32) -> Result<(), Unwind> {
    if cx.with(|k| k.try_acquire(r)) {
        return Ok(());
    }
    cx.with(|k| k.wait_acquire(r));
    match (Suspension { cx, armed: false }).await {
        Ok(_) => Ok(()),
        Err(granted) => {
            // Cancelled after the permit was handed over: give it back (CPython does too).
            if granted.is_some() {
                cx.with(|k| {
                    let me = k.current;
                    k.release(me, r);
                });
            }
            Err(Exception::cancelled().into())
        }
    }
}

/// `await queue.put(item)`, retrying while the queue is full (CPython's loop).
async fn put(cx: &Cx, r: u32, item: Rc<str>) -> Result<(), Unwind> {
    while cx.with(|k| k.queue_full(r)) {
        cx.with(|k| k.wait_queue(r, true));
        if let Err(e) = cx.suspended().await {
            cx.with(|k| {
                if !k.queue_full(r) {
                    k.wakeup_next(r, true);
                }
            });
            return Err(e);
        }
    }
    cx.with(|k| k.put_item(r, item));
    Ok(())
}

/// `await queue.get()`, retrying while the queue is empty (CPython's loop).
async fn get(cx: &Cx, r: u32) -> Result<Rc<str>, Unwind> {
    while cx.with(|k| k.queue_empty(r)) {
        cx.with(|k| k.wait_queue(r, false));
        if let Err(e) = cx.suspended().await {
            cx.with(|k| {
                if !k.queue_empty(r) {
                    k.wakeup_next(r, false);
                }
            });
            return Err(e);
        }
    }
    Ok(cx.with(|k| k.get_item(r)))
}
