//! The prerendered questionnaire's side in the page (see [`crate::ui::prerender`] and
//! static/boot.js, "4."): `#pre` holds the build-time HTML while the app renders its own copy in
//! `#app`, behind it (`data-behind`: invisible, out of the flow). `<div id="app" data-pre="…">` records that the app has decided (taken over
//! or declined), so a copy that arrives later is not shown.

/// What the producer did on the prerendered page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PreState {
    /// Each checked radio of the questionnaire: (name, value), in page order.
    pub radios: Vec<(String, String)>,
    /// The draft's name as typed (`None`: the field is not there).
    pub title: Option<String>,
}

impl PreState {
    /// The value chosen in the radio group `name`.
    pub fn radio(&self, name: &str) -> Option<&str> {
        self.radios
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The prerendered page waiting to be taken over: its set and language tag.
pub fn waiting() -> Option<(String, String)> {
    imp::waiting()
}

/// What was chosen and typed on the prerendered page (empty when there is none).
pub fn read() -> PreState {
    imp::read()
}

/// Swap the prerendered page for the app's copy: the criterion at the top of the screen stays at
/// the same height, the focus moves to the same control, the index stays open, and the last
/// button pressed on the prerendered page is pressed on the app's.
pub fn finish() {
    imp::finish()
}

/// The app shows something else (or the page is not the one it renders): remove the
/// prerendered page (if any) and show the app; a late copy will not be shown.
pub fn decline() {
    imp::decline()
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::PreState;
    use wasm_bindgen::JsCast;

    fn document() -> Option<web_sys::Document> {
        web_sys::window().and_then(|w| w.document())
    }

    fn pre() -> Option<web_sys::Element> {
        document()?.get_element_by_id("pre")
    }

    fn app() -> Option<web_sys::HtmlElement> {
        document()?
            .get_element_by_id("app")?
            .dyn_into::<web_sys::HtmlElement>()
            .ok()
    }

    fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
        let Ok(list) = root.query_selector_all(selector) else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
            .collect()
    }

    pub fn waiting() -> Option<(String, String)> {
        let pre = pre()?;
        Some((
            pre.get_attribute("data-set")?,
            pre.get_attribute("data-lang")?,
        ))
    }

    pub fn read() -> PreState {
        let Some(pre) = pre() else {
            return PreState::default();
        };
        let radios = all(&pre, ".questionnaire input[type=radio]")
            .into_iter()
            .filter_map(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .filter(|i| i.checked())
            .map(|i| (i.name(), i.value()))
            .collect();
        let title = pre
            .query_selector("#draft-title")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|i| i.value());
        PreState { radios, title }
    }

    /// The app's copy out from behind the prerendered page (static/prerender.js put it there).
    fn show(app: &web_sys::HtmlElement) {
        if app.has_attribute("data-behind") {
            let _ = app.remove_attribute("data-behind");
            let _ = app.remove_attribute("style");
        }
    }

    /// Top of `el` in the viewport.
    fn top(el: &web_sys::Element) -> f64 {
        el.get_bounding_client_rect().top()
    }

    pub fn finish() {
        let (Some(pre), Some(app)) = (pre(), app()) else {
            decline();
            return;
        };
        let Some(w) = web_sys::window() else { return };
        // Before the swap, on the prerendered page: the first criterion (or question) still on
        // screen and its height, the focused control, the open index, the last button pressed.
        let anchor = all(&pre, "fieldset[id]")
            .into_iter()
            .find(|f| f.get_bounding_client_rect().bottom() > 0.0)
            .map(|f| (f.id(), top(&f)));
        let focused = document()
            .and_then(|d| d.active_element())
            .filter(|e| pre.contains(Some(e)))
            .map(|e| e.id())
            .filter(|id| !id.is_empty());
        let open: Vec<String> = all(&pre, "details[open][id]")
            .into_iter()
            .map(|d| d.id())
            .collect();
        // "ID N": the Nth button inside the element with that id ("pre": the whole page).
        let click = pre.get_attribute("data-click").and_then(|c| {
            let (scope, n) = c.split_once(' ')?;
            let n = n.parse::<usize>().ok()?;
            let root = if scope == "pre" {
                pre.clone()
            } else {
                pre.query_selector(&format!("[id=\"{scope}\"]")).ok()??
            };
            let text = all(&root, "button").into_iter().nth(n)?.text_content();
            Some((scope.to_string(), n, text.unwrap_or_default()))
        });
        let scrolled = w.scroll_y().unwrap_or(0.0) > 0.0;

        pre.remove();
        show(&app);
        let _ = app.set_attribute("data-pre", "taken");

        let Some(doc) = document() else { return };
        for id in open {
            if let Some(d) = doc.get_element_by_id(&id) {
                let _ = d.set_attribute("open", "");
            }
        }
        if let (true, Some((id, was))) = (scrolled, anchor) {
            if let Some(el) = doc.get_element_by_id(&id) {
                let now = top(&el);
                if (now - was).abs() >= 1.0 {
                    w.scroll_by_with_x_and_y(0.0, now - was);
                }
            }
        }
        if let Some(id) = focused {
            if let Some(el) = doc.get_element_by_id(&id) {
                // el.focus({ preventScroll: true }): the page stays where it is.
                let opts = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&opts, &"preventScroll".into(), &true.into());
                if let Ok(f) = js_sys::Reflect::get(&el, &"focus".into()) {
                    if let Ok(f) = f.dyn_into::<js_sys::Function>() {
                        let _ = f.call1(&el, &opts);
                    }
                }
            }
        }
        // The same button, if it is the same button (same place among the buttons, same words).
        if let Some((scope, n, text)) = click {
            let root = if scope == "pre" {
                Some(web_sys::Element::from(app.clone()))
            } else {
                doc.get_element_by_id(&scope)
            };
            let button = root
                .map(|r| all(&r, "button"))
                .unwrap_or_default()
                .into_iter()
                .nth(n)
                .filter(|b| b.text_content().unwrap_or_default() == text)
                .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(b) = button {
                b.click();
            }
        }
    }

    pub fn decline() {
        if let Some(pre) = pre() {
            pre.remove();
        }
        if let Some(app) = app() {
            show(&app);
            if !app.has_attribute("data-pre") {
                let _ = app.set_attribute("data-pre", "declined");
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::PreState;

    pub fn waiting() -> Option<(String, String)> {
        None
    }
    pub fn read() -> PreState {
        PreState::default()
    }
    pub fn finish() {}
    pub fn decline() {}
}
