//! Page-level browser edges for sharing, embedding and theming: the address (fragment and query),
//! the clipboard, CSS custom properties on `:root` and the `theme-color` meta. Natively every
//! function is a harmless stand-in so the UI renders in SSR tests.

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::JsValue;
    use wasm_bindgen_futures::JsFuture;

    fn window() -> Option<web_sys::Window> {
        web_sys::window()
    }

    pub fn fragment() -> String {
        window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default()
    }

    pub fn app_address() -> String {
        let Some(l) = window().map(|w| w.location()) else {
            return String::new();
        };
        let origin = l.origin().unwrap_or_default();
        let path = l.pathname().unwrap_or_default();
        format!("{origin}{path}")
    }

    fn replace_url(url: &str) {
        if let Some(h) = window().and_then(|w| w.history().ok()) {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(url));
        }
    }

    pub fn clear_fragment() {
        let Some(l) = window().map(|w| w.location()) else {
            return;
        };
        let path = l.pathname().unwrap_or_default();
        let search = l.search().unwrap_or_default();
        replace_url(&format!("{path}{search}"));
    }

    pub fn remove_query_param(name: &str) {
        let Some(l) = window().map(|w| w.location()) else {
            return;
        };
        let path = l.pathname().unwrap_or_default();
        let search = l.search().unwrap_or_default();
        let hash = l.hash().unwrap_or_default();
        let kept: Vec<&str> = search
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty() && p.split('=').next() != Some(name))
            .collect();
        let search = if kept.is_empty() {
            String::new()
        } else {
            format!("?{}", kept.join("&"))
        };
        replace_url(&format!("{path}{search}{hash}"));
    }

    fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Option<JsValue> {
        let f = js_sys::Reflect::get(target, &method.into()).ok()?;
        let f = f.dyn_into::<js_sys::Function>().ok()?;
        let args: js_sys::Array = args.iter().collect();
        f.apply(target, &args).ok()
    }

    pub async fn copy_text(text: &str, fallback_element_id: &str) -> bool {
        if let Some(w) = window() {
            let clipboard = js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).ok();
            if let Some(c) = clipboard.filter(|c| !c.is_undefined() && !c.is_null()) {
                if let Some(p) = call(&c, "writeText", &[text.into()]) {
                    if let Ok(p) = p.dyn_into::<js_sys::Promise>() {
                        if JsFuture::from(p).await.is_ok() {
                            return true;
                        }
                    }
                }
            }
        }
        // Older browsers, or the clipboard refused (e.g. in a frame): select the text field and
        // use the legacy copy command.
        let Some(doc) = window().and_then(|w| w.document()) else {
            return false;
        };
        let Some(el) = doc.get_element_by_id(fallback_element_id) else {
            return false;
        };
        let _ = call(&el, "focus", &[]);
        let _ = call(&el, "select", &[]);
        call(&doc, "execCommand", &["copy".into()])
            .and_then(|v| v.as_bool())
            .unwrap_or(false)
    }

    pub fn set_root_properties(props: &[(&str, String)]) {
        let Some(root) = window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        else {
            return;
        };
        // CSSOM (style.setProperty) is allowed by a CSP without 'unsafe-inline', unlike a
        // style attribute.
        let Ok(style) = js_sys::Reflect::get(&root, &"style".into()) else {
            return;
        };
        for (name, value) in props {
            let _ = call(
                &style,
                "setProperty",
                &[(*name).into(), value.as_str().into()],
            );
        }
    }

    fn with_query(query: &str) -> Option<String> {
        let l = window()?.location();
        let path = l.pathname().ok()?;
        let hash = l.hash().unwrap_or_default();
        Some(format!("{path}{query}{hash}"))
    }

    pub fn push_query(query: &str) {
        let (Some(url), Some(h)) = (with_query(query), window().and_then(|w| w.history().ok()))
        else {
            return;
        };
        let _ = h.push_state_with_url(&JsValue::NULL, "", Some(&url));
    }

    pub fn replace_query(query: &str) {
        if let Some(url) = with_query(query) {
            replace_url(&url);
        }
    }

    pub fn go_back() {
        if let Some(h) = window().and_then(|w| w.history().ok()) {
            let _ = h.back();
        }
    }

    pub fn watch_history(f: impl Fn(String) + 'static) {
        let Some(w) = window() else { return };
        // The app places the view itself (a screen starts at its top; closing a sheet keeps the
        // place or goes to the criterion asked for): the browser restoring an old scroll
        // position on Back would undo that.
        if let Ok(h) = w.history() {
            let _ = js_sys::Reflect::set(&h, &"scrollRestoration".into(), &"manual".into());
        }
        gloo::events::EventListener::new(&w, "popstate", move |_| {
            let q = window()
                .and_then(|w| w.location().search().ok())
                .unwrap_or_default();
            f(q)
        })
        .forget();
    }

    pub fn watch_fragment(f: impl Fn(String) + 'static) {
        let Some(w) = window() else { return };
        gloo::events::EventListener::new(&w, "hashchange", move |_| f(fragment())).forget();
    }

    pub fn set_theme_color_meta(colour: &str) {
        if let Some(meta) = window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("meta[name=theme-color]").ok().flatten())
        {
            let _ = meta.set_attribute("content", colour);
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn fragment() -> String {
        String::new()
    }
    pub fn app_address() -> String {
        "https://ocop.example/index.html".to_string()
    }
    pub fn clear_fragment() {}
    pub fn remove_query_param(_name: &str) {}
    pub async fn copy_text(_text: &str, _fallback_element_id: &str) -> bool {
        false
    }
    pub fn set_root_properties(_props: &[(&str, String)]) {}
    pub fn set_theme_color_meta(_colour: &str) {}
    pub fn watch_fragment(_f: impl Fn(String) + 'static) {}
    pub fn push_query(_query: &str) {}
    pub fn replace_query(_query: &str) {}
    pub fn go_back() {}
    pub fn watch_history(_f: impl Fn(String) + 'static) {}
}

/// The address fragment with its `#` ("" when none).
pub fn fragment() -> String {
    imp::fragment()
}

/// The app's own address without query and fragment (`https://host/path/index.html`): the base
/// of share links, so embedding parameters never travel with a shared draft.
pub fn app_address() -> String {
    imp::app_address()
}

/// Remove the fragment from the address bar without reloading or adding a history entry.
pub fn clear_fragment() {
    imp::clear_fragment();
}

/// Remove one query parameter from the address bar (e.g. `demo` after leaving demo mode).
pub fn remove_query_param(name: &str) {
    imp::remove_query_param(name);
}

/// Copy `text` to the clipboard; if the browser refuses, select the text field
/// `fallback_element_id` and try the legacy copy command. True when copied.
pub async fn copy_text(text: &str, fallback_element_id: &str) -> bool {
    imp::copy_text(text, fallback_element_id).await
}

/// Set CSS custom properties on the document's root element.
pub fn set_root_properties(props: &[(&str, String)]) {
    imp::set_root_properties(props);
}

/// Set `<meta name="theme-color">` (the browser's toolbar colour on phones).
pub fn set_theme_color_meta(colour: &str) {
    imp::set_theme_color_meta(colour);
}

/// Call `f` with the new fragment whenever it changes (a share link opened in a running app).
pub fn watch_fragment(f: impl Fn(String) + 'static) {
    imp::watch_fragment(f);
}

/// Add a history entry with this query string (`?…` or empty), keeping the path and fragment.
pub fn push_query(query: &str) {
    imp::push_query(query);
}

/// Rewrite the current history entry's query string (no new entry).
pub fn replace_query(query: &str) {
    imp::replace_query(query);
}

/// Go back one history entry (as the Back button does).
pub fn go_back() {
    imp::go_back();
}

/// Call `f` with the address's query string whenever Back or Forward changes it.
pub fn watch_history(f: impl Fn(String) + 'static) {
    imp::watch_history(f);
}
