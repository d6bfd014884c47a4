//! A coroutine's body as scenario [`Step`]s: each supported statement is the
//! counterpart of one step; anything else is refused with what to write instead.

use super::ast::{Expr, ExprKind, Stmt, StmtKind};
use super::error::{ParseError, Span};
use super::lower::{is_loop, Loops, Module};
use super::values::{count, dotted, exception_name, millis, text, Constants};
use crate::code::python::BUILTIN_EXCEPTIONS;
use crate::sim::{Awaitable, ResourceKind, Step};
use std::collections::HashSet;

/// Reads one coroutine's statements.
pub struct Body<'m, 'a> {
    module: &'m Module<'a>,
    constants: Constants,
    handles: HashSet<String>,
    loops: Loops,
    /// Where each step came from, in pre-order (as `ScenarioError` numbers steps).
    pub spans: Vec<Span>,
}

fn fail<T>(span: Span, message: impl Into<String>) -> Result<T, ParseError> {
    Err(ParseError::new(span, message))
}

/// Calls that only do something when awaited, as the learner would write them.
const AWAITED: &[&str] = &[
    "asyncio.sleep",
    "fetch",
    "asyncio.gather",
    "asyncio.wait_for",
];

const CANNOT: &str = "Looplab cannot run this line; a coroutine's steps are awaits (asyncio.sleep, fetch, your coroutines, tasks, gather, wait_for, run_in_executor, queue put/get), create_task, cancel, blocking work, print, raise and return";

impl<'m, 'a> Body<'m, 'a> {
    pub fn new(module: &'m Module<'a>) -> Self {
        Body {
            module,
            constants: module.constants.clone(),
            handles: HashSet::new(),
            loops: Loops::new(),
            spans: Vec::new(),
        }
    }

    pub fn block(&mut self, stmts: &[Stmt]) -> Result<Vec<Step>, ParseError> {
        let mut steps = Vec::new();
        for stmt in stmts {
            if let Some(step) = self.statement(stmt)? {
                steps.push(step);
            }
        }
        Ok(steps)
    }

    fn statement(&mut self, stmt: &Stmt) -> Result<Option<Step>, ParseError> {
        let position = self.spans.len();
        self.spans.push(stmt.span);
        let step = self.step(stmt)?;
        if step.is_none() {
            self.spans.truncate(position);
        }
        Ok(step)
    }

