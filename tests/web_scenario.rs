#![cfg(target_arch = "wasm32")]
//! Browser tests of the Scenario panel: pick a preset, add a step, type junk into a number
//! field, import a bad file. Each mounts Looplab into a fresh element and drives the DOM
//! the way a learner would (select, click, type).
//! Run with `wasm-pack test --headless --chrome -- --test web_scenario`.

use gloo_timers::future::TimeoutFuture;
use looplab::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

mod support;
use support::{find, fire, fresh_root};

wasm_bindgen_test_configure!(run_in_browser);

async fn settle() {
    TimeoutFuture::new(100).await;
}

fn click(root: &Element, selector: &str) {
    find(root, selector)
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
}

fn scenario_text(root: &Element) -> String {
    find(root, "section[data-panel=\"scenario\"]")
        .text_content()
        .unwrap_or_default()
}

/// Mounts the app and loads "asyncio.sleep vs time.sleep" through the preset picker.
async fn app_with_blocking_sleep() -> (Element, yew::AppHandle<App>) {
    let root = fresh_root();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    let picker: HtmlSelectElement = find(&root, "#preset-picker").dyn_into().unwrap();
    picker.set_value("blocking-sleep");
    fire(&picker, "change");
    settle().await;
    (root, app)
}

#[wasm_bindgen_test]
async fn picking_a_preset_shows_its_coroutines() {
    let (root, app) = app_with_blocking_sleep().await;
    let text = scenario_text(&root);
    assert!(text.contains("asyncio.sleep vs time.sleep"), "{text}");
    find(&root, "article[data-coroutine=\"polite\"]");
    find(&root, "article[data-coroutine=\"rude\"]");
    assert!(text.contains("time.sleep(1.0)"), "{text}");
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn a_step_added_through_the_menu_appears_in_the_outline() {
    let (root, app) = app_with_blocking_sleep().await;
    let polite = "article[data-coroutine=\"polite\"]";
    assert!(!scenario_text(&root).contains("return \"done\""));
    click(&root, &format!("{polite} .add-step__toggle"));
    settle().await;
    click(
        &root,
        &format!("{polite} .add-step__kind[data-kind=\"return\"]"),
    );
    settle().await;
    let outline = find(&root, polite).text_content().unwrap();
    assert!(outline.contains("return \"done\""), "{outline}");
    // The new step's form is open, ready to edit.
    find(&root, &format!("{polite} .step--open .step-form"));
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn junk_in_a_number_field_shows_an_inline_message_and_keeps_the_text() {
    let (root, app) = app_with_blocking_sleep().await;
    let polite = "article[data-coroutine=\"polite\"]";
    // Open the form of `await asyncio.sleep(1.0)` (step 2 of polite).
    click(
        &root,
        &format!("{polite} li[data-position=\"2\"] .step__code"),
    );
    settle().await;
    let input: HtmlInputElement = find(
        &root,
        &format!("{polite} .step--open input[inputmode=\"numeric\"]"),
    )
    .dyn_into()
    .unwrap();
    for junk in ["-5", "1e99", "abc"] {
        input.set_value(junk);
        fire(&input, "input");
        settle().await;
        assert_eq!(input.value(), junk, "the learner's text stays");
        assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
        let error_id = input.get_attribute("aria-describedby").unwrap();
        let message = find(&root, &format!("#{error_id}")).text_content().unwrap();
        assert!(
            message.contains("whole number of ms from 0 to 3,600,000"),
            "{message}"
        );
    }
    // The scenario kept its old value.
    assert!(find(&root, polite)
        .text_content()
        .unwrap()
        .contains("asyncio.sleep(1.0)"));
    // A good number clears the message and edits the step.
    input.set_value("250");
    fire(&input, "input");
    settle().await;
    assert_eq!(input.get_attribute("aria-invalid"), None);
    assert!(find(&root, polite)
        .text_content()
        .unwrap()
        .contains("asyncio.sleep(0.25)"));
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn importing_bad_json_shows_a_notice_and_keeps_the_scenario() {
    let (root, app) = app_with_blocking_sleep().await;
    let before = find(&root, ".coroutines").inner_html();
    let paste: HtmlTextAreaElement = find(&root, "#import-paste").dyn_into().unwrap();
    paste.set_value("{not json");
    fire(&paste, "input");
    settle().await;
    click(&root, ".import-export__load");
    settle().await;
    let notice = find(&root, "section[data-panel=\"scenario\"] .notice");
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    assert!(notice
        .text_content()
        .unwrap()
        .contains("This is not a valid scenario"));
    assert_eq!(find(&root, ".coroutines").inner_html(), before);
    // Dismissing it removes it.
    click(&root, ".notice__dismiss");
    settle().await;
    assert!(root.query_selector(".notice").unwrap().is_none());
    app.destroy();
    root.remove();
}
