#![cfg(target_arch = "wasm32")]
//! Browser tests of the app shell: mount Looplab into a fresh element and read the DOM.
//! Run with `wasm-pack test --headless --chrome` (or `--firefox`); see `./dev.sh test`.

use looplab::ui::{layout::PanelKind, App};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

mod support;
use support::{fresh_root, next_render};

wasm_bindgen_test_configure!(run_in_browser);

fn text_of(root: &Element, selector: &str) -> Option<String> {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
}

#[wasm_bindgen_test]
async fn app_renders_the_header_and_every_panel() {
    let root = fresh_root();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    next_render().await;

    assert_eq!(text_of(&root, "header h1").as_deref(), Some("Looplab"));
    assert!(text_of(&root, "header .pitch").is_some_and(|p| p.contains("await")));
    for kind in PanelKind::ALL {
        let selector = format!("section[data-panel=\"{}\"]", kind.slug());
        let section = root
            .query_selector(&selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no {selector}"));
        let heading = section.query_selector("h2").unwrap().unwrap();
        assert_eq!(heading.text_content().unwrap(), kind.title());
        assert_eq!(
            section.get_attribute("aria-label").as_deref(),
            Some(kind.aria_label())
        );
    }

    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn mount_places_panels_in_reading_order() {
    let root = fresh_root();
    let app = looplab::ui::mount(root.clone());
    next_render().await;

    let sections = root.query_selector_all("section[data-panel]").unwrap();
    let order: Vec<String> = (0..sections.length())
        .map(|i| {
            let element: Element = sections.item(i).unwrap().dyn_into().unwrap();
            element.get_attribute("data-panel").unwrap()
        })
        .collect();
    let expected: Vec<&str> = PanelKind::ALL.iter().map(|k| k.slug()).collect();
    assert_eq!(order, expected);

    app.destroy();
    root.remove();
}
