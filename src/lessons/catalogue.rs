//! The lessons, in course order.

use super::{Choice, Lesson, LessonProgram, Measure, Moment, Narration, Prediction, What};
use crate::sim::presets::preset;
use crate::sim::Scenario;

fn json(text: &str) -> Scenario {
    Scenario::from_json(text).expect("a lesson's scenario is valid JSON")
}

fn at(at: Moment, text: &'static str) -> Narration {
    Narration { at, text }
}

fn first(coroutine: &'static str, what: What) -> Moment {
    Moment::First { coroutine, what }
}

fn last(coroutine: &'static str, what: What) -> Moment {
    Moment::Last { coroutine, what }
}

fn choice(text: &'static str, value: f64) -> Choice {
    Choice { text, value }
}

fn predict(question: &'static str, measure: Measure, choices: Vec<Choice>) -> Prediction {
    Prediction {
        question,
        measure,
        choices,
    }
}

fn program(source: &'static str, pair: Option<&'static str>, rust: &'static str) -> LessonProgram {
    LessonProgram {
        source,
        pair,
        rust,
        loop_cost: false,
    }
}

fn from_preset(id: &str) -> Scenario {
    preset(id).expect("the lesson's preset exists")
}

/// The scenario of the lesson called `slug` ([`Lesson::scenario`]).
pub(super) fn scenario_of(slug: &str) -> Option<Scenario> {
    Some(match slug {
        "event-loop" => json(include_str!("event_loop.json")),
        "coroutines" => json(include_str!("coroutines.json")),
        "gather" => from_preset("turn-vs-gather"),
        "create-task" => json(include_str!("create_task.json")),
        "fetch" => from_preset("three-fetches"),
        "blocking" => from_preset("blocking-sleep"),
        "executor" => from_preset("executor"),
        "errors" => json(include_str!("errors.json")),
        "timeouts" => from_preset("timeout"),
        "deadlock" => from_preset("deadlock"),
        "semaphore" => from_preset("semaphore"),
        "queue" => from_preset("producer-consumer"),
        "streaming" => from_preset("streaming"),
        "thousand-tasks" => json(include_str!("thousand_tasks.json")),
        "perf-counter" => json(include_str!("perf_counter.json")),
        _ => return None,
    })
}

/// Every lesson, in course order.
pub fn lessons() -> Vec<Lesson> {
    CATALOGUE.with(Vec::clone)
}

thread_local! {
    /// Built once a thread: the panels ask for the open lesson on every frame.
    static CATALOGUE: Vec<Lesson> = build();
}

