#![cfg(target_arch = "wasm32")]
//! Live mode on the browser's real event loop: Python programs run with real timers, a
//! real `fetch`, a `time.sleep` that really blocks, executor threads that sleep side by
//! side, and a stop that leaves nothing running. Times are measured with
//! `performance.now()`, so the bounds leave room for a loaded machine.

use futures::channel::oneshot;
use gloo_timers::future::TimeoutFuture;
use looplab::live::{armed_timers, fetch_text, start_live_program};
use looplab::py::{Ending, RunOutput};
use looplab::sim::{metrics, EventKind, Outcome, Reason};
use std::cell::Cell;
use std::collections::BTreeSet;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::Element;

mod support;
use support::{click_on, fresh_root, next_render, text};

wasm_bindgen_test_configure!(run_in_browser);

/// Runs `source` live to its end.
async fn run_live(source: &str) -> RunOutput {
    let (tx, rx) = oneshot::channel();
    start_live_program(
        source,
        |_| {},
        move |out| {
            let _ = tx.send(out);
        },
    )
    .expect("the program compiles");
    rx.await.expect("a live run always finishes")
}

/// The program ran to its end (else the assertion shows how it ended).
fn assert_completed(out: &RunOutput) {
    assert_eq!(
        out.ending,
        Ending::Completed,
        "{:?}\n{}",
        out.exception,
        out.stdout
    );
}

/// What the program printed, as numbers (one a line).
fn printed_numbers(out: &RunOutput) -> Vec<f64> {
    out.stdout.lines().map(|l| l.parse().unwrap()).collect()
}

/// A `<base href>` in the page while it lives: a live run fetches the files of
/// `static/api/` relative to the page (`live::request_url`), so this decides where
/// its requests go.
struct Base(Element);

impl Base {
    fn new(href: &str) -> Base {
        let document = web_sys::window().unwrap().document().unwrap();
        let base = document.create_element("base").unwrap();
        base.set_attribute("href", href).unwrap();
        let head = document.query_selector("head").unwrap().unwrap();
        head.prepend_with_node_1(&base).unwrap();
        Base(base)
    }
}

impl Drop for Base {
    fn drop(&mut self) {
        self.0.remove();
    }
}

const IN_TURN: &str = "import asyncio

async def main():
    for _ in range(3):
        await asyncio.sleep(0.2)

asyncio.run(main())
";

const GATHERED: &str = "import asyncio

async def main():
    await asyncio.gather(*(asyncio.sleep(0.2) for _ in range(3)))

asyncio.run(main())
";

#[wasm_bindgen_test]
async fn three_200_ms_sleeps_take_600_ms_in_turn_and_under_400_gathered() {
    let in_turn = run_live(IN_TURN).await;
    assert_completed(&in_turn);
    assert!(
        in_turn.virtual_ms >= 600.0,
        "in turn: {} ms",
        in_turn.virtual_ms
    );

    let gathered = run_live(GATHERED).await;
    assert_completed(&gathered);
    assert!(
        (200.0..400.0).contains(&gathered.virtual_ms),
        "gathered: {} ms",
        gathered.virtual_ms
    );
}

const FETCH_USER: &str = "import asyncio
import aiohttp

async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get('/api/users/1.json?latency=0.1') as response:
            print(await response.text(), end='')

asyncio.run(main())
";

