#![cfg(target_arch = "wasm32")]
//! Browser tests of real Python programs in the code editor (Code panel, "Edit"): a
//! program the step language does not read (parameters, a loop, a gather over a
//! generator) runs on the interpreter; the timeline shows its total and its tasks, the
//! Output console its printed text; text that is not Python is explained at its line;
//! the program runs live on the browser's event loop.
//! Run with `wasm-pack test --headless --chrome -- --test web_python`.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlTextAreaElement};

mod support;
use support::{all, attr, click_on, find, fire, key_down, mount, next_render, text};

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

fn editor(root: &Element) -> HtmlTextAreaElement {
    find(root, ".editor__input").dyn_into().unwrap()
}

/// Opens the editor, replaces its text as typing would, and runs it (Ctrl+Enter).
async fn run_program(root: &Element, program: &str) {
    if all(root, ".editor__input").is_empty() {
        click_on(root, ".code__edit");
        next_render().await;
    }
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
    // A lane per task (after the loop's): main and the three fetches.
    let lanes: Vec<String> = all(&root, "section[data-panel=\"timeline\"] [data-lane]")
        .iter()
        .map(|l| l.get_attribute("data-lane").unwrap())
        .collect();
    assert_eq!(lanes.len(), 5, "{lanes:?}");
    for (lane, name) in lanes[1..]
        .iter()
        .zip(["main", "fetch", "fetch #2", "fetch #3"])
    {
        assert!(lane.starts_with(name), "{name}: {lanes:?}");
    }
    // The console, by its accessible name.
    let output = find(&root, "[aria-label=\"Program output\"]");
    assert_eq!(
        output.text_content().unwrap(),
        "job1 done\njob2 done\njob3 done\n['job1', 'job2', 'job3']\n"
    );
    assert_eq!(attr(&root, ".output", "data-ending"), "completed");
    // The learner's program stays in the editor; compare and the live race explain
    // why they have nothing to show (a program runs live once, as written).
    assert_eq!(editor(&root).value(), GATHER);
    assert!(!all(&root, "[data-compare-note]").is_empty());
    assert!(!find(&root, "[data-action=\"live-run\"]").has_attribute("disabled"));
    assert!(find(&root, "[data-action=\"live-race\"]").has_attribute("disabled"));

    // The playback reaches the program's end, and the loop panel follows it.
    click_on(&root, ".ctl--play");
    gloo_timers::future::TimeoutFuture::new(900).await;
    let loop_state = text(&root, ".loop");
    assert!(loop_state.contains("Finished"), "{loop_state}");

    // A preset replaces the program, and its console goes.
    support::choose(&root, "#preset-picker", "three-fetches");
    next_render().await;
    assert!(all(&root, ".output").is_empty());
    assert!(text(&root, "[data-total=\"shown\"]").contains("3.0 s"));
}

#[wasm_bindgen_test]
async fn a_program_runs_live_on_the_real_event_loop_and_prints_the_same() {
    let (root, _app) = mount().await;
    run_program(&root, GATHER).await;
    let predicted = text(&root, "[aria-label=\"Program output\"]");
    click_on(&root, "[data-action=\"live-run\"]");
    // Real timers: the 300 ms program takes at least that long.
    let mut waited = 0;
    while all(&root, ".accuracy").is_empty() && waited < 5_000 {
        gloo_timers::future::TimeoutFuture::new(50).await;
        waited += 50;
    }
    assert!(waited >= 250, "the live run ended after {waited} ms");
    assert_eq!(attr(&root, ".output", "data-ending"), "completed");
    assert_eq!(text(&root, "[aria-label=\"Program output\"]"), predicted);
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
    let output = text(&root, "[aria-label=\"Program output\"]");
    assert!(output.starts_with("job1 done\n"), "{output}");
    let error = text(&root, "[data-output-error]");
    assert!(
        error.starts_with("Traceback (most recent call last):"),
        "{error}"
    );
    assert!(error.ends_with("ValueError: boom"), "{error}");
    assert!(text(&root, "[data-outcome]").contains("ValueError: boom"));
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
    assert!(text(&root, "[aria-label=\"Program output\"]").contains("job3 done"));
}
