#![cfg(not(target_arch = "wasm32"))]
//! A program run live (`looplab::py::stepped::SteppedRun`), driven by a fake host whose clock
//! the test moves: with a clock that reaches every due time exactly, a live run prints,
//! ends and takes the time its virtual-clock run does; `time.sleep` holds the host;
//! files of `static/api/` are requested from the host; a stop ends the run.

use looplab::py::aio::host::Host;
use looplab::py::stepped::{Step, SteppedRun};
use looplab::py::{run_source, Ending, RunOutput};
use looplab::sim::Outcome;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// A host with a clock the driver moves, answering requests after their latency
/// (plus `lag_ms`, the network's own time).
#[derive(Default)]
struct FakeHost {
    now: Cell<f64>,
    blocked_ms: Cell<f64>,
    /// (id, path, when the answer is due).
    requests: RefCell<Vec<(u32, String, f64)>>,
    lag_ms: f64,
    /// Host time each reading of the clock takes (0: the clock only moves when the
    /// driver moves it).
    tick_ms: f64,
}

impl Host for FakeHost {
    fn now_ms(&self) -> f64 {
        self.now.set(self.now.get() + self.tick_ms);
        self.now.get()
    }
    fn block(&self, ms: f64) {
        self.blocked_ms.set(self.blocked_ms.get() + ms);
        self.now.set(self.now.get() + ms);
    }
    fn fetch(&self, id: u32, path: &str, latency_ms: f64) {
        let due = self.now.get() + latency_ms + self.lag_ms;
        self.requests.borrow_mut().push((id, path.to_string(), due));
    }
}

/// Runs `src` live to its end (or until `stop_at` ms of host time), as the browser
/// driver does: step while there is work, else move the clock to the next due time or
/// answer the next request.
fn drive(src: &str, host: Rc<FakeHost>, stop_at: Option<f64>) -> RunOutput {
    let mut run = SteppedRun::live(src, host.clone()).expect("the program compiles");
    for _ in 0..10_000_000 {
        if stop_at.is_some_and(|t| host.now.get() >= t) {
            return run.finish(true);
        }
        match run.step() {
            Step::Over => return run.finish(false),
            Step::Ran => {}
            Step::Idle(due) => {
                let answer = {
                    let requests = host.requests.borrow();
                    requests
                        .iter()
                        .enumerate()
                        .min_by(|a, b| a.1 .2.total_cmp(&b.1 .2))
                        .map(|(i, r)| (i, r.2))
                };
                match (due, answer) {
                    (None, None) => {
                        assert_eq!(run.requests_pending(), 0);
                        run.deadlock();
                    }
                    (Some(t), Some((_, a))) if t <= a => host.now.set(host.now.get().max(t)),
                    (Some(t), None) => host.now.set(host.now.get().max(t)),
                    (_, Some((i, a))) => {
                        host.now.set(host.now.get().max(a));
                        let (id, path, _) = host.requests.borrow_mut().remove(i);
                        run.fetched(id, Ok(format!("{{\"fetched\": \"{path}\"}}")));
                    }
                }
            }
        }
    }
    panic!("the live run never ended (clock at {} ms)", host.now.get());
}

fn live(src: &str) -> RunOutput {
    drive(src, Rc::new(FakeHost::default()), None)
}

#[test]
fn with_an_exact_clock_every_corpus_program_runs_live_as_it_runs_virtually() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/py/corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    let mut compared = 0;
    let mut differ = Vec::new();
    for path in &files {
        let src = std::fs::read_to_string(path).unwrap();
        // A fetched file's body comes from the host here, not the simulated network.
        if src.contains("api/") {
            continue;
        }
        let Ok(virtual_run) = run_source(&src) else {
            continue;
        };
        // A live run has no virtual-time limit: it goes on until the user stops it.
        if virtual_run
            .exception
            .as_ref()
            .is_some_and(|e| e.contains("virtual time passed"))
        {
            continue;
        }
        let live_run = live(&src);
        compared += 1;
        let same = live_run.stdout == virtual_run.stdout
            && live_run.ending == virtual_run.ending
            && live_run.exception == virtual_run.exception
            && (live_run.virtual_ms - virtual_run.virtual_ms).abs() < 0.01;
        if !same {
            differ.push(format!(
                "{}: live {:?} {:?} {} ms, virtual {:?} {:?} {} ms\n--- live stdout\n{}\n--- virtual stdout\n{}",
                path.file_name().unwrap().to_string_lossy(),
                live_run.ending,
                live_run.exception,
                live_run.virtual_ms,
                virtual_run.ending,
                virtual_run.exception,
                virtual_run.virtual_ms,
                live_run.stdout,
                virtual_run.stdout
            ));
        }
    }
    assert!(compared > 150, "only {compared} programs compared");
    assert!(differ.is_empty(), "{}", differ.join("\n\n"));
}

#[test]
fn time_sleep_on_the_loop_holds_the_host() {
    let host = Rc::new(FakeHost::default());
    let out = drive(
        "import asyncio, time\n\
         async def main():\n    t = time.perf_counter()\n    time.sleep(0.25)\n    \
         print(round(time.perf_counter() - t, 3))\n\
         asyncio.run(main())\n",
        host.clone(),
        None,
    );
    assert_eq!(out.stdout, "0.25\n");
    assert_eq!(host.blocked_ms.get(), 250.0);
}

