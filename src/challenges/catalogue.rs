//! The challenges, in the order the course offers them. Adding one is a starter and a
//! solution in `programs/` and an entry here; `tests/challenges.rs` checks that the
//! starter fails, the solution passes and CPython runs both alike.

use super::{Challenge, Goal};

/// Every challenge, in course order.
pub fn challenges() -> &'static [Challenge] {
    CHALLENGES
}

/// The challenge named `slug`.
pub fn challenge(slug: &str) -> Option<&'static Challenge> {
    CHALLENGES.iter().find(|c| c.slug == slug)
}

const CHALLENGES: &[Challenge] = &[
    Challenge {
        slug: "gather",
        title: "Load a dashboard at once",
        brief: "The dashboard makes three calls one after another and takes 1.5 s. The \
                calls do not depend on each other: make it ready in under 0.7 s.",
        starter: include_str!("programs/gather.py"),
        solution: include_str!("programs/gather_solution.py"),
        hints: &[
            "Each `await load(...)` waits for its call to end before the next one starts.",
            "Start all three calls before waiting for any of them.",
            "`a, b, c = await asyncio.gather(load(...), load(...), load(...))` runs them \
             concurrently and keeps their order.",
        ],
        goals: &[
            Goal::FinishesWithin { ms: 700.0 },
            Goal::exactly("load", "call", 3),
            Goal::Prints("dashboard: profile (0.4 s), orders (0.6 s), messages (0.5 s)\n"),
            Goal::Completes,
        ],
    },
    Challenge {
        slug: "crawler",
        title: "A polite crawler",
        brief: "Fetch the site's 20 pages in under 2 s, but never have more than 3 \
                requests in flight at a time: the site blocks crawlers that open more.",
        starter: include_str!("programs/crawler.py"),
        solution: include_str!("programs/crawler_solution.py"),
        hints: &[
            "One page at a time is too slow, and all 20 at once breaks the site's rule.",
            "Run the fetches concurrently, and make each one wait for a free slot before \
             it sends its request.",
            "An `asyncio.Semaphore(3)` has three slots: `async with limit:` around \
             `await fetch(n)` waits while three are taken.",
            "Wrap fetch in `async def polite_fetch(n, limit)` that holds the semaphore, \
             and gather `polite_fetch(n, limit)` for every page.",
        ],
        goals: &[
            Goal::FinishesWithin { ms: 2000.0 },
            Goal::AtMostAtOnce {
                function: "fetch",
                noun: "request",
                max: 3,
            },
            Goal::exactly("fetch", "request", 20),
            Goal::Prints("fetched 20 pages, 391 characters\n"),
            Goal::Completes,
        ],
    },
    Challenge {
        slug: "lost-update",
        title: "Deposits that overwrite each other",
        brief: "Ten deposits of 10 reach one account at once, yet the balance ends at 10. \
                Make it end at 100 by letting only one deposit at a time read and write \
                the balance.",
        starter: include_str!("programs/lost_update.py"),
        solution: include_str!("programs/lost_update_solution.py"),
        hints: &[
            "Each deposit reads the balance, waits, then writes: meanwhile the others \
             read the same old balance.",
            "The read, the wait and the write must happen as one, with no other deposit \
             in between.",
            "Make one `asyncio.Lock()` and put the three lines of `deposit` inside \
             `async with lock:`.",
        ],
        goals: &[
            Goal::Prints("balance: 100\n"),
            Goal::AtMostAtOnce {
                function: "deposit",
                noun: "deposit",
                max: 1,
            },
            Goal::exactly("deposit", "deposit", 10),
            Goal::Completes,
        ],
    },
    Challenge {
        slug: "heartbeat",
        title: "Keep the heartbeat beating",
        brief: "The sensor reader waits with time.sleep, and the heartbeat stops while it \
                does. Keep the beat every 0.1 s: nothing may hold the loop for more than \
                100 ms.",
        starter: include_str!("programs/heartbeat.py"),
        solution: include_str!("programs/heartbeat_solution.py"),
        hints: &[
            "Look at the timeline: while read_sensor runs, no other task gets the loop.",
            "`time.sleep` holds the thread, and the event loop runs on that thread.",
            "`await asyncio.sleep(0.15)` waits just as long and lets the heartbeat run \
             meanwhile.",
        ],
        goals: &[
            Goal::NeverBlocks,
            Goal::exactly("heartbeat", "beat", 5),
            Goal::Prints("beat 1\nbeat 2\nbeat 3\nbeat 4\nbeat 5\nreadings: [20, 21, 22]\n"),
            Goal::FinishesWithin { ms: 600.0 },
            Goal::Completes,
        ],
    },
    Challenge {
        slug: "executor",
        title: "A blocking library in threads",
        brief: "`resize` is a blocking library function you cannot change, and each call \
                holds the loop for 0.3 s. Run it in worker threads, so the loop is never \
                held for more than 100 ms and the four thumbnails are ready in under 0.5 s.",
        starter: include_str!("programs/executor.py"),
        solution: include_str!("programs/executor_solution.py"),
        hints: &[
            "A coroutine that calls a blocking function blocks the loop for as long as \
             the call takes.",
            "Hand each call to a thread: `await loop.run_in_executor(pool, resize, photo)` \
             (or `asyncio.to_thread(resize, photo)`).",
            "To run the four at once, start all four jobs, then gather them; a \
             `ThreadPoolExecutor(max_workers=4)` has a thread for each.",
        ],
        goals: &[
            Goal::NeverBlocks,
            Goal::InThreads { min: 4 },
            Goal::FinishesWithin { ms: 500.0 },
            Goal::Prints("['thumb-cat.jpg', 'thumb-dog.jpg', 'thumb-owl.jpg', 'thumb-fox.jpg']\n"),
            Goal::Completes,
        ],
    },
    Challenge {
        slug: "timeout",
        title: "A deadline for a stuck server",
        brief: "One shop's server is stuck and the report hangs for a minute. Give each \
                shop at most 0.5 s, report the prices that came back, and finish in \
                under 1.2 s.",
        starter: include_str!("programs/timeout.py"),
        solution: include_str!("programs/timeout_solution.py"),
        hints: &[
            "Nothing in the program ever gives up on a request.",
            "`asyncio.wait_for(aw, timeout=0.5)` cancels `aw` after 0.5 s and raises \
             TimeoutError.",
            "Wrap each `ask(...)` in wait_for inside `try:`, and in `except TimeoutError:` \
             print `f\"{shop}: no answer within 0.5 s\"`.",
        ],
        goals: &[
            Goal::FinishesWithin { ms: 1200.0 },
            Goal::exactly("ask", "request", 3),
            Goal::Prints("north: 20 EUR\nsouth: no answer within 0.5 s\neast: 40 EUR\n"),
            Goal::AllTasksEnded,
            Goal::Completes,
        ],
    },
    Challenge {
        slug: "first-answer",
        title: "Cancel the stragglers",
        brief: "The fastest mirror's answer is used, but the slower downloads run on until \
                asyncio.run cancels them at exit. Cancel them yourself as soon as the \
                first answer arrives, and wait for them to stop.",
        starter: include_str!("programs/first_answer.py"),
        solution: include_str!("programs/first_answer_solution.py"),
        hints: &[
            "`asyncio.wait` hands back two sets: `done` and `pending`.",
            "Call `task.cancel()` on every pending task.",
            "Cancelling only asks: `await asyncio.gather(*pending, return_exceptions=True)` \
             waits until they have stopped; then print \
             `f\"cancelled {len(pending)} slower downloads\"`.",
        ],
        goals: &[
            Goal::AllTasksEnded,
            Goal::exactly("download", "download", 3),
            Goal::FinishesWithin { ms: 400.0 },
            Goal::Prints("first answer from us\ncancelled 2 slower downloads\n"),
            Goal::Completes,
        ],
    },
    Challenge {
        slug: "shield",
        title: "Stop waiting, keep saving",
        brief: "wait_for gives up on the save after 0.2 s and cancels it, so the order is \
                lost. Stop waiting after 0.2 s but let the save finish, and see it \
                through before main() returns.",
        starter: include_str!("programs/shield.py"),
        solution: include_str!("programs/shield_solution.py"),
        hints: &[
            "When its time is up, wait_for cancels what it waits for.",
            "`asyncio.shield(task)` can be cancelled without cancelling `task`.",
            "Start the save with `saving = asyncio.create_task(save(...))`, wait for \
             `asyncio.shield(saving)` with the timeout, and `await saving` before printing \
             what was saved.",
        ],
        goals: &[
            Goal::exactly("save", "save", 1),
            Goal::FinishesWithin { ms: 600.0 },
            Goal::Prints("still saving: we will email a confirmation\nsaved: ['order-7']\n"),
            Goal::AllTasksEnded,
            Goal::Completes,
        ],
    },
    Challenge {
        slug: "backoff",
        title: "Retry with exponential backoff",
        brief: "The service is down for its first 0.5 s, and one failed call crashes the \
                program. Retry with exponential backoff and a little jitter, so the call \
                succeeds with at most 4 calls to the service.",
        starter: include_str!("programs/backoff.py"),
        solution: include_str!("programs/backoff_solution.py"),
        hints: &[
            "Catch the ConnectionError and call again, in a loop.",
            "Retrying at once hammers a service that is down: wait between tries, twice \
             as long each time (0.1 s, 0.2 s, 0.4 s).",
            "Jitter spreads retries out: sleep `delay * (1 + random.random() / 10)`, then \
             double `delay`. Give up (re-raise) after a few attempts.",
        ],
        goals: &[
            Goal::Count {
                function: "call_service",
                noun: "service call",
                min: 1,
                max: 4,
            },
            Goal::FinishesWithin { ms: 1500.0 },
            Goal::Prints("the answer is 42\n"),
            Goal::Completes,
        ],
    },
    Challenge {
        slug: "pipeline",
        title: "Shut a pipeline down cleanly",
        brief: "main() returns as soon as the producer is done: queued jobs are never \
                processed and the workers are left for asyncio.run to cancel. Process \
                every job, then stop the workers yourself before main() returns.",
        starter: include_str!("programs/pipeline.py"),
        solution: include_str!("programs/pipeline_solution.py"),
        hints: &[
            "The workers loop forever, so waiting for them with gather never ends.",
            "`await queue.join()` waits until every job put on the queue is marked \
             `task_done()`.",
            "After the join, cancel each worker and `await asyncio.gather(*workers, \
             return_exceptions=True)` before printing.",
        ],
        goals: &[
            Goal::NoDeadlock,
            Goal::exactly("worker", "job", 6),
            Goal::Prints("processed [1, 2, 3, 4, 5, 6]\n"),
            Goal::AllTasksEnded,
            Goal::Completes,
        ],
    },
    Challenge {
        slug: "taskgroup",
        title: "Fire, forget, and guess: use a TaskGroup",
        brief: "The downloads are never awaited: main() sleeps a second and hopes. Wait \
                exactly as long as they take, with asyncio.TaskGroup, and lose no file.",
        starter: include_str!("programs/taskgroup.py"),
        solution: include_str!("programs/taskgroup_solution.py"),
        hints: &[
            "A guessed sleep is either too short (a file is lost) or too long (time is \
             wasted).",
            "`async with asyncio.TaskGroup() as group:` waits, at the end of the block, \
             for every task started with `group.create_task(...)`.",
            "Start the downloads with `group.create_task` inside the block, drop the \
             sleep, and print after the block.",
        ],
        goals: &[
            Goal::exactly("download", "download", 3),
            Goal::FinishesWithin { ms: 1300.0 },
            Goal::Prints("['docs.zip', 'images.zip', 'video.zip']\n"),
            Goal::AllTasksEnded,
            Goal::Completes,
        ],
    },
    Challenge {
        slug: "deadlock",
        title: "Two transfers, two locks",
        brief: "Two transfers each lock one account and wait for the other's lock: the \
                program never ends. Make both go through with no deadlock and no money \
                lost.",
        starter: include_str!("programs/deadlock.py"),
        solution: include_str!("programs/deadlock_solution.py"),
        hints: &[
            "The first transfer holds alice's lock and wants bob's; the second holds \
             bob's and wants alice's.",
            "A deadlock needs a cycle. If every transfer takes the locks in the same \
             order, no cycle can form.",
            "Take both locks first, in sorted order (`first, second = sorted([source, \
             target])`), then read, wait and write.",
        ],
        goals: &[
            Goal::NoDeadlock,
            Goal::exactly("transfer", "balance read", 2),
            Goal::Prints(
                "moved 30 from alice to bob\nmoved 10 from bob to alice\n\
                 {'alice': 80, 'bob': 120}\n",
            ),
            Goal::Completes,
        ],
    },
    Challenge {
        slug: "start-signal",
        title: "On your marks: an Event",
        brief: "Each runner sets off as soon as it has warmed up. Make all three wait for \
                the starting pistol and set off together at 0.50 s.",
        starter: include_str!("programs/start_signal.py"),
        solution: include_str!("programs/start_signal_solution.py"),
        hints: &[
            "A task starts running as soon as the loop gets to it; something must hold \
             the runners back.",
            "An `asyncio.Event()` is a signal: `await event.wait()` waits until someone \
             calls `event.set()`, which wakes every waiter at once.",
            "Pass one Event to every runner, await it at the top of `run`, and `set()` it \
             right after printing the bang.",
        ],
        goals: &[
            Goal::exactly("run", "race", 3),
            Goal::Prints(
                "bang at 0.50 s\nann starts at 0.50 s\nbo starts at 0.50 s\n\
                 cy starts at 0.50 s\nbo finishes at 0.72 s\ncy finishes at 0.77 s\n\
                 ann finishes at 0.80 s\n",
            ),
            Goal::FinishesWithin { ms: 850.0 },
            Goal::Completes,
        ],
    },
];
