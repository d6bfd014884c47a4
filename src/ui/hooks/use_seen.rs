//! Whether an element has come near the viewport yet: what is drawn only once seen (the
//! Compare panel's charts, at the bottom of the page or behind a phone tab) costs nothing
//! while a lesson opens.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};
use yew::prelude::*;

/// How far outside the viewport an element counts as near: drawing starts a little
/// before it scrolls in.
const MARGIN: &str = "400px";

/// The element observed, the observer, and the callback it holds.
type Watch = (
    Element,
    IntersectionObserver,
    Closure<dyn FnMut(js_sys::Array, IntersectionObserver)>,
);

/// True from the first time the element behind `node` is within [`MARGIN`] of the
/// viewport (and at once where the browser has no IntersectionObserver). The element may
/// appear, or be replaced, in a later render: it is looked for after each one until seen.
#[hook]
pub fn use_seen(node: &NodeRef) -> bool {
    let seen = use_state_eq(|| false);
    let watching: Rc<RefCell<Option<Watch>>> = use_mut_ref(|| None);
    {
        let (seen, node, watching) = (seen.clone(), node.clone(), watching.clone());
        use_effect(move || {
            let element = node.cast::<Element>();
            let current = watching.borrow().as_ref().map(|w| w.0.clone());
            if *seen || element != current {
                stop(&watching);
            }
            let idle = watching.borrow().is_none();
            if let (false, Some(element), true) = (*seen, element, idle) {
                *watching.borrow_mut() = watch(element, seen.clone());
            }
        });
    }
    use_effect_with((), move |_| move || stop(&watching));
    *seen
}

fn stop(watching: &RefCell<Option<Watch>>) {
    if let Some((_, observer, _)) = watching.borrow_mut().take() {
        observer.disconnect();
    }
}

/// Observes `element` until it comes near, then sets `seen`; `None` (after setting
/// `seen`) where there is nothing to observe with.
fn watch(element: Element, seen: UseStateHandle<bool>) -> Option<Watch> {
    let on_seen = seen.clone();
    let callback = Closure::<dyn FnMut(js_sys::Array, IntersectionObserver)>::new(
        move |entries: js_sys::Array, _: IntersectionObserver| {
            let near = entries.iter().any(|e| {
                e.dyn_into::<IntersectionObserverEntry>()
                    .is_ok_and(|e| e.is_intersecting())
            });
            if near {
                on_seen.set(true);
            }
        },
    );
    let options = IntersectionObserverInit::new();
    options.set_root_margin(MARGIN);
    let Ok(observer) =
        IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
    else {
        seen.set(true);
        return None;
    };
    observer.observe(&element);
    Some((element, observer, callback))
}
