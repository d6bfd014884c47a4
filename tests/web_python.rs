#![cfg(target_arch = "wasm32")]
//! Browser tests of real Python programs in the code editor (Code panel, "Edit"): a
//! program the step language does not read (parameters, a loop, a gather over a
//! generator) runs on the interpreter; the timeline shows its total and its tasks, the
//! Output console its printed text; text that is not Python is explained at its line;
//! the program runs live on the browser's event loop.
//! Run with `wasm-pack test --headless --chrome -- --test web_python`.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlTextAreaElement};

mod support;
use support::{all, attr, click_on, find, fire, key_down, mount, next_render, scroll_to, text};

wasm_bindgen_test_configure!(run_in_browser);

const GATHER: &str = r#"import asyncio

async def fetch(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} done")
    return name

async def main():
    results = await asyncio.gather(*(fetch(f"job{i}", 0.1 * i) for i in range(1, 4)))
    print(results)

asyncio.run(main())
"#;

/// The console's printed lines (each with its newline), as far as the playhead has come.
fn printed(root: &Element) -> String {
    all(root, ".output__text")
        .iter()
        .map(|l| l.text_content().unwrap_or_default() + "\n")
        .collect()
}

/// The scrubber to its end: the playhead at the end of the run.
async fn to_the_end(root: &Element) {
    let scrubber: web_sys::HtmlInputElement = find(root, ".scrubber").dyn_into().unwrap();
    scrubber.set_value(&scrubber.max());
    fire(&scrubber, "input");
    next_render().await;
}

/// The toolbar's step-forward button (keys would reach every app the tests mounted).
async fn step(root: &Element) {
    click_on(root, ".ctl--forward");
    next_render().await;
}

fn editor(root: &Element) -> HtmlTextAreaElement {
    find(root, ".editor__input").dyn_into().unwrap()
}

/// Replaces the editor's text as typing would, and runs it (Ctrl+Enter).
async fn run_program(root: &Element, program: &str) {
    let area = editor(root);
    area.set_value(program);
    fire(&area, "input");
    key_down(&area, "Enter", &["ctrlKey"]);
    next_render().await;
}

#[wasm_bindgen_test]
async fn a_program_with_parameters_a_loop_and_a_gather_runs_and_prints() {
    let (root, _app) = mount().await;
    run_program(&root, GATHER).await;

    assert!(all(&root, "[data-editor-error]").is_empty());
    let total = text(&root, "[data-total=\"shown\"]");
    assert!(total.contains("300 ms"), "{total}");
    let outcome = text(&root, "[data-outcome]");
    assert!(outcome.contains("completed"), "{outcome}");
    // A lane per task (after the loop's), named as Python names them: main, the three fetches.
    let lanes: Vec<String> = all(&root, "section[data-panel=\"timeline\"] [data-lane]")
        .iter()
        .map(|l| l.get_attribute("data-lane").unwrap())
        .collect();
    assert_eq!(lanes.len(), 5, "{lanes:?}");
    for (lane, name) in lanes[1..]
        .iter()
        .zip(["Task-1", "Task-2", "Task-3", "Task-4"])
    {
        assert!(lane.starts_with(name), "{name}: {lanes:?}");
    }
    // The console, by its accessible name: nothing printed before the playhead moves.
    let output = find(&root, "[aria-label=\"Program output\"]");
    assert!(all(&root, ".output__line").is_empty());
    assert!(output
        .text_content()
        .unwrap()
        .contains("Nothing printed yet"));
    assert_eq!(attr(&root, "[data-output-later]", "data-output-later"), "4");
    to_the_end(&root).await;
    assert_eq!(
        printed(&root),
        "job1 done\njob2 done\njob3 done\n['job1', 'job2', 'job3']\n"
    );
    assert_eq!(attr(&root, ".output", "data-ending"), "completed");
    // The learner's program stays in the editor; compare offers a second version.
    assert_eq!(editor(&root).value(), GATHER);
    assert!(!all(&root, "[data-compare-note]").is_empty());
    assert!(!find(&root, "[data-action=\"live-run\"]").has_attribute("disabled"));

    // The playback reaches the program's end, and the loop panel follows it.
    click_on(&root, ".ctl--play");
    gloo_timers::future::TimeoutFuture::new(900).await;
    let loop_state = text(&root, ".loop");
    assert!(loop_state.contains("Finished"), "{loop_state}");

    // An example replaces the program, and its console with it.
    support::choose(&root, ".code__examples", "three-fetches");
    next_render().await;
    assert!(!text(&root, ".output").contains("tick"));
    assert!(text(&root, "[data-total=\"shown\"]").contains("3.0 s"));
}

