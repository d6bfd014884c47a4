//! A program's locks, semaphores, queues and executor jobs in its trace: the events the
//! step simulation records for its resources (`Acquired`, `Released`, `QueuePut`,
//! `QueueGet`, `ExecutorStart`, `ExecutorEnd`), with the same meaning, so the loop
//! panel's snapshot shows who holds what, who waits, and what a queue holds.

use looplab::lessons::{Moment, What};
use looplab::py::run_source;
use looplab::sim::trace::{EventKind, Reason, TaskId, Trace};
use looplab::sim::{snapshot_at, Outcome, Snapshot};

fn trace_of(src: &str) -> Trace {
    let out = run_source(src).expect("the program compiles");
    assert_eq!(out.exception, None, "{}", out.stdout);
    out.trace
}

/// The trace's resource and executor events, one line each: `1000 d3 acquired
/// Semaphore 1 (2 permits)`, with the waits on them.
fn log(trace: &Trace) -> Vec<String> {
    let name = |r: u32| trace.resources[r as usize].name.clone();
    trace
        .events
        .iter()
        .filter_map(|e| {
            let what = match e.kind {
                EventKind::Acquired { resource } => format!("acquired {}", name(resource)),
                EventKind::Released { resource } => format!("released {}", name(resource)),
                EventKind::QueuePut { resource, size } => {
                    format!("put into {}: {size}", name(resource))
                }
                EventKind::QueueGet { resource, size } => {
                    format!("got from {}: {size}", name(resource))
                }
                EventKind::ExecutorStart { worker } => format!("job starts on worker {worker}"),
                EventKind::ExecutorEnd { worker } => format!("job ends on worker {worker}"),
                EventKind::Suspended { reason } => match reason {
                    Reason::Acquire { resource } => format!("waits for {}", name(resource)),
                    Reason::QueuePut { resource } => {
                        format!("waits for room in {}", name(resource))
                    }
                    Reason::QueueGet { resource } => {
                        format!("waits for an item in {}", name(resource))
                    }
                    Reason::Executor => "waits for its job".into(),
                    _ => return None,
                },
                _ => return None,
            };
            Some(format!("{} {} {what}", e.t, trace.task_name(e.task)))
        })
        .collect()
}

fn names(trace: &Trace, tasks: &[TaskId]) -> Vec<String> {
    tasks
        .iter()
        .map(|t| trace.task_name(*t).into_owned())
        .collect()
}

/// Holders, waiters and size of resource `r` in the snapshot at `t` ms.
fn resource_at(trace: &Trace, t: f64, r: usize) -> (Vec<String>, Vec<String>, u32) {
    let s: Snapshot = snapshot_at(trace, t);
    let r = &s.resources[r];
    (names(trace, &r.holders), names(trace, &r.waiters), r.size)
}

fn strings(lines: &[&str]) -> Vec<String> {
    lines.iter().map(|l| l.to_string()).collect()
}

#[test]
fn a_lock_is_held_by_one_task_and_handed_to_the_next_in_line() {
    let trace = trace_of(
        "import asyncio\n\
         lock = asyncio.Lock()\n\
         async def worker():\n\
         \x20   async with lock:\n\
         \x20       await asyncio.sleep(1)\n\
         async def main():\n\
         \x20   await asyncio.gather(asyncio.create_task(worker(), name='a'),\n\
         \x20                        asyncio.create_task(worker(), name='b'))\n\
         asyncio.run(main())\n",
    );
    assert_eq!(
        log(&trace),
        strings(&[
            "0 a acquired Lock 1",
            "0 b waits for Lock 1",
            // The release hands the lock over: `b` holds it before it runs again.
            "1000 a released Lock 1",
            "1000 b acquired Lock 1",
            "2000 b released Lock 1",
        ])
    );
    let lock = &trace.resources[0];
    assert_eq!((lock.kind.as_str(), lock.capacity), ("lock", 1));
    assert_eq!(
        resource_at(&trace, 500.0, 0),
        (strings(&["a"]), strings(&["b"]), 0)
    );
    assert_eq!(resource_at(&trace, 1500.0, 0), (strings(&["b"]), vec![], 0));
    assert_eq!(resource_at(&trace, 2000.0, 0), (vec![], vec![], 0));
}

