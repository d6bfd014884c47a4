//! Hash routing: the URL's fragment decides what opens. On load and on every
//! `hashchange` (back, forward, a pasted link) `#/lesson/<slug>` opens that lesson,
//! `#/challenge/<slug>` that challenge, `#/progress` the progress page, `#/course/…` a
//! teacher's course at one of its items, `#s=…` restores a share link (or explains why it cannot), `#/embed/…` lays
//! out a share link's program or a lesson's alone (for an iframe), and anything else
//! leaves a notice over the playground: never a blank page.
//!
//! The parsing is pure ([`crate::ui::route`]); this hook only reads `location.hash`,
//! listens for its changes and dispatches. [`open_lesson`], [`open_challenge`],
//! [`show_progress`], [`open_course_item`] and [`leave_lesson`] are how components
//! navigate, so each gets a history entry of its own.

use crate::ui::progress::challenge_progress;
use crate::ui::route::{
    course_hash, lesson_hash, parse, progress_hash, unknown_message, Embed, Item, Page, Route,
};
use crate::ui::state::{Action, AppContext, State};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// What the Lesson panel shows now, as the address would name it.
#[derive(Clone, Debug, Default, PartialEq)]
struct Open {
    place: Option<Item>,
    progress: bool,
}

impl Open {
    fn of(state: &State) -> Open {
        let place = match (&state.lesson, &state.challenge) {
            (Some(slug), _) => Some(Item::Lesson(slug.clone())),
            (_, Some(c)) => Some(Item::Challenge(c.slug.to_string())),
            _ => None,
        };
        Open {
            place,
            progress: state.overview,
        }
    }

    fn anything(&self) -> bool {
        self.place.is_some() || self.progress
    }
}

/// Follows the URL's fragment while the calling component (the app) is mounted, and
/// says how the page is laid out for it (read before the first render, so an embed
/// never flashes the whole app).
#[hook]
pub fn use_route(ctx: &AppContext) -> Page {
    // What is open now, read by the listener, which is installed once.
    let open = use_mut_ref(Open::default);
    *open.borrow_mut() = Open::of(ctx);
    let page = use_state_eq(|| parse(&current_hash()).page());
    let dispatcher = ctx.dispatcher();
    {
        let page = page.setter();
        use_effect_with((), move |_| {
            follow(&dispatcher, parse(&current_hash()), &Open::default());
            let remove = install(dispatcher, open, page);
            move || remove()
        });
    }
    // A lesson or challenge left another way (an example, a file) no longer belongs in
    // the address.
    let previous = use_mut_ref(|| false);
    use_effect_with(Open::of(ctx), move |now| {
        let left = *previous.borrow() && !now.anything();
        let routed = matches!(
            parse(&current_hash()),
            Route::Lesson(_) | Route::Challenge(_) | Route::Progress | Route::Course { .. }
        );
        if left && routed {
            replace_hash_with_nothing();
        }
        *previous.borrow_mut() = now.anything();
    });
    (*page).clone()
}

/// The action that opens `item`: a challenge with the learner's last program for it.
fn open_item(item: Item) -> Action {
    match item {
        Item::Lesson(slug) => Action::OpenLesson(slug),
        Item::Challenge(slug) => Action::OpenChallenge {
            code: challenge_progress(&slug).code,
            slug,
        },
    }
}

/// Dispatches what `route` asks for, given what is open now.
fn follow(dispatcher: &UseReducerDispatcher<State>, route: Route, open: &Open) {
    let place = |item: Item| {
        if open.place.as_ref() != Some(&item) {
            dispatcher.dispatch(open_item(item));
        }
    };
    match route {
        Route::Playground => {
            if open.anything() {
                dispatcher.dispatch(Action::CloseLesson);
            }
        }
        Route::Lesson(slug) => place(Item::Lesson(slug)),
        Route::Challenge(slug) => place(Item::Challenge(slug)),
        Route::Progress => {
            if !open.progress {
                dispatcher.dispatch(Action::ShowProgress);
            }
        }
        Route::Course { items, at } => {
            let item = items[at].clone();
            dispatcher.dispatch(Action::SetCourse(items));
            place(item);
        }
        Route::Shared(Ok(shared)) | Route::Embed(Embed::Shared(Ok(shared))) => {
            dispatcher.dispatch(Action::Restore(shared))
        }
        Route::Shared(Err(message)) => dispatcher.dispatch(Action::Notify(message)),
        Route::Embed(Embed::Lesson(slug)) => place(Item::Lesson(slug)),
        // The embed shows why in place of the program ([`Route::page`]).
        Route::Embed(Embed::Shared(Err(_))) => {}
        Route::Unknown(fragment) => {
            // An in-page anchor (the skip link's `#workspace`) is not a route.
            if !names_an_element(&fragment) {
                dispatcher.dispatch(Action::Notify(unknown_message(&fragment)));
            }
        }
    }
}

/// Goes to `hash` (a new history entry, so back and forward and a reload find it
/// again); where the address cannot change, or already says it, dispatches `then`.
fn navigate(ctx: &AppContext, hash: &str, then: impl FnOnce(&AppContext)) {
    if current_hash() == hash || !set_hash(hash) {
        then(ctx);
    }
}

/// Opens a lesson through the URL.
pub fn open_lesson(ctx: &AppContext, slug: &str) {
    let item = Item::Lesson(slug.to_string());
    navigate(ctx, &lesson_hash(slug), |ctx| ctx.dispatch(open_item(item)));
}

/// Opens a challenge through the URL, with the learner's last program for it.
pub fn open_challenge(ctx: &AppContext, slug: &str) {
    let item = Item::Challenge(slug.to_string());
    navigate(ctx, &item.hash(), |ctx| ctx.dispatch(open_item(item)));
}

/// Shows the progress page through the URL.
pub fn show_progress(ctx: &AppContext) {
    navigate(ctx, &progress_hash(), |ctx| {
        ctx.dispatch(Action::ShowProgress)
    });
}

/// Opens the `at`-th item of a course through the URL.
pub fn open_course_item(ctx: &AppContext, items: &[Item], at: usize) {
    navigate(ctx, &course_hash(items, at), |ctx| {
        ctx.dispatch(Action::SetCourse(items.to_vec()));
        if let Some(item) = items.get(at) {
            ctx.dispatch(open_item(item.clone()));
        }
    });
}

/// Leaves the lesson (or challenge, progress page, course) and drops the fragment from
/// the URL (a new history entry, so back returns to it).
pub fn leave_lesson(ctx: &AppContext) {
    if !matches!(
        parse(&current_hash()),
        Route::Playground | Route::Shared(_) | Route::Unknown(_)
    ) {
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
    open: Rc<RefCell<Open>>,
    page: UseStateSetter<Page>,
) -> Box<dyn FnOnce()> {
    use wasm_bindgen::{closure::Closure, JsCast};

    let Some(window) = web_sys::window() else {
        return Box::new(|| ());
    };
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| {
        let open = open.borrow().clone();
        let route = parse(&current_hash());
        page.set(route.page());
        follow(&dispatcher, route, &open);
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
    _open: Rc<RefCell<Open>>,
    _page: UseStateSetter<Page>,
) -> Box<dyn FnOnce()> {
    Box::new(|| ())
}
