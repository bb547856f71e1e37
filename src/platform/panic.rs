//! The panic hook: a panic replaces the page with a plain error screen (built with DOM calls,
//! no Yew, no wasm callbacks: after a panic the module is dead) that still lets the user
//! download the drafts saved on the device (through `static/boot.js`, which reads the database). The screen speaks the
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

    let actions = el("p", "actions", "");
    // The drafts are in the browser's database, which only script can read now that this
    // module is dead: the button runs boot.js's download (a JavaScript function), which reads
    // the database and any version-1 local-storage store.
    let download = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"__ocopDownloadDrafts".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match (
        download,
        el("button", "btn primary", t(lang, Key::ErrorDownload)),
    ) {
        (Some(f), Some(b)) => {
            let _ = b.set_attribute("type", "button");
            b.set_id("fatal-download");
            let _ = b.add_event_listener_with_callback("click", &f);
            if let Some(p) = &actions {
                let _ = p.append_child(&b);
            }
        }
        _ => {
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

/// Whether the page was opened with `#test-panic`, in a build with the `test-hooks` feature
/// (the e2e tests of the error screen); always false in the deployed build, so no link or host
/// frame can show the error screen (adversarial review F9).
pub fn test_panic_requested() -> bool {
    cfg!(feature = "test-hooks") && super::page::fragment() == "#test-panic"
}
