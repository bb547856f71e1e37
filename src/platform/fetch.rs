//! Fetching files of the site: a product set's rubric file, started ahead of need (at start-up,
//! before the first render) and then used once, and the same fetch for anyone else who needs a
//! file's text (the dossier module's door, [`super::dossier_lazy`], fetches the rubric with it).
//!
//! Natively (SSR tests, CLI) there is no network: rubric files come from the embedded copies.

use crate::rubric::ProductSet;

/// Relative URL of a product set's rubric file (dist/ keeps the repository layout of static/).
pub fn rubric_url(set_id: &str) -> String {
    format!("static/rubric/{set_id}.json")
}

/// Start fetching `url` now; the next [`fetch_text`] of the same URL uses that response.
pub fn prefetch(url: &str) {
    imp::prefetch(url);
}

/// Start fetching a product set's rubric file now (e.g. at start-up, before the first render);
/// [`load_rubric`] then uses that response.
pub fn prefetch_rubric(set_id: &str) {
    prefetch(&rubric_url(set_id));
}

/// The text of the file at `url` (relative to the page), using a response started by
/// [`prefetch`] if there is one. The error text is technical (for the console).
pub async fn fetch_text(url: &str) -> Result<String, String> {
    imp::fetch_text(url).await
}

/// Fetch and validate a product set's rubric file. Natively the embedded copy is used.
pub async fn load_rubric(set_id: String) -> Result<ProductSet, String> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        match crate::rubric::embedded::load(&set_id) {
            Some(r) => r.map_err(|e| e.to_string()),
            None => Err(format!("unknown set {set_id}")),
        }
    }
    #[cfg(target_arch = "wasm32")]
    {
        super::mark("__rubricFetch");
        let text = fetch_text(&rubric_url(&set_id)).await?;
        super::mark("__rubricFetched");
        let set = ProductSet::from_json(&text).map_err(|e| e.to_string());
        super::mark("__rubricParsed");
        set
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::cell::RefCell;

    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    thread_local! {
        /// Fetches started ahead of need: (url, promise of the response).
        static PREFETCHED: RefCell<Vec<(String, js_sys::Promise)>> =
            const { RefCell::new(Vec::new()) };
    }

    pub fn prefetch(url: &str) {
        let Some(w) = web_sys::window() else { return };
        PREFETCHED.with(|p| {
            let mut p = p.borrow_mut();
            if !p.iter().any(|(u, _)| u == url) {
                p.push((url.to_string(), w.fetch_with_str(url)));
            }
        });
    }

    pub async fn fetch_text(url: &str) -> Result<String, String> {
        let w = web_sys::window().ok_or("no window")?;
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
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn prefetch(_url: &str) {}

    pub async fn fetch_text(_url: &str) -> Result<String, String> {
        Err("no network natively".to_string())
    }
}
