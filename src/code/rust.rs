//! A scenario as equivalent async Rust on tokio, for reading beside the Python.
//!
//! For display: it is written to be plausible, idiomatic tokio (a current-thread
//! runtime, like asyncio's one thread), not compiled. Each step maps to one line, so
//! the code view can highlight the step the playhead is at.

use super::listing::{Code, Listing};
use crate::sim::{Awaitable, ResourceKind, Scenario, StartMode, Step};

const PRELUDE: &str = r#"use futures::{pin_mut, stream, Stream, StreamExt};
use std::sync::LazyLock;
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, Mutex, Semaphore};
use tokio::task::JoinHandle;
use tokio::time::{sleep, timeout};

/// An exception, as the Python raises it: its class name and message.
#[derive(Debug)]
struct Error {
    kind: &'static str,
    message: String,
}

impl Error {
    fn new(kind: &'static str, message: impl Into<String>) -> Error {
        Error { kind, message: message.into() }
    }

    fn is(&self, kind: &str) -> bool {
        self.kind == kind
    }
}

impl From<tokio::task::JoinError> for Error {
    fn from(e: tokio::task::JoinError) -> Error {
        Error::new(if e.is_cancelled() { "CancelledError" } else { "JoinError" }, e.to_string())
    }
}

type Output = Result<Option<&'static str>, Error>;

/// Stands in for an HTTP request that takes `latency`.
async fn fetch(url: &str, latency: Duration, fail: Option<&'static str>) -> Result<String, Error> {
    sleep(latency).await;
    match fail {
        Some(kind) => Err(Error::new(kind, format!("fetch {url} failed"))),
        None => Ok(format!("<Response {url} 200>")),
    }
}

/// Blocking work: holds whichever thread runs it.
fn blocking(duration: Duration) {
    std::thread::sleep(duration);
}

/// A stream that yields an item every `every`.
fn ticker(items: u32, every: Duration) -> impl Stream<Item = u32> {
    stream::unfold(0, move |i| async move {
        if i == items {
            return None;
        }
        sleep(every).await;
        Some((i, i + 1))
    })
}

/// A spawned task's own result, with a panic or cancellation as an error.
async fn joined(handle: JoinHandle<Output>) -> Output {
    handle.await?
}
"#;

struct Writer<'a> {
    text: Listing,
    scenario: &'a Scenario,
}

impl std::ops::Deref for Writer<'_> {
    type Target = Listing;
    fn deref(&self) -> &Listing {
        &self.text
    }
}

impl std::ops::DerefMut for Writer<'_> {
    fn deref_mut(&mut self) -> &mut Listing {
        &mut self.text
    }
}

impl Writer<'_> {
    fn resource(&self, name: &str) -> Option<ResourceKind> {
        self.scenario
            .resources
            .iter()
            .find(|r| r.name == name)
            .map(|r| r.kind)
    }
}

fn ms(ms: u64) -> String {
    format!("Duration::from_millis({ms})")
}

/// A Rust static's name for a Python module-level object.
fn upper(name: &str) -> String {
    name.to_uppercase()
}

fn future(target: &Awaitable) -> String {
    match target {
        Awaitable::Coroutine(name) => format!("{name}()"),
        Awaitable::Task(handle) => format!("joined({handle})"),
    }
}