    fn step(&mut self, stmt: &Stmt) -> Result<Option<Step>, ParseError> {
        let span = stmt.span;
        Ok(Some(match &stmt.kind {
            StmtKind::Pass | StmtKind::Global | StmtKind::Import => return Ok(None),
            StmtKind::Yield => return fail(span, super::lower::GENERATOR_SHAPE),
            StmtKind::Expr(e) => return self.expression(e),
            StmtKind::Assign(target, value) => return self.assignment(target, value),
            StmtKind::Return(value) => Step::Return {
                value: value
                    .as_ref()
                    .map_or("None".into(), |v| text(v, self.module.source)),
            },
            StmtKind::Raise(error) => self.raise(span, error.as_ref())?,
            StmtKind::For {
                is_async: false,
                iter,
                body,
                ..
            } => {
                let Some([n]) = self.call_args(iter, "range") else {
                    return fail(iter.span, "`for` loops must count with `range(n)`, e.g. `for i in range(3):`");
                };
                Step::Repeat {
                    times: count(n, &self.constants, "the number of rounds")?,
                    body: self.block(body)?,
                }
            }
            StmtKind::For {
                is_async: true,
                iter,
                body,
                ..
            } => {
                let (items, every_ms) = match self.call_args(iter, "ticker") {
                    Some([n, every]) => (
                        count(n, &self.constants, "the number of items")?,
                        millis(every, &self.constants, "the time between items")?,
                    ),
                    None => match self.generator(iter) {
                        Some(shape) => shape,
                        None => return fail(iter.span, "`async for` works over an async generator such as the prelude's, e.g. `async for item in ticker(3, 0.5):`"),
                    },
                };
                Step::AsyncFor {
                    items,
                    every_ms,
                    body: self.block(body)?,
                }
            }
            StmtKind::With {
                is_async: false, ..
            } => {
                return fail(span, "plain `with` is not supported; use `async with` on an asyncio.Lock or asyncio.Semaphore")
            }
            StmtKind::With {
                is_async: true,
                item,
                body,
            } => {
                let resource = self.resource(item, false)?;
                Step::With {
                    resource,
                    body: self.block(body)?,
                }
            }
            StmtKind::Try { body, handlers } => {
                if handlers.len() > 1 {
                    return fail(handlers[1].span, "only one `except` per `try` is supported; nest another `try` inside for a second exception type");
                }
                let handler = &handlers[0];
                let error = match &handler.error {
                    None => return fail(handler.span, "a bare `except:` also catches cancellation; write `except Exception:`"),
                    Some(e) => match self.exception(e)? {
                        Some(name) if name == "Exception" => None,
                        Some(name) => Some(name),
                        None => return fail(e.span, "catch one exception type per `except`, e.g. `except ValueError:`"),
                    },
                };
                Step::Try {
                    body: self.block(body)?,
                    error,
                    handler: self.block(&handler.body)?,
                }
            }
            StmtKind::Def { .. } | StmtKind::Class { .. } => {
                return fail(span, "define coroutines and classes at the top level, not inside a coroutine")
            }
            StmtKind::If { .. } => {
                return fail(span, "`if` statements are not supported; a scenario runs the same steps every time, so write only the branch you want")
            }
        }))
    }

    /// `(items, every_ms)` of a call to one of the program's async generators.
    fn generator(&self, e: &Expr) -> Option<(u32, u64)> {
        let ExprKind::Call { func, args, .. } = &e.kind else {
            return None;
        };
        let name = dotted(func)?;
        let found = self.module.generators.iter().find(|g| g.0 == name)?;
        args.is_empty().then_some((found.1, found.2))
    }

    /// The exception an expression names, which must be Python's or a class of the program.
    fn exception(&self, e: &Expr) -> Result<Option<String>, ParseError> {
        let Some(name) = exception_name(e) else {
            return Ok(None);
        };
        let known = BUILTIN_EXCEPTIONS.contains(&name.as_str())
            || name == "CancelledError"
            || self.module.exceptions.contains(&name);
        if known {
            Ok(Some(name))
        } else {
            fail(
                e.span,
                format!(
                    "`{name}` is not defined; add `class {name}(Exception): pass` at the top level"
                ),
            )
        }
    }

