#![cfg(target_arch = "wasm32")]
//! Browser tests of the code editor (Code panel, always open): type a program, run it
//! with Ctrl+Enter and read the total; a malformed program is explained and underlined
//! while the last run stays; an example replaces the text; Tab indents.
//! Run with `wasm-pack test --headless --chrome -- --test web_editor`.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlTextAreaElement};

mod support;
use support::{all, choose, click_on, find, fire, key_down, mount, next_render, text};

wasm_bindgen_test_configure!(run_in_browser);

const TWO_SLEEPERS: &str = "import asyncio

async def a():
    await asyncio.sleep(1)

async def b():
    await asyncio.sleep(1)

async def main():
    await asyncio.gather(a(), b())

asyncio.run(main())
";

fn editor(root: &Element) -> HtmlTextAreaElement {
    find(root, ".editor__input").dyn_into().unwrap()
}

/// Replaces the editor's text, as typing would (an `input` event).
fn type_program(root: &Element, program: &str) {
    let area = editor(root);
    area.set_value(program);
    fire(&area, "input");
}

#[wasm_bindgen_test]
async fn a_typed_program_runs_with_ctrl_enter_and_the_totals_follow() {
    let (root, _app) = mount().await;
    type_program(&root, TWO_SLEEPERS);
    key_down(&editor(&root), "Enter", &["ctrlKey"]);
    next_render().await;

    assert!(
        text(&root, "[data-total=\"shown\"]").contains("1.0 s"),
        "{}",
        text(&root, "[data-total=\"shown\"]")
    );
    assert_eq!(editor(&root).value(), TWO_SLEEPERS);

    // A malformed program (not Python either): explained with line and column,
    // underlined, and the last good run is still shown.
    let broken = TWO_SLEEPERS.replace(
        "    await asyncio.sleep(1)\n\nasync def b",
        "    while True\n        pass\n\nasync def b",
    );
    type_program(&root, &broken);
    key_down(&editor(&root), "Enter", &["metaKey"]);
    next_render().await;
    let message = text(&root, "[data-editor-error]");
    assert!(message.starts_with("line 4, column 15:"), "{message}");
    assert!(message.contains("expected ':'"), "{message}");
    assert_eq!(all(&root, ".code-error").len(), 1);
    assert!(text(&root, "[data-total=\"shown\"]").contains("1.0 s"));
    assert_eq!(
        editor(&root).get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn the_program_stays_until_an_example_replaces_it() {
    let (root, _app) = mount().await;
    type_program(&root, TWO_SLEEPERS);
    key_down(&editor(&root), "Enter", &["ctrlKey"]);
    next_render().await;
    // The Rust tab has no version of the learner's own program, and says so.
    click_on(&root, ".code__tab:nth-child(2)");
    next_render().await;
    assert!(text(&root, "[data-no-rust]").contains("open a lesson"));
    click_on(&root, ".code__tab:nth-child(1)");
    next_render().await;
    assert_eq!(editor(&root).value(), TWO_SLEEPERS, "back in the editor");
    // An example replaces it, and the editor follows.
    choose(&root, ".code__examples", "deadlock");
    next_render().await;
    assert!(editor(&root).value().contains("async with second"));
    assert!(text(&root, "[data-outcome]").contains("Deadlock"));
    assert!(all(&root, "[data-editor-error]").is_empty());
}

#[wasm_bindgen_test]
async fn a_snippet_from_the_insert_menu_goes_below_the_caret_and_runs() {
    let (root, _app) = mount().await;
    type_program(&root, TWO_SLEEPERS);
    let area = editor(&root);
    // The caret at the end of `async def main():`: the snippet goes into its body.
    let at = TWO_SLEEPERS.find("async def main():").unwrap() as u32 + 17;
    area.set_selection_range(at, at).unwrap();
    choose(&root, ".code__insert", "0");
    next_render().await;
    assert!(
        area.value()
            .contains("async def main():\n    await asyncio.sleep(1)\n    await asyncio.gather"),
        "{}",
        area.value()
    );
    gloo_timers::future::TimeoutFuture::new(800).await;
    let total = text(&root, "[data-total=\"shown\"]");
    assert!(total.contains("2.0 s"), "{total}");
}

#[wasm_bindgen_test]
async fn text_that_did_not_run_is_still_there_after_leaving_the_editor() {
    let (root, _app) = mount().await;
    let unfinished = "import asyncio\n\nasync def main():\n    while True:\n";
    type_program(&root, unfinished);
    key_down(&editor(&root), "Enter", &["ctrlKey"]);
    next_render().await;
    assert!(!all(&root, "[data-editor-error]").is_empty());
    // To the Rust tab and back: the editor comes back with the text.
    click_on(&root, ".code__tab:nth-child(2)");
    next_render().await;
    click_on(&root, ".code__tab:nth-child(1)");
    next_render().await;
    assert_eq!(editor(&root).value(), unfinished, "the draft is back");
    assert!(text(&root, "[data-editor-error]").contains("expected an indented block"));
}

#[wasm_bindgen_test]
async fn edits_run_by_themselves_after_a_pause() {
    let (root, _app) = mount().await;
    type_program(
        &root,
        &TWO_SLEEPERS.replace("gather(a(), b())", "gather(a(), b(), a())"),
    );
    next_render().await;
    // Not yet: the default example is still shown.
    let before = text(&root, "[data-total=\"shown\"]");
    assert!(before.contains("3.0 s"), "{before}");
    gloo_timers::future::TimeoutFuture::new(800).await;
    let after = text(&root, "[data-total=\"shown\"]");
    assert!(after.contains("1.0 s"), "{after}");
}

#[wasm_bindgen_test]
async fn tab_indents_by_four_spaces_and_shift_tab_takes_them_back() {
    let (root, _app) = mount().await;
    type_program(&root, "x");
    let area = editor(&root);
    // Reached with the keyboard, Tab passes through: nobody is trapped in the editor.
    area.focus().unwrap();
    let event = key_down(&area, "Tab", &[]);
    assert!(!event.default_prevented(), "Tab moves on");
    assert_eq!(area.value(), "x");
    area.blur().unwrap();
    // Clicked into, Tab indents.
    fire(&area, "pointerdown");
    area.focus().unwrap();
    area.set_selection_range(0, 0).unwrap();
    let event = key_down(&area, "Tab", &[]);
    assert!(event.default_prevented(), "Tab stays in the editor");
    assert_eq!(area.value(), "    x");
    assert_eq!(area.selection_start().unwrap(), Some(4));
    key_down(&area, "Tab", &["shiftKey"]);
    assert_eq!(area.value(), "x");
    // Both were typed in, so the browser can undo them.
    let document = web_sys::window().unwrap().document().unwrap();
    let exec: js_sys::Function = js_sys::Reflect::get(&document, &"execCommand".into())
        .unwrap()
        .unchecked_into();
    exec.call1(&document, &"undo".into()).unwrap();
    assert_eq!(area.value(), "    x");
    // Several lines indent together.
    type_program(&root, "a\nb\nc");
    area.set_selection_range(0, 3).unwrap();
    key_down(&area, "Tab", &[]);
    assert_eq!(area.value(), "    a\n    b\nc");
    // Esc, then Tab, leaves the field as usual.
    key_down(&area, "Escape", &[]);
    let event = key_down(&area, "Tab", &[]);
    assert!(!event.default_prevented());
    // Reached with the keyboard, then typed in: Tab indents.
    area.blur().unwrap();
    area.focus().unwrap();
    key_down(&area, "a", &[]);
    area.set_selection_range(0, 0).unwrap();
    let event = key_down(&area, "Tab", &[]);
    assert!(event.default_prevented(), "typing makes Tab indent");
    next_render().await;
}