/// The tokio program for `scenario`, with the line of every step.
pub fn rust_code(scenario: &Scenario) -> Code {
    let mut w = Writer {
        text: Listing::default(),
        scenario,
    };
    let title = if scenario.name.is_empty() {
        "A Looplab scenario"
    } else {
        &scenario.name
    };
    w.line(0, &format!("// {title}, as async Rust on tokio."));
    w.raw(PRELUDE);
    for r in &scenario.resources {
        w.line(0, "");
        let name = upper(&r.name);
        match r.kind {
            ResourceKind::Semaphore { permits } => w.line(
                0,
                &format!("static {name}: Semaphore = Semaphore::const_new({permits});"),
            ),
            ResourceKind::Lock => w.line(
                0,
                &format!("static {name}: Mutex<()> = Mutex::const_new(());"),
            ),
            ResourceKind::Queue { maxsize } => {
                w.line(
                    0,
                    "/// A queue every task shares: a channel, its receiver behind a lock.",
                );
                let (kind, make) = if maxsize == 0 {
                    ("Unbounded", "mpsc::unbounded_channel()".to_string())
                } else {
                    ("", format!("mpsc::channel({maxsize})"))
                };
                w.line(
                    0,
                    &format!(
                        "static {name}: LazyLock<(mpsc::{kind}Sender<&str>, Mutex<mpsc::{kind}Receiver<&str>>)> ="
                    ),
                );
                w.line(
                    1,
                    &format!(
                        "LazyLock::new(|| {{ let (tx, rx) = {make}; (tx, Mutex::new(rx)) }});"
                    ),
                );
            }
        }
    }
    for c in &scenario.coroutines {
        w.line(0, "");
        w.line(0, &format!("async fn {}() -> Output {{", c.name));
        // A last `return` is the function's tail expression.
        match c.steps.split_last() {
            Some((Step::Return { value }, before)) => {
                block(&mut w, before, 1);
                w.step();
                w.line(1, &format!("Ok(Some({value:?}))"));
            }
            _ => {
                block(&mut w, &c.steps, 1);
                w.line(1, "Ok(None)");
            }
        }
        w.line(0, "}");
    }
    w.line(0, "");
    w.line(0, "async fn run() -> Result<(), Error> {");
    match scenario.main.mode {
        StartMode::Sequential => {
            for c in &scenario.main.run {
                w.step();
                w.line(1, &format!("{c}().await?;"));
            }
        }
        StartMode::Concurrent => {
            if !scenario.main.run.is_empty() {
                let calls: Vec<String> =
                    scenario.main.run.iter().map(|c| format!("{c}()")).collect();
                w.step();
                w.line(1, &format!("tokio::try_join!({})?;", calls.join(", ")));
            }
        }
    }
    w.line(1, "Ok(())");
    w.line(0, "}");
    w.line(0, "");
    w.line(0, "fn main() -> Result<(), Box<dyn std::error::Error>> {");
    w.line(
        1,
        "// One thread, like asyncio's event loop; blocking work goes to a pool.",
    );
    w.line(
        1,
        "let runtime = tokio::runtime::Builder::new_current_thread()",
    );
    w.line(2, ".enable_time()");
    w.line(
        2,
        &format!(".max_blocking_threads({})", scenario.executor_workers),
    );
    w.line(2, ".build()?;");
    w.line(1, "let start = Instant::now();");
    w.line(1, "let result = runtime.block_on(run());");
    w.line(
        1,
        "println!(\"total: {:.1} ms\", start.elapsed().as_secs_f64() * 1000.0);",
    );
    w.line(1, "if let Err(error) = result {");
    w.line(
        2,
        "println!(\"main() raised {}: {}\", error.kind, error.message);",
    );
    w.line(1, "}");
    w.line(1, "Ok(())");
    w.line(0, "}");
    w.text.finish()
}

fn block(w: &mut Writer, steps: &[Step], indent: usize) {
    for step in steps {
        statement(w, step, indent);
    }
}

