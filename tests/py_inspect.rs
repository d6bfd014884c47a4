#![cfg(not(target_arch = "wasm32"))]
//! What the panels read off a program's run besides its timeline: tasks named as Python
//! names them, and the program's state at an event (`py::inspect::inspect_at`): each
//! task's chain of frames with their variables, its result once done, and which
//! variables changed since the previous step.

use looplab::py::inspect::{inspect_at, Inspection, TaskStatus, ValueView};
use looplab::py::run::Options;
use looplab::py::run_source;
use looplab::sim::trace::EventKind;

const BREAKFAST: &str = "import asyncio

async def brew_coffee(cups):
    await asyncio.sleep(1)
    return f'{cups} coffee'

async def make_breakfast():
    done = []
    coffee = await brew_coffee(2)
    done.append(coffee)
    await asyncio.sleep(0.5)
    done.append('toast')
    return done

async def main():
    meal = await make_breakfast()
    helper = asyncio.create_task(asyncio.sleep(0.1), name='waiter')
    await helper
    print(meal)

asyncio.run(main())
";

fn events_of(src: &str) -> Vec<looplab::sim::trace::Event> {
    run_source(src).unwrap().trace.events.iter().collect()
}

/// The number of events done just after the first event matching `pred`.
fn after(src: &str, pred: impl Fn(&looplab::sim::trace::Event) -> bool) -> usize {
    events_of(src).iter().position(pred).unwrap() + 1
}

fn local<'a>(state: &'a Inspection, task: usize, frame: usize, name: &str) -> &'a ValueView {
    &state.tasks[task].frames[frame]
        .locals
        .iter()
        .find(|v| v.name == name)
        .unwrap_or_else(|| panic!("no {name} in {:?}", state.tasks[task].frames[frame]))
        .value
}

#[test]
fn tasks_are_named_task_n_or_by_the_name_given() {
    let names = |src: &str| -> Vec<String> {
        let out = run_source(src).unwrap();
        out.trace
            .tasks
            .iter()
            .map(|t| t.name().into_owned())
            .collect()
    };
    assert_eq!(names(BREAKFAST), ["Task-1", "waiter"]);
    let out = run_source(BREAKFAST).unwrap();
    assert_eq!(&*out.trace.tasks[0].coroutine, "main");
    assert_eq!(&*out.trace.tasks[1].coroutine, "sleep");

    let renamed = "import asyncio\nasync def job():\n    asyncio.current_task().set_name('renamed')\n    await asyncio.sleep(0)\nasync def main():\n    await asyncio.gather(job(), job())\nasyncio.run(main())\n";
    assert_eq!(names(renamed), ["Task-1", "renamed", "renamed"]);
}

#[test]
fn a_suspended_task_shows_its_chain_of_awaited_coroutines_with_their_variables() {
    // The first suspension: main → make_breakfast → brew_coffee, asleep for a second.
    let n = after(BREAKFAST, |e| matches!(e.kind, EventKind::Suspended { .. }));
    let state = inspect_at(BREAKFAST, Some(n), Options::default()).unwrap();
    let main = &state.tasks[0];
    assert_eq!(main.name, "Task-1");
    assert_eq!(main.status, TaskStatus::Suspended);
    let chain: Vec<_> = main.frames.iter().map(|f| f.function.as_str()).collect();
    assert_eq!(chain, ["main", "make_breakfast", "brew_coffee"]);
    assert_eq!(main.frames[2].line, 4);
    assert_eq!(main.frames[1].line, 9);
    assert_eq!(local(&state, 0, 2, "cups"), &ValueView::Repr("2".into()));
    assert_eq!(
        local(&state, 0, 1, "done"),
        &ValueView::Items {
            kind: "list",
            items: vec![],
            more: 0
        }
    );
    assert_eq!(main.waiting.as_deref(), Some("asyncio.sleep"));
}

