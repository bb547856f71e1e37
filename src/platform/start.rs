//! The two-module start-up (see ARCHITECTURE.md, "As built: three wasm modules"). A first visit loads only the
//! small start module (`ocop-start`: header, product-set chooser, demo entry); the full app
//! (`ocop-self-check`) is loaded by `static/boot.js` when the user asks for anything more.
//!
//! The hand-over: the start module writes what the user asked for as a query string (the
//! embedding parameters' syntax, e.g. `lang=en&set=QD26-09`) into `<html data-ocop-intent>` and
//! fires `ocop:full` on `window`; boot.js loads the full app, whose start-up
//! ([`crate::ui::boot`]) takes the intent and applies it like the address's parameters.
//! If the full app cannot be loaded (offline before it was cached), boot.js fires
//! `ocop:full-failed` and the start module says so, keeping the user's place.

use std::sync::atomic::{AtomicBool, Ordering};

/// Attribute of `<html>` carrying the start module's request to the full app.
pub const INTENT_ATTR: &str = "data-ocop-intent";
/// Event on `window`: the start module asks boot.js for the full app.
pub const OPEN_EVENT: &str = "ocop:full";
/// Event on `window`: boot.js could not load the full app.
pub const FAILED_EVENT: &str = "ocop:full-failed";

static HANDED_OVER: AtomicBool = AtomicBool::new(false);

/// Whether this full app was started by the start module (then the first screen takes focus,
/// as after any change of screen).
pub fn handed_over() -> bool {
    HANDED_OVER.load(Ordering::Relaxed)
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;

    fn document() -> Option<web_sys::Document> {
        web_sys::window().and_then(|w| w.document())
    }

    pub fn take_intent() -> Option<String> {
        let root = document()?.document_element()?;
        let intent = root.get_attribute(INTENT_ATTR)?;
        let _ = root.remove_attribute(INTENT_ATTR);
        Some(intent)
    }

    pub fn open_full_app(intent: &str) {
        let Some(w) = web_sys::window() else { return };
        if let Some(root) = document().and_then(|d| d.document_element()) {
            let _ = root.set_attribute(INTENT_ATTR, intent);
        }
        if let Ok(e) = web_sys::Event::new(OPEN_EVENT) {
            let _ = w.dispatch_event(&e);
        }
    }

    pub fn remove_start_screen() {
        if let Some(el) = document().and_then(|d| d.get_element_by_id("start")) {
            el.remove();
        }
    }

    pub fn on_full_failed(f: impl Fn() + 'static) -> Option<gloo::events::EventListener> {
        let w = web_sys::window()?;
        Some(gloo::events::EventListener::new(
            &w,
            FAILED_EVENT,
            move |_| f(),
        ))
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use std::cell::RefCell;

    thread_local! {
        static INTENT: RefCell<Option<String>> = const { RefCell::new(None) };
    }

    pub fn take_intent() -> Option<String> {
        INTENT.with(|i| i.borrow_mut().take())
    }

    pub fn open_full_app(intent: &str) {
        INTENT.with(|i| *i.borrow_mut() = Some(intent.to_string()));
    }

    pub fn remove_start_screen() {}

    pub fn on_full_failed(_f: impl Fn() + 'static) -> Option<()> {
        None
    }
}

/// The start module's request, if the full app was started for one (read once).
pub fn take_intent() -> Option<String> {
    let intent = imp::take_intent();
    if intent.is_some() {
        HANDED_OVER.store(true, Ordering::Relaxed);
    }
    intent
}

/// Ask boot.js for the full app, passing what the user asked for (natively: remembered for
/// [`take_intent`], so tests can follow the hand-over).
pub fn open_full_app(intent: &str) {
    imp::open_full_app(intent);
}

/// Remove the start module's screen (the full app calls this once it has rendered).
pub fn remove_start_screen() {
    imp::remove_start_screen();
}

/// Call `f` when boot.js reports that the full app could not be loaded; the listener lives as
/// long as the returned value.
pub fn on_full_failed(f: impl Fn() + 'static) -> impl Sized {
    imp::on_full_failed(f)
}
