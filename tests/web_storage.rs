#![cfg(target_arch = "wasm32")]
//! Saved scenarios in localStorage, through the UI: they survive a reload (a new
//! mount), open and delete, and a damaged entry is listed, not lost.

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
async fn a_saved_scenario_survives_a_reload_opens_and_deletes() {
    clear_saved();
    let (root, app) = mount().await;
    assert!(text(&root, ".saved").contains("Nothing saved yet."));
    type_into(&root, ".saved__form input", "  my fetches ");
    next_render().await;
    click_on(&root, ".saved__form [data-action=\"save\"]");
    next_render().await;
    assert!(text(&root, ".saved__status").contains("Saved as “my fetches”."));
    app.destroy();

    // A new page: the saved scenario is still there and opens.
    let (root, app) = mount().await;
    assert_eq!(
        text(&root, "[data-saved=\"my fetches\"] .saved__name"),
        "my fetches"
    );
    choose(&root, "#preset-picker", "deadlock");
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
        5
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
async fn a_damaged_entry_is_listed_and_kept_while_the_others_open() {
    clear_saved();
    storage()
        .set_item(&saved::key("broken"), "{\"coroutines\": [")
        .unwrap();
    saved::save("good", &preset("semaphore").unwrap()).unwrap();
    let (root, app) = mount().await;
    assert!(text(&root, "[data-saved=\"broken\"]").contains("cannot be read"));
    assert!(all(
        &root,
        "[data-saved=\"broken\"] [data-action=\"open-saved\"]"
    )
    .is_empty());
    click_on(&root, "[data-saved=\"good\"] [data-action=\"open-saved\"]");
    next_render().await;
    assert!(text(&root, ".scenario__name").contains("semaphore"));
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

/// Opens the editor, types `program` over its text and runs it (Ctrl+Enter).
async fn type_program(root: &web_sys::Element, program: &str) {
    use wasm_bindgen::JsCast;
    if all(root, ".editor__input").is_empty() {
        click_on(root, ".code__edit");
        next_render().await;
    }
    let area: web_sys::HtmlTextAreaElement =
        support::find(root, ".editor__input").dyn_into().unwrap();
    area.set_value(program);
    support::fire(&area, "input");
    support::key_down(&area, "Enter", &["ctrlKey"]);
    next_render().await;
}

#[wasm_bindgen_test]
async fn the_editors_program_is_kept_over_a_reload_and_a_preset_and_restored() {
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
    // A preset opened over it: the program is offered back.
    choose(&root, "#preset-picker", "three-fetches");
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
    choose(&root, "#preset-picker", "three-fetches");
    next_render().await;
    click_on(&root, "[data-kept-draft] .text-button");
    next_render().await;
    assert!(all(&root, "[data-kept-draft]").is_empty());
    assert_eq!(saved::draft(), None);
    app.destroy();
}
