//! From the syntax tree to a [`Scenario`]: the module's definitions, then `main`.
//!
//! The module may hold imports, the prelude `python_code` writes (skipped), exception
//! classes, semaphores/locks/queues, number constants, coroutines, `main`, and
//! `asyncio.run(main())` (alone or under `if __name__ == "__main__":`).

use super::ast::{Expr, ExprKind, Stmt, StmtKind};
use super::error::{ParseError, Span};
use super::steps::Body;
use super::values::{count, dotted, millis, Constants};
use crate::sim::{Coroutine, Main, Resource, ResourceKind, Scenario, StartMode};
use std::collections::{BTreeMap, HashSet};

/// What the module defines, known before any coroutine body is read.
pub struct Module<'a> {
    pub source: &'a str,
    pub coroutines: Vec<(String, Span, &'a [Stmt])>,
    pub resources: Vec<Resource>,
    pub exceptions: Vec<String>,
    pub constants: Constants,
    /// Async generators shaped like `ticker`: name, items, milliseconds between items.
    pub generators: Vec<(String, u32, u64)>,
    main: Option<(Span, &'a [Stmt])>,
}

impl Module<'_> {
    pub fn is_coroutine(&self, name: &str) -> bool {
        self.coroutines.iter().any(|(n, _, _)| n == name)
    }

    pub fn resource(&self, name: &str) -> Option<ResourceKind> {
        self.resources
            .iter()
            .find(|r| r.name == name)
            .map(|r| r.kind)
    }
}

fn error(span: Span, message: impl Into<String>) -> Result<(), ParseError> {
    Err(ParseError::new(span, message))
}

/// Where a scenario's parts came from, to place the errors `Scenario::validate` finds.
#[derive(Default)]
pub struct Places {
    pub main: Span,
    /// Per coroutine: its `async def` line and its steps in pre-order.
    pub coroutines: Vec<(Span, Vec<Span>)>,
    /// `main`'s steps as `Program` writes them out: each `await name()`, or the gather.
    pub main_steps: Vec<Span>,
}

/// The scenario the module describes (without the name and seed, read from comments).
pub fn lower(source: &str, module: &[Stmt]) -> Result<(Scenario, Places), ParseError> {
    let mut m = Module {
        source,
        coroutines: Vec::new(),
        resources: Vec::new(),
        exceptions: Vec::new(),
        constants: Constants::new(),
        generators: Vec::new(),
        main: None,
    };
    for stmt in module {
        definition(&mut m, stmt)?;
    }
    // main() first: the resources it creates are used by the coroutines.
    let mut main_steps = Vec::new();
    let started = match m.main {
        Some((_, body)) => Some(start(&mut m, body, &mut main_steps)?),
        None => None,
    };
    let mut seen = BTreeMap::new();
    let mut coroutines = Vec::new();
    let mut places = Places {
        main: m.main.map_or(Span::default(), |(span, _)| span),
        coroutines: Vec::new(),
        main_steps,
    };
    for (name, span, body) in &m.coroutines {
        if seen.insert(name.clone(), ()).is_some() {
            error(
                *span,
                format!("`{name}` is defined twice; give each coroutine its own name"),
            )?;
        }
        let mut reader = Body::new(&m);
        let steps = reader.block(body)?;
        places.coroutines.push((*span, reader.spans));
        coroutines.push(Coroutine {
            name: name.clone(),
            steps,
        });
    }
    let Some((main, executor_workers)) = started else {
        return Err(ParseError {
            line: 1,
            column: 1,
            end_column: 2,
            message: "there is no `async def main():`; add one that awaits your coroutines, and end with `asyncio.run(main())`".into(),
        });
    };
    let scenario = Scenario {
        name: String::new(),
        coroutines,
        main,
        resources: m.resources,
        executor_workers,
        seed: 0,
        source: None,
    };
    Ok((scenario, places))
}

