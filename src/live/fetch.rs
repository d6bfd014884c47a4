//! Real HTTP requests with `fetch`.

use std::future::Future;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, RequestInit, Response};

/// Where a scenario's URL is fetched from: a path such as `/api/users/1.json` is read
/// relative to the page (the files of `static/api/`, wherever the app is served);
/// a URL with a scheme (`https:`, `blob:`) is fetched as it is.
pub fn request_url(url: &str) -> String {
    if url.contains(':') {
        url.to_string()
    } else {
        url.trim_start_matches('/').to_string()
    }
}

/// Sends a request for `url` now, and returns the future of its body as text. Any
/// HTTP response counts (as with aiohttp, a 404 is a response); a network failure or
/// an abort is an error.
pub fn fetch_text(
    url: &str,
    signal: Option<&AbortSignal>,
) -> impl Future<Output = Result<String, String>> {
    let init = RequestInit::new();
    if let Some(signal) = signal {
        init.set_signal(Some(signal));
    }
    // The request leaves at once, not when the returned future is first polled.
    let sent = web_sys::window().map(|w| w.fetch_with_str_and_init(&request_url(url), &init));
    let url = url.to_string();
    async move {
        let failed = |e: wasm_bindgen::JsValue| {
            let why = js_sys::Error::from(e).message();
            format!("fetch {url} failed: {why}")
        };
        let promise = sent.ok_or("fetch needs a window")?;
        let response: Response = JsFuture::from(promise)
            .await
            .map_err(failed)?
            .unchecked_into();
        let body = JsFuture::from(response.text().map_err(failed)?)
            .await
            .map_err(failed)?;
        Ok(body.as_string().unwrap_or_default())
    }
}
