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
//! `dossier_docx(draft_json, rubric_json, lang, today) -> Uint8Array` and
//! `dossier_html(draft_json, rubric_json, lang, today) -> string`; both throw a string on bad input.
//! `draft_json` is a draft in the interchange format v1, `rubric_json` the product set's rubric
//! file (the app has fetched it already; passing it in keeps the 26 sheets out of this module),
//! `lang` "vi" or "en", `today` dd/mm/yyyy or yyyy-mm-dd.

use crate::assess::assess;
use crate::dossier::{self, Dossier};
use crate::draft;
use crate::i18n::Lang;
use crate::rubric::{Catalogue, ProductSet};

/// Build the dossier from the module's string arguments (also used natively by the tests).
pub fn build_from_json(
    draft_json: &str,
    rubric_json: &str,
    lang: &str,
    today: &str,
) -> Result<Dossier, String> {
    let d = draft::from_json(draft_json).map_err(|e| format!("draft: {e}"))?;
    let set = ProductSet::from_json(rubric_json).map_err(|e| format!("rubric: {e}"))?;
    if d.product_set != set.id {
        return Err(format!(
            "rubric: the draft is for {} but the rubric is {}",
            d.product_set, set.id
        ));
    }
    let lang = Lang::from_tag(lang).unwrap_or_default();
    let catalogue = Some(Catalogue::builtin());
    let entry = catalogue.as_ref().and_then(|c| c.entry(&set.id));
    let a = assess(&set, &d.responses);
    Ok(dossier::build(&set, entry, &d, &a, lang, today))
}

#[cfg(all(target_arch = "wasm32", feature = "dossier-module"))]
mod exports {
    use wasm_bindgen::prelude::*;

    /// The dossier as a .docx file.
    #[wasm_bindgen]
    pub fn dossier_docx(
        draft_json: &str,
        rubric_json: &str,
        lang: &str,
        today: &str,
    ) -> Result<Vec<u8>, JsValue> {
        super::build_from_json(draft_json, rubric_json, lang, today)
            .map(|d| crate::dossier::render_docx(&d))
            .map_err(|e| JsValue::from_str(&e))
    }

    /// The dossier as a printable HTML page.
    #[wasm_bindgen]
    pub fn dossier_html(
        draft_json: &str,
        rubric_json: &str,
        lang: &str,
        today: &str,
    ) -> Result<String, JsValue> {
        super::build_from_json(draft_json, rubric_json, lang, today)
            .map(|d| crate::dossier::render_html(&d))
            .map_err(|e| JsValue::from_str(&e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let doc = build_from_json(&draft::to_json(&d), rubric, "vi", "29/11/2026");
        let doc = doc.unwrap_or_else(|e| panic!("{e}"));
        assert!(doc.plain_text().contains("HTX Nước mắm Cô Ba"));
        assert!(!crate::dossier::render_docx(&doc).is_empty());

        let other = crate::rubric::embedded::SETS
            .iter()
            .find(|(id, _)| *id == "QD26-07")
            .map(|(_, t)| *t)
            .unwrap_or_default();
        assert!(build_from_json(&draft::to_json(&d), other, "vi", "").is_err());
        assert!(build_from_json("{", rubric, "vi", "").is_err());
        assert!(build_from_json(&draft::to_json(&d), "[]", "vi", "").is_err());
    }
}
