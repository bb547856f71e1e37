//! Embedding in agency websites: query parameters that configure the app, the messages it
//! posts to the host page (content height; the result without personal details), and the one
//! message it accepts from the host page (the part of the frame that is visible, so the live
//! score can sit where the user is reading).
//!
//! ```text
//! index.html?lang=en&set=QD26-07&theme=%230b6e4f&header=0&origin=https://ocop.example.gov.vn
//! ```
//!
//! `origin` is the host page's origin: messages are posted only when it is given and valid, and
//! only to it (never `"*"`); a viewport message is accepted only from it (and from the parent
//! window). A frame whose `origin` is missing or malformed says so once in the console.
//! Parsing is pure and tested natively; posting and listening are wasm-only.

use serde_json::{json, Value};

use crate::assess::Assessment;
use crate::i18n::Lang;

/// Message type of the height message.
pub const HEIGHT_MESSAGE: &str = "ocop-self-check:height";
/// Message type of the result message.
pub const RESULT_MESSAGE: &str = "ocop-self-check:result";
/// Message type of the host page's viewport message: `{type, top, height}`, the part of the
/// frame the user can see (CSS pixels from the frame's top edge, and its height).
pub const VIEWPORT_MESSAGE: &str = "ocop-self-check:viewport";

/// What the host page asked for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedConfig {
    /// `lang=vi|en`.
    pub lang: Option<Lang>,
    /// `set=QD26-07`: preselect a product set (checked against the catalogue by the UI).
    pub set: Option<String>,
    /// `theme=#0b6e4f` (3 or 6 hex digits): the theme colour.
    pub theme: Option<String>,
    /// `header=0`: hide the app's header.
    pub hide_header: bool,
    /// `origin=https://host`: where messages may be posted.
    pub parent_origin: Option<String>,
    /// `demo=1`: open in demonstration mode.
    pub demo: bool,
    /// `view=drafts`: open on the list of drafts (the start module asks for it this way).
    pub show_drafts: bool,
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A CSS hex colour (`#rgb` or `#rrggbb`), or nothing.
fn valid_colour(s: &str) -> Option<String> {
    let s = s.trim();
    let hex = s.strip_prefix('#').unwrap_or(s);
    ((hex.len() == 3 || hex.len() == 6) && hex.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| format!("#{}", hex.to_ascii_lowercase()))
}

/// An origin (`https://host[:port]`, or `http://` for localhost), or nothing.
fn valid_origin(s: &str) -> Option<String> {
    let s = s.trim().trim_end_matches('/');
    let (scheme, rest) = s.split_once("://")?;
    if scheme != "https" && scheme != "http" {
        return None;
    }
    if rest.is_empty()
        || rest.contains(['/', '?', '#', '@', ' '])
        || !rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b))
    {
        return None;
    }
    let rest = rest.to_ascii_lowercase();
    // As the browser writes an origin (`MessageEvent.origin`): no default port.
    let default_port = if scheme == "https" { ":443" } else { ":80" };
    let host = rest.strip_suffix(default_port).unwrap_or(&rest);
    if host.is_empty() || host.starts_with(':') {
        return None;
    }
    Some(format!("{scheme}://{host}"))
}

/// Read the embedding parameters from a query string (with or without the leading `?`).
/// Unknown or invalid parameters are ignored.
pub fn parse_query(query: &str) -> EmbedConfig {
    let mut c = EmbedConfig::default();
    for pair in query.trim_start_matches('?').split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = percent_decode(v);
        match k {
            "lang" => c.lang = Lang::from_tag(&v),
            "set" => {
                let v = v.trim().to_ascii_uppercase();
                if v.len() <= 16 && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
                    c.set = Some(v);
                }
            }
            "theme" => c.theme = valid_colour(&v),
            "header" => c.hide_header = matches!(v.as_str(), "0" | "false" | "no" | "off"),
            "origin" => c.parent_origin = valid_origin(&v),
            "demo" => c.demo = matches!(v.as_str(), "1" | "true" | "yes" | "on"),
            "view" => c.show_drafts = v == "drafts",
            _ => {}
        }
    }
    c
}

