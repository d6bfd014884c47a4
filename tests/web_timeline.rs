#![cfg(target_arch = "wasm32")]
//! Browser tests of the timeline: mount Looplab (it starts on the "three-fetches"
//! example, gathered) and read the lanes, totals and tooltip from the DOM.
//! Run with `wasm-pack test --headless --chrome -- --test web_timeline`.

use looplab::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

mod support;
use support::{all, fresh_root, next_render, text};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_default_example_draws_the_loop_main_and_three_task_lanes() {
    let root = fresh_root();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    next_render().await;

    let lanes = all(&root, "section[data-panel=\"timeline\"] [data-lane]");
    let names: Vec<String> = lanes
        .iter()
        .map(|l| l.get_attribute("data-lane").unwrap())
        .collect();
    assert_eq!(lanes.len(), 5, "loop + main + 3 tasks: {names:?}");
    assert_eq!(
        names,
        ["event loop", "Task-1", "Task-2", "Task-3", "Task-4"]
    );
    // Each lane names its coroutine, and suspended segments carry their reason.
    let timeline = text(&root, "section[data-panel=\"timeline\"] .tl");
    assert!(timeline.contains("main()"), "{timeline}");
    assert!(
        timeline.contains("fetch('/api/users/1.json', 1.0)"),
        "{timeline}"
    );
    assert!(timeline.contains("await sleep(1.0)"), "{timeline}");
    assert!(timeline.contains("await gather"), "{timeline}");
    // The chart is one tab stop; the totals and outcome are shown.
    let stops = all(
        &root,
        "section[data-panel=\"timeline\"] .tl-seg[tabindex=\"0\"]",
    );
    assert_eq!(stops.len(), 1);
    assert!(text(&root, "[data-total=\"shown\"]").contains("3.0 s"));
    assert!(text(&root, "[data-outcome]").contains("completed"));

    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn a_bigger_run_shown_after_a_small_one_draws_the_lanes_in_view() {
    let root = fresh_root();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    next_render().await;
    let lanes = || all(&root, "section[data-panel=\"timeline\"] [data-lane]").len();
    assert_eq!(lanes(), 5, "three fetches: loop + main + 3 tasks");

    // Opening the 1,000-task lesson replaces the 5-lane run with one of over 1,000.
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/lesson/thousand-tasks")
        .unwrap();
    let chart = "section[data-panel=\"timeline\"] [data-lanes]";
    for _ in 0..20 {
        next_render().await;
        if support::attr(&root, chart, "data-lanes") != "5" {
            break;
        }
    }
    next_render().await;
    let rows: usize = support::attr(&root, chart, "data-lanes").parse().unwrap();
    assert!(rows > 1000, "{rows} lanes");
    // Every lane in the chart's view is drawn, not just as many as the last run had
    // (without the app's style sheet the chart does not scroll: all of them are).
    assert!(lanes() >= 30, "{} lanes drawn of {rows}", lanes());

    app.destroy();
    root.remove();
    web_sys::window().unwrap().location().set_hash("").unwrap();
    next_render().await;
}

#[wasm_bindgen_test]
async fn focusing_a_segment_shows_its_times_and_step() {
    let root = fresh_root();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    next_render().await;

    let seg = all(&root, "section[data-panel=\"timeline\"] .tl-seg--suspended")
        .into_iter()
        .find(|s| {
            s.get_attribute("aria-label")
                .is_some_and(|l| l.starts_with("Task-2: suspended"))
        })
        .expect("the first fetch's wait");
    seg.dyn_ref::<HtmlElement>().unwrap().focus().unwrap();
    next_render().await;

    let tip = text(&root, "section[data-panel=\"timeline\"] .tl-tip");
    assert!(tip.contains("Task-2"), "{tip}");
    assert!(tip.contains("1.000 s"), "{tip}");
    assert!(tip.contains("await asyncio.sleep(latency)"), "{tip}");

    app.destroy();
    root.remove();
}