#[test]
fn a_semaphore_of_two_lets_two_of_five_tasks_in_at_once() {
    let trace = trace_of(
        "import asyncio\n\
         async def download(sem):\n\
         \x20   async with sem:\n\
         \x20       await asyncio.sleep(1)\n\
         async def main():\n\
         \x20   sem = asyncio.Semaphore(2)\n\
         \x20   await asyncio.gather(*(asyncio.create_task(download(sem), name=f'd{i}')\n\
         \x20                          for i in range(1, 6)))\n\
         asyncio.run(main())\n",
    );
    let sem = "Semaphore 1 (2 permits)";
    let expected: Vec<String> = [
        "0 d1 acquired",
        "0 d2 acquired",
        "0 d3 waits for",
        "0 d4 waits for",
        "0 d5 waits for",
        "1000 d1 released",
        "1000 d3 acquired",
        "1000 d2 released",
        "1000 d4 acquired",
        "2000 d3 released",
        "2000 d5 acquired",
        "2000 d4 released",
        "3000 d5 released",
    ]
    .iter()
    .map(|l| format!("{l} {sem}"))
    .collect();
    assert_eq!(log(&trace), expected);
    assert_eq!(
        (
            trace.resources[0].kind.as_str(),
            trace.resources[0].capacity
        ),
        ("semaphore", 2)
    );
    assert_eq!(
        resource_at(&trace, 500.0, 0),
        (strings(&["d1", "d2"]), strings(&["d3", "d4", "d5"]), 0)
    );
    assert_eq!(
        resource_at(&trace, 1500.0, 0),
        (strings(&["d3", "d4"]), strings(&["d5"]), 0)
    );
    assert_eq!(
        resource_at(&trace, 2500.0, 0),
        (strings(&["d5"]), vec![], 0)
    );
}

#[test]
fn a_waiter_cancelled_after_the_hand_over_gives_the_permit_to_the_next() {
    for (make, name) in [
        ("Lock()", "Lock 1"),
        ("Semaphore(1)", "Semaphore 1 (1 permit)"),
    ] {
        let trace = trace_of(&format!(
            "import asyncio\n\
             async def hold(lock):\n\
             \x20   async with lock:\n\
             \x20       await asyncio.sleep(1)\n\
             async def a(lock, tasks):\n\
             \x20   async with lock:\n\
             \x20       await asyncio.sleep(1)\n\
             \x20   tasks['b'].cancel()  # the release just handed the lock to b\n\
             async def main():\n\
             \x20   lock = asyncio.{make}\n\
             \x20   tasks = {{}}\n\
             \x20   first = asyncio.create_task(a(lock, tasks), name='a')\n\
             \x20   await asyncio.sleep(0)\n\
             \x20   tasks['b'] = asyncio.create_task(hold(lock), name='b')\n\
             \x20   c = asyncio.create_task(hold(lock), name='c')\n\
             \x20   await asyncio.gather(first, tasks['b'], c, return_exceptions=True)\n\
             asyncio.run(main())\n"
        ));
        let expected: Vec<String> = [
            "0 a acquired",
            "0 b waits for",
            "0 c waits for",
            "1000 a released",
            "1000 b acquired",
            // b wakes up cancelled: it gives back what it was handed (CPython does too).
            "1000 b released",
            "1000 c acquired",
            "2000 c released",
        ]
        .iter()
        .map(|l| format!("{l} {name}"))
        .collect();
        assert_eq!(log(&trace), expected, "{make}");
        assert_eq!(resource_at(&trace, 1500.0, 0), (strings(&["c"]), vec![], 0));
    }
}