fn statement(w: &mut Writer, step: &Step, indent: usize) {
    w.step();
    let line = match step {
        Step::Sleep { ms: d } => format!("sleep({}).await;", ms(*d)),
        Step::Fetch {
            url,
            latency_ms,
            fail,
            ..
        } => {
            let fail = fail
                .as_ref()
                .map_or("None".to_string(), |e| format!("Some({e:?})"));
            format!("fetch({url:?}, {}, {fail}).await?;", ms(*latency_ms))
        }
        Step::Compute { ms: d } => format!(
            "blocking({}); // std::thread::sleep: holds the runtime's only thread",
            ms(*d)
        ),
        Step::RunInExecutor { ms: d } => format!(
            "tokio::task::spawn_blocking(|| blocking({})).await?;",
            ms(*d)
        ),
        Step::CreateTask { coroutine, handle } => {
            format!("let {handle} = tokio::spawn({coroutine}());")
        }
        Step::Await {
            target: Awaitable::Coroutine(name),
        } => format!("{name}().await?;"),
        Step::Await {
            target: Awaitable::Task(handle),
        } => format!("{handle}.await??;"),
        Step::Gather {
            items,
            return_exceptions,
        } => {
            let items: Vec<String> = items.iter().map(future).collect();
            if *return_exceptions {
                format!(
                    "let _results = tokio::join!({}); // each a Result",
                    items.join(", ")
                )
            } else {
                format!("tokio::try_join!({})?;", items.join(", "))
            }
        }
        Step::WaitFor { target, timeout_ms } => format!(
            "timeout({}, {}).await.map_err(|_| Error::new(\"TimeoutError\", \"\"))??;",
            ms(*timeout_ms),
            future(target)
        ),
        Step::Cancel { handle } => format!("{handle}.abort();"),
        Step::Raise { error, message } => {
            format!("return Err(Error::new({error:?}, {message:?}));")
        }
        Step::Print { text } => format!("println!({text:?});"),
        Step::Return { value } => format!("return Ok(Some({value:?}));"),
        Step::Put { queue, item } => {
            let unbounded = matches!(w.resource(queue), Some(ResourceKind::Queue { maxsize: 0 }));
            let wait = if unbounded { "" } else { ".await" };
            format!(
                "{}.0.send({item:?}){wait}.map_err(|e| Error::new(\"QueueShutDown\", e.to_string()))?;",
                upper(queue)
            )
        }
        Step::Get { queue } => format!("let _item = {}.1.lock().await.recv().await;", upper(queue)),
        Step::Try {
            body,
            error,
            handler,
        } => {
            w.line(indent, "if let Err(error) = async {");
            block(w, body, indent + 1);
            w.line(indent + 1, "Ok::<_, Error>(())");
            w.line(indent, "}");
            w.line(indent, ".await");
            w.line(indent, "{");
            if let Some(e) = error {
                w.line(indent + 1, &format!("if !error.is({e:?}) {{"));
                w.line(indent + 2, "return Err(error);");
                w.line(indent + 1, "}");
            } else {
                w.line(indent + 1, "let _ = error;");
            }
            block(w, handler, indent + 1);
            w.line(indent, "}");
            return;
        }
        Step::With { resource, body } => {
            let take = match w.resource(resource) {
                Some(ResourceKind::Lock) => {
                    format!("let _guard = {}.lock().await;", upper(resource))
                }
                _ => format!(
                    "let _permit = {}.acquire().await.expect(\"the semaphore is open\");",
                    upper(resource)
                ),
            };
            w.line(indent, &format!("{{ // async with {resource}"));
            // The step is where the resource is taken.
            w.step_lines.pop();
            w.step();
            w.line(indent + 1, &take);
            block(w, body, indent + 1);
            w.line(indent, "}");
            return;
        }
        Step::AsyncFor {
            items,
            every_ms,
            body,
        } => {
            w.step_lines.pop();
            w.line(
                indent,
                &format!("let items = ticker({items}, {});", ms(*every_ms)),
            );
            w.line(indent, "pin_mut!(items);");
            w.step();
            w.line(indent, "while let Some(_item) = items.next().await {");
            block(w, body, indent + 1);
            w.line(indent, "}");
            return;
        }
        Step::Repeat { times, body } => {
            w.line(indent, &format!("for _ in 0..{times} {{"));
            block(w, body, indent + 1);
            w.line(indent, "}");
            return;
        }
    };
    w.line(indent, &line);
}
