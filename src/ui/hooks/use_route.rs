//! Hash routing: the URL's fragment decides what opens. On load and on every
//! `hashchange` (back, forward, a pasted link) `#/lesson/<slug>` opens that lesson,
//! `#s=…` restores a share link (or explains why it cannot), and anything else leaves
//! a notice over the playground: never a blank page.
//!
//! The parsing is pure ([`crate::ui::route`]); this hook only reads `location.hash`,
//! listens for its changes and dispatches. [`open_lesson`] and [`leave_lesson`] are how
//! components navigate, so every lesson gets a history entry of its own.

use crate::ui::route::{lesson_hash, parse, unknown_message, Route};
use crate::ui::state::{Action, AppContext, State};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Follows the URL's fragment while the calling component (the app) is mounted.
#[hook]
pub fn use_route(ctx: &AppContext) {
    // The lesson open now, read by the listener, which is installed once.
    let open = use_mut_ref(|| None::<String>);
    open.borrow_mut().clone_from(&ctx.lesson);
    let dispatcher = ctx.dispatcher();
    use_effect_with((), move |_| {
        follow(&dispatcher, parse(&current_hash()), None);
        let remove = install(dispatcher, open);
        move || remove()
    });
    // A lesson left another way (an example, a file) no longer belongs in the address.
    let previous = use_mut_ref(|| None::<String>);
    use_effect_with(ctx.lesson.clone(), move |lesson| {
        let left = previous.borrow().is_some() && lesson.is_none();
        if left && matches!(parse(&current_hash()), Route::Lesson(_)) {
            replace_hash_with_nothing();
        }
        previous.borrow_mut().clone_from(lesson);
    });
}

/// Dispatches what `route` asks for, given the lesson open now.
fn follow(dispatcher: &UseReducerDispatcher<State>, route: Route, open: Option<&str>) {
    match route {
        Route::Playground => {
            if open.is_some() {
                dispatcher.dispatch(Action::CloseLesson);
            }
        }
        Route::Lesson(slug) => {
            if open != Some(slug.as_str()) {
                dispatcher.dispatch(Action::OpenLesson(slug));
            }
        }
        Route::Shared(Ok(shared)) => dispatcher.dispatch(Action::Restore(shared)),
        Route::Shared(Err(message)) => dispatcher.dispatch(Action::Notify(message)),
        Route::Unknown(fragment) => {
            // An in-page anchor (the skip link's `#workspace`) is not a route.
            if !names_an_element(&fragment) {
                dispatcher.dispatch(Action::Notify(unknown_message(&fragment)));
            }
        }
    }
}

/// Opens a lesson through the URL (a new history entry), so back and forward and a
/// reload all find it again.
pub fn open_lesson(ctx: &AppContext, slug: &str) {
    let hash = lesson_hash(slug);
    if current_hash() == hash || !set_hash(&hash) {
        ctx.dispatch(Action::OpenLesson(slug.to_string()));
    }
}

/// Leaves the lesson and drops the fragment from the URL (a new history entry, so back
/// returns to the lesson).
pub fn leave_lesson(ctx: &AppContext) {
    if matches!(parse(&current_hash()), Route::Lesson(_)) {
        clear_hash();
    }
    ctx.dispatch(Action::CloseLesson);
}

/// The page's address without its fragment: where a share link's fragment goes.
pub fn page_address() -> String {
    web_sys::window()
        .map(|w| {
            let l = w.location();
            format!(
                "{}{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default(),
                l.search().unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Sets `location.hash` (a history entry and a `hashchange`); false if it could not.
fn set_hash(hash: &str) -> bool {
    web_sys::window().is_some_and(|w| w.location().set_hash(hash).is_ok())
}

/// Drops the fragment with a new history entry (no `hashchange` fires).
fn clear_hash() {
    if let Some(w) = web_sys::window() {
        let _ = w.history().and_then(|h| {
            h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page_address()))
        });
    }
}

/// Drops the fragment in place, without a history entry.
fn replace_hash_with_nothing() {
    if let Some(w) = web_sys::window() {
        let _ = w.history().and_then(|h| {
            h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page_address()))
        });
    }
}

fn names_an_element(id: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .is_some()
}

#[cfg(target_arch = "wasm32")]
fn install(
    dispatcher: UseReducerDispatcher<State>,
    open: Rc<RefCell<Option<String>>>,
) -> Box<dyn FnOnce()> {
    use wasm_bindgen::{closure::Closure, JsCast};

    let Some(window) = web_sys::window() else {
        return Box::new(|| ());
    };
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| {
        let open = open.borrow().clone();
        follow(&dispatcher, parse(&current_hash()), open.as_deref());
    });
    let function = listener
        .as_ref()
        .unchecked_ref::<js_sys::Function>()
        .clone();
    if window
        .add_event_listener_with_callback("hashchange", &function)
        .is_err()
    {
        return Box::new(|| ());
    }
    Box::new(move || {
        let _ = window.remove_event_listener_with_callback("hashchange", &function);
        drop(listener);
    })
}

/// Off the browser (native unit tests) there is no address bar to follow.
#[cfg(not(target_arch = "wasm32"))]
fn install(
    _dispatcher: UseReducerDispatcher<State>,
    _open: Rc<RefCell<Option<String>>>,
) -> Box<dyn FnOnce()> {
    Box::new(|| ())
}