#[test]
fn files_of_static_api_are_requested_from_the_host_and_others_are_simulated() {
    let host = Rc::new(FakeHost {
        lag_ms: 30.0,
        ..FakeHost::default()
    });
    let out = drive(
        "import asyncio, aiohttp\n\
         async def get(session, url):\n    async with session.get(url) as r:\n        \
         return await r.text()\n\
         async def main():\n    async with aiohttp.ClientSession() as s:\n        \
         a, b = await asyncio.gather(get(s, '/api/users/1.json?latency=0.2'), get(s, 'https://example.com/x'))\n    \
         print(a)\n    print(b)\n\
         asyncio.run(main())\n",
        host.clone(),
        None,
    );
    assert_eq!(out.ending, Ending::Completed, "{:?}", out.exception);
    assert_eq!(
        out.stdout,
        "{\"fetched\": \"api/users/1.json\"}\n<html><body>https://example.com/x</body></html>\n"
    );
    // The real request: no sooner than its latency, plus the network's own 30 ms.
    assert!((out.virtual_ms - 230.0).abs() < 0.01, "{}", out.virtual_ms);
}

#[test]
fn a_failed_request_raises_a_client_connection_error() {
    struct Down;
    impl Host for Down {
        fn now_ms(&self) -> f64 {
            0.0
        }
        fn block(&self, _: f64) {}
        fn fetch(&self, _: u32, _: &str, _: f64) {}
    }
    let mut run = SteppedRun::live(
        "import asyncio, aiohttp\n\
         async def main():\n    try:\n        await aiohttp.request('GET', '/api/posts.json')\n    \
         except aiohttp.ClientConnectionError as e:\n        print('failed:', e)\n\
         asyncio.run(main())\n",
        Rc::new(Down),
    )
    .unwrap();
    while run.step() == Step::Ran {}
    assert_eq!(run.requests_pending(), 1);
    run.fetched(
        0,
        Err("NetworkError when attempting to fetch resource.".into()),
    );
    while run.step() != Step::Over {}
    let out = run.finish(false);
    assert_eq!(
        out.stdout,
        "failed: NetworkError when attempting to fetch resource.\n"
    );
}

#[test]
fn a_stopped_run_says_so_and_keeps_what_it_printed() {
    let out = drive(
        "import asyncio\n\
         async def main():\n    for i in range(100):\n        print(i)\n        await asyncio.sleep(1)\n\
         asyncio.run(main())\n",
        Rc::new(FakeHost::default()),
        Some(2500.0),
    );
    assert_eq!(out.ending, Ending::Stopped);
    assert_eq!(out.trace.outcome, Outcome::Stopped);
    assert_eq!(out.stdout, "0\n1\n2\n");
}

#[test]
fn a_live_run_deadlocks_as_the_virtual_one_does() {
    let src = "import asyncio\n\
               async def main():\n    await asyncio.Event().wait()\n\
               asyncio.run(main())\n";
    let out = live(src);
    assert_eq!(out.ending, Ending::Deadlock);
    assert_eq!(out.exception, run_source(src).unwrap().exception);
}

#[test]
fn a_loop_started_inside_a_builtin_call_is_refused_live() {
    let out = live(
        "import asyncio\n\
         async def one():\n    return 1\n\
         print(sorted([0], key=lambda _: asyncio.run(one())))\n",
    );
    assert_eq!(out.ending, Ending::Exception);
    let message = out.exception.unwrap();
    assert!(
        message.starts_with(
            "RuntimeError: a live run starts the event loop only from the program's own code"
        ),
        "{message}"
    );
}

#[test]
fn a_busy_worker_thread_hands_the_loop_a_turn_every_switch_interval() {
    // As CPython's GIL does every 5 ms: the heartbeat goes on while the thread counts
    // (on the virtual clock Python code takes no time, so the job ends at once).
    let src = "import asyncio\n\
               def crunch():\n    total = 0\n    for i in range(300_000):\n        total += i\n    return total\n\
               async def heartbeat():\n    for n in range(1000):\n        print('beat', n)\n        await asyncio.sleep(0.001)\n\
               async def main():\n    beat = asyncio.create_task(heartbeat())\n    \
               total = await asyncio.to_thread(crunch)\n    beat.cancel()\n    print('total', total)\n\
               asyncio.run(main())\n";
    let beats = |out: &RunOutput| out.stdout.lines().filter(|l| l.starts_with("beat")).count();
    let virtual_run = run_source(src).unwrap();
    assert_eq!(virtual_run.stdout, "beat 0\ntotal 44999850000\n");
    let host = Rc::new(FakeHost {
        tick_ms: 0.1,
        ..FakeHost::default()
    });
    let live_run = drive(src, host, None);
    assert_eq!(live_run.ending, virtual_run.ending);
    assert!(
        live_run.stdout.ends_with("total 44999850000\n"),
        "{}",
        live_run.stdout
    );
    assert!(
        beats(&live_run) >= 3,
        "the loop never ran while the thread counted:\n{}",
        live_run.stdout
    );
}
