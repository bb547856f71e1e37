//! The browser edge: the only code that touches web-sys, js-sys, gloo and wasm-bindgen. One small
//! module per concern, each with a wasm implementation and a native stand-in
//! (`#[cfg(not(target_arch = "wasm32"))]`), so the UI compiles and renders natively for the SSR
//! tests: storage is an in-memory map, the clock is a counter, rubric files come from the
//! embedded copies, and DOM calls do nothing.

/// Messages between this app's tabs and windows (BroadcastChannel).
pub mod channel;
/// Wall clock, today's date, fresh draft ids.
pub mod clock;
/// The browser's database (IndexedDB), wasm only.
#[cfg(target_arch = "wasm32")]
pub mod db;
/// The document: language, focus and scrolling, events, mount roots.
pub mod dom;
/// The door to the on-demand dossier module (the only place the main app names `dossier`).
pub mod dossier_lazy;
/// The dossier writer's exports: compiled natively (tests) and into the on-demand module only.
#[cfg(any(not(target_arch = "wasm32"), feature = "dossier-module"))]
pub mod dossier_module;
/// Where drafts live on the device: the database, kept in step with the other tabs.
pub mod drafts_store;
/// Embedding parameters and messages to a host page.
pub mod embed;
/// Fetching rubric files (and other files of the site), with a prefetch at start-up.
pub mod fetch;
/// Files in and out: downloads, the print page, picked files.
pub mod files;
/// The evidence files' bytes in the drafts' database (a native in-memory stand-in).
pub mod files_store;
/// Whether the device is online (the header's offline indicator).
pub mod online;
/// The address (fragment, query), the clipboard, theme colours on `:root`.
pub mod page;
/// The error screen shown after a panic.
pub mod panic;
/// A picked photo or PDF made ready to store: checked, decoded, downscaled, re-encoded.
pub mod photo;
/// The questionnaire prerendered at build time, shown by boot.js while the app loads.
pub mod prerender;
/// How much room the browser gives the app's data; asking it to keep the data.
pub mod quota;
/// Read-aloud with the device's local voices (Web Speech API).
pub mod speech;
/// The hand-over from the start module to the full app.
pub mod start;
/// Local storage.
pub mod storage;
/// Service-worker registration and the update flow.
pub mod sw;
/// The phone's share sheet (Web Share API), with a native stand-in.
pub mod web_share;

/// Run a future on the browser's event loop. Natively (server-side rendering) it is dropped:
/// rendering to a string must not start work that outlives it.
pub fn spawn(f: impl std::future::Future<Output = ()> + 'static) {
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_futures::spawn_local(f);
    #[cfg(not(target_arch = "wasm32"))]
    drop(f);
}

/// Run `f` when the browser is idle (no input or rendering waiting), at the latest after
/// `timeout_ms`; a browser without `requestIdleCallback` (Safari) waits `timeout_ms / 4`.
/// Natively: never.
pub fn defer_idle(timeout_ms: u32, f: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let Some(w) = web_sys::window() else {
            return;
        };
        // Through Reflect: web-sys's binding needs two more features for one call.
        let idle = js_sys::Reflect::get(&w, &"requestIdleCallback".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        match idle {
            Some(idle) => {
                let options = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&options, &"timeout".into(), &timeout_ms.into());
                let cb = wasm_bindgen::closure::Closure::once_into_js(f);
                let _ = idle.call2(&w, &cb, &options);
            }
            None => {
                gloo::timers::callback::Timeout::new(timeout_ms / 4, f).forget();
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = timeout_ms;
        drop(f);
    }
}

/// Run `f` in a later task (after the browser has had a chance to paint). Natively: never.
pub fn defer(f: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    gloo::timers::callback::Timeout::new(0, f).forget();
    #[cfg(not(target_arch = "wasm32"))]
    drop(f);
}

/// Record `performance.now()` as `window[name]` (load-time measurements).
#[cfg(target_arch = "wasm32")]
pub fn mark(name: &str) {
    if let Some(w) = web_sys::window() {
        let t = w.performance().map(|p| p.now()).unwrap_or(0.0);
        let _ = js_sys::Reflect::set(&w, &name.into(), &t.into());
    }
}

/// Natively there is nothing to measure.
#[cfg(not(target_arch = "wasm32"))]
pub fn mark(_name: &str) {}