/// The URLs the page requested since the resource timings were last cleared.
fn requested() -> Vec<String> {
    let performance = web_sys::window().unwrap().performance().unwrap();
    performance
        .get_entries_by_type("resource")
        .iter()
        .map(|entry| {
            js_sys::Reflect::get(&entry, &"name".into())
                .unwrap()
                .as_string()
                .unwrap()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn a_live_fetch_reads_the_body_of_a_real_file() {
    // The test server serves the crate's directory: the files are under `static/`.
    let base = Base::new("static/");
    let performance = web_sys::window().unwrap().performance().unwrap();
    performance.clear_resource_timings();
    let out = run_live(FETCH_USER).await;
    let urls = requested();
    let file = fetch_text("api/users/1.json", None).await.unwrap();
    drop(base);

    assert_completed(&out);
    assert!(
        urls.iter().any(|u| u.ends_with("/static/api/users/1.json")),
        "the program's request went to the network: {urls:?}"
    );
    assert!(file.contains("\"id\": 1"), "{file}");
    assert_eq!(out.stdout, file);
    assert!(
        out.virtual_ms >= 100.0,
        "answered after its latency: {} ms",
        out.virtual_ms
    );
}

const FAILING_FETCH: &str = "import asyncio
import aiohttp

async def get():
    async with aiohttp.ClientSession() as session:
        async with session.get('/api/users/1.json') as response:
            return await response.text()

async def main():
    task = asyncio.create_task(get())
    try:
        await task
    except aiohttp.ClientError as e:
        print(type(e).__name__, task.exception() is e)
        print(e)

asyncio.run(main())
";

#[wasm_bindgen_test]
async fn a_failing_request_raises_client_connection_error_in_the_task() {
    // Nothing answers on port 1 (browsers refuse it outright): the request fails.
    let base = Base::new("http://127.0.0.1:1/");
    let out = run_live(FAILING_FETCH).await;
    drop(base);
    assert_completed(&out);
    let lines: Vec<&str> = out.stdout.lines().collect();
    let [caught, message] = lines[..] else {
        panic!("the request did not fail: {:?}", out.stdout);
    };
    assert_eq!(caught, "ClientConnectionError True");
    assert!(
        message.starts_with("fetch api/users/1.json failed: "),
        "{message}"
    );
}

const BLOCKED_TICKER: &str = "import asyncio
import time

async def ticker():
    start = time.perf_counter()
    await asyncio.sleep(0.05)
    print((time.perf_counter() - start) * 1000)

async def cruncher():
    time.sleep(0.3)

async def main():
    await asyncio.gather(ticker(), cruncher())

asyncio.run(main())
";

#[wasm_bindgen_test]
async fn a_blocking_time_sleep_delays_a_concurrent_timer_by_its_length() {
    let out = run_live(BLOCKED_TICKER).await;
    assert_completed(&out);
    let trace = &out.trace;
    let sleeps: Vec<_> = trace
        .events
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Suspended {
                reason: Reason::Sleep { until },
            } => Some((e.task, e.t, until)),
            _ => None,
        })
        .collect();
    let [(ticker, start, due)] = sleeps[..] else {
        panic!("one sleep: {sleeps:?}");
    };
    assert!(
        due - start <= 51.0,
        "the sleep was due 50 ms after it began: {} ms",
        due - start
    );
    let ended = metrics(trace).tasks[ticker.index()].ended.unwrap();
    assert!(
        ended - start >= 300.0,
        "the 50 ms sleep ended {} ms after it began, held up by the 300 ms time.sleep {:?} {}",
        ended - start,
        trace
            .events
            .iter()
            .map(|e| (e.t, e.task.index(), format!("{:?}", e.kind)))
            .collect::<Vec<_>>(),
        out.stdout
    );
    let [waited] = printed_numbers(&out)[..] else {
        panic!("{}", out.stdout);
    };
    assert!(waited >= 300.0, "the ticker waited {waited} ms");
}

const THREE_JOBS: &str = "import asyncio
import time

async def main():
    loop = asyncio.get_running_loop()
    start = time.perf_counter()
    await asyncio.gather(*(loop.run_in_executor(None, time.sleep, 0.2) for _ in range(3)))
    print((time.perf_counter() - start) * 1000)

asyncio.run(main())
";

#[wasm_bindgen_test]
async fn executor_threads_sleep_side_by_side() {
    let out = run_live(THREE_JOBS).await;
    assert_completed(&out);
    let [took] = printed_numbers(&out)[..] else {
        panic!("{}", out.stdout);
    };
    assert!(took >= 200.0, "{took} ms");
    assert!(took < 400.0, "three 200 ms jobs at once took {took} ms");
    let workers: BTreeSet<u32> = (out.trace.events.iter())
        .filter_map(|e| match e.kind {
            EventKind::ExecutorStart { worker } => Some(worker),
            _ => None,
        })
        .collect();
    assert_eq!(workers.len(), 3, "a thread each: {workers:?}");
}

const LONG: &str = "import asyncio
import aiohttp
import time

async def sleeper():
    await asyncio.sleep(0.4)
    print('slept')

async def fetcher():
    async with aiohttp.ClientSession() as session:
        async with session.get('/api/posts.json?latency=0.4') as response:
            print('fetched')

async def worker():
    await asyncio.get_running_loop().run_in_executor(None, time.sleep, 0.4)
    print('worked')

async def main():
    await asyncio.gather(sleeper(), fetcher(), worker())

asyncio.run(main())
";

#[wasm_bindgen_test]
async fn stopping_a_run_leaves_no_timer_or_request_pending() {
    let updates_after_done = Rc::new(Cell::new(0));
    let finished = Rc::new(Cell::new(false));
    let (tx, rx) = oneshot::channel();
    let handle = {
        let (updates, finished_now) = (updates_after_done.clone(), finished.clone());
        let finished_later = finished.clone();
        start_live_program(
            LONG,
            move |_| {
                if finished_now.get() {
                    updates.set(updates.get() + 1);
                }
            },
            move |out| {
                finished_later.set(true);
                let _ = tx.send(out);
            },
        )
        .unwrap()
    };
    TimeoutFuture::new(100).await;
    assert!(
        armed_timers() >= 2,
        "the loop waits for its next timer, the request for its latency: {} armed",
        armed_timers()
    );
    handle.stop();
    let out = rx.await.unwrap();
    assert_eq!(out.ending, Ending::Stopped);
    assert_eq!(out.trace.outcome, Outcome::Stopped);
    assert_eq!(out.stdout, "", "nothing finished");
    assert!(out.trace.end < 400.0, "stopped at {} ms", out.trace.end);
    assert_eq!(armed_timers(), 0, "a stopped run leaves no timer armed");
    TimeoutFuture::new(500).await;
    assert_eq!(
        updates_after_done.get(),
        0,
        "nothing of the run fired later"
    );
    assert_eq!(armed_timers(), 0);
    assert!(out.trace.events.iter().all(|e| e.t <= out.trace.end));
}

#[wasm_bindgen_test]
async fn the_live_bar_refuses_a_run_that_would_freeze_the_page_for_long() {
    use looplab::ui::App;
    let root = fresh_root();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    next_render().await;
    let freezer = "import asyncio\nimport time\n\nasync def main():\n    time.sleep(20)\n\nasyncio.run(main())\n";
    let dispatch = js_sys::Reflect::get(&web_sys::window().unwrap(), &"looplabDispatch".into())
        .unwrap()
        .dyn_into::<js_sys::Function>()
        .unwrap();
    dispatch
        .call2(&JsValue::NULL, &"open".into(), &freezer.into())
        .unwrap();
    next_render().await;
    click_on(&root, "[data-action=\"live-run\"]");
    next_render().await;
    assert!(text(&root, ".live-bar__refused").contains("freeze it for 20.0 s"));
    assert!(
        root.query_selector("[data-action=\"live-stop\"]")
            .unwrap()
            .is_none(),
        "nothing runs"
    );
    app.destroy();
}