fn build() -> Vec<Lesson> {
    use What::*;
    vec![
        Lesson {
            id: 1,
            slug: "event-loop",
            title: "The event loop",
            intro: "asyncio runs one callback at a time on one thread. A task runs until it \
                    awaits something; then the loop picks the next ready callback, in order.",
            program: program(
                include_str!("programs/event_loop.py"),
                None,
                include_str!("programs/event_loop.rs"),
            ),
            narration: vec![
                at(
                    Moment::Start,
                    "Both tasks are on the ready queue; greet is first.",
                ),
                at(
                    first("greet", Suspend),
                    "greet awaits sleep(0): it yields, and goes to the back of the queue.",
                ),
                at(
                    first("count", Start),
                    "Now count runs: the loop took the next ready callback.",
                ),
                at(
                    Moment::End,
                    "Every line printed, and only one task ever ran at a time.",
                ),
            ],
            predict: predict(
                "When does `count: start` print?",
                Measure::PrintPosition("count: start"),
                vec![
                    choice("Second: greet's sleep(0) hands the loop to count", 1.0),
                    choice("Third: greet runs to its end first", 2.0),
                    choice("First: count was created last, so it runs first", 0.0),
                ],
            ),
            try_this: "Replace greet's sleep(0) with a compute step of 100 ms: count now waits \
                       until greet is done.",
        },
        Lesson {
            id: 2,
            slug: "coroutines",
            title: "Coroutines and await",
            intro: "`await coroutine()` runs it to its end inside the current task, then \
                    carries on. Awaiting one after another adds their times up.",
            program: program(
                include_str!("programs/coroutines.py"),
                None,
                include_str!("programs/coroutines.rs"),
            ),
            narration: vec![
                at(
                    first("boil_water", Suspend),
                    "make_tea awaits boil_water, which sleeps: the task is suspended.",
                ),
                at(
                    first("steep_tea", Suspend),
                    "boil_water returned; only now does steep_tea start.",
                ),
                at(
                    first("make_tea", Print),
                    "Both awaits are done: the times added up.",
                ),
            ],
            predict: predict(
                "How long does main take?",
                Measure::Total,
                vec![
                    choice("1 s", 1000.0),
                    choice("2 s", 2000.0),
                    choice("3 s", 3000.0),
                ],
            ),
            try_this: "Change steep_tea's sleep to 500 ms and predict the total again.",
        },
        Lesson {
            id: 3,
            slug: "gather",
            title: "Sequential vs concurrent with gather",
            intro: "Awaiting in turn waits for each coroutine before starting the next. \
                    `asyncio.gather` starts them all, so their waits overlap.",
            program: program(
                include_str!("programs/breakfast_in_turn.py"),
                Some(include_str!("programs/breakfast_gathered.py")),
                include_str!("programs/breakfast_in_turn.rs"),
            ),
            narration: vec![
                at(
                    first("brew_coffee", Suspend),
                    "Awaited in turn: nothing else starts while the coffee brews.",
                ),
                at(
                    first("toast_bread", Suspend),
                    "The coffee is done; only now does the toast start.",
                ),
                at(first("fry_eggs", Suspend), "The eggs start last of all."),
                at(Moment::End, "Breakfast took the sum of all three waits."),
            ],
            predict: predict(
                "Switched to gather, how long does breakfast take?",
                Measure::ConcurrentTotal,
                vec![
                    choice("1.0 s, the shortest", 1000.0),
                    choice("1.5 s, the longest", 1500.0),
                    choice("3.7 s, the sum", 3700.0),
                ],
            ),
            try_this: "Switch main to gather and compare the two timelines.",
        },
        Lesson {
            id: 4,
            slug: "create-task",
            title: "create_task: start now, await later",
            intro: "`asyncio.create_task` schedules a coroutine as a task right away; it runs \
                    whenever the current task awaits, and you collect its result later.",
            program: program(
                include_str!("programs/create_task.py"),
                None,
                include_str!("programs/create_task.rs"),
            ),
            narration: vec![
                at(
                    first("walk_dog", Start),
                    "evening awaits cook; the loop runs the new task walk_dog meanwhile.",
                ),
                at(
                    first("cook", Resume),
                    "Dinner is cooked while the dog is still out.",
                ),
                at(
                    last("evening", Print),
                    "Awaiting the task only collected what was already running.",
                ),
            ],
            predict: predict(
                "How long does the evening take?",
                Measure::Total,
                vec![
                    choice("1.5 s", 1500.0),
                    choice("2 s", 2000.0),
                    choice("3.5 s", 3500.0),
                ],
            ),
            try_this: "Move the create_task line after `await cook()` and watch the total grow.",
        },
        Lesson {
            id: 5,
            slug: "fetch",
            title: "Non-blocking I/O",
            intro: "A request in flight does not hold the loop: the task is suspended until the \
                    response arrives, and other tasks run meanwhile.",
            program: program(
                include_str!("programs/fetch.py"),
                None,
                include_str!("programs/fetch.rs"),
            ),
            narration: vec![
                at(
                    first("fetch", Suspend),
                    "get_user's request is sent; the loop is free for the next task.",
                ),
                at(
                    first("get_user", Complete),
                    "The first response arrives after 1 s.",
                ),
                at(
                    first("get_comments", Complete),
                    "The last one arrives: the slowest request sets the total.",
                ),
            ],
            predict: predict(
                "How long do the three requests take together?",
                Measure::ConcurrentTotal,
                vec![
                    choice("1 s", 1000.0),
                    choice("3 s", 3000.0),
                    choice("6 s", 6000.0),
                ],
            ),
            try_this: "Add a fourth fetch of 500 ms: does the total change?",
        },
        Lesson {
            id: 6,
            slug: "blocking",
            title: "Blocking the loop: time.sleep vs asyncio.sleep",
            intro: "`time.sleep` (or any CPU work) holds the only thread: no other task runs, \
                    and timers that come due must wait. Looplab warns about a task that never \
                    yields.",
            program: program(
                include_str!("programs/blocking.py"),
                None,
                include_str!("programs/blocking.rs"),
            ),
            narration: vec![
                at(
                    first("polite", Suspend),
                    "polite awaits asyncio.sleep: it yields.",
                ),
                at(
                    first("rude", Block),
                    "rude calls time.sleep: the loop is held for a whole second.",
                ),
                at(
                    Moment::At(250.0),
                    "The heartbeat's first tick is due now, but nothing can run it.",
                ),
                at(
                    first("heartbeat", Print),
                    "The first tick was due at 0.25 s; it comes late.",
                ),
            ],
            predict: predict(
                "When does the heartbeat's first tick print?",
                Measure::FirstPrintAt("tick"),
                vec![
                    choice("At 0.25 s, on time", 250.0),
                    choice("At 1 s, when time.sleep ends", 1000.0),
                    choice("Never", -1.0),
                ],
            ),
            try_this: "Change rude's `time.sleep(1)` into `await asyncio.sleep(1)` and watch the \
                       ticks come on time.",
        },
        Lesson {
            id: 7,
            slug: "executor",
            title: "Offloading blocking work to an executor",
            intro: "`run_in_executor` runs blocking work on a worker thread and awaits it, so the \
                    loop stays free. With 2 workers, at most 2 jobs run at once.",
            program: program(
                include_str!("programs/executor.py"),
                None,
                include_str!("programs/executor.rs"),
            ),
            narration: vec![
                at(
                    first("resize_image", Suspend),
                    "Two resizes run on the worker threads; the loop is free.",
                ),
                at(
                    first("heartbeat", Print),
                    "The heartbeat ticks on time while the images resize.",
                ),
                at(
                    first("resize_image", Resume),
                    "Two resizes are done: a worker is free again, and the third job starts.",
                ),
            ],
            predict: predict(
                "Three 0.8 s jobs on two workers: how long does it all take?",
                Measure::Total,
                vec![
                    choice("0.8 s", 800.0),
                    choice("1.6 s", 1600.0),
                    choice("2.4 s", 2400.0),
                ],
            ),
            try_this: "Set `max_workers=3`, then call `resize(path)` directly instead of through \
                       run_in_executor.",
        },
        Lesson {
            id: 8,
            slug: "errors",
            title: "Errors in tasks, and return_exceptions",
            intro: "An exception in a gathered coroutine reaches whoever awaits the gather. \
                    With `return_exceptions=True` it comes back as a result instead.",
            program: program(
                include_str!("programs/errors.py"),
                None,
                include_str!("programs/errors.rs"),
            ),
            narration: vec![
                at(
                    first("broken_fetch", Fail),
                    "broken_fetch raises ConnectionError; gather keeps it as a result.",
                ),
                at(first("ok_fetch", Complete), "The other requests carry on."),
                at(
                    first("fetch_all", Print),
                    "gather returns all three results, the exception among them.",
                ),
            ],
            predict: predict(
                "Does fetch_all print `got all three results`?",
                Measure::Prints("got all three results"),
                vec![
                    choice("Yes: the error is returned as a result", 1.0),
                    choice("No: the ConnectionError ends fetch_all", 0.0),
                ],
            ),
            try_this:
                "Remove `return_exceptions=True`: now the error reaches fetch_all after 0.4 s.",
        },
        Lesson {
            id: 9,
            slug: "timeouts",
            title: "Timeouts and cancellation",
            intro: "`asyncio.wait_for` gives up at its deadline: it cancels the awaited task, \
                    waits for it to finish cancelling, and raises TimeoutError.",
            program: program(
                include_str!("programs/timeouts.py"),
                None,
                include_str!("programs/timeouts.rs"),
            ),
            narration: vec![
                at(
                    first("slow_service", Suspend),
                    "slow_service will take 5 s; caller waits at most 1 s.",
                ),
                at(
                    first("slow_service", Cancel),
                    "The deadline passed: slow_service is cancelled.",
                ),
                at(
                    first("caller", Print),
                    "caller catches TimeoutError and moves on.",
                ),
            ],
            predict: predict(
                "How long does main take?",
                Measure::Total,
                vec![
                    choice("1 s", 1000.0),
                    choice("5 s", 5000.0),
                    choice("6 s", 6000.0),
                ],
            ),
            try_this: "Raise the timeout to 6 s: now the result comes back.",
        },
        Lesson {
            id: 10,
            slug: "deadlock",
            title: "Deadlock, and how to avoid it",
            intro: "Two tasks that take two locks in opposite orders can each hold one and wait \
                    for the other forever. Take locks in one agreed order.",
            program: program(
                include_str!("programs/deadlock.py"),
                None,
                include_str!("programs/deadlock.rs"),
            ),
            narration: vec![
                at(first("transfer_ab", Suspend), "transfer_ab takes lock_a."),
                at(first("transfer_ba", Suspend), "transfer_ba takes lock_b."),
                at(
                    Moment::End,
                    "Each waits for the lock the other holds: no task can ever run again.",
                ),
            ],
            predict: predict(
                "Do both transfers finish?",
                Measure::Deadlocked,
                vec![
                    choice("Yes, after about 0.2 s", 0.0),
                    choice("No: they wait for each other forever", 1.0),
                ],
            ),
            try_this: "Make transfer_ba take lock_a first, then lock_b.",
        },
        Lesson {
            id: 11,
            slug: "semaphore",
            title: "Limiting concurrency with a semaphore",
            intro: "`async with semaphore:` lets at most N tasks in at once; the others wait \
                    their turn, in order.",
            program: program(
                include_str!("programs/semaphore.py"),
                None,
                include_str!("programs/semaphore.rs"),
            ),
            narration: vec![
                at(
                    first("fetch", Suspend),
                    "The first download takes one of the 2 permits and sends its request.",
                ),
                at(
                    first("download", Complete),
                    "A download finished: its permit goes to the next in line.",
                ),
                at(last("download", Complete), "Five downloads, two at a time."),
            ],
            predict: predict(
                "Five 1 s downloads, 2 permits: how long in total?",
                Measure::Total,
                vec![
                    choice("1 s", 1000.0),
                    choice("3 s", 3000.0),
                    choice("5 s", 5000.0),
                ],
            ),
            try_this: "Give the semaphore 5 permits, then 1.",
        },
        Lesson {
            id: 12,
            slug: "queue",
            title: "Producer and consumer with a queue",
            intro: "An `asyncio.Queue` hands items from producers to consumers; a full queue \
                    makes `put` wait, an empty one makes `get` wait.",
            program: program(
                include_str!("programs/job_queue.py"),
                None,
                include_str!("programs/job_queue.rs"),
            ),
            narration: vec![
                at(
                    first("consumer", Start),
                    "The queue is empty: the consumer waits in get().",
                ),
                at(
                    first("consumer", Block),
                    "The producer put the first job; the consumer wakes and processes it.",
                ),
                at(
                    last("consumer", Complete),
                    "The consumer takes STOP and ends.",
                ),
            ],
            predict: predict(
                "Four jobs fetched in 0.3 s each and processed in 0.1 s each: how long in total?",
                Measure::Total,
                vec![
                    choice("About 1.3 s: processing overlaps the fetching", 1300.0),
                    choice(
                        "About 1.6 s: fetch, then process, one job at a time",
                        1600.0,
                    ),
                ],
            ),
            try_this: "Make the processing 400 ms: now the queue fills and put() waits.",
        },
        Lesson {
            id: 13,
            slug: "streaming",
            title: "Async iterators and streaming",
            intro: "`async for` awaits each item of an async iterator; between items the task is \
                    suspended and the loop serves others.",
            program: program(
                include_str!("programs/streaming.py"),
                None,
                include_str!("programs/streaming.rs"),
            ),
            narration: vec![
                at(
                    first("stream", Suspend),
                    "read_sensor waits for its first reading.",
                ),
                at(
                    first("read_sensor", Print),
                    "A reading arrived; the loop moves on.",
                ),
                at(
                    first("read_feed", Block),
                    "read_feed processes an item, holding the loop 50 ms.",
                ),
            ],
            predict: predict(
                "How long until both streams are done?",
                Measure::Total,
                vec![
                    choice("About 1.2 s: the streams interleave", 1200.0),
                    choice("About 2.2 s: one stream after the other", 2200.0),
                ],
            ),
            try_this: "Make read_feed's processing 400 ms: readings start to arrive late.",
        },
        Lesson {
            id: 14,
            slug: "thousand-tasks",
            title: "Scaling to 1,000 tasks",
            intro: "Tasks are cheap: a thousand tasks that each wait 1 s take about 1 s \
                    together, because waiting costs the loop nothing. This program awaits \
                    them in ten groups of 100, one group after another.",
            program: program(
                include_str!("programs/thousand_in_groups.py"),
                Some(include_str!("programs/thousand_gathered.py")),
                include_str!("programs/thousand_in_groups.rs"),
            ),
            narration: vec![
                at(
                    first("worker", Suspend),
                    "The first group of 100 workers starts waiting.",
                ),
                at(
                    last("worker", Suspend),
                    "Only now does the tenth group start: each group waited for the one before.",
                ),
                at(
                    last("worker", Complete),
                    "The last worker is done: ten groups took ten waits.",
                ),
            ],
            predict: predict(
                "1,000 tasks each sleep 1 s, gathered: how long in total?",
                Measure::ConcurrentTotal,
                vec![
                    choice("About 1 s", 1000.0),
                    choice("About 10 s", 10_000.0),
                    choice("About 1,000 s", 1_000_000.0),
                ],
            ),
            try_this: "Gather all 1,000 workers in one call and compare the two timelines: every \
                       worker waits at once.",
        },
        Lesson {
            id: 15,
            slug: "perf-counter",
            title: "Measuring with a performance counter",
            intro: "`time.perf_counter()` measures real elapsed time. Waiting overlaps across \
                    tasks; blocking work on the loop does not.",
            program: program(
                include_str!("programs/perf_counter.py"),
                None,
                include_str!("programs/perf_counter.rs"),
            ),
            narration: vec![
                at(
                    first("fetch", Suspend),
                    "Both requests are in flight at once.",
                ),
                at(
                    first("handle_request", Block),
                    "The first handler computes: the other waits for the loop.",
                ),
                at(
                    last("handle_request", Block),
                    "Only now can the second handler compute.",
                ),
                at(
                    Moment::End,
                    "This is the total the Python program measures with perf_counter.",
                ),
            ],
            predict: predict(
                "What total does perf_counter measure?",
                Measure::Total,
                vec![
                    choice("1.0 s: the two handlers overlap completely", 1000.0),
                    choice("1.2 s: the compute steps take turns", 1200.0),
                    choice("2.0 s: one handler after the other", 2000.0),
                ],
            ),
            try_this: "Run render on a worker thread (`await loop.run_in_executor(None, render, \
                       response)`) and measure again.",
        },
        Lesson {
            id: 16,
            slug: "taskgroup",
            title: "Structured concurrency with TaskGroup",
            intro: "The tasks of an `asyncio.TaskGroup` end with its `async with` block. When \
                    one fails, the group cancels the others, waits for them, and raises the \
                    errors together in an ExceptionGroup, which `except*` takes apart.",
            // The step language has no TaskGroup or `except*`.
            program: program(
                include_str!("programs/taskgroup.py"),
                None,
                include_str!("programs/taskgroup.rs"),
            ),
            narration: vec![
                at(
                    first("fetch_recommendations", Suspend),
                    "The group runs three requests; load_dashboard waits at the end of its \
                     `async with`.",
                ),
                at(
                    first("fetch_orders", Fail),
                    "fetch_orders raises ConnectionError: the group cancels its two siblings.",
                ),
                at(
                    first("fetch_recommendations", Print),
                    "fetch_recommendations catches the CancelledError, cleans up, and raises it \
                     again.",
                ),
                at(
                    first("load_dashboard", Print),
                    "All three have ended: the error leaves the block in an ExceptionGroup, for \
                     `except* ConnectionError`.",
                ),
            ],
            predict: predict(
                "fetch_orders fails after 0.3 s. How long does load_dashboard take?",
                Measure::Total,
                vec![
                    choice("0.3 s: the failure cancels the other two", 300.0),
                    choice("0.6 s: until fetch_profile answers", 600.0),
                    choice("1 s: the group waits for every task to finish", 1000.0),
                ],
            ),
            try_this: "Make fetch_orders sleep 0.8 s: fetch_profile now answers first, and only \
                       fetch_recommendations is cancelled.",
        },
        Lesson {
            id: 17,
            slug: "retries",
            title: "Retries, backoff and timeouts",
            intro: "A call to another service can hang or fail. Give every call a deadline with \
                    `asyncio.timeout`, and retry a failed one after a pause that doubles each \
                    time (exponential backoff), plus some jitter so that clients do not all \
                    retry at once.",
            // The step language has no loops that end early, and no `asyncio.timeout`.
            program: program(
                include_str!("programs/retries.py"),
                None,
                include_str!("programs/retries.rs"),
            ),
            narration: vec![
                at(
                    first("get_stock", Suspend),
                    "The first call hangs: the service would take 30 s, and the timeout \
                     allows 0.5 s.",
                ),
                at(
                    first("get_stock", Resume),
                    "The deadline: the call is cancelled, TimeoutError raised. The next try \
                     waits 0.2 s, plus 10 % of jitter.",
                ),
                at(
                    last("get_stock_with_retries", Suspend),
                    "The second call fails at once with a 503: the pause doubles, to 0.4 s plus \
                     its jitter.",
                ),
                at(
                    Moment::End,
                    "The third call answers. The timeout and the pauses took most of the time.",
                ),
            ],
            predict: predict(
                "How long until the stock count comes back?",
                Measure::Total,
                vec![
                    choice("About 0.3 s: three calls of 0.1 s", 300.0),
                    choice(
                        "About 1.4 s: a timeout, two pauses and two more calls",
                        1420.0,
                    ),
                    choice("Over 30 s: the first call hangs", 30_100.0),
                ],
            ),
            try_this: "Delete the `async with asyncio.timeout(TIMEOUT):` line (and unindent the \
                       `return` under it): the first call now holds everything up for 30 s.",
        },
        Lesson {
            id: 18,
            slug: "shutdown",
            title: "Graceful shutdown",
            intro: "`task.cancel()` raises CancelledError where the task waits. Its `finally` \
                    still runs and may await (flush, close), and the task re-raises the error \
                    so that it ends cancelled. When main returns, `asyncio.run` cancels every \
                    task still running.",
            // The step language has no `finally` and no loop that runs until cancelled.
            program: program(
                include_str!("programs/shutdown.py"),
                None,
                include_str!("programs/shutdown.rs"),
            ),
            narration: vec![
                at(
                    first("report_stats", Suspend),
                    "main starts a worker and a stats reporter, then lets them run for 0.7 s.",
                ),
                at(
                    first("LogFile.flush", Suspend),
                    "main cancels the worker: CancelledError is raised where it waits, and its \
                     `finally` awaits a flush of the log.",
                ),
                at(
                    first("worker", Cancel),
                    "Flushed. Having re-raised, the worker ends cancelled: main's `await job` \
                     raises CancelledError.",
                ),
                at(
                    first("report_stats", Cancel),
                    "main returns with report_stats still running: asyncio.run cancels it, and \
                     its `finally` runs too.",
                ),
            ],
            predict: predict(
                "main cancels the worker at 0.7 s. When does the program end?",
                Measure::Total,
                vec![
                    choice("At 0.7 s: cancel() stops the worker on the spot", 700.0),
                    choice(
                        "At 0.9 s: the worker's `finally` flushes the log first",
                        900.0,
                    ),
                    choice("Never: report_stats loops forever", f64::INFINITY),
                ],
            ),
            try_this: "Delete the `raise` in the worker's `except`: it swallows the cancellation \
                       and returns, so main's `except` never runs.",
        },
        Lesson {
            id: 19,
            slug: "testing",
            title: "Testing async code",
            intro: "A test of async code is an `async def test_...` with plain asserts. A runner \
                    (pytest-asyncio, or the few lines at the end of this program) runs each in \
                    an event loop of its own and reports an AssertionError as a failure.",
            // The step language has one `asyncio.run`, and no asserts.
            program: program(
                include_str!("programs/testing.py"),
                None,
                include_str!("programs/testing.rs"),
            ),
            narration: vec![
                at(
                    first("test_price_of_an_apple", Start),
                    "`asyncio.run(test())`: each test gets an event loop of its own; the runner \
                     prints the verdict.",
                ),
                at(
                    first("fetch_total", Suspend),
                    "This test times its code with `loop.time()`: gathered, three requests take \
                     as long as one.",
                ),
                at(
                    first("test_a_slow_service_times_out", Complete),
                    "The 10 s request gives up at its 1 s timeout: the test passes. On this \
                     virtual clock it waited for neither.",
                ),
                at(
                    first("test_pears_cost_less_than_apples", Fail),
                    "This assert fails: the runner catches the AssertionError and prints its \
                     message.",
                ),
            ],
            predict: predict(
                "When does `PASSED test_a_slow_service_times_out` print?",
                Measure::FirstPrintAt("PASSED test_a_slow_service_times_out"),
                vec![
                    choice(
                        "At 1.4 s: 0.4 s of tests before it, then the 1 s timeout",
                        1400.0,
                    ),
                    choice("At 10.4 s: after the slow request", 10_400.0),
                    choice("Never: the test fails", -1.0),
                ],
            ),
            try_this: "Make fetch_total await the prices one by one (`prices = [await \
                       fetch_price(item) for item in items]`): test_prices_are_fetched_together \
                       fails, with its message.",
        },
        Lesson {
            id: 20,
            slug: "production-loops",
            title: "Production loops: what the loop itself costs",
            intro: "Every time a task hands the loop back, the loop runs a callback to resume \
                    it. In production, asyncio programs often run on uvloop, a drop-in loop \
                    written in C (`uvloop.run(main())`): the same semantics, cheaper callbacks. \
                    Here the loop's own cost is counted (the Loop cost setting): 1.2 µs a \
                    callback on asyncio's loop, 0.57 µs on uvloop's, as measured with CPython \
                    3.12. When does that cost matter? (trio is another road: a library with \
                    its own API, not a loop for asyncio programs.)",
            // The step language has no way to say which loop runs it.
            program: LessonProgram {
                source: include_str!("programs/production_loops.py"),
                pair: Some(include_str!("programs/production_loops_uvloop.py")),
                rust: include_str!("programs/production_loops.rs"),
                loop_cost: true,
            },
            narration: vec![
                at(
                    first("chatty", Suspend),
                    "5,000 chatty tasks hand the loop back 20 times each: 110,000 callbacks, \
                     each costing asyncio's loop 1.2 µs. No task waits for anything.",
                ),
                at(
                    first("waiting", Start),
                    "The chatty phase took 132 ms, all of it the loop's own work. Now 5,000 \
                     tasks each wait 0.5 s for another service.",
                ),
                at(
                    first("waiting", Resume),
                    "The answers come back together: 15,000 more callbacks, 18 ms of the \
                     loop's time on top of the 0.5 s wait.",
                ),
                at(
                    Moment::End,
                    "Open Compare to race uvloop: the chatty phase takes half as long (63 ms), \
                     the waiting one only 9 ms less. The loop's cost matters when tasks take \
                     many tiny steps, hardly when they wait for the network.",
                ),
            ],
            predict: predict(
                "On uvloop a callback costs half as much. The program takes 650 ms on \
                 asyncio's loop: how long on uvloop?",
                Measure::SecondTotal("the program on uvloop"),
                vec![
                    choice("About 325 ms: half the time", 325.0),
                    choice("About 570 ms: only the loop's own work halves", 570.0),
                    choice("About 650 ms: the same", 650.0),
                ],
            ),
            try_this: "Make the chatty tasks take 100 steps (`range(100)`): the chatty phase \
                       grows fivefold on both loops, and uvloop saves more. Or switch the Loop \
                       cost off (the Timeline's toolbar): both versions take 500 ms, the \
                       waits alone.",
        },
        Lesson {
            id: 21,
            slug: "monitoring",
            title: "Logging and monitoring the loop",
            intro: "Stamp log lines with the loop's clock (`loop.time()`) and log how long each \
                    request took: a blocking call shows up as requests that took longer than \
                    their work. asyncio's debug mode warns about a callback that holds the loop \
                    over 0.1 s, and the loop-health strip shows the lag.",
            // The step language has no logging of the loop's clock.
            program: program(
                include_str!("programs/monitoring.py"),
                None,
                include_str!("programs/monitoring.rs"),
            ),
            narration: vec![
                at(
                    first("handle", Suspend),
                    "Three requests query the database at once; each log line carries the \
                     loop's time.",
                ),
                at(
                    first("handle", Block),
                    "POST /orders calls save_audit_record: `time.sleep(0.3)` holds the loop, \
                     and the timeline flags a slow callback.",
                ),
                at(
                    Moment::At(400.0),
                    "GET /products' query is done, but its task cannot run while the loop is \
                     held.",
                ),
                at(
                    last("handle", Print),
                    "It runs at last: the health strip's lag shows how long it waited, its log \
                     line a time longer than its query.",
                ),
            ],
            predict: predict(
                "GET /products' query takes 0.4 s. When does it answer, ending the run?",
                Measure::Total,
                vec![
                    choice("At 0.4 s, when its query is done", 400.0),
                    choice(
                        "At 0.6 s, when the blocking call lets go of the loop",
                        600.0,
                    ),
                    choice("At 1.0 s, after the other requests' time too", 1000.0),
                ],
            ),
            try_this: "Run the blocking call in a thread (`await \
                       asyncio.to_thread(save_audit_record, request)`): the slow-callback \
                       warning goes, and GET /products answers at 0.4 s.",
        },
    ]
}

/// A lesson by slug.
pub fn lesson(slug: &str) -> Option<Lesson> {
    with_lesson(slug, Lesson::clone)
}

/// `f` of the lesson called `slug`, without copying the lesson.
pub fn with_lesson<R>(slug: &str, f: impl FnOnce(&Lesson) -> R) -> Option<R> {
    CATALOGUE.with(|all| all.iter().find(|l| l.slug == slug).map(f))
}
