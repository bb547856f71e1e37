//! The document: its language and title, focus and scrolling, clicking an element, reading an
//! event's value, the elements the apps mount into, and the first-render mark.
//!
//! Natively (SSR tests) every function is a harmless stand-in.

use crate::lang::Lang;

/// What [`scroll_to_and_focus`] focuses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The element itself (it needs `tabindex` unless it is a control), e.g. a panel just opened.
    Itself,
    /// Its first control (the checked radio if any), or the element when it holds none: a
    /// criterion's fieldset, a form field.
    FirstControl,
}

/// Set `<html lang>` and the document title; remembered for the error screen.
pub fn set_document_lang(lang: Lang, title: &str) {
    super::panic::remember_lang(lang);
    imp::set_document_lang(lang, title);
}

/// `<html lang>` as boot.js set it from the saved language (natively: none).
pub fn document_lang() -> Option<Lang> {
    imp::document_lang()
}

/// Scroll an element to the top of the view and focus it or its first control.
pub fn scroll_to_and_focus(element_id: &str, focus: Focus) {
    imp::scroll_to_and_focus(element_id, focus);
}

/// Scroll to the top of the page and focus an element (e.g. `main` after a change of screen).
pub fn focus_top(element_id: &str) {
    imp::focus_top(element_id);
}

/// Click an element by id (a button opening a hidden file input).
pub fn click_element(id: &str) {
    imp::click_element(id);
}

/// The `value` of the input, textarea or select an event came from ("" if none).
pub fn event_value(e: &yew::Event) -> String {
    imp::event_value(e)
}

/// Stop the browser's default action (e.g. a form submission reloading the page).
pub fn prevent_default(e: &yew::Event) {
    imp::prevent_default(e);
}

/// Record the first render (for the load-time measurement) and remove the boot message.
pub fn mark_first_render() {
    super::mark("__firstRender");
    imp::remove_element("boot");
}

/// The element the app mounts into (`#app` in index.html).
#[cfg(target_arch = "wasm32")]
pub fn app_root() -> Option<web_sys::Element> {
    imp::element("app")
}

/// The element the start module mounts into (`#start` in index.html).
#[cfg(target_arch = "wasm32")]
pub fn start_root() -> Option<web_sys::Element> {
    imp::element("start")
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::{Focus, Lang};
    use wasm_bindgen::JsCast;

    fn document() -> Option<web_sys::Document> {
        web_sys::window().and_then(|w| w.document())
    }

    pub fn element(id: &str) -> Option<web_sys::Element> {
        document().and_then(|d| d.get_element_by_id(id))
    }

    pub fn remove_element(id: &str) {
        if let Some(el) = element(id) {
            el.remove();
        }
    }

    pub fn set_document_lang(lang: Lang, title: &str) {
        if let Some(doc) = document() {
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("lang", lang.tag());
            }
            doc.set_title(title);
        }
    }

    pub fn document_lang() -> Option<Lang> {
        let tag = document()?.document_element()?.get_attribute("lang")?;
        Lang::from_tag(&tag)
    }

    pub fn scroll_to_and_focus(element_id: &str, focus: Focus) {
        let Some(el) = element(element_id) else {
            return;
        };
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Start);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
        let target = match focus {
            Focus::Itself => el,
            // In this order, not in document order: a criterion's help and read-aloud buttons
            // come before its levels, and the answer is what the jump is for.
            Focus::FirstControl => ["input:checked", "input", "textarea", "button"]
                .iter()
                .find_map(|sel| el.query_selector(sel).ok().flatten())
                .unwrap_or(el),
        };
        if let Ok(h) = target.dyn_into::<web_sys::HtmlElement>() {
            let _ = h.focus();
        }
    }

    pub fn focus_top(element_id: &str) {
        let Some(w) = web_sys::window() else { return };
        w.scroll_to_with_x_and_y(0.0, 0.0);
        if let Some(el) = element(element_id) {
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

    pub fn click_element(id: &str) {
        if let Some(el) = element(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            el.click();
        }
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
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::{Focus, Lang};

    pub fn remove_element(_id: &str) {}
    pub fn set_document_lang(_lang: Lang, _title: &str) {}
    pub fn document_lang() -> Option<Lang> {
        None
    }
    pub fn scroll_to_and_focus(_element_id: &str, _focus: Focus) {}
    pub fn focus_top(_element_id: &str) {}
    pub fn click_element(_id: &str) {}
    pub fn event_value(_e: &yew::Event) -> String {
        String::new()
    }
    pub fn prevent_default(_e: &yew::Event) {}
}
