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
