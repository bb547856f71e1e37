//! The panic hook: a panic replaces the page with a plain error screen (built with DOM calls,
//! no Yew, no wasm callbacks: after a panic the module is dead) that still lets the user
//! download the drafts saved in local storage, as the raw JSON kept there. The screen speaks the
//! language the document was last set to ([`super::dom::set_document_lang`]).

use std::sync::atomic::{AtomicU8, Ordering};

use crate::lang::Lang;

static LANG: AtomicU8 = AtomicU8::new(0);

pub(super) fn remember_lang(lang: Lang) {
    LANG.store(
        match lang {
            Lang::Vi => 0,
            Lang::En => 1,
        },
        Ordering::Relaxed,
    );
}

#[cfg(target_arch = "wasm32")]
fn current_lang() -> Lang {
    if LANG.load(Ordering::Relaxed) == 1 {
        Lang::En
    } else {
        Lang::Vi
    }
}

/// Install the hook (before the app is mounted). Natively this does nothing.
pub fn install_panic_hook() {
    #[cfg(target_arch = "wasm32")]
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&message.as_str().into());
        show_error_screen(&message);
    }));
}

#[cfg(target_arch = "wasm32")]
fn show_error_screen(message: &str) {
    use crate::draft::store::STORE_KEY;
    use crate::i18n::{t, Key};
    use wasm_bindgen::JsCast;

    let lang = current_lang();
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    let el = |tag: &str, class: &str, text: &str| -> Option<web_sys::Element> {
        let e = doc.create_element(tag).ok()?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        if !text.is_empty() {
            e.set_text_content(Some(text));
        }
        Some(e)
    };
    let Some(main) = el("main", "fatal", "") else {
        return;
    };
    let _ = main.set_attribute("role", "alert");
    let _ = main.set_attribute("id", "fatal");
    for child in [
        el("h1", "", t(lang, Key::ErrorTitle)),
        el("p", "", t(lang, Key::ErrorBody)),
    ]
    .into_iter()
    .flatten()
    {
        let _ = main.append_child(&child);
    }

    let raw = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(STORE_KEY).ok().flatten());
    let actions = el("p", "actions", "");
    match raw {
        Some(raw) => {
            let parts = js_sys::Array::of1(&raw.into());
            let props = web_sys::BlobPropertyBag::new();
            props.set_type("application/json");
            let url = web_sys::Blob::new_with_str_sequence_and_options(&parts, &props)
                .ok()
                .and_then(|b| web_sys::Url::create_object_url_with_blob(&b).ok());
            if let (Some(url), Some(a)) = (url, el("a", "btn primary", t(lang, Key::ErrorDownload)))
            {
                if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
                    a.set_href(&url);
                    a.set_download("ocop-self-check-drafts.json");
                    a.set_id("fatal-download");
                    if let Some(p) = &actions {
                        let _ = p.append_child(&a);
                    }
                }
            }
        }
        None => {
            if let (Some(p), Some(note)) =
                (&actions, el("span", "", t(lang, Key::ErrorNothingSaved)))
            {
                let _ = p.append_child(&note);
            }
        }
    }
    if let (Some(p), Some(a)) = (&actions, el("a", "btn", t(lang, Key::ErrorReload))) {
        let _ = a.set_attribute("href", "");
        let _ = p.append_child(&a);
    }
    if let Some(p) = actions {
        let _ = main.append_child(&p);
    }
    if let Some(pre) = el("pre", "", message) {
        let _ = main.append_child(&pre);
    }
    body.set_inner_html("");
    let _ = body.append_child(&main);
}

/// Whether the page was opened with `#test-panic` (used by the e2e test of the error screen).
pub fn test_panic_requested() -> bool {
    super::page::fragment() == "#test-panic"
}