/// The value of one query parameter, percent-decoded (`None` when absent).
fn raw_param(query: &str, name: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| percent_decode(v))
}

/// What a frame should say in the console about its `origin` parameter: nothing when it is
/// valid or the page is not in a frame; otherwise a warning naming the parameter, the value
/// given (if any) and an example of a valid one. Without a valid `origin` no message is posted
/// to the host page, which would otherwise look like silence.
pub fn origin_warning(query: &str, in_frame: bool) -> Option<String> {
    if !in_frame {
        return None;
    }
    // Plain text, no `{:?}`: this is in the start module too, which must stay small.
    let problem = match raw_param(query, "origin") {
        None => "is missing".to_string(),
        Some(v) if valid_origin(&v).is_none() => {
            let shown: String = v.chars().take(80).collect();
            format!("\"{shown}\" is not a valid origin")
        }
        Some(_) => return None,
    };
    Some(format!(
        "OCOP self-check: the \"origin\" parameter {problem}, so no messages are posted to \
         the host page. Use origin=https%3A%2F%2Focop.example.gov.vn (the host page's \
         location.origin: scheme, host, port if any, no path)."
    ))
}

/// The part of the frame the user can see, in CSS pixels from the frame's top edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Viewport {
    pub top: u32,
    pub height: u32,
}

/// Largest offset or height taken from a viewport message (far beyond any real page).
pub const VIEWPORT_MAX: f64 = 1_000_000.0;

/// A viewport message's fields, checked: the type must be [`VIEWPORT_MESSAGE`], `top` and
/// `height` finite numbers (clamped to 0..=[`VIEWPORT_MAX`] and rounded; the visible part is
/// then clamped to the frame, `frame_height` high). Anything else is ignored (`None`).
pub fn viewport_from(
    kind: Option<&str>,
    top: Option<f64>,
    height: Option<f64>,
    frame_height: f64,
) -> Option<Viewport> {
    if kind != Some(VIEWPORT_MESSAGE) {
        return None;
    }
    let (top, height) = (top?, height?);
    if !top.is_finite() || !height.is_finite() {
        return None;
    }
    let limit = if frame_height.is_finite() && frame_height > 0.0 {
        frame_height.min(VIEWPORT_MAX)
    } else {
        VIEWPORT_MAX
    };
    let top = top.clamp(0.0, limit);
    let height = height.clamp(0.0, limit - top);
    Some(Viewport {
        top: top.round() as u32,
        height: height.round() as u32,
    })
}

/// The visible part of the frame worked out by the frame itself, from the strips of the probe
/// (see `watch_viewport`): each strip's last known visible span `(top, bottom, fully_visible)`.
/// A partly visible strip is known only to within `slack` pixels, so its edge is pulled in by
/// that much (the bar is then never placed below what can be seen). `None`: nothing visible.
pub fn viewport_from_spans(spans: &[(f64, f64, bool)], slack: f64) -> Option<Viewport> {
    let mut top = f64::INFINITY;
    let mut bottom = f64::NEG_INFINITY;
    for &(t, b, full) in spans {
        if !(t.is_finite() && b.is_finite()) || b <= t {
            continue;
        }
        let (t, b) = if full { (t, b) } else { (t + slack, b - slack) };
        if b <= t {
            continue;
        }
        top = top.min(t);
        bottom = bottom.max(b);
    }
    (bottom > top).then(|| Viewport {
        top: top.max(0.0).round() as u32,
        height: (bottom - top.max(0.0)).round() as u32,
    })
}

/// The style attribute that places the bar in the visible part of the frame (custom
/// properties read by `static/app.css`, rules under `html[data-embed-viewport]`).
pub fn viewport_css(v: Viewport) -> String {
    format!("--vp-top:{}px;--vp-h:{}px", v.top, v.height)
}

/// The result message for the host page: scores and stars only, never personal details.
/// `stars` is `null` until enough is answered for an estimate ([`Assessment::estimate`]).
pub fn result_message(a: &Assessment) -> Value {
    json!({
        "type": RESULT_MESSAGE,
        "set": a.product_set,
        "total": a.total,
        "parts": {"A": a.part("A"), "B": a.part("B"), "C": a.part("C")},
        "stars": a.estimate(),
    })
}