/// One top-level statement: records what it defines.
fn definition<'a>(m: &mut Module<'a>, stmt: &'a Stmt) -> Result<(), ParseError> {
    match &stmt.kind {
        StmtKind::Import | StmtKind::Pass => {}
        StmtKind::Expr(Expr {
            kind: ExprKind::Str { .. },
            ..
        }) => {}
        StmtKind::Def {
            body: None, ..
        } => {}
        StmtKind::Def {
            is_async: true,
            name,
            params,
            body: Some(body),
        } => {
            if !params.is_empty() {
                error(
                    stmt.span,
                    format!("coroutines with parameters are not supported; write `async def {name}():` and put the values inside it"),
                )?;
            }
            if let Some(yields) = find_yield(body) {
                let (items, every) = generator_shape(m, body).ok_or_else(|| ParseError::new(yields, GENERATOR_SHAPE))?;
                m.generators.push((name.clone(), items, every));
            } else if name == "main" {
                m.main = Some((stmt.span, body));
            } else {
                m.coroutines.push((name.clone(), stmt.span, body));
            }
        }
        StmtKind::Def { name, .. } => error(
            stmt.span,
            format!("plain functions such as `{name}` are not supported; use `async def`, and `blocking(seconds)` or `time.sleep(seconds)` for blocking work"),
        )?,
        StmtKind::Class { name, bases } => {
            let is_exception = bases.len() == 1
                && dotted(&bases[0]).is_some_and(|b| b.ends_with("Error") || b.ends_with("Exception"));
            if !is_exception {
                error(
                    stmt.span,
                    format!("only exception classes are supported, e.g. `class {name}(Exception): pass`"),
                )?;
            }
            m.exceptions.push(name.clone());
        }
        StmtKind::Assign(target, value) => assignment(m, target, value)?,
        StmtKind::Expr(e) if is_run_main(e) => {}
        StmtKind::If { test, body } if is_main_guard(test) => {
            for s in body {
                if !matches!(&s.kind, StmtKind::Expr(_) | StmtKind::Pass) {
                    error(
                        s.span,
                        "under `if __name__ == \"__main__\":` write only `asyncio.run(main())`",
                    )?;
                }
            }
        }
        StmtKind::If { .. } => error(
            stmt.span,
            "`if` statements are not supported; a scenario runs the same steps every time, so write only the branch you want",
        )?,
        _ => error(
            stmt.span,
            "only imports, definitions and `asyncio.run(main())` can be at the top level; move this line into a coroutine",
        )?,
    }
    Ok(())
}

/// What an async generator of your own must look like to be read.
pub const GENERATOR_SHAPE: &str = "`yield` works only in an async generator shaped like the prelude's ticker: `for i in range(n):` holding `await asyncio.sleep(seconds)` then `yield i`";

/// Where the first `yield` in `body` is, at any depth.
fn find_yield(body: &[Stmt]) -> Option<Span> {
    body.iter().find_map(|s| match &s.kind {
        StmtKind::Yield => Some(s.span),
        StmtKind::For { body, .. } | StmtKind::With { body, .. } | StmtKind::If { body, .. } => {
            find_yield(body)
        }
        StmtKind::Try { body, handlers } => {
            find_yield(body).or_else(|| handlers.iter().find_map(|h| find_yield(&h.body)))
        }
        _ => None,
    })
}

/// `for i in range(n): await asyncio.sleep(s); yield i` → `(n, s in ms)`.
fn generator_shape(m: &Module, body: &[Stmt]) -> Option<(u32, u64)> {
    let [Stmt {
        kind:
            StmtKind::For {
                is_async: false,
                iter,
                body,
                ..
            },
        ..
    }] = body
    else {
        return None;
    };
    let ExprKind::Call { func, args, .. } = &iter.kind else {
        return None;
    };
    let [n] = args.as_slice() else { return None };
    if dotted(func).as_deref() != Some("range") {
        return None;
    }
    let [sleep, Stmt {
        kind: StmtKind::Yield,
        ..
    }] = body.as_slice()
    else {
        return None;
    };
    let StmtKind::Expr(Expr {
        kind: ExprKind::Await(call),
        ..
    }) = &sleep.kind
    else {
        return None;
    };
    let ExprKind::Call { func, args, .. } = &call.kind else {
        return None;
    };
    let [seconds] = args.as_slice() else {
        return None;
    };
    if dotted(func).as_deref() != Some("asyncio.sleep") {
        return None;
    }
    Some((
        count(n, &m.constants, "").ok()?,
        millis(seconds, &m.constants, "").ok()?,
    ))
}

