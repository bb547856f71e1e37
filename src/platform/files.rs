//! Files in and out of the browser: download bytes or text, open a page in a new tab, read a
//! picked file.
//!
//! Natively (SSR tests, CLI) nothing is downloaded or read.

/// A file the user picked in an `<input type="file">`, not read yet.
#[derive(Debug)]
pub struct Picked {
    pub name: String,
    /// Size in bytes as the browser reports it (known before reading, so an oversized file is
    /// refused without reading it).
    pub size: u64,
    #[cfg(target_arch = "wasm32")]
    file: wasm_bindgen::JsValue,
}

/// Offer bytes as a file download. Returns false when the browser refused.
pub fn download_bytes(filename: &str, mime: &str, bytes: &[u8]) -> bool {
    imp::download_bytes(filename, mime, bytes)
}

/// Offer `text` as a file download (UTF-8). Returns false when the browser refused.
pub fn download_text(filename: &str, mime: &str, text: &str) -> bool {
    download_bytes(filename, mime, text.as_bytes())
}

/// Open a self-contained HTML page (no scripts) in a new tab through a Blob URL. Returns false
/// when the browser blocked the new tab (the caller then offers the page as a download).
pub fn open_html(html: &str) -> bool {
    imp::open_html(html)
}

/// The file picked in the `<input type="file">` an event came from (the input is cleared, so
/// picking the same file again fires another change).
pub fn picked_file(e: &yew::Event) -> Option<Picked> {
    imp::picked_file(e)
}

/// A warning in the browser console (technical detail of a failure the UI words itself).
pub fn warn(message: &str) {
    imp::warn(message);
}

impl Picked {
    /// Read the whole file.
    pub async fn bytes(&self) -> Result<Vec<u8>, String> {
        imp::read(self).await
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use js_sys::{Array, Reflect, Uint8Array};
    use wasm_bindgen::{JsCast, JsValue};

    fn blob_url(part: &JsValue, mime: &str) -> Option<String> {
        let props = web_sys::BlobPropertyBag::new();
        props.set_type(mime);
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&Array::of1(part), &props)
            .ok()?;
        web_sys::Url::create_object_url_with_blob(&blob).ok()
    }

    fn revoke_later(url: String, ms: u32) {
        // Revoking at once can cancel a download or a tab still loading.
        gloo::timers::callback::Timeout::new(ms, move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        })
        .forget();
    }

    pub fn warn(message: &str) {
        web_sys::console::warn_1(&message.into());
    }

    pub fn download_bytes(filename: &str, mime: &str, bytes: &[u8]) -> bool {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return false;
        };
        let array = Uint8Array::from(bytes);
        let Some(url) = blob_url(&array, mime) else {
            return false;
        };
        let ok = match doc
            .create_element("a")
            .ok()
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        {
            Some(a) => {
                a.set_href(&url);
                a.set_download(filename);
                a.click();
                true
            }
            None => false,
        };
        revoke_later(url, 30_000);
        ok
    }

    pub fn open_html(html: &str) -> bool {
        let Some(w) = web_sys::window() else {
            return false;
        };
        let Some(url) = blob_url(&JsValue::from_str(html), "text/html;charset=utf-8") else {
            return false;
        };
        let opened = match w.open_with_url_and_target(&url, "_blank") {
            Ok(Some(tab)) => {
                // The page has no scripts (its CSP forbids them); still, cut the link back.
                let _ = Reflect::set(&tab, &"opener".into(), &JsValue::NULL);
                true
            }
            _ => false,
        };
        revoke_later(url, 120_000);
        opened
    }

    pub fn picked_file(e: &yew::Event) -> Option<Picked> {
        let input = e.target()?;
        let files = Reflect::get(&input, &"files".into()).ok()?;
        let file = Reflect::get(&files, &0.into()).ok()?;
        if file.is_undefined() || file.is_null() {
            return None;
        }
        let name = Reflect::get(&file, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        let size = Reflect::get(&file, &"size".into())
            .ok()
            .and_then(|n| n.as_f64())
            .filter(|n| n.is_finite() && *n >= 0.0)
            .map_or(u64::MAX, |n| n as u64);
        let _ = Reflect::set(&input, &"value".into(), &"".into());
        Some(Picked { name, size, file })
    }

    pub async fn read(p: &Picked) -> Result<Vec<u8>, String> {
        let f = Reflect::get(&p.file, &"arrayBuffer".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .ok_or("no arrayBuffer")?;
        let promise = f
            .call0(&p.file)
            .map_err(|e| format!("{e:?}"))?
            .dyn_into::<js_sys::Promise>()
            .map_err(|_| "not a promise")?;
        let buf = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .map_err(|e| format!("{e:?}"))?;
        Ok(Uint8Array::new(&buf).to_vec())
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;

    pub fn warn(_message: &str) {}
    pub fn download_bytes(_filename: &str, _mime: &str, _bytes: &[u8]) -> bool {
        false
    }
    pub fn open_html(_html: &str) -> bool {
        false
    }
    pub fn picked_file(_e: &yew::Event) -> Option<Picked> {
        None
    }
    pub async fn read(_p: &Picked) -> Result<Vec<u8>, String> {
        Err("no files natively".to_string())
    }
}