/// The height message for the host page, as JSON text (written without a JSON library: the
/// small start module posts it too).
pub fn height_message(height: u32) -> String {
    format!(r#"{{"type":"{HEIGHT_MESSAGE}","height":{height}}}"#)
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    /// The page's query string (`?…`), or empty.
    pub fn query() -> String {
        web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default()
    }

    /// Whether the app runs inside a frame.
    pub fn in_frame() -> bool {
        let Some(w) = web_sys::window() else {
            return false;
        };
        match w.parent() {
            Ok(Some(p)) => !js_sys::Object::is(&p, &w),
            _ => false,
        }
    }

    /// Post a JSON message (as text) to the parent window, to `origin` only.
    pub fn post_to_parent(message: &str, origin: &str) {
        let Some(w) = web_sys::window() else { return };
        let Ok(Some(parent)) = w.parent() else { return };
        if js_sys::Object::is(&parent, &w) {
            return;
        }
        let Ok(value) = js_sys::JSON::parse(message) else {
            return;
        };
        let _ = parent.post_message(&value, origin);
    }

    fn root_element() -> Option<web_sys::Element> {
        web_sys::window()?.document()?.document_element()
    }

    /// Post the content's height to the parent now and whenever it changes (the content
    /// grows or shrinks, the frame's width changes, the screen changes).
    ///
    /// The height is the root element's box, not `scrollHeight` (which never drops below the
    /// frame's own height, so a frame could grow but never shrink). Nothing in the page's
    /// height depends on the frame's height, so resizing the frame to it causes no new
    /// message. A `ResizeObserver` reports at most once per frame; the last height posted is
    /// kept on `<html>` so the same height is never posted twice in a row, even by the start
    /// module and the full app together.
    pub fn watch_height(origin: String) {
        let Some(root) = root_element() else { return };
        let send = move || {
            let Some(root) = root_element() else { return };
            let h = root.get_bounding_client_rect().height().ceil().max(0.0) as u32;
            let text = h.to_string();
            if root.get_attribute(HEIGHT_ATTR).as_deref() == Some(text.as_str()) {
                return;
            }
            let _ = root.set_attribute(HEIGHT_ATTR, &text);
            post_to_parent(&super::height_message(h), &origin);
        };
        send();
        let callback = Closure::<dyn FnMut()>::new(send);
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&root);
            // The observer lives as long as the page.
            callback.forget();
            std::mem::forget(observer);
        }
    }

    const HEIGHT_ATTR: &str = "data-ocop-height";
    const WARNED_ATTR: &str = "data-ocop-origin-warned";

    /// In a frame whose `origin` is missing or malformed: say so in the console, once per page
    /// (the start module and the full app share the mark on `<html>`).
    pub fn warn_about_origin() {
        let Some(message) = super::origin_warning(&query(), in_frame()) else {
            return;
        };
        let Some(root) = root_element() else { return };
        if root.has_attribute(WARNED_ATTR) {
            return;
        }
        let _ = root.set_attribute(WARNED_ATTR, "");
        web_sys::console::warn_1(&message.into());
    }
}

#[cfg(target_arch = "wasm32")]
mod viewport {
    //! The live score where the user is reading: the visible part of the frame, from the host
    //! page's viewport messages or, until one arrives, from an `IntersectionObserver` (which in
    //! a frame reports what the top-level page shows of it), applied as CSS.
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;

    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    use super::{viewport_css, viewport_from, viewport_from_spans, Viewport};

    const ATTR: &str = "data-embed-viewport";
    const PROBE_ID: &str = "ocop-embed-probe";
    /// Height of a probe strip, and the thresholds per strip: the visible edge is known to
    /// within STRIP / STEPS pixels.
    const STRIP: f64 = 400.0;
    const STEPS: u32 = 16;

    thread_local! {
        static LAST: Cell<Option<Viewport>> = const { Cell::new(None) };
        static HOST_SPOKE: Cell<bool> = const { Cell::new(false) };
        /// The probe, kept for the page's life (or until the host page speaks).
        static PROBE: RefCell<Option<ProbeCell>> = const { RefCell::new(None) };
    }

