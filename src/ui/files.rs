//! Files in and out of the browser: download text as a file, read a chosen file.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Event, HtmlInputElement};

/// A file name made of `name` (a lesson's title, a saved program's name) and `ext`:
/// `three-fetches.py`; `program.py` when the name has nothing to keep.
pub fn file_name(name: &str, ext: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug: Vec<&str> = slug.split('-').filter(|s| !s.is_empty()).collect();
    if slug.is_empty() {
        format!("program.{ext}")
    } else {
        format!("{}.{ext}", slug.join("-"))
    }
}

/// Downloads `text` as a file of type `mime`: a Blob, an object URL and a temporary
/// `<a download>`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    if let Some(body) = document.body() {
        body.append_child(&a)?;
        a.click();
        body.remove_child(&a)?;
    }
    web_sys::Url::revoke_object_url(&url)
}

/// The `onchange` of an `<input type=file>`: the chosen file's name and text go to
/// `on_text`;
/// a file that cannot be read says so in `status` (cleared when one is read).
pub fn on_file_chosen(
    on_text: yew::Callback<(String, String)>,
    status: yew::UseStateHandle<Option<&'static str>>,
) -> yew::Callback<Event> {
    yew::Callback::from(move |e: Event| {
        let (on_text, status) = (on_text.clone(), status.clone());
        wasm_bindgen_futures::spawn_local(async move {
            match chosen_text(e).await {
                Some(Ok(text)) => {
                    status.set(None);
                    on_text.emit(text)
                }
                Some(Err(())) => status.set(Some("That file could not be read.")),
                None => {}
            }
        });
    })
}

/// The text of the file chosen in an `<input type=file>`'s change event (`None`: no
/// file, or it could not be read). The input is cleared so the same file can be
/// chosen again.
async fn chosen_text(e: Event) -> Option<Result<(String, String), ()>> {
    let input = e.target()?.dyn_into::<HtmlInputElement>().ok()?;
    let file = input.files().and_then(|files| files.get(0))?;
    input.set_value("");
    let name = file.name();
    Some(
        JsFuture::from(file.text())
            .await
            .map(|text| (name, text.as_string().unwrap_or_default()))
            .map_err(|_| ()),
    )
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn file_names_are_slugs_of_the_name() {
        assert_eq!(
            file_name("asyncio.sleep vs time.sleep", "py"),
            "asyncio-sleep-vs-time-sleep.py"
        );
        assert_eq!(file_name("  ", "trace.json"), "program.trace.json");
    }
}
