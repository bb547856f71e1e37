//! The format drafts are stored in on the device: one local-storage key ([`STORE_KEY`]) holding
//! `{"format":"ocop-self-check/store","version":1,"lang":"vi","current":"…","drafts":[…]}`,
//! each draft an interchange v1 value ([`crate::draft::to_value`]). Pure functions; reading and
//! writing the key is `platform::storage`'s. `tests/store_compat.rs` holds a frozen store of this
//! version that every later version must read.

use std::rc::Rc;

use serde_json::{Map, Value};

use crate::draft::{self, Draft, ImportError};
use crate::lang::Lang;

/// The local-storage key that holds every draft. `static/boot.js` (which decides which module to
/// start from what is saved) and the panic screen (`platform::panic`) read the same key.
pub const STORE_KEY: &str = "ocop-self-check/store";

pub const STORE_FORMAT: &str = "ocop-self-check/store";
pub const STORE_VERSION: u64 = 1;

/// What a stored text contained.
#[derive(Debug, Default)]
pub struct Decoded {
    pub lang: Option<Lang>,
    pub current: Option<String>,
    pub drafts: Vec<Draft>,
    /// Drafts that could not be read, with why.
    pub skipped: Vec<ImportError>,
    /// The text as a whole is not a store of this version.
    pub unreadable: bool,
}

/// Read a stored text. Never fails: what cannot be read is reported, not lost (the caller keeps
/// the raw text as a backup before anything overwrites it).
pub fn decode(raw: &str) -> Decoded {
    let mut out = Decoded::default();
    let value: Value = match serde_json::from_str(raw) {
        Ok(v) => v,
        Err(_) => {
            out.unreadable = true;
            return out;
        }
    };
    let Some(obj) = value.as_object() else {
        out.unreadable = true;
        return out;
    };
    let format_ok = obj.get("format").and_then(Value::as_str) == Some(STORE_FORMAT);
    let version_ok = obj.get("version").and_then(Value::as_u64) == Some(STORE_VERSION);
    let Some(drafts) = obj.get("drafts").and_then(Value::as_array) else {
        out.unreadable = true;
        return out;
    };
    if !format_ok || !version_ok {
        out.unreadable = true;
        return out;
    }
    out.lang = obj
        .get("lang")
        .and_then(Value::as_str)
        .and_then(Lang::from_tag);
    out.current = obj
        .get("current")
        .and_then(Value::as_str)
        .map(str::to_string);
    for d in drafts {
        match draft::from_value(d) {
            Ok(d) => out.drafts.push(d),
            Err(e) => out.skipped.push(e),
        }
    }
    out
}

/// The text to store.
pub fn encode(lang: Lang, current: Option<&str>, drafts: &[Rc<Draft>]) -> String {
    let mut o = Map::new();
    o.insert("format".into(), STORE_FORMAT.into());
    o.insert("version".into(), STORE_VERSION.into());
    o.insert("lang".into(), lang.tag().into());
    o.insert("current".into(), current.map_or(Value::Null, Value::from));
    o.insert(
        "drafts".into(),
        Value::Array(drafts.iter().map(|d| draft::to_value(d)).collect()),
    );
    Value::Object(o).to_string()
}

/// The text of a store with no drafts, written without a JSON library (the start module saves
/// the language this way before any draft exists). Equal to `encode(lang, None, &[])`.
pub fn empty(lang: Lang) -> String {
    format!(
        r#"{{"current":null,"drafts":[],"format":"{STORE_FORMAT}","lang":"{}","version":{STORE_VERSION}}}"#,
        lang.tag()
    )
}

/// Whether a stored text may be replaced by [`empty`]: nothing is stored, or only an empty store
/// of either language. Anything else (drafts saved meanwhile in another tab, a text this version
/// cannot read) is left alone.
pub fn replaceable_by_empty(stored: Option<&str>) -> bool {
    stored.is_none_or(|raw| raw == empty(Lang::Vi) || raw == empty(Lang::En))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_empty_store_is_what_encode_writes() {
        for lang in [Lang::Vi, Lang::En] {
            assert_eq!(empty(lang), encode(lang, None, &[]));
            let back = decode(&empty(lang));
            assert!(!back.unreadable && back.drafts.is_empty());
            assert_eq!(back.lang, Some(lang));
            assert!(replaceable_by_empty(Some(&empty(lang))));
        }
        assert!(replaceable_by_empty(None));
        let d = Rc::new(Draft::new("a1", "QD26-09", 10));
        assert!(!replaceable_by_empty(Some(&encode(Lang::Vi, None, &[d]))));
        assert!(!replaceable_by_empty(Some("{garbage")));
    }

    #[test]
    fn round_trips_and_skips_bad_drafts() {
        let mut d = Draft::new("a1", "QD26-09", 10);
        d.title = "Nước mắm <Cô Ba>".into();
        d.responses.answers.insert("1.1".into(), 2);
        let text = encode(Lang::En, Some("a1"), &[Rc::new(d.clone())]);
        let back = decode(&text);
        assert!(!back.unreadable);
        assert_eq!(back.lang, Some(Lang::En));
        assert_eq!(back.current.as_deref(), Some("a1"));
        assert_eq!(back.drafts, vec![d]);

        let mut v: Value = serde_json::from_str(&text).expect("json");
        if let Some(a) = v["drafts"].as_array_mut() {
            a.push(serde_json::json!({"format": "nope"}));
        }
        let back = decode(&v.to_string());
        assert_eq!(back.drafts.len(), 1);
        assert_eq!(back.skipped.len(), 1);
    }

    #[test]
    fn foreign_text_is_unreadable_not_a_panic() {
        for raw in [
            "",
            "{",
            "[]",
            "null",
            r#"{"format":"x","drafts":[]}"#,
            r#"{"format":"ocop-self-check/store","version":9,"drafts":[]}"#,
        ] {
            assert!(decode(raw).unreadable, "{raw}");
        }
    }
}
