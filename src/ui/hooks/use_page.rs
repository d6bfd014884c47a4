//! What the page keeps outside the app's state: the document's title, which names the
//! open lesson or challenge (for tabs, history and screen readers), and the theme chosen in the
//! header, kept in localStorage so that it survives a reload.

use crate::lessons::lesson;
use crate::ui::saved::storage;
use crate::ui::state::{AppContext, Theme};
use yew::prelude::*;

/// The page's title with no lesson open (as `index.html` has it).
const TITLE: &str = "Looplab · watch async code run";
/// The localStorage key of the chosen theme.
const THEME_KEY: &str = "looplab.theme";

/// The document's title, naming what is open (a lesson's or a challenge's title).
pub fn title(open: Option<&str>) -> String {
    match open {
        Some(name) => format!("{name} · Looplab"),
        None => TITLE.to_string(),
    }
}

/// The title of the lesson or challenge open in `state`.
fn open_title(state: &AppContext) -> Option<&'static str> {
    match (&state.lesson, &state.challenge) {
        (Some(slug), _) => lesson(slug).map(|l| l.title),
        (_, Some(c)) => Some(c.challenge().title),
        _ => None,
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
    use_effect_with(open_title(state), |open| {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&title(*open));
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
        let gather = lesson("gather").unwrap();
        assert_eq!(
            title(Some(gather.title)),
            format!("{} · Looplab", gather.title)
        );
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
