//! Playback shortcuts anywhere on the page: Space plays or pauses, ← and → step back and
//! forward one event, Shift+← and Shift+→ one statement (stepping by line), Home restarts, End jumps to the end, ? lists the shortcuts and Esc closes that list. Keys
//! typed into a form field, and Space on a focused button or link (which presses it), are
//! left to the browser.
//!
//! The mapping from a key press to a [`Shortcut`] is pure and tested natively; the hook
//! only installs a `keydown` listener on the document and removes it on unmount.

use crate::ui::state::{Action, State};
use yew::prelude::*;

/// A playback command reachable from the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    TogglePlay,
    StepBack,
    StepForward,
    LineBack,
    LineForward,
    Restart,
    ToEnd,
    Help,
    CloseHelp,
}

impl Shortcut {
    /// Every shortcut, in the order the `?` list shows them.
    pub const ALL: [Shortcut; 9] = [
        Shortcut::TogglePlay,
        Shortcut::StepBack,
        Shortcut::StepForward,
        Shortcut::LineBack,
        Shortcut::LineForward,
        Shortcut::Restart,
        Shortcut::ToEnd,
        Shortcut::Help,
        Shortcut::CloseHelp,
    ];

    /// The key as the controls' titles name it.
    pub fn key(self) -> &'static str {
        match self {
            Shortcut::TogglePlay => "Space",
            Shortcut::StepBack => "←",
            Shortcut::StepForward => "→",
            Shortcut::LineBack => "Shift+←",
            Shortcut::LineForward => "Shift+→",
            Shortcut::Restart => "Home",
            Shortcut::ToEnd => "End",
            Shortcut::Help => "?",
            Shortcut::CloseHelp => "Esc",
        }
    }

    /// What it does, for the `?` list.
    pub fn what(self) -> &'static str {
        match self {
            Shortcut::TogglePlay => "Play or pause",
            Shortcut::StepBack => "Step back one event",
            Shortcut::StepForward => "Step forward one event",
            Shortcut::LineBack => "Step back one line (the statement before)",
            Shortcut::LineForward => "Step forward one line (the next statement to run)",
            Shortcut::Restart => "Restart from the beginning",
            Shortcut::ToEnd => "Jump to the end of the run",
            Shortcut::Help => "Show or hide this list",
            Shortcut::CloseHelp => "Close this list",
        }
    }

    pub fn action(self) -> Action {
        match self {
            Shortcut::TogglePlay => Action::TogglePlay,
            Shortcut::StepBack => Action::StepBack,
            Shortcut::StepForward => Action::StepForward,
            Shortcut::LineBack => Action::LineBack,
            Shortcut::LineForward => Action::LineForward,
            Shortcut::Restart => Action::Restart,
            Shortcut::ToEnd => Action::StepTo(usize::MAX),
            Shortcut::Help => Action::ToggleShortcuts,
            Shortcut::CloseHelp => Action::CloseShortcuts,
        }
    }
}

/// Where a key press happened, as far as shortcuts care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A text field, range, select or contenteditable: the key belongs to it.
    Field,
    /// A button, link or summary: Space presses it.
    Pressable,
    /// Anything else (the page, a panel, a list).
    Page,
}

/// Which element kind `tag` (an upper- or lower-case tag name) is.
pub fn target_of(tag: &str, content_editable: bool, role: Option<&str>) -> Target {
    if content_editable {
        return Target::Field;
    }
    match tag.to_ascii_lowercase().as_str() {
        "input" | "textarea" | "select" => Target::Field,
        "button" | "a" | "summary" => Target::Pressable,
        _ => match role {
            Some("textbox" | "slider" | "spinbutton" | "combobox" | "listbox") => Target::Field,
            Some("button" | "link" | "switch" | "checkbox" | "tab" | "menuitem") => {
                Target::Pressable
            }
            _ => Target::Page,
        },
    }
}

/// The shortcut for `key` (a `KeyboardEvent.key`, with `Shift+` before an arrow held
/// with Shift), if it is one here.
pub fn shortcut(key: &str, modified: bool, target: Target) -> Option<Shortcut> {
    if modified || target == Target::Field {
        return None;
    }
    match key {
        " " | "Spacebar" if target == Target::Page => Some(Shortcut::TogglePlay),
        "ArrowLeft" => Some(Shortcut::StepBack),
        "ArrowRight" => Some(Shortcut::StepForward),
        "Shift+ArrowLeft" => Some(Shortcut::LineBack),
        "Shift+ArrowRight" => Some(Shortcut::LineForward),
        "Home" => Some(Shortcut::Restart),
        "End" => Some(Shortcut::ToEnd),
        "?" => Some(Shortcut::Help),
        "Escape" => Some(Shortcut::CloseHelp),
        _ => None,
    }
}