#[test]
fn a_bounded_queue_makes_the_producer_wait_for_room() {
    let trace = trace_of(
        "import asyncio\n\
         async def producer(q):\n\
         \x20   for i in range(4):\n\
         \x20       await q.put(i)\n\
         \x20   await q.put(None)\n\
         async def consumer(q):\n\
         \x20   while (item := await q.get()) is not None:\n\
         \x20       await asyncio.sleep(1)\n\
         async def main():\n\
         \x20   q = asyncio.Queue(maxsize=2)\n\
         \x20   await asyncio.gather(asyncio.create_task(producer(q), name='producer'),\n\
         \x20                        asyncio.create_task(consumer(q), name='consumer'))\n\
         asyncio.run(main())\n",
    );
    let q = "Queue 1 (maxsize 2)";
    let expected: Vec<String> = [
        "0 producer put into Q: 1",
        "0 producer put into Q: 2",
        "0 producer waits for room in Q",
        "0 consumer got from Q: 1",
        "0 producer put into Q: 2",
        "0 producer waits for room in Q",
        "1000 consumer got from Q: 1",
        "1000 producer put into Q: 2",
        "1000 producer waits for room in Q",
        "2000 consumer got from Q: 1",
        "2000 producer put into Q: 2",
        "3000 consumer got from Q: 1",
        "4000 consumer got from Q: 0",
    ]
    .iter()
    .map(|l| l.replace('Q', q))
    .collect();
    assert_eq!(log(&trace), expected);
    assert_eq!(
        (
            trace.resources[0].kind.as_str(),
            trace.resources[0].capacity
        ),
        ("queue", 2)
    );
    assert_eq!(
        resource_at(&trace, 500.0, 0),
        (vec![], strings(&["producer"]), 2)
    );
    assert_eq!(resource_at(&trace, 2500.0, 0), (vec![], vec![], 2));
    assert_eq!(resource_at(&trace, 3500.0, 0), (vec![], vec![], 1));
}

#[test]
fn put_nowait_and_get_nowait_count_too_even_from_a_callback() {
    let trace = trace_of(
        "import asyncio\n\
         async def main():\n\
         \x20   q = asyncio.Queue()\n\
         \x20   asyncio.get_running_loop().call_soon(q.put_nowait, 'from a callback')\n\
         \x20   q.put_nowait('a')\n\
         \x20   q.put_nowait('b')\n\
         \x20   q.get_nowait()\n\
         \x20   await asyncio.sleep(0)\n\
         \x20   print(q.qsize())\n\
         asyncio.run(main())\n",
    );
    assert_eq!(
        log(&trace),
        strings(&[
            "0 Task-1 put into Queue 1: 1",
            "0 Task-1 put into Queue 1: 2",
            "0 Task-1 got from Queue 1: 1",
            "0 event loop put into Queue 1: 2",
        ])
    );
    assert_eq!(trace.resources[0].capacity, 0);
    assert_eq!(resource_at(&trace, trace.end, 0), (vec![], vec![], 2));
}

#[test]
fn executor_jobs_run_on_numbered_workers_and_queue_for_a_free_one() {
    let trace = trace_of(
        "import asyncio, time\n\
         from concurrent.futures import ThreadPoolExecutor\n\
         def resize(path):\n\
         \x20   time.sleep(0.8)\n\
         \x20   return path\n\
         async def resize_image(pool, path):\n\
         \x20   loop = asyncio.get_running_loop()\n\
         \x20   return await loop.run_in_executor(pool, resize, path)\n\
         async def main():\n\
         \x20   with ThreadPoolExecutor(max_workers=2) as pool:\n\
         \x20       await asyncio.gather(*(asyncio.create_task(resize_image(pool, p), name=p)\n\
         \x20                              for p in ['cat', 'dog', 'owl']))\n\
         \x20   await asyncio.to_thread(resize, 'yak')\n\
         asyncio.run(main())\n",
    );
    assert_eq!(
        log(&trace),
        strings(&[
            "0 cat job starts on worker 0",
            "0 cat waits for its job",
            "0 dog job starts on worker 1",
            "0 dog waits for its job",
            "0 owl waits for its job",
            // A worker frees itself and takes the job that waited.
            "800 cat job ends on worker 0",
            "800 owl job starts on worker 0",
            "800 dog job ends on worker 1",
            "1600 owl job ends on worker 0",
            "1600 Task-1 job starts on worker 0",
            "1600 Task-1 waits for its job",
            "2400 Task-1 job ends on worker 0",
        ])
    );
    assert_eq!(trace.executor_workers, 2);
    let workers = |t: f64| {
        let s = snapshot_at(&trace, t);
        let names: Vec<Option<String>> = s
            .workers
            .iter()
            .map(|w| w.map(|t| trace.task_name(t).into_owned()))
            .collect();
        (names, self::names(&trace, &s.executor_queue))
    };
    let some = |n: &str| Some(n.to_string());
    assert_eq!(
        workers(400.0),
        (vec![some("cat"), some("dog")], strings(&["owl"]))
    );
    assert_eq!(workers(1200.0), (vec![some("owl"), None], vec![]));
    assert_eq!(workers(2000.0), (vec![some("Task-1"), None], vec![]));
    assert_eq!(workers(2400.0), (vec![None, None], vec![]));
}