#[wasm_bindgen_test]
async fn a_program_runs_live_on_the_real_event_loop_and_prints_the_same() {
    let (root, _app) = mount().await;
    run_program(&root, GATHER).await;
    to_the_end(&root).await;
    let predicted = printed(&root);
    click_on(&root, "[data-action=\"live-run\"]");
    // Real timers: the 300 ms program takes at least that long.
    let mut waited = 0;
    while all(&root, ".accuracy").is_empty() && waited < 5_000 {
        gloo_timers::future::TimeoutFuture::new(50).await;
        waited += 50;
    }
    assert!(waited >= 250, "the live run ended after {waited} ms");
    assert_eq!(attr(&root, ".output", "data-ending"), "completed");
    assert_eq!(printed(&root), predicted);
    let error: f64 = attr(&root, ".accuracy", "data-error").parse().unwrap();
    assert!(
        (-5.0..200.0).contains(&error),
        "measured - predicted = {error} ms"
    );
    assert!(text(&root, ".tl-summary").contains("live on this browser's event loop"));
    // Back to the virtual clock's run.
    click_on(&root, "[data-action=\"live-clear\"]");
    next_render().await;
    assert!(all(&root, ".accuracy").is_empty());
    assert!(text(&root, "[data-total=\"shown\"]").contains("300 ms"));
}

#[wasm_bindgen_test]
async fn an_exception_shows_its_traceback_under_the_output() {
    let (root, _app) = mount().await;
    let failing = GATHER.replace(
        "    print(results)",
        "    print(results)\n    raise ValueError(\"boom\")",
    );
    run_program(&root, &failing).await;
    // The traceback shows once the playhead reaches the end.
    assert!(all(&root, "[data-output-error]").is_empty());
    to_the_end(&root).await;
    let output = printed(&root);
    assert!(output.starts_with("job1 done\n"), "{output}");
    let error = text(&root, "[data-output-error]");
    assert!(
        error.starts_with("Traceback (most recent call last):"),
        "{error}"
    );
    assert!(error.trim_end().ends_with("ValueError: boom"), "{error}");
    assert!(text(&root, "[data-outcome]").contains("ValueError: boom"));

    // A traceback line of the program puts the editor's caret on that line, focused.
    let frames = all(&root, "[data-traceback-line]");
    let raise = frames
        .iter()
        .find(|f| f.text_content().unwrap().contains("in main"))
        .expect("main's frame is in the traceback");
    let line: usize = raise
        .get_attribute("data-traceback-line")
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(
        failing.lines().nth(line - 1).unwrap().trim(),
        "raise ValueError(\"boom\")"
    );
    raise.unchecked_ref::<HtmlElement>().click();
    next_render().await;
    next_render().await;
    let area = editor(&root);
    let line_start: usize = failing.lines().take(line - 1).map(|l| l.len() + 1).sum();
    assert_eq!(area.selection_start().unwrap(), Some(line_start as u32));
    let focused = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element();
    assert_eq!(focused.as_ref(), Some(area.unchecked_ref::<Element>()));
}

#[wasm_bindgen_test]
async fn the_console_shows_lines_up_to_the_playhead_and_a_click_on_a_time_seeks_there() {
    let (root, _app) = mount().await;
    run_program(&root, GATHER).await;
    to_the_end(&root).await;
    let times: Vec<String> = all(&root, ".output__line")
        .iter()
        .map(|l| l.get_attribute("data-t").unwrap())
        .collect();
    assert_eq!(times, ["100", "200", "300", "300"]);
    // The second line's time: the playhead goes back to just after it was printed.
    all(&root, ".output__time")[1]
        .unchecked_ref::<HtmlElement>()
        .click();
    next_render().await;
    assert_eq!(printed(&root), "job1 done\njob2 done\n");
    assert_eq!(attr(&root, "[data-output-later]", "data-output-later"), "2");
    assert!(text(&root, ".controls").contains("0.200 s"));
}

#[wasm_bindgen_test]
async fn the_console_shows_the_last_three_hundred_lines_of_a_long_output() {
    // 1,500 lines would be 1,500 rows on the page (80,000 froze it for seconds).
    let (root, _app) = mount().await;
    run_program(
        &root,
        "import asyncio\n\nasync def main():\n    for i in range(1500):\n        print(i)\n\nasyncio.run(main())\n",
    )
    .await;
    to_the_end(&root).await;
    let lines = all(&root, ".output__text");
    assert_eq!(lines.len(), 300);
    assert_eq!(lines[0].text_content().unwrap(), "1200");
    assert_eq!(lines[299].text_content().unwrap(), "1499");
    assert!(text(&root, ".output").contains("… 1,200 earlier lines not shown"));
}