fn is_run_main(e: &Expr) -> bool {
    let ExprKind::Call { func, args, .. } = &e.kind else {
        return false;
    };
    dotted(func).as_deref() == Some("asyncio.run") && args.len() == 1
}

fn is_main_guard(test: &Expr) -> bool {
    let ExprKind::Operator("==", sides) = &test.kind else {
        return false;
    };
    matches!(
        (&sides[0].kind, &sides[1].kind),
        (ExprKind::Name(n), ExprKind::Str { value, .. }) if n == "__name__" && value == "__main__"
    )
}

/// `name = asyncio.Semaphore(2)` and friends, or `NAME = 0.5`.
fn assignment(m: &mut Module, target: &Expr, value: &Expr) -> Result<(), ParseError> {
    let ExprKind::Name(name) = &target.kind else {
        return error(target.span, "assign to a single name, e.g. `x = 1`");
    };
    if let ExprKind::Number(n) = &value.kind {
        m.constants.insert(name.clone(), n.clone());
        return Ok(());
    }
    if matches!(value.kind, ExprKind::Str { .. }) {
        return Ok(());
    }
    let Some(kind) = resource_kind(m, value)? else {
        return error(
            value.span,
            "at the top level or in main(), assign only numbers, strings, or asyncio.Semaphore(n), asyncio.Lock() and asyncio.Queue(maxsize)",
        );
    };
    let resource = Resource {
        name: name.clone(),
        kind,
    };
    match m.resources.iter_mut().find(|r| r.name == *name) {
        Some(r) => *r = resource,
        None => m.resources.push(resource),
    }
    Ok(())
}

fn resource_kind(m: &Module, value: &Expr) -> Result<Option<ResourceKind>, ParseError> {
    let ExprKind::Call {
        func,
        args,
        keywords,
    } = &value.kind
    else {
        return Ok(None);
    };
    let arg = args.first().or(keywords.first().map(|(_, e)| e));
    Ok(Some(match dotted(func).as_deref() {
        Some("asyncio.Semaphore" | "asyncio.BoundedSemaphore") => ResourceKind::Semaphore {
            permits: match arg {
                Some(e) => count(e, &m.constants, "a semaphore's count")?,
                None => 1,
            },
        },
        Some("asyncio.Lock") => ResourceKind::Lock,
        Some("asyncio.Queue") => ResourceKind::Queue {
            maxsize: match arg {
                Some(e) => count(e, &m.constants, "a queue's maxsize")?,
                None => 0,
            },
        },
        _ => return Ok(None),
    }))
}

