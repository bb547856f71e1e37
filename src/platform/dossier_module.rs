//! The dossier writer as a second WebAssembly module (`ocop-dossier.js` + `ocop-dossier_bg.wasm`),
//! loaded by the app only when a download is asked for (see [`super::dossier_lazy`]), so the
//! .docx/HTML renderers stay out of the first download.
//!
//! Built by `scripts/build.sh` from the same package:
//! `cargo build --release --target wasm32-unknown-unknown --bin ocop-dossier --features dossier-module`
//! (the bin `src/bin/ocop-dossier.rs` is empty; the exports below come from this library). The
//! main app is built without the feature, so it cannot link any of this.
//!
//! Interface (JavaScript, after `await init()`), every argument a string but `files`:
//! `dossier_docx(draft_json, rubric_json, lang, today, doc, files) -> Uint8Array` and
//! `dossier_html(draft_json, rubric_json, lang, today, doc, files) -> string`, and
//! `dossier_summary(draft_json, rubric_json, lang, today) -> string` (the one-page result summary); all throw a string on bad
//! input. `doc` is "filing", "working" or "mau03" ([`crate::dossier::Document::tag`]).
//! `draft_json` is a draft in the interchange format v1, `rubric_json` the product set's rubric
//! file (the app has fetched it already; passing it in keeps the 26 sheets out of this module),
//! `lang` "vi" or "en", `today` dd/mm/yyyy or yyyy-mm-dd. `files` are the bytes of the draft's
//! evidence files for the annex: an array of `[id, Uint8Array]` pairs (the attachment's id, its
//! stored bytes), or `undefined`/`null` for none; a pair of another shape is refused. Both go
//! through [`crate::dossier::from_interchange_with_files`] (parse, check the set ids agree, read
//! the date, find the catalogue entry, assess, build), which the tests also call natively.

#[cfg(all(target_arch = "wasm32", feature = "dossier-module"))]
pub use exports::{dossier_docx, dossier_html, dossier_summary};

#[cfg(all(target_arch = "wasm32", feature = "dossier-module"))]
mod exports {
    use crate::dossier::{from_interchange_with_files, render_docx, render_html, Files};
    use js_sys::{Array, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    /// The `files` argument: `[[id, Uint8Array], …]`, `undefined` or `null`.
    fn files_of(v: &JsValue) -> Result<Files, String> {
        let mut out = Files::new();
        if v.is_undefined() || v.is_null() {
            return Ok(out);
        }
        let list = v
            .dyn_ref::<Array>()
            .ok_or("files: not an array of [id, bytes] pairs")?;
        for (i, pair) in list.iter().enumerate() {
            let pair = pair
                .dyn_into::<Array>()
                .map_err(|_| format!("files[{i}]: not an [id, bytes] pair"))?;
            let id = pair
                .get(0)
                .as_string()
                .ok_or_else(|| format!("files[{i}]: the id is not text"))?;
            let bytes = pair
                .get(1)
                .dyn_into::<Uint8Array>()
                .map_err(|_| format!("files[{i}]: the bytes are not a Uint8Array"))?;
            out.insert(id, bytes.to_vec());
        }
        Ok(out)
    }

    /// The dossier as a .docx file.
    #[wasm_bindgen]
    pub fn dossier_docx(
        draft_json: &str,
        rubric_json: &str,
        lang: &str,
        today: &str,
        doc: &str,
        files: JsValue,
    ) -> Result<Vec<u8>, JsValue> {
        let files = files_of(&files).map_err(|e| JsValue::from_str(&e))?;
        from_interchange_with_files(draft_json, rubric_json, lang, today, doc, &files)
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
        files: JsValue,
    ) -> Result<String, JsValue> {
        let files = files_of(&files).map_err(|e| JsValue::from_str(&e))?;
        from_interchange_with_files(draft_json, rubric_json, lang, today, doc, &files)
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
