#![cfg(not(target_arch = "wasm32"))]
//! The workspace layout's names are a contract between three places: the `data-panel`
//! attributes the components render, the grid areas in `static/style.css`, and the
//! browser tests that select panels by name. These tests keep the three in step.

use std::collections::HashSet;

use looplab::ui::layout::PanelKind;

const STYLESHEET: &str = include_str!("../static/style.css");
const INDEX_HTML: &str = include_str!("../index.html");

#[test]
fn panels_are_listed_in_reading_order() {
    let titles: Vec<_> = PanelKind::ALL.iter().map(|k| k.title()).collect();
    assert_eq!(
        titles,
        [
            "Lesson",
            "Code",
            "Timeline",
            "Event loop",
            "Frames and variables",
            "Compare"
        ]
    );
}

#[test]
fn every_panel_has_a_distinct_kebab_case_slug() {
    let slugs: HashSet<_> = PanelKind::ALL.iter().map(|k| k.slug()).collect();
    assert_eq!(slugs.len(), PanelKind::ALL.len(), "slugs must be unique");
    for slug in slugs {
        assert!(
            slug.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{slug:?} is not kebab-case"
        );
    }
}

#[test]
fn every_panel_has_an_aria_label_that_starts_with_its_title() {
    for kind in PanelKind::ALL {
        assert!(
            kind.aria_label().starts_with(kind.title()),
            "{kind:?}: screen readers should hear the visible title first"
        );
    }
}

#[test]
fn stylesheet_places_every_panel_in_the_grid() {
    let areas = STYLESHEET
        .split("grid-template-areas:")
        .nth(1)
        .expect("style.css declares grid-template-areas")
        .split(';')
        .next()
        .unwrap();
    for kind in PanelKind::ALL {
        let slug = kind.slug();
        assert!(
            STYLESHEET.contains(&format!("[data-panel=\"{slug}\"]")),
            "style.css has no rule for data-panel=\"{slug}\""
        );
        assert!(
            areas
                .split(|c: char| !(c.is_ascii_lowercase() || c == '-'))
                .any(|a| a == slug),
            "the first grid-template-areas in style.css does not place {slug:?}"
        );
    }
}

#[test]
fn the_loading_screen_says_what_the_header_says() {
    // index.html draws the header before the wasm loads; the app's own replaces it.
    let pitch = looplab::ui::components::header::PITCH;
    assert!(
        INDEX_HTML.contains(pitch),
        "index.html's pitch is not {pitch:?}"
    );
    assert!(INDEX_HTML.contains("id=\"boot\""));
}

#[test]
fn every_panel_has_a_short_distinct_tab_name() {
    let tabs: HashSet<_> = PanelKind::ALL.iter().map(|k| k.tab()).collect();
    assert_eq!(tabs.len(), PanelKind::ALL.len(), "tab names must be unique");
    for tab in tabs {
        assert!(tab.len() <= 8, "{tab:?} is too long for a phone's tab");
    }
}