#[wasm_bindgen_test]
async fn the_frames_panel_shows_each_task_s_variables_and_what_changed() {
    let (root, _app) = mount().await;
    run_program(&root, GATHER).await;
    assert!(text(&root, "[data-frames]").contains("No task yet"));
    // Step until the three fetches have started: each frame holds its own arguments.
    let mut steps = 0;
    while all(
        &root,
        "[data-frames] [data-task=\"Task-4\"] [data-function=\"fetch\"]",
    )
    .is_empty()
    {
        step(&root).await;
        steps += 1;
        assert!(steps < 40, "{}", text(&root, "[data-frames]"));
    }
    let fetch = find(&root, "[data-task=\"Task-4\"]");
    assert!(fetch.text_content().unwrap().contains("fetch()"));
    let name = fetch
        .query_selector("[data-var=\"name\"] td")
        .unwrap()
        .unwrap();
    assert_eq!(
        name.text_content().unwrap().trim_end_matches(" (changed)"),
        "'job3'"
    );
    let main = find(&root, "[data-task=\"Task-1\"]");
    assert!(
        main.text_content().unwrap().contains("waits for gather"),
        "{}",
        main.text_content().unwrap()
    );
    // At the end, main's task has returned and its result is shown.
    to_the_end(&root).await;
    let main = find(&root, "[data-task=\"Task-1\"]");
    assert_eq!(
        main.query_selector("[data-status]")
            .unwrap()
            .unwrap()
            .get_attribute("data-status")
            .as_deref(),
        Some("done")
    );
}

#[wasm_bindgen_test]
async fn a_variable_that_changes_between_two_steps_is_marked_changed() {
    let (root, _app) = mount().await;
    let program = "import asyncio\n\nasync def count(n):\n    total = 0\n    for i in range(n):\n        total += i + 1\n        await asyncio.sleep(0.1)\n    return total\n\nasyncio.run(count(3))\n";
    run_program(&root, program).await;
    let var = |name: &str| {
        all(&root, &format!("[data-frames] [data-var=\"{name}\"]"))
            .first()
            .map(|row| {
                let value = row
                    .query_selector("td")
                    .unwrap()
                    .unwrap()
                    .text_content()
                    .unwrap();
                (
                    value.replace(" (changed)", ""),
                    row.get_attribute("class")
                        .unwrap_or_default()
                        .contains("frames__var--changed"),
                )
            })
    };
    let mut steps = 0;
    while var("total").map(|(v, _)| v) != Some("1".into()) {
        step(&root).await;
        steps += 1;
        assert!(steps < 40, "{}", text(&root, "[data-frames]"));
    }
    // The next suspension: total went from 1 to 3 and is marked; n did not change.
    let mut steps = 0;
    while var("total").map(|(v, _)| v) == Some("1".into()) {
        step(&root).await;
        steps += 1;
        assert!(steps < 10, "{}", text(&root, "[data-frames]"));
    }
    assert_eq!(var("total"), Some(("3".into(), true)));
    assert_eq!(var("n"), Some(("3".into(), false)));
}

#[wasm_bindgen_test]
async fn next_line_steps_through_a_task_s_loop_between_two_awaits() {
    let (root, _app) = mount().await;
    let program = "import asyncio\n\nasync def main():\n    total = 0\n    for i in range(3):\n        total += i\n    await asyncio.sleep(0.1)\n    print(total)\n\nasyncio.run(main())\n";
    run_program(&root, program).await;
    let running_line = || {
        find(&root, ".editor__line--running")
            .get_attribute("data-line")
            .unwrap_or_default()
    };
    let total = || {
        all(
            &root,
            "[data-frames] [data-task=\"Task-1\"] [data-var=\"total\"] td",
        )
        .first()
        .map(|td| td.text_content().unwrap().replace(" (changed)", ""))
    };
    let mut lines = Vec::new();
    let mut totals = Vec::new();
    for _ in 0..12 {
        click_on(&root, "[data-line-step=\"next\"]");
        next_render().await;
        lines.push(running_line());
        totals.push(total());
    }
    // The module's statements, then main's: its loop header before each iteration and
    // once more as it ends, all before the first await.
    assert_eq!(
        lines,
        ["1", "3", "10", "4", "5", "6", "5", "6", "5", "6", "5", "7"],
        "{}",
        text(&root, "[data-frames]")
    );
    let as_shown: Vec<Option<&str>> = totals.iter().map(|t| t.as_deref()).collect();
    assert_eq!(as_shown[3], None, "total is not assigned yet");
    assert_eq!(
        as_shown[4..],
        [
            Some("0"),
            Some("0"),
            Some("0"),
            Some("0"),
            Some("1"),
            Some("1"),
            Some("3"),
            Some("3")
        ]
    );
    let status = text(&root, "[data-frames] [data-task=\"Task-1\"] [data-status]");
    assert_eq!(status, "running line 7");
    // Back one line, then an event step ends stepping by line.
    click_on(&root, "[data-line-step=\"back\"]");
    next_render().await;
    assert_eq!(running_line(), "5");
    assert!(text(&root, ".line-stepper").contains("statement 11 of"));
    step(&root).await;
    assert!(!text(&root, ".line-stepper").contains("statement"));
}

