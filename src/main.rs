//! Looplab's browser entry point: renders [`looplab::ui::App`] into `<body>`, in place
//! of the loading screen `index.html` draws.
//!
//! A panic still goes to the console (console_error_panic_hook), and also puts a banner
//! at the top of the page, so the learner sees what happened instead of a frozen or
//! blank page.

/// The id of the panic banner, so a second panic does not add another.
const PANIC_BANNER_ID: &str = "looplab-panic";

fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panic_banner();
    }));
    remove_boot_screen();
    yew::Renderer::<looplab::ui::App>::new().render();
}

/// The id of what `index.html` draws while the wasm loads.
const BOOT_ID: &str = "boot";

/// Removes `index.html`'s loading screen, in the same task as the app renders, so no
/// frame shows neither.
fn remove_boot_screen() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(BOOT_ID))
    {
        boot.remove();
    }
}

/// Puts "Something went wrong" at the top of the page. Plain DOM: yew may be the thing
/// that panicked. Inline styles, so it shows even if the stylesheet did not load.
fn show_panic_banner() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(PANIC_BANNER_ID).is_some() {
        return;
    }
    let Some(body) = document.body() else { return };
    let Ok(banner) = document.create_element("div") else {
        return;
    };
    banner.set_id(PANIC_BANNER_ID);
    banner.set_class_name("panic-banner");
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute(
        "style",
        "position:fixed;top:0;left:0;right:0;z-index:1000;padding:0.9rem 1.5rem;\
         background:#d55e00;color:#fff;font:600 15px/1.5 system-ui,sans-serif;\
         box-shadow:0 2px 8px rgb(0 0 0 / 0.3)",
    );
    banner.set_text_content(Some(
        "Something went wrong inside Looplab and it stopped. Please reload the page; \
         your saved scenarios are safe. (Details are in the browser console.)",
    ));
    let _ = body.prepend_with_node_1(&banner);
}
