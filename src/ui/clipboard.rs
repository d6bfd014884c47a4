//! Copying text to the clipboard (scenario JSON, code, share links).

use wasm_bindgen_futures::JsFuture;

/// Writes `text` to the clipboard; false if the browser refused (no permission, no
/// secure context), so the caller can show the text to copy by hand instead.
pub async fn copy(text: &str) -> bool {
    let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
        return false;
    };
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}