    fn document() -> Option<web_sys::Document> {
        web_sys::window()?.document()
    }

    /// Place the bar (and the open sheet) in `v`, or back where it is outside a frame: the
    /// custom properties go in the style attribute of `.result` (0.2-0.5 ms a change on the
    /// questionnaire, against 1.2 ms for a style sheet and 13-17 ms for properties on `:root`,
    /// which every element inherits; headless Chromium on the shared build machine), so
    /// scrolling stays smooth.
    fn apply(v: Option<Viewport>) {
        if LAST.with(Cell::get) == v {
            return;
        }
        LAST.with(|l| l.set(v));
        let Some(root) = document().and_then(|d| d.document_element()) else {
            return;
        };
        if v.is_none() {
            let _ = root.remove_attribute(ATTR);
            return;
        }
        reapply();
        if !root.has_attribute(ATTR) {
            let _ = root.set_attribute(ATTR, "");
        }
    }

    /// The last visible part on the bar now shown (again after the bar was rendered anew, on
    /// another screen).
    fn reapply() {
        let Some(v) = LAST.with(Cell::get) else {
            return;
        };
        let Some(bar) = document().and_then(|d| d.query_selector(".result").ok().flatten()) else {
            return;
        };
        let css = viewport_css(v);
        if bar.get_attribute("style").as_deref() != Some(css.as_str()) {
            let _ = bar.set_attribute("style", &css);
        }
    }

