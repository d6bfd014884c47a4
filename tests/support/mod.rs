//! Helpers shared by the browser tests (`tests/web_*.rs`): mount Looplab into a fresh
//! element, wait for yew to render, and read the DOM. Each test file uses a subset.
#![allow(dead_code)]

use gloo_timers::future::TimeoutFuture;
use looplab::ui::App;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement};

/// A new, empty `<div>` appended to `<body>`, so tests never see each other's DOM.
pub fn fresh_root() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// Mounts the app into a fresh root and waits for its first render. Keep the handle
/// alive for as long as the test reads the DOM.
pub async fn mount() -> (Element, yew::AppHandle<App>) {
    let root = fresh_root();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    next_render().await;
    (root, app)
}

/// Yew renders on a later tick than a dispatch; a debug build in a headless browser
/// can take well over 60 ms for one, so give it time. A run that goes on in slices (a
/// program, a second version, the frames' state: `[data-running]` says so) is waited
/// for too, as a user would: the debug build's runs are far slower than the release's.
pub async fn next_render() {
    TimeoutFuture::new(250).await;
    let document = web_sys::window().unwrap().document().unwrap();
    for _ in 0..600 {
        if document.query_selector("[data-running]").unwrap().is_none() {
            return;
        }
        TimeoutFuture::new(50).await;
    }
    panic!("a run was still going after 30 s");
}

/// Scrolls what `selector` matches into view and waits for what is drawn once seen
/// (the Compare panel's charts: `ui::hooks::use_seen`).
pub async fn scroll_to(root: &Element, selector: &str) {
    find(root, selector).scroll_into_view();
    next_render().await;
}

pub fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into().unwrap())
        .collect()
}

pub fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

pub fn attr(root: &Element, selector: &str, name: &str) -> String {
    find(root, selector).get_attribute(name).unwrap_or_default()
}

/// Clicks the first element matching `selector`.
pub fn click_on(root: &Element, selector: &str) {
    find(root, selector).unchecked_into::<HtmlElement>().click();
}

/// Dispatches a bubbling event of type `kind` (`input`, `change`) on `element`.
pub fn fire(element: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).unwrap();
    element.dispatch_event(&event).unwrap();
}

/// Types `value` into the input matching `selector`, as a user would (an `input` event).
pub fn type_into(root: &Element, selector: &str, value: &str) {
    let input: HtmlInputElement = find(root, selector).dyn_into().unwrap();
    input.set_value(value);
    fire(&input, "input");
}

/// Chooses `value` in the `<select>` matching `selector` (a `change` event).
pub fn choose(root: &Element, selector: &str, value: &str) {
    let select: HtmlSelectElement = find(root, selector).dyn_into().unwrap();
    select.set_value(value);
    fire(&select, "change");
}

/// A `keydown` of `key` with the given modifiers (`ctrlKey`, `shiftKey`, ...) dispatched
/// on `target`, bubbling and cancelable as a real one; returned to check
/// `default_prevented`.
pub fn key_down(target: &web_sys::EventTarget, key: &str, modifiers: &[&str]) -> Event {
    use wasm_bindgen::JsValue;
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"key".into(), &key.into()).unwrap();
    js_sys::Reflect::set(&init, &"bubbles".into(), &JsValue::TRUE).unwrap();
    js_sys::Reflect::set(&init, &"cancelable".into(), &JsValue::TRUE).unwrap();
    for m in modifiers {
        js_sys::Reflect::set(&init, &(*m).into(), &JsValue::TRUE).unwrap();
    }
    let window = web_sys::window().unwrap();
    let constructor: js_sys::Function = js_sys::Reflect::get(&window, &"KeyboardEvent".into())
        .unwrap()
        .unchecked_into();
    let args = js_sys::Array::of2(&"keydown".into(), &init);
    let event: Event = js_sys::Reflect::construct(&constructor, &args)
        .unwrap()
        .unchecked_into();
    target.dispatch_event(&event).unwrap();
    event
}