#[test]
fn a_local_variable_changes_between_two_steps_and_is_marked() {
    let events = events_of(BREAKFAST);
    let suspensions: Vec<usize> = events
        .iter()
        .enumerate()
        .filter(|(_, e)| matches!(e.kind, EventKind::Suspended { .. }))
        .map(|(i, _)| i + 1)
        .collect();
    // After the first sleep `done` is empty; after the second it holds the coffee.
    let first = inspect_at(BREAKFAST, Some(suspensions[0]), Options::default()).unwrap();
    let mut second = inspect_at(BREAKFAST, Some(suspensions[1]), Options::default()).unwrap();
    second.mark_changes(&first);
    let chain: Vec<_> = second.tasks[0]
        .frames
        .iter()
        .map(|f| f.function.as_str())
        .collect();
    assert_eq!(chain, ["main", "make_breakfast"]);
    let done = second.tasks[0].frames[1]
        .locals
        .iter()
        .find(|v| v.name == "done")
        .unwrap();
    assert_eq!(
        done.value,
        ValueView::Items {
            kind: "list",
            items: vec![ValueView::Repr("'2 coffee'".into())],
            more: 0
        }
    );
    assert!(done.changed, "{done:?}");
    let coffee = second.tasks[0].frames[1]
        .locals
        .iter()
        .find(|v| v.name == "coffee")
        .unwrap();
    assert!(coffee.changed, "new since the first step");
    assert_eq!(second.tasks[0].frames[1].line, 11);
}

#[test]
fn a_finished_task_shows_its_result_and_the_end_shows_the_module_variables() {
    let src = "import asyncio\nasync def main():\n    return {'a': [1, 2]}\nresult = asyncio.run(main())\ncount = len(result)\n";
    let all = events_of(src).len();
    let state = inspect_at(src, None, Options::default()).unwrap();
    assert_eq!(state.events, all);
    assert_eq!(
        state.tasks[0].status,
        TaskStatus::Done("{'a': [1, 2]}".into())
    );
    assert!(state.tasks[0].frames.is_empty());
    let names: Vec<_> = state.globals.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["result", "count"]);
    let ValueView::Entries { kind, entries, .. } = &state.globals[0].value else {
        panic!("{:?}", state.globals[0]);
    };
    assert_eq!(kind, "dict");
    assert_eq!(entries[0].0, "'a'");
}

#[test]
fn a_failed_task_shows_its_exception_and_nothing_before_the_first_event() {
    let src = "import asyncio\nasync def boom():\n    raise ValueError('no')\nasync def main():\n    t = asyncio.create_task(boom())\n    await asyncio.sleep(1)\n    print(t.exception())\nasyncio.run(main())\n";
    let state = inspect_at(src, None, Options::default()).unwrap();
    assert_eq!(
        state.tasks[1].status,
        TaskStatus::Failed("ValueError('no')".into())
    );
    assert!(inspect_at(src, Some(0), Options::default())
        .unwrap()
        .tasks
        .is_empty());
}

#[test]
fn a_step_names_the_function_its_line_is_in_and_the_lane_says_where_a_task_waits() {
    let out = run_source(BREAKFAST).unwrap();
    let sleep = out
        .trace
        .steps
        .iter()
        .find(|s| s.label == "await asyncio.sleep(1)")
        .unwrap();
    assert_eq!((sleep.coroutine.as_str(), sleep.line), ("brew_coffee", 4));
    // main's lane, awaiting in turn: where it waits is named, not just "await sleep", and
    // each sleep says how long it was asked for.
    let lanes = looplab::sim::lanes(&out.trace);
    let trace = std::rc::Rc::new(out.trace);
    let model = looplab::ui::timeline_geometry::Model::new(&trace, &lanes, &[]);
    let main = &model.rows[1];
    assert_eq!(main.name, "Task-1");
    let labels: Vec<String> = main
        .segs
        .iter()
        .map(|s| s.label(&trace))
        .filter(|l| l.contains("await"))
        .collect();
    assert_eq!(
        labels,
        [
            "brew_coffee: await sleep(1.0)",
            "make_breakfast: await sleep(0.5)",
            "await waiter"
        ]
    );
}