    /// Listen for the host page's viewport messages (from `origin` and the parent window
    /// only) and, until the first one, work the visible part out with the probe.
    pub fn watch(origin: Option<String>) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let probe = Probe::start();
        PROBE.with(|p| *p.borrow_mut() = Some(probe.clone()));
        // A new screen renders a new bar: give it the visible part at once.
        let on_resize = Closure::<dyn FnMut()>::new(reapply);
        if let (Some(root), Ok(observer)) = (
            window.document().and_then(|d| d.document_element()),
            web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()),
        ) {
            observer.observe(&root);
            on_resize.forget();
            std::mem::forget(observer);
        }
        let Some(origin) = origin else { return };
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                if e.origin() != origin {
                    return;
                }
                let Some(w) = web_sys::window() else { return };
                let from_parent = match (e.source(), w.parent()) {
                    (Some(source), Ok(Some(parent))) => js_sys::Object::is(&source, &parent),
                    _ => false,
                };
                if !from_parent {
                    return;
                }
                let data = e.data();
                if !data.is_object() {
                    return;
                }
                let field = |name: &str| js_sys::Reflect::get(&data, &JsValue::from_str(name)).ok();
                let kind = field("type").and_then(|v| v.as_string());
                let top = field("top").and_then(|v| v.as_f64());
                let height = field("height").and_then(|v| v.as_f64());
                // The bar is fixed in the frame's viewport: the visible part is clamped to it.
                let frame_height = w
                    .inner_height()
                    .ok()
                    .and_then(|h| h.as_f64())
                    .unwrap_or(0.0);
                let Some(v) = viewport_from(kind.as_deref(), top, height, frame_height) else {
                    return;
                };
                if !HOST_SPOKE.with(|h| h.replace(true)) {
                    // Exact from now on: the probe goes (its Drop disconnects it).
                    drop(probe.borrow_mut().take());
                }
                apply(Some(v));
            });
        let _ =
            window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
        on_message.forget();
    }

    /// Strips covering the frame's viewport (fixed, invisible), observed against the top-level
    /// viewport: which parts of them are visible is which part of the frame the user sees.
    struct Probe {
        observer: web_sys::IntersectionObserver,
        container: web_sys::HtmlElement,
        spans: Rc<RefCell<Vec<(f64, f64, bool)>>>,
        _callback: Closure<dyn FnMut(js_sys::Array)>,
    }

    type ProbeCell = Rc<RefCell<Option<Probe>>>;

    impl Probe {
        fn start() -> ProbeCell {
            let cell: ProbeCell = Rc::new(RefCell::new(None));
            let Some(p) = Self::new() else { return cell };
            *cell.borrow_mut() = Some(p);
            if let Some(w) = web_sys::window() {
                // The frame resized (by the host page, after a height message): new strips.
                let weak = Rc::downgrade(&cell);
                gloo::events::EventListener::new(&w, "resize", move |_| {
                    if let Some(cell) = weak.upgrade() {
                        if let Some(p) = cell.borrow().as_ref() {
                            p.layout();
                        }
                    }
                })
                .forget();
            }
            cell
        }

        fn new() -> Option<Probe> {
            let window = web_sys::window()?;
            let doc = window.document()?;
            let container: web_sys::HtmlElement =
                doc.create_element("div").ok()?.dyn_into().ok()?;
            container.set_id(PROBE_ID);
            let _ = container.set_attribute("aria-hidden", "true");
            doc.body()?.append_child(&container).ok()?;
            let spans: Rc<RefCell<Vec<(f64, f64, bool)>>> = Rc::default();
            let callback = {
                let spans = spans.clone();
                Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    if HOST_SPOKE.with(Cell::get) {
                        return;
                    }
                    let mut spans = spans.borrow_mut();
                    for entry in entries.iter() {
                        let Ok(entry) = entry.dyn_into::<web_sys::IntersectionObserverEntry>()
                        else {
                            continue;
                        };
                        let index = entry
                            .target()
                            .get_attribute("data-i")
                            .and_then(|i| i.parse::<usize>().ok());
                        let Some(slot) = index.and_then(|i| spans.get_mut(i)) else {
                            continue;
                        };
                        let r = entry.intersection_rect();
                        *slot = if entry.is_intersecting() {
                            (r.top(), r.bottom(), entry.intersection_ratio() >= 0.999)
                        } else {
                            (0.0, 0.0, false)
                        };
                    }
                    apply(viewport_from_spans(&spans, STRIP / f64::from(STEPS)));
                })
            };
            let init = web_sys::IntersectionObserverInit::new();
            let thresholds = js_sys::Array::new();
            for i in 0..=STEPS {
                thresholds.push(&JsValue::from_f64(f64::from(i) / f64::from(STEPS)));
            }
            init.set_threshold(&thresholds);
            let observer = web_sys::IntersectionObserver::new_with_options(
                callback.as_ref().unchecked_ref(),
                &init,
            )
            .ok()?;
            let probe = Probe {
                observer,
                container,
                spans,
                _callback: callback,
            };
            probe.layout();
            Some(probe)
        }

        /// As many strips as the frame's height needs (again after a resize).
        fn layout(&self) {
            let Some(window) = web_sys::window() else {
                return;
            };
            let h = window
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0);
            let n = ((h / STRIP).ceil() as usize).clamp(1, 2_500);
            if self.container.child_element_count() as usize == n {
                return;
            }
            self.observer.disconnect();
            self.container.set_inner_html("");
            let Some(doc) = window.document() else { return };
            for i in 0..n {
                let Ok(strip) = doc.create_element("div") else {
                    return;
                };
                let _ = strip.set_attribute("data-i", &i.to_string());
                let _ = self.container.append_child(&strip);
                self.observer.observe(&strip);
            }
            *self.spans.borrow_mut() = vec![(0.0, 0.0, false); n];
        }
    }

    impl Drop for Probe {
        fn drop(&mut self) {
            self.observer.disconnect();
            self.container.remove();
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn query() -> String {
        String::new()
    }
    pub fn in_frame() -> bool {
        false
    }
    pub fn post_to_parent(_message: &str, _origin: &str) {}
    pub fn watch_height(_origin: String) {}
    pub fn warn_about_origin() {}
}

#[cfg(not(target_arch = "wasm32"))]
mod viewport {
    pub fn watch(_origin: Option<String>) {}
}

pub use imp::{in_frame, post_to_parent, query, warn_about_origin, watch_height};

/// In a frame: keep the live score in the part of the frame the user sees, from the host
/// page's viewport messages (accepted from `origin` only) or, without them, as the frame works
/// it out itself. Call once, in a frame only.
pub fn watch_viewport(origin: Option<String>) {
    viewport::watch(origin);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_documented_parameters() {
        let c = parse_query(
            "?lang=en&set=qd26-07&theme=%230B6E4F&header=0&origin=https%3A%2F%2Focop.example.gov.vn%2F&demo=1",
        );
        assert_eq!(c.lang, Some(Lang::En));
        assert_eq!(c.set.as_deref(), Some("QD26-07"));
        assert_eq!(c.theme.as_deref(), Some("#0b6e4f"));
        assert!(c.hide_header && c.demo);
        assert_eq!(
            c.parent_origin.as_deref(),
            Some("https://ocop.example.gov.vn")
        );
        assert_eq!(parse_query(""), EmbedConfig::default());
    }

    #[test]
    fn rejects_unsafe_values() {
        let c = parse_query("theme=red;background:url(x)&origin=*&set=<script>&lang=fr");
        assert_eq!(c, EmbedConfig::default());
        assert_eq!(parse_query("origin=javascript://x").parent_origin, None);
        assert_eq!(parse_query("origin=https://a.vn/path").parent_origin, None);
        assert_eq!(
            parse_query("origin=http://127.0.0.1:8100")
                .parent_origin
                .as_deref(),
            Some("http://127.0.0.1:8100")
        );
        assert_eq!(parse_query("theme=%23abc").theme.as_deref(), Some("#abc"));
        assert_eq!(parse_query("theme=%2").theme, None);
        assert!(!parse_query("header=1").hide_header);
    }

    #[test]
    fn result_message_carries_no_personal_details() {
        let Some(Ok(set)) = crate::rubric::embedded::load("QD26-07") else {
            panic!("set")
        };
        let a = crate::assess::assess(&set, &crate::assess::Responses::default());
        let m = result_message(&a);
        assert_eq!(m["type"], RESULT_MESSAGE);
        assert_eq!(m["set"], "QD26-07");
        let keys: Vec<&String> = m
            .as_object()
            .map(|o| o.keys().collect())
            .unwrap_or_default();
        assert_eq!(keys, ["parts", "set", "stars", "total", "type"]);
        assert_eq!(m["stars"], Value::Null, "nothing answered: no estimate");
        // Everything answered (lowest levels, no knock-out): the estimate is a number.
        let mut r = crate::assess::Responses::default();
        for l in set.criteria() {
            r.answers.insert(l.criterion.code.clone(), 1);
        }
        for k in &set.knock_outs {
            r.knock_outs.insert(k.id.clone(), false);
        }
        let a = crate::assess::assess(&set, &r);
        assert!(a.ready);
        assert_eq!(result_message(&a)["stars"], json!(a.stars));
        let v: Value = serde_json::from_str(&height_message(640)).expect("json");
        assert_eq!(v, json!({"type": HEIGHT_MESSAGE, "height": 640}));
    }

    #[test]
    fn origins_are_written_as_the_browser_writes_them() {
        let o = |q: &str| parse_query(q).parent_origin;
        assert_eq!(
            o("origin=https://A.vn:443").as_deref(),
            Some("https://a.vn")
        );
        assert_eq!(o("origin=http://a.vn:80/").as_deref(), Some("http://a.vn"));
        assert_eq!(
            o("origin=https://a.vn:8443").as_deref(),
            Some("https://a.vn:8443")
        );
        assert_eq!(o("origin=https://:443"), None);
        assert_eq!(o("origin=https://"), None);
    }

    #[test]
    fn a_frame_with_a_missing_or_malformed_origin_says_so() {
        let missing = origin_warning("?set=QD26-09&header=0", true).expect("warned");
        assert!(
            missing.contains("\"origin\" parameter is missing"),
            "{missing}"
        );
        assert!(
            missing.contains("origin=https%3A%2F%2Focop.example.gov.vn"),
            "{missing}"
        );
        let empty = origin_warning("?origin=", true).expect("warned");
        assert!(empty.contains("\"\" is not a valid origin"), "{empty}");
        for bad in [
            "ocop.example.gov.vn",
            "https://a.vn/ocop",
            "*",
            "https%3A%2F%2Fa.vn%2Fx%3Fy",
        ] {
            let w = origin_warning(&format!("origin={bad}"), true).expect(bad);
            assert!(w.contains("is not a valid origin"), "{w}");
            assert!(
                w.contains("origin=https%3A%2F%2Focop.example.gov.vn"),
                "{w}"
            );
        }
        // The value is shown, shortened, never the whole of a long parameter.
        let long = origin_warning(&format!("origin={}", "x".repeat(10_000)), true).expect("w");
        assert!(long.len() < 600, "{}", long.len());
        // Valid: nothing to say. Not in a frame: nothing to say either.
        assert_eq!(origin_warning("origin=https%3A%2F%2Fa.vn", true), None);
        assert_eq!(origin_warning("origin=http://127.0.0.1:8100/", true), None);
        assert_eq!(origin_warning("", false), None);
        assert_eq!(origin_warning("origin=nonsense", false), None);
    }

    #[test]
    fn viewport_messages_are_checked_and_clamped() {
        let vp =
            |t: Option<f64>, h: Option<f64>| viewport_from(Some(VIEWPORT_MESSAGE), t, h, 26_000.0);
        assert_eq!(
            vp(Some(2150.4), Some(740.0)),
            Some(Viewport {
                top: 2150,
                height: 740
            })
        );
        // Not numbers, or not finite: ignored.
        assert_eq!(vp(None, Some(740.0)), None);
        assert_eq!(vp(Some(0.0), None), None);
        assert_eq!(vp(Some(f64::NAN), Some(740.0)), None);
        assert_eq!(vp(Some(0.0), Some(f64::INFINITY)), None);
        assert_eq!(vp(Some(f64::NEG_INFINITY), Some(1.0)), None);
        // Another type: ignored (the app's own messages, or anything else).
        assert_eq!(
            viewport_from(Some(HEIGHT_MESSAGE), Some(0.0), Some(1.0), 1e4),
            None
        );
        assert_eq!(viewport_from(None, Some(0.0), Some(1.0), 1e4), None);
        // Clamped to the frame: negative to 0, past the end to the end.
        assert_eq!(
            vp(Some(-50.0), Some(-3.0)),
            Some(Viewport { top: 0, height: 0 })
        );
        assert_eq!(
            vp(Some(25_900.0), Some(740.0)),
            Some(Viewport {
                top: 25_900,
                height: 100
            })
        );
        assert_eq!(
            vp(Some(1e300), Some(1e300)),
            Some(Viewport {
                top: 26_000,
                height: 0
            })
        );
        // An unknown frame height: clamped to the largest sane value.
        assert_eq!(
            viewport_from(Some(VIEWPORT_MESSAGE), Some(1e9), Some(5.0), f64::NAN),
            Some(Viewport {
                top: VIEWPORT_MAX as u32,
                height: 0
            })
        );
        assert_eq!(
            viewport_css(Viewport {
                top: 12,
                height: 700
            }),
            "--vp-top:12px;--vp-h:700px"
        );
    }

    #[test]
    fn the_visible_part_from_the_probe_strips() {
        // Strips of 400 px: two fully visible, the one below partly (known to within 25 px).
        let spans = [
            (0.0, 0.0, false),
            (800.0, 1200.0, true),
            (1200.0, 1600.0, true),
            (1600.0, 1700.0, false),
        ];
        assert_eq!(
            viewport_from_spans(&spans, 25.0),
            Some(Viewport {
                top: 800,
                height: 875
            })
        );
        // Partly visible at both edges: pulled in by the slack at both (the 50 px below the
        // last full strip are not trusted at all: 25 px from each side leaves nothing).
        let spans = [
            (950.0, 1200.0, false),
            (1200.0, 1600.0, true),
            (1600.0, 1650.0, false),
        ];
        assert_eq!(
            viewport_from_spans(&spans, 25.0),
            Some(Viewport {
                top: 975,
                height: 625
            })
        );
        // Nothing visible, or nonsense: nothing known.
        assert_eq!(viewport_from_spans(&[(0.0, 0.0, false); 4], 25.0), None);
        assert_eq!(viewport_from_spans(&[], 25.0), None);
        assert_eq!(viewport_from_spans(&[(f64::NAN, 5.0, true)], 25.0), None);
        // A sliver thinner than the slack is not trusted.
        assert_eq!(viewport_from_spans(&[(100.0, 120.0, false)], 25.0), None);
    }
}
