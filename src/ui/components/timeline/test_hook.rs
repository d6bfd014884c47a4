//! A hook for browser tests and the frame-rate probe (`tests/e2e/fps_probe.mjs`):
//! `window.looplabDispatch(action, argument)` dispatches an [`Action`] by name, so a
//! probe can load a 1,000-task program and play it without a file picker.
//!
//! Names: `open` (argument: a program's text), `play`, `pause`, `seek`
//! (ms), `speed` (×), `view` (`single` or `compare`). Anything else, or a bad argument, is ignored.

use crate::ui::state::{Action, AppContext, View};
use wasm_bindgen::prelude::*;
use yew::prelude::*;

const NAME: &str = "looplabDispatch";

/// The action for a name and its argument, if it is one.
pub fn action(name: &str, arg: Option<String>) -> Option<Action> {
    Some(match name {
        "open" => Action::Open(arg?),
        "play" => Action::Play,
        "pause" => Action::Pause,
        "seek" => Action::Seek(arg?.trim().parse().ok()?),
        "speed" => Action::SetSpeed(arg?.trim().parse().ok()?),
        "view" => match arg?.as_str() {
            "compare" => Action::SetView(View::Compare),
            "single" => Action::SetView(View::Single),
            _ => return None,
        },
        _ => return None,
    })
}

/// Installs `window.looplabDispatch` while the calling component is mounted.
#[hook]
pub fn use_test_hook(ctx: &AppContext) {
    let ctx = ctx.clone();
    use_effect_with((), move |_| {
        let window = web_sys::window();
        let closure = Closure::<dyn Fn(String, Option<String>)>::new(
            move |name: String, arg: Option<String>| {
                if let Some(a) = action(&name, arg) {
                    ctx.dispatch(a);
                }
            },
        );
        if let Some(w) = &window {
            let _ = js_sys::Reflect::set(w, &JsValue::from_str(NAME), closure.as_ref());
        }
        move || {
            if let Some(w) = &window {
                let _ = js_sys::Reflect::delete_property(w, &JsValue::from_str(NAME));
            }
            drop(closure);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_map_to_actions_and_bad_arguments_are_ignored() {
        assert!(matches!(action("play", None), Some(Action::Play)));
        assert!(
            matches!(action("seek", Some("1500".into())), Some(Action::Seek(t)) if t == 1500.0)
        );
        assert!(action("seek", Some("soon".into())).is_none());
        assert!(action("open", None).is_none());
        assert!(matches!(
            action("view", Some("compare".into())),
            Some(Action::SetView(View::Compare))
        ));
        assert!(action("explode", None).is_none());
    }
}
