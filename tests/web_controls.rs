#![cfg(target_arch = "wasm32")]
//! Browser tests of the playback controls and the Event loop panel: mount Looplab (the
//! default example, three fetches), step, step back, press Space, and read the DOM.
//! Run with `wasm-pack test --headless --chrome -- --test web_controls`.

use looplab::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

mod support;
use support::{all, attr, find, fresh_root, key_down, next_render, text};

wasm_bindgen_test_configure!(run_in_browser);

async fn click(root: &Element, selector: &str, times: usize) {
    for _ in 0..times {
        find(root, selector).unchecked_into::<HtmlElement>().click();
        next_render().await;
    }
}

/// A `keydown` of `key` dispatched on `target`, bubbling to the document as a real one.
fn press(target: &web_sys::EventTarget, key: &str) {
    key_down(target, key, &[]);
}

fn ready_queue(root: &Element) -> String {
    text(root, "[data-part=\"ready\"]")
}

/// The two scenarios run one after the other in one test: async tests run concurrently,
/// and the shortcuts listen on the one shared document.
#[wasm_bindgen_test]
async fn playback_controls_drive_the_event_loop_panel() {
    stepping_moves_the_playhead_and_the_loop_and_back().await;
    space_plays_and_pauses_but_not_while_typing().await;
    question_mark_lists_the_shortcuts_and_a_step_is_read_out().await;
}

async fn question_mark_lists_the_shortcuts_and_a_step_is_read_out() {
    let root = fresh_root();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    next_render().await;
    let document: web_sys::EventTarget = web_sys::window().unwrap().document().unwrap().into();
    assert!(all(&root, "[role=\"dialog\"]").is_empty());
    press(&document, "?");
    next_render().await;
    next_render().await;
    let dialog = text(&root, ".shortcuts");
    assert!(
        dialog.contains("Keyboard shortcuts") && dialog.contains("Step forward one event"),
        "{dialog}"
    );
    let focused = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(
        focused.get_attribute("data-action").as_deref(),
        Some("close-shortcuts")
    );
    press(&document, "Escape");
    next_render().await;
    assert!(all(&root, ".shortcuts").is_empty());
    // Stepping reads the event out to screen readers; nothing before the first one.
    assert_eq!(text(&root, "[data-announce=\"event\"]"), "");
    click(&root, ".ctl--forward", 1).await;
    let said = text(&root, "[data-announce=\"event\"]");
    assert!(said.starts_with("Task-1 "), "{said}");
    app.destroy();
}

async fn stepping_moves_the_playhead_and_the_loop_and_back() {
    let root = fresh_root();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    next_render().await;

    assert_eq!(
        attr(&root, "[role=\"toolbar\"] .ctl--play", "aria-label"),
        "Play"
    );
    // A program loads before its first event: nothing has happened yet.
    assert_eq!(attr(&root, ".loop", "data-events-done"), "0");
    click(&root, ".ctl--forward", 3).await;
    assert_eq!(attr(&root, ".loop", "data-events-done"), "3");
    click(&root, ".ctl--restart", 1).await;
    assert_eq!(attr(&root, ".loop", "data-events-done"), "0");
    assert!(text(&root, "[data-part=\"running\"]").contains("Not started"));
    assert_eq!(
        text(&root, ".controls__time").trim(),
        "t = 0.000 s / 3.000 s"
    );
    let queue_at_start = ready_queue(&root);

    // Eleven events in, main has created three tasks and awaits gather: three are ready.
    click(&root, ".ctl--forward", 11).await;
    assert_eq!(attr(&root, ".loop", "data-events-done"), "11");
    assert_eq!(attr(&root, ".log__line--current", "data-index"), "10");
    let queue_after = ready_queue(&root);
    assert_ne!(queue_after, queue_at_start);
    for task in ["Task-2", "Task-3", "Task-4"] {
        assert!(queue_after.contains(task), "ready queue: {queue_after}");
    }
    assert!(text(&root, ".log__line--current").contains("suspended: await gather(Task-2"));

    // Past the first idle jump, the clock reads 1 s: the first sleep's timer is due.
    click(&root, ".ctl--forward", 11).await;
    assert_eq!(attr(&root, ".loop", "data-events-done"), "22");
    assert_eq!(
        text(&root, ".controls__time").trim(),
        "t = 1.000 s / 3.000 s"
    );
    let timers = text(&root, "[data-part=\"timers\"]");
    assert!(timers.starts_with("Timers3"), "{timers}");
    // Its callback runs: Task-2's step is queued.
    click(&root, ".ctl--forward", 2).await;
    assert!(
        ready_queue(&root).contains("Task-2"),
        "{}",
        ready_queue(&root)
    );
    click(&root, ".ctl--back", 2).await;

    // One step back: before the jump, at 0 s again, every task waiting.
    click(&root, ".ctl--back", 1).await;
    assert_eq!(attr(&root, ".loop", "data-events-done"), "21");
    assert_eq!(attr(&root, ".log__line--current", "data-index"), "20");
    assert_eq!(
        text(&root, ".controls__time").trim(),
        "t = 0.000 s / 3.000 s"
    );
    assert!(text(&root, "[data-part=\"running\"]").contains("Idle"));

    // Restart goes back to before the first event.
    click(&root, ".ctl--restart", 1).await;
    assert_eq!(attr(&root, ".loop", "data-events-done"), "0");
    assert!(text(&root, "[data-part=\"running\"]").contains("Not started"));

    app.destroy();
    root.remove();
}

async fn space_plays_and_pauses_but_not_while_typing() {
    let root = fresh_root();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    next_render().await;
    let document = web_sys::window().unwrap().document().unwrap();
    let play = "[role=\"toolbar\"] .ctl--play";
    assert_eq!(attr(&root, play, "data-state"), "paused");

    press(&document, " ");
    next_render().await;
    assert_eq!(attr(&root, play, "data-state"), "playing");
    assert_eq!(attr(&root, play, "aria-label"), "Pause");

    press(&document, " ");
    next_render().await;
    assert_eq!(attr(&root, play, "data-state"), "paused");

    // Space typed into a form field belongs to the field.
    press(&find(&root, ".scrubber"), " ");
    next_render().await;
    assert_eq!(attr(&root, play, "data-state"), "paused");

    // Home restarts; → and ← step.
    press(&document, "Home");
    next_render().await;
    assert_eq!(attr(&root, ".loop", "data-events-done"), "0");
    press(&document, "ArrowRight");
    press(&document, "ArrowRight");
    next_render().await;
    assert_eq!(attr(&root, ".loop", "data-events-done"), "2");
    press(&document, "ArrowLeft");
    next_render().await;
    assert_eq!(attr(&root, ".loop", "data-events-done"), "1");

    app.destroy();
    root.remove();
    // Unmounted: the shortcut listener is gone with it, so a press changes nothing.
    press(&document, " ");
}
