//! Embedding in agency websites: query parameters that configure the app, and the messages it
//! posts to the host page (content height; the result without personal details).
//!
//! ```text
//! index.html?lang=en&set=QD26-07&theme=%230b6e4f&header=0&origin=https://ocop.example.gov.vn
//! ```
//!
//! `origin` is the host page's origin: messages are posted only when it is given and valid, and
//! only to it (never `"*"`). Parsing is pure and tested natively; posting is wasm-only.

use serde_json::{json, Value};

use crate::assess::Assessment;
use crate::i18n::Lang;

/// Message type of the height message.
pub const HEIGHT_MESSAGE: &str = "ocop-self-check:height";
/// Message type of the result message.
pub const RESULT_MESSAGE: &str = "ocop-self-check:result";

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
    Some(format!("{scheme}://{}", rest.to_ascii_lowercase()))
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

    /// Post the document's height to the parent now and whenever the body changes size.
    pub fn watch_height(origin: String) {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(body) = doc.body() else { return };
        let send = {
            let origin = origin.clone();
            move || {
                let h = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.document_element())
                    .map(|e| e.scroll_height().max(0) as u32)
                    .unwrap_or(0);
                post_to_parent(&super::height_message(h), &origin);
            }
        };
        send();
        let callback = Closure::<dyn FnMut()>::new(send);
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&body);
            // The observer lives as long as the page.
            callback.forget();
            std::mem::forget(observer);
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
}

pub use imp::{in_frame, post_to_parent, query, watch_height};

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
}
