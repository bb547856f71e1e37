//! The dossier writer as a second WebAssembly module (`ocop-dossier.js` + `ocop-dossier_bg.wasm`),
//! loaded by the app only when a download is asked for (see [`super::dossier_lazy`]), so the
//! .docx/HTML renderers stay out of the first download.
//!
//! Built by `scripts/build.sh` from the same package:
//! `cargo build --release --target wasm32-unknown-unknown --bin ocop-dossier --features dossier-module`
//! (the bin `src/bin/ocop-dossier.rs` is empty; the exports below come from this library). The
//! main app is built without the feature, so it cannot link any of this.
//!
//! Interface (JavaScript, after `await init()`), every argument a string:
//! `dossier_docx(draft_json, rubric_json, lang, today, doc) -> Uint8Array` and
//! `dossier_html(draft_json, rubric_json, lang, today, doc) -> string`, and
//! `dossier_summary(draft_json, rubric_json, lang, today) -> string` (the one-page result summary); all throw a string on bad
//! input. `doc` is "filing", "working" or "mau03" ([`crate::dossier::Document::tag`]).
//! `draft_json` is a draft in the interchange format v1, `rubric_json` the product set's rubric
//! file (the app has fetched it already; passing it in keeps the 26 sheets out of this module),
//! `lang` "vi" or "en", `today` dd/mm/yyyy or yyyy-mm-dd. Both go through
//! [`crate::dossier::from_interchange`] (parse, check the set ids agree, read the date, find the
//! catalogue entry, assess, build), which the tests also call natively.

#[cfg(all(target_arch = "wasm32", feature = "dossier-module"))]
pub use exports::{dossier_docx, dossier_html, dossier_summary};

#[cfg(all(target_arch = "wasm32", feature = "dossier-module"))]
mod exports {
    use crate::dossier::{from_interchange, render_docx, render_html};
    use wasm_bindgen::prelude::*;

    /// The dossier as a .docx file.
    #[wasm_bindgen]
    pub fn dossier_docx(
        draft_json: &str,
        rubric_json: &str,
        lang: &str,
        today: &str,
        doc: &str,
    ) -> Result<Vec<u8>, JsValue> {
        from_interchange(draft_json, rubric_json, lang, today, doc)
            .map(|d| render_docx(&d))
            .map_err(|e| JsValue::from_str(&e))
    }

    /// The dossier as a printable HTML page.
    #[wasm_bindgen]
    pub fn dossier_html(
        draft_json: &str,
        rubric_json: &str,
        lang: &str,
        today: &str,
        doc: &str,
    ) -> Result<String, JsValue> {
        from_interchange(draft_json, rubric_json, lang, today, doc)
            .map(|d| render_html(&d))
            .map_err(|e| JsValue::from_str(&e))
    }

    /// The one-page result summary (`dossier::summary`) as a printable HTML page.
    #[wasm_bindgen]
    pub fn dossier_summary(
        draft_json: &str,
        rubric_json: &str,
        lang: &str,
        today: &str,
    ) -> Result<String, JsValue> {
        crate::dossier::summary::from_interchange(draft_json, rubric_json, lang, today)
            .map_err(|e| JsValue::from_str(&e))
    }
}

#[cfg(test)]
mod tests {
    use crate::dossier::from_interchange;
    use crate::draft;

    #[test]
    fn builds_from_strings_and_rejects_a_mismatch() {
        let Some(Ok(set)) = crate::rubric::embedded::load("QD26-09") else {
            panic!("set")
        };
        let rubric = crate::rubric::embedded::SETS
            .iter()
            .find(|(id, _)| *id == "QD26-09")
            .map(|(_, t)| *t)
            .unwrap_or_default();
        let mut d = draft::Draft::new("x", "QD26-09", 1);
        d.producer.name = "HTX Nước mắm Cô Ba".into();
        let code = set
            .criteria()
            .next()
            .map(|l| l.criterion.code.clone())
            .unwrap_or_default();
        d.responses.answers.insert(code, 1);
        let doc = from_interchange(&draft::to_json(&d), rubric, "vi", "29/11/2026", "filing");
        let doc = doc.unwrap_or_else(|e| panic!("{e}"));
        assert!(doc.plain_text().contains("HTX Nước mắm Cô Ba"));
        assert!(!crate::dossier::render_docx(&doc).is_empty());

        let other = crate::rubric::embedded::SETS
            .iter()
            .find(|(id, _)| *id == "QD26-07")
            .map(|(_, t)| *t)
            .unwrap_or_default();
        assert!(from_interchange(&draft::to_json(&d), other, "vi", "", "filing").is_err());
        assert!(from_interchange("{", rubric, "vi", "", "filing").is_err());
        assert!(from_interchange(&draft::to_json(&d), rubric, "vi", "", "other").is_err());
        assert!(from_interchange(&draft::to_json(&d), "[]", "vi", "", "filing").is_err());
    }
}