#[cfg(target_arch = "wasm32")]
fn shortcut_of(event: &web_sys::KeyboardEvent) -> Option<Shortcut> {
    use wasm_bindgen::JsCast;

    // Another listener (a second toolbar, a panel's own keys) handled it already.
    if event.default_prevented() || (event.repeat() && event.key() == " ") {
        return None;
    }
    let modified = event.ctrl_key() || event.meta_key() || event.alt_key();
    let target = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .map_or(Target::Page, |el| {
            target_of(
                &el.tag_name(),
                el.is_content_editable(),
                el.get_attribute("role").as_deref(),
            )
        });
    let key = event.key();
    let key = match event.shift_key() && key.starts_with("Arrow") {
        true => format!("Shift+{key}"),
        false => key,
    };
    shortcut(&key, modified, target)
}

/// Dispatches the playback shortcuts while the calling component is mounted.
#[hook]
pub fn use_keyboard(dispatcher: UseReducerDispatcher<State>) {
    use_effect_with(dispatcher, |dispatcher| {
        let remove = install(dispatcher.clone());
        move || remove()
    });
}

#[cfg(target_arch = "wasm32")]
fn install(dispatcher: UseReducerDispatcher<State>) -> Box<dyn FnOnce()> {
    use wasm_bindgen::{closure::Closure, JsCast};

    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return Box::new(|| ());
    };
    let listener =
        Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |event: web_sys::KeyboardEvent| {
            if let Some(shortcut) = shortcut_of(&event) {
                event.prevent_default();
                dispatcher.dispatch(shortcut.action());
            }
        });
    let function = listener
        .as_ref()
        .unchecked_ref::<js_sys::Function>()
        .clone();
    if document
        .add_event_listener_with_callback("keydown", &function)
        .is_err()
    {
        return Box::new(|| ());
    }
    Box::new(move || {
        let _ = document.remove_event_listener_with_callback("keydown", &function);
        drop(listener);
    })
}

/// Off the browser (native unit tests, server rendering) there is no page to listen to.
#[cfg(not(target_arch = "wasm32"))]
fn install(_dispatcher: UseReducerDispatcher<State>) -> Box<dyn FnOnce()> {
    Box::new(|| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use yew::functional::Reducible;

    #[test]
    fn the_four_keys_map_to_playback_on_the_page() {
        assert_eq!(
            shortcut(" ", false, Target::Page),
            Some(Shortcut::TogglePlay)
        );
        assert_eq!(
            shortcut("ArrowLeft", false, Target::Page),
            Some(Shortcut::StepBack)
        );
        assert_eq!(
            shortcut("ArrowRight", false, Target::Page),
            Some(Shortcut::StepForward)
        );
        assert_eq!(
            shortcut("Home", false, Target::Page),
            Some(Shortcut::Restart)
        );
        assert_eq!(shortcut("End", false, Target::Page), Some(Shortcut::ToEnd));
        assert_eq!(
            shortcut("Shift+ArrowRight", false, Target::Page),
            Some(Shortcut::LineForward)
        );
        assert_eq!(
            shortcut("Shift+ArrowLeft", false, Target::Page),
            Some(Shortcut::LineBack)
        );
        assert_eq!(shortcut("a", false, Target::Page), None);
    }

    #[test]
    fn question_mark_lists_the_shortcuts_and_escape_closes_the_list() {
        assert_eq!(shortcut("?", false, Target::Page), Some(Shortcut::Help));
        assert_eq!(
            shortcut("Escape", false, Target::Page),
            Some(Shortcut::CloseHelp)
        );
        assert_eq!(shortcut("?", false, Target::Field), None, "typing a ?");
        let open = std::rc::Rc::new(State::default()).reduce(Shortcut::Help.action());
        assert!(open.shortcuts);
        let closed = open.reduce(Shortcut::CloseHelp.action());
        assert!(!closed.shortcuts);
        // Every shortcut is in the list, once.
        let keys: std::collections::HashSet<_> = Shortcut::ALL.iter().map(|s| s.key()).collect();
        assert_eq!(keys.len(), Shortcut::ALL.len());
    }

    #[test]
    fn typing_in_a_field_is_never_a_shortcut() {
        for key in [" ", "ArrowLeft", "ArrowRight", "Home", "End"] {
            for tag in ["INPUT", "textarea", "SELECT"] {
                assert_eq!(shortcut(key, false, target_of(tag, false, None)), None);
            }
            assert_eq!(shortcut(key, false, target_of("DIV", true, None)), None);
            assert_eq!(
                shortcut(key, false, target_of("div", false, Some("textbox"))),
                None
            );
        }
    }

    #[test]
    fn space_on_a_button_presses_that_button_but_arrows_still_step() {
        let button = target_of("BUTTON", false, None);
        assert_eq!(shortcut(" ", false, button), None);
        assert_eq!(
            shortcut("ArrowRight", false, button),
            Some(Shortcut::StepForward)
        );
    }

    #[test]
    fn modified_keys_are_left_to_the_browser() {
        assert_eq!(shortcut("ArrowLeft", true, Target::Page), None);
    }

    #[test]
    fn each_shortcut_names_its_key() {
        assert_eq!(Shortcut::TogglePlay.key(), "Space");
        assert!(matches!(Shortcut::Restart.action(), Action::Restart));
    }
}