#[test]
fn resources_are_numbered_by_class_in_the_order_the_program_makes_them() {
    let trace = trace_of(
        "import asyncio\n\
         class Pool(asyncio.Semaphore):\n\
         \x20   pass\n\
         async def main():\n\
         \x20   a, b = asyncio.Lock(), asyncio.Lock()\n\
         \x20   pool = Pool(3)\n\
         \x20   bounded = asyncio.BoundedSemaphore(1)\n\
         \x20   jobs = asyncio.LifoQueue()\n\
         \x20   async with b:\n\
         \x20       async with pool:\n\
         \x20           await jobs.put(1)\n\
         asyncio.run(main())\n",
    );
    let named: Vec<(&str, &str, u32)> = trace
        .resources
        .iter()
        .map(|r| (r.name.as_str(), r.kind.as_str(), r.capacity))
        .collect();
    assert_eq!(
        named,
        [
            ("Lock 1", "lock", 1),
            ("Lock 2", "lock", 1),
            ("Pool 1 (3 permits)", "semaphore", 3),
            ("BoundedSemaphore 1 (1 permit)", "semaphore", 1),
            ("LifoQueue 1", "queue", 0),
        ]
    );
    assert_eq!(
        log(&trace),
        strings(&[
            "0 Task-1 acquired Lock 2",
            "0 Task-1 acquired Pool 1 (3 permits)",
            "0 Task-1 put into LifoQueue 1: 1",
            "0 Task-1 released Pool 1 (3 permits)",
            "0 Task-1 released Lock 2",
        ])
    );
}

#[test]
fn the_deadlock_lessons_locks_show_who_holds_which() {
    let out = run_source(include_str!("../src/lessons/programs/deadlock.py")).unwrap();
    let trace = out.trace;
    assert!(matches!(trace.outcome, Outcome::Deadlock { .. }));
    let (ab, ba) = ("Task-2", "Task-3");
    assert_eq!(
        resource_at(&trace, trace.end, 0),
        (strings(&[ab]), strings(&[ba]), 0)
    );
    assert_eq!(
        resource_at(&trace, trace.end, 1),
        (strings(&[ba]), strings(&[ab]), 0)
    );
}

#[test]
fn a_lesson_can_point_at_the_first_and_last_acquire_of_a_program() {
    let trace = trace_of(include_str!("../src/lessons/programs/semaphore.py"));
    let at = |m: Moment| m.resolve(&trace);
    let first = Moment::First {
        coroutine: "download",
        what: What::Acquire,
    };
    let last = Moment::Last {
        coroutine: "download",
        what: What::Acquire,
    };
    assert_eq!((at(first), at(last)), (Some(0.0), Some(2000.0)));
    let queue = trace_of(include_str!("../src/lessons/programs/job_queue.py"));
    let got = Moment::First {
        coroutine: "consumer",
        what: What::QueueGet,
    };
    assert_eq!(got.resolve(&queue), Some(300.0));
    let executor = trace_of(include_str!("../src/lessons/programs/executor.py"));
    let offload = Moment::Last {
        coroutine: "resize_image",
        what: What::Offload,
    };
    assert_eq!(offload.resolve(&executor), Some(800.0));
}

#[test]
fn programs_without_locks_or_queues_record_nothing_more() {
    let trace = trace_of(
        "import asyncio\n\
         async def worker(i):\n\
         \x20   for k in range(3):\n\
         \x20       await asyncio.sleep(0.01 * (k + 1))\n\
         async def main():\n\
         \x20   await asyncio.gather(*(worker(i) for i in range(10)))\n\
         asyncio.run(main())\n",
    );
    assert!(trace.resources.is_empty());
    assert_eq!(trace.executor_workers, 0);
    assert_eq!(log(&trace), Vec::<String>::new());
}

#[test]
fn an_event_is_still_a_wait_but_not_a_resource_with_holders() {
    let trace = trace_of(
        "import asyncio\n\
         async def main():\n\
         \x20   done = asyncio.Event()\n\
         \x20   asyncio.get_running_loop().call_later(1, done.set)\n\
         \x20   await done.wait()\n\
         asyncio.run(main())\n",
    );
    let r = &trace.resources[0];
    assert_eq!((r.name.as_str(), r.kind.as_str()), ("Event.wait", "event"));
    assert_eq!(
        resource_at(&trace, 500.0, 0),
        (vec![], strings(&["Task-1"]), 0)
    );
}