#[wasm_bindgen_test]
async fn text_that_is_not_python_is_explained_at_its_line_and_runs_nothing() {
    let (root, _app) = mount().await;
    run_program(&root, GATHER).await;
    let broken = GATHER.replace("async def main():", "async def main()");
    run_program(&root, &broken).await;

    let message = text(&root, "[data-editor-error]");
    assert!(message.starts_with("line 8, column "), "{message}");
    assert!(message.contains("expected ':'"), "{message}");
    assert_eq!(all(&root, ".code-error").len(), 1);
    let underlined = find(&root, ".code-error")
        .closest("[data-line]")
        .unwrap()
        .unwrap();
    assert_eq!(underlined.get_attribute("data-line").as_deref(), Some("8"));
    assert_eq!(
        editor(&root).get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    // The last program that ran is still shown.
    assert!(text(&root, "[data-total=\"shown\"]").contains("300 ms"));
    to_the_end(&root).await;
    assert!(printed(&root).contains("job3 done"));
}

#[wasm_bindgen_test]
async fn a_second_version_of_the_program_races_it_on_one_axis() {
    let (root, _app) = mount().await;
    let in_turn = "import asyncio\n\nasync def job(s):\n    await asyncio.sleep(s)\n\nasync def main():\n    for s in (0.1, 0.2, 0.3):\n        await job(s)\n\nasyncio.run(main())\n";
    run_program(&root, in_turn).await;
    click_on(&root, "[data-action=\"compare-with\"]");
    next_render().await;
    // The second version starts as a copy: same total, no faster.
    assert!(text(&root, "[data-total=\"second\"]").contains("600 ms"));
    assert_eq!(attr(&root, "[data-speedup]", "data-speedup"), "1.00");
    let second: HtmlTextAreaElement = find(&root, ".cmp__editor .editor__input")
        .dyn_into()
        .unwrap();
    second.set_value(&in_turn.replace(
        "    for s in (0.1, 0.2, 0.3):\n        await job(s)\n",
        "    await asyncio.gather(*(job(s) for s in (0.1, 0.2, 0.3)))\n",
    ));
    fire(&second, "input");
    key_down(&second, "Enter", &["ctrlKey"]);
    next_render().await;
    assert!(text(&root, "[data-total=\"first\"]").contains("600 ms"));
    assert!(text(&root, "[data-total=\"second\"]").contains("300 ms"));
    assert_eq!(attr(&root, "[data-speedup]", "data-speedup"), "2.00");
    assert!(text(&root, ".cmp__speedup").contains("2.0× faster"));
    // Both runs on one axis: two timelines, the first program still in the main editor.
    // They are drawn once the panel comes near the view.
    scroll_to(&root, ".cmp__runs").await;
    assert_eq!(all(&root, "[data-timeline=\"timeline-first\"]").len(), 1);
    assert_eq!(all(&root, "[data-timeline=\"timeline-second\"]").len(), 1);
    assert_eq!(editor(&root).value(), in_turn);
    click_on(&root, ".cmp__back");
    next_render().await;
    assert!(all(&root, ".cmp__editor").is_empty());
}

#[wasm_bindgen_test]
async fn an_example_program_opens_in_the_editor_and_runs() {
    let (root, _app) = mount().await;
    support::choose(&root, ".code__examples", "crawler");
    next_render().await;
    let source = looplab::examples::example("crawler").unwrap().source;
    assert_eq!(editor(&root).value(), source);
    assert!(text(&root, "[data-total=\"shown\"]").contains("1.5 s"));
    // Ten GETs and the summary, once the playhead is at the end.
    to_the_end(&root).await;
    assert_eq!(all(&root, ".output__line").len(), 11);
    // A lane each for the loop, main and the ten fetches.
    let lanes = all(&root, "section[data-panel=\"timeline\"] [data-lane]");
    assert_eq!(lanes.len(), 12, "the loop, main and ten fetches");
}
