//! The browser edge: the only code that touches web-sys, js-sys, gloo and wasm-bindgen.
//!
//! Every function here has a native fallback (`#[cfg(not(target_arch = "wasm32"))]`) so the UI
//! compiles and renders natively for the SSR tests: storage is an in-memory map, the clock is a
//! counter, rubric files come from the embedded copies, and DOM calls do nothing.

pub mod channel;
#[cfg(target_arch = "wasm32")]
pub mod db;
pub mod dossier_lazy;
/// The dossier writer's exports: compiled natively (tests) and into the on-demand module only.
#[cfg(any(not(target_arch = "wasm32"), feature = "dossier-module"))]
pub mod dossier_module;
pub mod drafts_store;
pub mod embed;
pub mod files;
pub mod page;
mod panic;
pub mod quota;
pub mod start;
pub mod sw;

pub use panic::install_panic_hook;

use crate::i18n::Lang;
use crate::rubric::ProductSet;

/// Why something could not be stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser blocks local storage (private mode, settings, sandboxed frame).
    Unavailable,
    /// The quota is exhausted.
    Full,
}

/// Relative URL of a product set's rubric file (dist/ keeps the repository layout of static/).
pub fn rubric_url(set_id: &str) -> String {
    format!("static/rubric/{set_id}.json")
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use wasm_bindgen::JsCast;

    fn window() -> Option<web_sys::Window> {
        web_sys::window()
    }

    fn local_storage() -> Result<web_sys::Storage, StorageError> {
        match window().map(|w| w.local_storage()) {
            Some(Ok(Some(s))) => Ok(s),
            _ => Err(StorageError::Unavailable),
        }
    }

    pub fn storage_get(key: &str) -> Result<Option<String>, StorageError> {
        local_storage()?
            .get_item(key)
            .map_err(|_| StorageError::Unavailable)
    }

    pub fn storage_set(key: &str, value: &str) -> Result<(), StorageError> {
        local_storage()?.set_item(key, value).map_err(|e| {
            let name = js_sys::Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
                StorageError::Full
            } else {
                StorageError::Unavailable
            }
        })
    }

    pub fn now_ms() -> u64 {
        let t = js_sys::Date::now();
        if t.is_finite() && t > 0.0 {
            t as u64
        } else {
            0
        }
    }

    pub fn random_u32() -> u32 {
        (js_sys::Math::random() * f64::from(u32::MAX)) as u32
    }

    pub fn set_document_lang(lang: Lang, title: &str) {
        if let Some(doc) = window().and_then(|w| w.document()) {
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("lang", lang.tag());
            }
            doc.set_title(title);
        }
    }

    pub fn scroll_to_and_focus(element_id: &str) {
        let Some(doc) = window().and_then(|w| w.document()) else {
            return;
        };
        let Some(el) = doc.get_element_by_id(element_id) else {
            return;
        };
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Start);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
        let target = el
            .query_selector("input:checked, input, textarea, button")
            .ok()
            .flatten()
            .unwrap_or(el);
        if let Ok(h) = target.dyn_into::<web_sys::HtmlElement>() {
            let _ = h.focus();
        }
    }

    pub fn focus_top(element_id: &str) {
        let Some(w) = window() else { return };
        w.scroll_to_with_x_and_y(0.0, 0.0);
        if let Some(el) = w.document().and_then(|d| d.get_element_by_id(element_id)) {
            // el.focus({ preventScroll: true }): keep the page at its top, header in view.
            let opts = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&opts, &"preventScroll".into(), &true.into());
            if let Ok(f) = js_sys::Reflect::get(&el, &"focus".into()) {
                if let Ok(f) = f.dyn_into::<js_sys::Function>() {
                    let _ = f.call1(&el, &opts);
                }
            }
        }
    }

    thread_local! {
        /// Fetches started ahead of need: (url, promise of the response).
        static PREFETCHED: std::cell::RefCell<Vec<(String, js_sys::Promise)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }

    pub fn prefetch(url: &str) {
        let Some(w) = window() else { return };
        PREFETCHED.with(|p| {
            let mut p = p.borrow_mut();
            if !p.iter().any(|(u, _)| u == url) {
                p.push((url.to_string(), w.fetch_with_str(url)));
            }
        });
    }

    pub async fn fetch_text(url: &str) -> Result<String, String> {
        use wasm_bindgen_futures::JsFuture;
        let w = window().ok_or("no window")?;
        let started = PREFETCHED.with(|p| {
            let mut p = p.borrow_mut();
            p.iter()
                .position(|(u, _)| u == url)
                .map(|i| p.swap_remove(i).1)
        });
        let promise = started.unwrap_or_else(|| w.fetch_with_str(url));
        let resp = JsFuture::from(promise)
            .await
            .map_err(|e| format!("{e:?}"))?;
        let resp: web_sys::Response = resp.dyn_into().map_err(|_| "not a response")?;
        if !resp.ok() {
            return Err(format!("HTTP {}", resp.status()));
        }
        let text = JsFuture::from(resp.text().map_err(|e| format!("{e:?}"))?)
            .await
            .map_err(|e| format!("{e:?}"))?;
        text.as_string().ok_or_else(|| "not text".to_string())
    }

    pub fn event_value(e: &yew::Event) -> String {
        e.target()
            .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    }

    pub fn prevent_default(e: &yew::Event) {
        e.prevent_default();
    }

    pub fn location_hash() -> String {
        window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default()
    }

    pub fn defer(f: impl FnOnce() + 'static) {
        gloo::timers::callback::Timeout::new(0, f).forget();
    }

    pub fn mark(name: &str) {
        if let Some(w) = window() {
            let t = w.performance().map(|p| p.now()).unwrap_or(0.0);
            let _ = js_sys::Reflect::set(&w, &name.into(), &t.into());
        }
    }

    pub fn mark_first_render() {
        mark("__firstRender");
        if let Some(w) = window() {
            if let Some(boot) = w.document().and_then(|d| d.get_element_by_id("boot")) {
                boot.remove();
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;
    use std::cell::{Cell, RefCell};
    use std::collections::HashMap;

    thread_local! {
        static STORE: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
        static BLOCKED: Cell<Option<StorageError>> = const { Cell::new(None) };
        static CLOCK: Cell<u64> = const { Cell::new(1_780_000_000_000) };
        static SEED: Cell<u32> = const { Cell::new(0x9e37_79b9) };
    }

    pub fn storage_get(key: &str) -> Result<Option<String>, StorageError> {
        if let Some(e) = BLOCKED.with(Cell::get) {
            if e == StorageError::Unavailable {
                return Err(e);
            }
        }
        Ok(STORE.with(|s| s.borrow().get(key).cloned()))
    }

    pub fn storage_set(key: &str, value: &str) -> Result<(), StorageError> {
        if let Some(e) = BLOCKED.with(Cell::get) {
            return Err(e);
        }
        STORE.with(|s| s.borrow_mut().insert(key.to_string(), value.to_string()));
        Ok(())
    }

    pub fn now_ms() -> u64 {
        CLOCK.with(|c| {
            let t = c.get() + 1;
            c.set(t);
            t
        })
    }

    pub fn random_u32() -> u32 {
        SEED.with(|s| {
            // xorshift32: deterministic ids for native tests.
            let mut x = s.get();
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            s.set(x);
            x
        })
    }

    pub fn set_document_lang(_lang: Lang, _title: &str) {}
    pub fn scroll_to_and_focus(_element_id: &str) {}
    pub fn focus_top(_element_id: &str) {}
    pub async fn fetch_text(_url: &str) -> Result<String, String> {
        Err("no network natively".to_string())
    }
    pub fn prefetch(_url: &str) {}
    pub fn location_hash() -> String {
        String::new()
    }
    pub fn event_value(_e: &yew::Event) -> String {
        String::new()
    }
    pub fn prevent_default(_e: &yew::Event) {}
    pub fn mark_first_render() {}
    pub fn defer(_f: impl FnOnce() + 'static) {}
    pub fn mark(_name: &str) {}

    /// Native test hook: make storage fail like a blocked or full browser store (`None` = works).
    pub fn simulate_storage_failure(e: Option<StorageError>) {
        BLOCKED.with(|b| b.set(e));
    }

    /// Native test hook: forget everything stored.
    pub fn clear_storage() {
        STORE.with(|s| s.borrow_mut().clear());
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use imp::{clear_storage, simulate_storage_failure};

/// Read a local-storage key.
pub fn storage_get(key: &str) -> Result<Option<String>, StorageError> {
    imp::storage_get(key)
}

/// Write a local-storage key.
pub fn storage_set(key: &str, value: &str) -> Result<(), StorageError> {
    imp::storage_set(key, value)
}

/// Milliseconds since the Unix epoch (wall clock).
pub fn now_ms() -> u64 {
    imp::now_ms()
}

/// A fresh local id for a draft: time plus randomness, base 36.
pub fn new_id() -> String {
    fn base36(mut n: u64) -> String {
        const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
        let mut out = Vec::new();
        loop {
            out.push(DIGITS[(n % 36) as usize]);
            n /= 36;
            if n == 0 {
                break;
            }
        }
        out.reverse();
        String::from_utf8(out).unwrap_or_default()
    }
    format!(
        "d{}{}",
        base36(now_ms()),
        base36(u64::from(imp::random_u32()))
    )
}

/// Set `<html lang>` and the document title; remembered for the error screen.
pub fn set_document_lang(lang: Lang, title: &str) {
    panic::remember_lang(lang);
    imp::set_document_lang(lang, title);
}

/// Scroll an element into view and focus its first control (the checked radio if any).
pub fn scroll_to_and_focus(element_id: &str) {
    imp::scroll_to_and_focus(element_id);
}

/// Scroll to the top of the page and focus an element (e.g. `main` after a change of screen).
pub fn focus_top(element_id: &str) {
    imp::focus_top(element_id);
}

/// Offer `text` as a file download (UTF-8). Returns false when the browser refused.
pub fn download(filename: &str, mime: &str, text: &str) -> bool {
    files::download_bytes(filename, mime, text.as_bytes())
}

/// Start fetching a product set's rubric file now (e.g. at start-up, before the first render);
/// [`load_rubric`] then uses that response.
pub fn prefetch_rubric(set_id: &str) {
    imp::prefetch(&rubric_url(set_id));
}

/// Fetch and validate a product set's rubric file. Natively the embedded copy is used.
pub async fn load_rubric(set_id: String) -> Result<ProductSet, String> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = imp::fetch_text;
        match crate::rubric::embedded::load(&set_id) {
            Some(r) => r.map_err(|e| e.to_string()),
            None => Err(format!("unknown set {set_id}")),
        }
    }
    #[cfg(target_arch = "wasm32")]
    {
        imp::mark("__rubricFetch");
        let text = imp::fetch_text(&rubric_url(&set_id)).await?;
        imp::mark("__rubricFetched");
        let set = ProductSet::from_json(&text).map_err(|e| e.to_string());
        imp::mark("__rubricParsed");
        set
    }
}

/// The `value` of the input, textarea or select an event came from ("" if none).
pub fn event_value(e: &yew::Event) -> String {
    imp::event_value(e)
}

/// Stop the browser's default action (e.g. a form submission reloading the page).
pub fn prevent_default(e: &yew::Event) {
    imp::prevent_default(e);
}

/// Whether the page was opened with `#test-panic` (used by the e2e test of the error screen).
pub fn test_panic_requested() -> bool {
    imp::location_hash() == "#test-panic"
}

/// The element the app mounts into (`#app` in index.html).
#[cfg(target_arch = "wasm32")]
pub fn app_root() -> Option<web_sys::Element> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
}

/// The element the start module mounts into (`#start` in index.html).
#[cfg(target_arch = "wasm32")]
pub fn start_root() -> Option<web_sys::Element> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("start"))
}

/// Run a future on the browser's event loop. Natively (server-side rendering) it is dropped:
/// rendering to a string must not start work that outlives it.
pub fn spawn(f: impl std::future::Future<Output = ()> + 'static) {
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_futures::spawn_local(f);
    #[cfg(not(target_arch = "wasm32"))]
    drop(f);
}

/// Run `f` in a later task (after the browser has had a chance to paint). Natively: never.
pub fn defer(f: impl FnOnce() + 'static) {
    imp::defer(f);
}

/// Record `performance.now()` as `window[name]` (load-time measurements).
pub fn mark(name: &str) {
    imp::mark(name);
}

/// Record the first render (for the load-time measurement) and remove the boot message.
pub fn mark_first_render() {
    imp::mark_first_render();
}