/// `main()`: which coroutines it starts and how, and the executor's worker count;
/// `steps` gets the place of each of main's steps.
fn start(m: &mut Module, body: &[Stmt], steps: &mut Vec<Span>) -> Result<(Main, u32), ParseError> {
    let mut run = Vec::new();
    let mut mode = StartMode::Sequential;
    let mut gathered = false;
    let mut workers = 4;
    let mut loops = Loops::new();
    let explain = "main() only starts coroutines: `await name()` one after another, or one `await asyncio.gather(a(), b())`; move this line into a coroutine and await it from main()";
    for stmt in body {
        match &stmt.kind {
            StmtKind::Global | StmtKind::Pass => {}
            StmtKind::Expr(Expr {
                kind: ExprKind::Str { .. },
                ..
            }) => {}
            StmtKind::Assign(target, value) if is_loop(value, &loops) => {
                if let ExprKind::Name(name) = &target.kind {
                    loops.insert(name.clone());
                }
            }
            StmtKind::Assign(target, value) => assignment(m, target, value)?,
            StmtKind::Expr(e) => {
                if let Some(n) = executor_workers(m, &loops, e)? {
                    workers = n;
                    continue;
                }
                let ExprKind::Await(inner) = &e.kind else {
                    return Err(ParseError::new(stmt.span, explain));
                };
                let ExprKind::Call { func, args, .. } = &inner.kind else {
                    return Err(ParseError::new(stmt.span, explain));
                };
                let callee = dotted(func).unwrap_or_default();
                if gathered {
                    error(stmt.span, "main() gathers its coroutines once; put every coroutine in that one `asyncio.gather(...)`")?;
                }
                if callee == "asyncio.gather" {
                    if !run.is_empty() {
                        error(stmt.span, "main() either awaits coroutines one after another or gathers them once, not both")?;
                    }
                    gathered = true;
                    mode = StartMode::Concurrent;
                    for a in args {
                        run.push(started(m, a)?);
                    }
                    if !args.is_empty() {
                        steps.push(stmt.span);
                    }
                } else {
                    run.push(started(m, inner)?);
                    steps.push(stmt.span);
                }
            }
            _ => error(stmt.span, explain)?,
        }
    }
    Ok((Main { mode, run }, workers))
}

/// `name()` in main: a coroutine main starts.
fn started(m: &Module, e: &Expr) -> Result<String, ParseError> {
    if let ExprKind::Call { func, args, .. } = &e.kind {
        if let ExprKind::Name(name) = &func.kind {
            if m.is_coroutine(name) && args.is_empty() {
                return Ok(name.clone());
            }
            if m.is_coroutine(name) {
                return Err(ParseError::new(
                    e.span,
                    format!(
                        "call `{name}()` without arguments; coroutines take no parameters here"
                    ),
                ));
            }
            return Err(ParseError::new(
                func.span,
                format!(
                    "there is no coroutine named `{name}`; define it with `async def {name}():`"
                ),
            ));
        }
    }
    Err(ParseError::new(
        e.span,
        "main() can only start your own coroutines, e.g. `await worker()`; move other calls into a coroutine",
    ))
}

/// Names bound to the running loop (`loop = asyncio.get_running_loop()`).
pub type Loops = HashSet<String>;

/// `asyncio.get_running_loop()` (or `get_event_loop`), or a name bound to it.
pub fn is_loop(e: &Expr, loops: &Loops) -> bool {
    match &e.kind {
        ExprKind::Call { func, args, .. } => {
            args.is_empty()
                && matches!(
                    dotted(func).as_deref(),
                    Some("asyncio.get_running_loop" | "asyncio.get_event_loop")
                )
        }
        ExprKind::Name(n) => loops.contains(n),
        _ => false,
    }
}

/// `loop.set_default_executor(ThreadPoolExecutor(n))`: the number of workers.
fn executor_workers(m: &Module, loops: &Loops, e: &Expr) -> Result<Option<u32>, ParseError> {
    let ExprKind::Call { func, args, .. } = &e.kind else {
        return Ok(None);
    };
    let ExprKind::Attribute(base, method) = &func.kind else {
        return Ok(None);
    };
    if method != "set_default_executor" || !is_loop(base, loops) {
        return Ok(None);
    }
    let pool = args.first().and_then(|a| match &a.kind {
        ExprKind::Call {
            func,
            args,
            keywords,
        } if dotted(func).is_some_and(|f| f.ends_with("ThreadPoolExecutor")) => {
            args.first().or(keywords.first().map(|(_, e)| e))
        }
        _ => None,
    });
    match pool {
        Some(n) => Ok(Some(count(n, &m.constants, "the number of executor workers")?)),
        None => Err(ParseError::new(
            e.span,
            "set the executor with `ThreadPoolExecutor(n)`, e.g. `loop.set_default_executor(ThreadPoolExecutor(4))`",
        )),
    }
}