#[test]
fn a_wait_inside_asyncio_s_own_code_is_at_the_program_s_line_that_called_it() {
    let src = "import asyncio\n\nasync def worker(lock, n):\n    async with lock:\n        await asyncio.sleep(0.1)\n\nasync def main():\n    lock = asyncio.Lock()\n    await asyncio.gather(*(worker(lock, n) for n in range(2)))\n\nasyncio.run(main())\n";
    let out = run_source(src).unwrap();
    // Every step is a line of the program, in the function it belongs to.
    let steps: Vec<(u32, &str)> = out
        .trace
        .steps
        .iter()
        .map(|s| (s.line, s.coroutine.as_str()))
        .collect();
    assert!(
        steps.iter().all(|&(line, _)| (1..=11).contains(&line)),
        "{steps:?}"
    );
    // The second worker waits for the lock at `async with lock:`, in worker; the gather
    // over a generator is main's line, not the generator's.
    assert!(steps.contains(&(4, "worker")), "{steps:?}");
    assert!(steps.contains(&(9, "main")), "{steps:?}");
    assert!(!steps.iter().any(|&(_, f)| f == "<genexpr>"), "{steps:?}");
}

#[test]
fn a_long_list_shows_its_first_items_and_how_many_more() {
    let src = "import asyncio\nxs = list(range(1000))\nd = {n: n * n for n in range(20)}\nasync def main():\n    await asyncio.sleep(0)\nasyncio.run(main())\n";
    let state = inspect_at(src, None, Options::default()).unwrap();
    let ValueView::Items { kind, items, more } = &state.globals[0].value else {
        panic!("{:?}", state.globals[0]);
    };
    assert_eq!((*kind, items.len(), *more), ("list", 12, 988));
    assert_eq!(items[11], ValueView::Repr("11".into()));
    let ValueView::Entries { entries, more, .. } = &state.globals[1].value else {
        panic!("{:?}", state.globals[1]);
    };
    assert_eq!((entries.len(), *more), (12, 8));
    assert_eq!(entries[3], ("3".into(), ValueView::Repr("9".into())));
}

/// A program's lane names its task's call with the argument values it got: short
/// values as Python writes them, others as `…`, a long list cut; past a thousand tasks
/// lanes show the bare call.
#[test]
fn a_task_s_lane_shows_its_call_with_the_argument_values() {
    let out = run_source(
        "import asyncio\n\nasync def fetch(url, latency, *, retries=3, session=None):\n    \
         await asyncio.sleep(latency)\n\nasync def noisy(text):\n    pass\n\n\
         async def main():\n    await asyncio.gather(fetch('/api/users/1.json', 1.0), \
         fetch([1, 2], 0.5, retries=True), noisy('x' * 100), \
         fetch('/api/users/1.json', 1.0, retries=1234567890, session='abcdefghijklmnopqrst'))\n    \
         await asyncio.gather(*(noisy(i) for i in range(1000)))\n\nasyncio.run(main())\n",
    )
    .unwrap();
    let calls: Vec<Option<&str>> = out.trace.tasks.iter().map(|t| t.call.as_deref()).collect();
    assert_eq!(
        &calls[..5],
        [
            Some("main()"),
            Some("fetch('/api/users/1.json', 1.0, retries=3, session=None)"),
            Some("fetch(…, 0.5, retries=True, session=None)"),
            Some("noisy(…)"),
            Some("fetch('/api/users/1.json', 1.0, retries=1234567890, session='abcde…)"),
        ]
    );
    assert_eq!(calls[999], Some("noisy(994)"));
    assert_eq!(calls[1000], None, "past a thousand tasks, no arguments");
    let lanes = looplab::sim::lanes(&out.trace);
    let trace = std::rc::Rc::new(out.trace);
    let model = looplab::ui::timeline_geometry::Model::new(&trace, &lanes, &[]);
    assert_eq!(
        model.rows[2].note.as_deref(),
        Some("fetch('/api/users/1.json', 1.0, retries=3, session=None)")
    );
    assert_eq!(model.rows[1001].note.as_deref(), Some("noisy()"));
}
