#![cfg(target_arch = "wasm32")]
//! Saved programs in localStorage, through the UI: they survive a reload (a new mount),
//! open and delete, and an entry an earlier Looplab saved as a scenario (or a damaged
//! one) is listed and opens as a program, never lost.

use looplab::sim::presets::preset;
use looplab::ui::saved;
use wasm_bindgen_test::*;

mod support;
use support::{all, choose, click_on, mount, next_render, text, type_into};

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn clear_saved() {
    for s in saved::list() {
        saved::delete(&s.name);
    }
}

#[wasm_bindgen_test]
async fn a_saved_program_survives_a_reload_opens_and_deletes() {
    clear_saved();
    let (root, app) = mount().await;
    assert!(text(&root, ".files").contains("Nothing saved in this browser yet."));
    type_into(&root, ".saved__form input", "  my fetches ");
    next_render().await;
    click_on(&root, ".saved__form [data-action=\"save\"]");
    next_render().await;
    assert!(text(&root, ".saved__status").contains("Saved as “my fetches”."));
    app.destroy();

    // A new page: the saved program is still there and opens.
    let (root, app) = mount().await;
    assert_eq!(
        text(&root, "[data-saved=\"my fetches\"] .saved__name"),
        "my fetches"
    );
    choose(&root, ".code__examples", "deadlock");
    next_render().await;
    assert_eq!(
        all(&root, "section[data-panel=\"timeline\"] [data-lane]").len(),
        4,
        "deadlock: loop, main and two tasks"
    );
    click_on(
        &root,
        "[data-saved=\"my fetches\"] [data-action=\"open-saved\"]",
    );
    next_render().await;
    assert_eq!(
        all(&root, "section[data-panel=\"timeline\"] [data-lane]").len(),
        5,
        "the three fetches again"
    );
    click_on(
        &root,
        "[data-saved=\"my fetches\"] [data-action=\"delete-saved\"]",
    );
    next_render().await;
    assert!(all(&root, "[data-saved]").is_empty());
    assert!(saved::list().is_empty(), "deleted from storage too");
    app.destroy();
}

#[wasm_bindgen_test]
async fn older_and_damaged_entries_are_listed_kept_and_open_as_programs() {
    clear_saved();
    storage()
        .set_item(&saved::key("broken"), "{\"coroutines\": [")
        .unwrap();
    storage()
        .set_item(&saved::key("old"), &preset("semaphore").unwrap().to_json())
        .unwrap();
    let (root, app) = mount().await;
    assert!(text(&root, "[data-saved=\"old\"]").contains("opens as Python"));
    click_on(&root, "[data-saved=\"old\"] [data-action=\"open-saved\"]");
    next_render().await;
    let area: web_sys::HtmlTextAreaElement =
        wasm_bindgen::JsCast::dyn_into(support::find(&root, ".editor__input")).unwrap();
    assert!(
        area.value().contains("asyncio.Semaphore(2)"),
        "{}",
        area.value()
    );
    // The damaged one opens as the text it is, with the error where the editor shows.
    click_on(
        &root,
        "[data-saved=\"broken\"] [data-action=\"open-saved\"]",
    );
    next_render().await;
    assert!(!all(&root, "[data-editor-error]").is_empty());
    assert!(text(&root, "section[data-panel=\"timeline\"]").contains("cannot run yet"));
    assert_eq!(
        storage()
            .get_item(&saved::key("broken"))
            .unwrap()
            .as_deref(),
        Some("{\"coroutines\": ["),
        "the damaged entry is left as it was"
    );
    app.destroy();
    clear_saved();
}

#[wasm_bindgen_test]
async fn the_chosen_theme_survives_a_reload_and_the_title_names_the_lesson() {
    let _ = storage().remove_item("looplab.theme");
    let (root, app) = mount().await;
    assert!(
        all(&root, ".app[data-theme]").is_empty(),
        "no choice: the system's"
    );
    click_on(&root, "[data-theme-option=\"dark\"]");
    next_render().await;
    assert_eq!(all(&root, ".app[data-theme=\"dark\"]").len(), 1);
    app.destroy();

    // A new page: still dark, until the choice goes back to the system's.
    let (root, app) = mount().await;
    assert_eq!(all(&root, ".app[data-theme=\"dark\"]").len(), 1);
    click_on(&root, "[data-theme-option=\"auto\"]");
    next_render().await;
    app.destroy();
    let (root, app) = mount().await;
    assert!(all(&root, ".app[data-theme]").is_empty());
    let document = web_sys::window().unwrap().document().unwrap();
    assert_eq!(document.title(), "Looplab · watch async code run");
    app.destroy();
}

/// Types `program` over the editor's text and runs it (Ctrl+Enter).
async fn type_program(root: &web_sys::Element, program: &str) {
    use wasm_bindgen::JsCast;
    let area: web_sys::HtmlTextAreaElement =
        support::find(root, ".editor__input").dyn_into().unwrap();
    area.set_value(program);
    support::fire(&area, "input");
    support::key_down(&area, "Enter", &["ctrlKey"]);
    next_render().await;
}

#[wasm_bindgen_test]
async fn the_editors_program_is_kept_over_a_reload_and_an_example_and_restored() {
    saved::forget_draft();
    let program = "import asyncio\n\nasync def tick(n):\n    for i in range(n):\n        await asyncio.sleep(0.1)\n\nasyncio.run(tick(3))\n";
    let (root, app) = mount().await;
    assert!(
        all(&root, "[data-kept-draft]").is_empty(),
        "nothing kept yet"
    );
    type_program(&root, program).await;
    assert_eq!(saved::draft().as_deref(), Some(program));
    assert!(
        all(&root, "[data-kept-draft]").is_empty(),
        "it is on screen"
    );
    // An example opened over it: the program is offered back.
    choose(&root, ".code__examples", "three-fetches");
    next_render().await;
    assert!(text(&root, "[data-kept-draft]").contains("async def tick(n):"));
    app.destroy();

    // A reload: still offered; restored, it is in the editor and runs again.
    let (root, app) = mount().await;
    click_on(&root, ".kept-draft__restore");
    next_render().await;
    next_render().await;
    assert!(all(&root, "[data-kept-draft]").is_empty());
    let area = support::find(&root, ".editor__input");
    assert_eq!(
        wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlTextAreaElement>(&area).value(),
        program
    );
    assert!(text(&root, "[data-total=\"shown\"]").contains("300 ms"));
    // Forgotten, it is offered no more.
    choose(&root, ".code__examples", "three-fetches");
    next_render().await;
    click_on(&root, "[data-kept-draft] .text-button");
    next_render().await;
    assert!(all(&root, "[data-kept-draft]").is_empty());
    assert_eq!(saved::draft(), None);
    app.destroy();
}
