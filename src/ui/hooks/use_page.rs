//! What the page keeps outside the app's state: the document's title, which names the
//! open lesson (for tabs, history and screen readers), and the theme chosen in the
//! header, kept in localStorage so that it survives a reload.

use crate::lessons::lesson;
use crate::ui::saved::storage;
use crate::ui::state::{AppContext, Theme};
use yew::prelude::*;

/// The page's title with no lesson open (as `index.html` has it).
const TITLE: &str = "Looplab · watch async code run";
/// The localStorage key of the chosen theme.
const THEME_KEY: &str = "looplab.theme";

/// The document's title with the lesson `slug` open.
pub fn title(slug: Option<&str>) -> String {
    match slug.and_then(lesson) {
        Some(l) => format!("{} · Looplab", l.title),
        None => TITLE.to_string(),
    }
}

fn theme_name(theme: Theme) -> &'static str {
    match theme {
        Theme::Auto => "auto",
        Theme::Light => "light",
        Theme::Dark => "dark",
    }
}

/// The theme a stored name stands for (anything else, or nothing: follow the system).
pub fn theme_of(name: Option<&str>) -> Theme {
    match name {
        Some("light") => Theme::Light,
        Some("dark") => Theme::Dark,
        _ => Theme::Auto,
    }
}

/// The theme chosen before this page load, if the browser kept it.
pub fn stored_theme() -> Theme {
    let name = storage().and_then(|s| s.get_item(THEME_KEY).ok().flatten());
    theme_of(name.as_deref())
}

/// Keeps the document's title and the stored theme in step with the state.
#[hook]
pub fn use_page(state: &AppContext) {
    use_effect_with(state.lesson.clone(), |slug| {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&title(slug.as_deref()));
        }
    });
    use_effect_with(state.theme, |theme| {
        if let Some(s) = storage() {
            let _ = s.set_item(THEME_KEY, theme_name(*theme));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_names_the_open_lesson() {
        assert_eq!(title(None), TITLE);
        assert_eq!(title(Some("nope")), TITLE);
        let gather = lesson("gather").unwrap();
        assert_eq!(title(Some("gather")), format!("{} · Looplab", gather.title));
    }

    #[test]
    fn a_stored_theme_reads_back() {
        for t in [Theme::Auto, Theme::Light, Theme::Dark] {
            assert_eq!(theme_of(Some(theme_name(t))), t);
        }
        assert_eq!(theme_of(Some("purple")), Theme::Auto);
        assert_eq!(theme_of(None), Theme::Auto);
    }
}