    /// The arguments of `name(...)` if `e` is that call with exactly `N` of them.
    fn call_args<'e, const N: usize>(&self, e: &'e Expr, name: &str) -> Option<&'e [Expr; N]> {
        match &e.kind {
            ExprKind::Call {
                func,
                args,
                keywords,
            } if dotted(func).as_deref() == Some(name) && keywords.is_empty() => {
                args.as_slice().try_into().ok()
            }
            _ => None,
        }
    }

    fn raise(&self, span: Span, error: Option<&Expr>) -> Result<Step, ParseError> {
        let Some(error) = error else {
            return fail(span, "a bare `raise` is not supported; raise an exception by name, e.g. `raise ValueError(\"bad input\")`");
        };
        let (name, message) = match &error.kind {
            ExprKind::Call { func, args, .. } => (
                self.exception(func)?,
                args.first()
                    .map_or(String::new(), |a| text(a, self.module.source)),
            ),
            _ => (self.exception(error)?, String::new()),
        };
        match name {
            Some(error) => Ok(Step::Raise { error, message }),
            None => fail(
                error.span,
                "raise an exception by name, e.g. `raise ValueError(\"bad input\")`",
            ),
        }
    }

    fn assignment(&mut self, target: &Expr, value: &Expr) -> Result<Option<Step>, ParseError> {
        let ExprKind::Name(name) = &target.kind else {
            return fail(target.span, "assign to a single name, e.g. `x = 1`");
        };
        match &value.kind {
            ExprKind::Await(inner) => self.awaited(inner).map(Some),
            ExprKind::Number(n) => {
                self.constants.insert(name.clone(), n.clone());
                Ok(None)
            }
            _ if is_loop(value, &self.loops) => {
                self.loops.insert(name.clone());
                Ok(None)
            }
            ExprKind::Str { .. } | ExprKind::Name(_) => Ok(None),
            ExprKind::Call { func, args, .. }
                if matches!(
                    dotted(func).as_deref(),
                    Some("asyncio.create_task" | "asyncio.ensure_future")
                ) =>
            {
                let coroutine = match args.as_slice() {
                    [a] => self.coroutine_call(a)?,
                    _ => return fail(value.span, "create_task takes one coroutine call, e.g. `task = asyncio.create_task(worker())`"),
                };
                self.handles.insert(name.clone());
                Ok(Some(Step::CreateTask {
                    coroutine,
                    handle: name.clone(),
                }))
            }
            _ => self.expression(value),
        }
    }

    /// An expression statement (or an assigned call that needs no name).
    fn expression(&mut self, e: &Expr) -> Result<Option<Step>, ParseError> {
        let ExprKind::Call { func, args, .. } = &e.kind else {
            return match &e.kind {
                ExprKind::Await(inner) => self.awaited(inner).map(Some),
                ExprKind::Str { .. } => Ok(None),
                _ => fail(e.span, CANNOT),
            };
        };
        let callee = dotted(func).unwrap_or_default();
        match callee.as_str() {
            "blocking" | "time.sleep" => {
                let [seconds] = args.as_slice() else {
                    return fail(
                        e.span,
                        format!("{callee}() takes one duration in seconds, e.g. `{callee}(0.5)`"),
                    );
                };
                return Ok(Some(Step::Compute {
                    ms: millis(seconds, &self.constants, "the blocking time")?,
                }));
            }
            "print" => {
                let parts: Vec<String> = args.iter().map(|a| text(a, self.module.source)).collect();
                return Ok(Some(Step::Print {
                    text: parts.join(" "),
                }));
            }
            _ => {}
        }
        if let ExprKind::Attribute(base, method) = &func.kind {
            if method == "cancel" && args.is_empty() {
                return Ok(Some(Step::Cancel {
                    handle: self.handle(base)?,
                }));
            }
            if matches!(method.as_str(), "put" | "get" | "run_in_executor") {
                return fail(
                    e.span,
                    format!(
                        "`.{method}(...)` does nothing without `await`; write `await` before it"
                    ),
                );
            }
        }
        if AWAITED.contains(&callee.as_str()) || self.module.is_coroutine(&callee) {
            return fail(
                e.span,
                format!(
                    "`{callee}(...)` does nothing without `await`; write `await {callee}(...)`"
                ),
            );
        }
        fail(e.span, CANNOT)
    }

    /// The step for `await <e>`.
    fn awaited(&mut self, e: &Expr) -> Result<Step, ParseError> {
        let ExprKind::Call {
            func,
            args,
            keywords,
        } = &e.kind
        else {
            return Ok(Step::Await {
                target: self.awaitable(e)?,
            });
        };
        let keyword = |name: &str| keywords.iter().find(|(k, _)| k == name).map(|(_, v)| v);
        let callee = dotted(func).unwrap_or_default();
        Ok(match callee.as_str() {
            "asyncio.sleep" => match args.first() {
                Some(s) => Step::Sleep {
                    ms: millis(s, &self.constants, "the sleep time")?,
                },
                None => return fail(
                    e.span,
                    "asyncio.sleep() needs a duration in seconds, e.g. `await asyncio.sleep(0.5)`",
                ),
            },
            "fetch" => self.fetch(e.span, args, keyword)?,
            "asyncio.gather" => {
                let items = args
                    .iter()
                    .map(|a| self.awaitable(a))
                    .collect::<Result<_, _>>()?;
                Step::Gather {
                    items,
                    return_exceptions: match keyword("return_exceptions") {
                        None => false,
                        Some(v) => self.boolean(v)?,
                    },
                }
            }
            "asyncio.wait_for" => {
                let (Some(target), Some(timeout)) =
                    (args.first(), args.get(1).or(keyword("timeout")))
                else {
                    return fail(e.span, "wait_for needs a coroutine and a timeout, e.g. `await asyncio.wait_for(worker(), timeout=1.0)`");
                };
                Step::WaitFor {
                    target: self.awaitable(target)?,
                    timeout_ms: millis(timeout, &self.constants, "the timeout")?,
                }
            }
            _ => return self.awaited_method(e, func, args),
        })
    }

    /// `await queue.put(x)`, `await queue.get()`, `await loop.run_in_executor(...)`, or a
    /// coroutine call.
    fn awaited_method(&mut self, e: &Expr, func: &Expr, args: &[Expr]) -> Result<Step, ParseError> {
        if let ExprKind::Attribute(base, method) = &func.kind {
            match method.as_str() {
                "put" | "get" => {
                    let queue = self.resource(base, true)?;
                    return match (method.as_str(), args) {
                        ("put", [item]) => Ok(Step::Put {
                            queue,
                            item: text(item, self.module.source),
                        }),
                        ("get", []) => Ok(Step::Get { queue }),
                        _ => fail(e.span, "a queue's `put` takes one item and `get` none, e.g. `await q.put(item)`, `item = await q.get()`"),
                    };
                }
                "run_in_executor" if is_loop(base, &self.loops) => {
                    return self.executor(e.span, args)
                }
                "run_in_executor" => return fail(
                    base.span,
                    "this is not the running loop; first write `loop = asyncio.get_running_loop()`",
                ),
                _ => {}
            }
        }
        Ok(Step::Await {
            target: self.awaitable(e)?,
        })
    }

    fn executor(&self, span: Span, args: &[Expr]) -> Result<Step, ParseError> {
        let usage = "use `await loop.run_in_executor(None, blocking, 0.5)`: no executor (the default), the prelude's `blocking` or `time.sleep`, and the seconds";
        let [executor, function, seconds] = args else {
            return fail(span, usage);
        };
        let is_none = matches!(&executor.kind, ExprKind::Name(n) if n == "None");
        let known = matches!(dotted(function).as_deref(), Some("blocking" | "time.sleep"));
        if !is_none || !known {
            return fail(
                if is_none {
                    function.span
                } else {
                    executor.span
                },
                usage,
            );
        }
        Ok(Step::RunInExecutor {
            ms: millis(seconds, &self.constants, "the blocking time")?,
        })
    }

    fn fetch<'e>(
        &self,
        span: Span,
        args: &'e [Expr],
        keyword: impl Fn(&str) -> Option<&'e Expr>,
    ) -> Result<Step, ParseError> {
        let (Some(url), Some(latency)) = (
            args.first().or(keyword("url")),
            args.get(1).or(keyword("latency")),
        ) else {
            return fail(span, "fetch needs a URL and a latency in seconds, e.g. `await fetch(\"/api/users\", latency=0.3)`");
        };
        let fail_with = match keyword("fail") {
            None => None,
            Some(Expr {
                kind: ExprKind::Name(n),
                ..
            }) if n == "None" => None,
            Some(e) => Some(self.exception(e)?.map_or_else(
                || {
                    fail(
                        e.span,
                        "`fail=` takes an exception class, e.g. `fail=ConnectionError`",
                    )
                },
                Ok,
            )?),
        };
        Ok(Step::Fetch {
            url: text(url, self.module.source),
            latency_ms: millis(latency, &self.constants, "the latency")?,
            jitter_ms: match keyword("jitter") {
                Some(j) => millis(j, &self.constants, "the jitter")?,
                None => 0,
            },
            size_bytes: match keyword("size") {
                Some(s) => u64::from(count(s, &self.constants, "the size in bytes")?),
                None => 0,
            },
            fail: fail_with,
        })
    }

    fn boolean(&self, e: &Expr) -> Result<bool, ParseError> {
        match &e.kind {
            ExprKind::Name(n) if n == "True" => Ok(true),
            ExprKind::Name(n) if n == "False" => Ok(false),
            _ => fail(e.span, "write `True` or `False` here"),
        }
    }

    /// `worker()` (a coroutine called inline) or `task` (a handle).
    fn awaitable(&self, e: &Expr) -> Result<Awaitable, ParseError> {
        match &e.kind {
            ExprKind::Name(name) if self.handles.contains(name) => Ok(Awaitable::Task(name.clone())),
            ExprKind::Name(name) if self.module.is_coroutine(name) => {
                fail(e.span, format!("call the coroutine: write `{name}()`"))
            }
            ExprKind::Name(name) => fail(
                e.span,
                format!("`{name}` is not a task here; create it first with `{name} = asyncio.create_task(worker())`"),
            ),
            ExprKind::Call { .. } => Ok(Awaitable::Coroutine(self.coroutine_call(e)?)),
            _ => fail(e.span, "await a coroutine call such as `worker()` or a task"),
        }
    }

    /// The name in `name()`, which must be a coroutine of this program.
    fn coroutine_call(&self, e: &Expr) -> Result<String, ParseError> {
        let ExprKind::Call { func, args, .. } = &e.kind else {
            return fail(e.span, "pass a coroutine call such as `worker()`");
        };
        let name = dotted(func).unwrap_or_default();
        if !self.module.is_coroutine(&name) {
            if name == "main" {
                return fail(
                    e.span,
                    "main() starts the program; it cannot be awaited from a coroutine",
                );
            }
            if AWAITED.contains(&name.as_str()) || name.ends_with(".put") || name.ends_with(".get")
            {
                return fail(e.span, format!("`{name}(...)` can only be awaited directly here; wrap it in a coroutine of its own"));
            }
            if name.contains('.') || name.is_empty() {
                return fail(e.span, CANNOT);
            }
            return fail(
                func.span,
                format!(
                    "there is no coroutine named `{name}`; define it with `async def {name}():`"
                ),
            );
        }
        if !args.is_empty() {
            return fail(
                e.span,
                format!("call `{name}()` without arguments; coroutines take no parameters here"),
            );
        }
        Ok(name)
    }

    fn handle(&self, e: &Expr) -> Result<String, ParseError> {
        match &e.kind {
            ExprKind::Name(n) if self.handles.contains(n) => Ok(n.clone()),
            _ => fail(e.span, "only tasks can be cancelled; create one with `task = asyncio.create_task(worker())` and call `task.cancel()`"),
        }
    }

    /// A semaphore or lock (`queue` false) or a queue (`queue` true) by name.
    fn resource(&self, e: &Expr, queue: bool) -> Result<String, ParseError> {
        let name = match &e.kind {
            ExprKind::Name(n) => n.clone(),
            _ => return fail(e.span, "use a semaphore, lock or queue by its name"),
        };
        let kind = self.module.resource(&name);
        let is_queue = matches!(kind, Some(ResourceKind::Queue { .. }));
        match (kind, queue) {
            (Some(_), true) if is_queue => Ok(name),
            (Some(_), false) if !is_queue => Ok(name),
            (Some(_), true) => fail(e.span, format!("`{name}` is not a queue; create one with `{name} = asyncio.Queue(maxsize)`")),
            (Some(_), false) => fail(e.span, format!("`async with` needs a Semaphore or a Lock, and `{name}` is a Queue")),
            (None, true) => fail(e.span, format!("there is no queue named `{name}`; create one with `{name} = asyncio.Queue(maxsize)`")),
            (None, false) => fail(e.span, format!("there is no semaphore or lock named `{name}`; create one with `{name} = asyncio.Lock()`")),
        }
    }
}
