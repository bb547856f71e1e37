//! The dossier writer, loaded on demand. The .docx and HTML renderers (about 37 KB of brotli
//! wasm) are not in the app's own module: the first time a download is asked for, the second
//! module built from [`super::dossier_module`] is imported from `ocop-dossier.js` beside
//! `index.html` by `window.__ocopLoadDossier` of `static/boot.js` (a relative URL, so the app
//! works under any sub-path; the service worker precaches it with the rest of the site, so it
//! also works offline). The benchmark hook `window.__ocopBenchDossier` (`?bench=1`) is there too.
//!
//! Natively (tests) the dossier is built directly with the embedded rubric files.

use crate::dossier::Document;
/// The evidence files' bytes by attachment id, as [`generate`] takes them.
pub use crate::dossier::Files;
use crate::draft::Draft;
use crate::i18n::Lang;

use crate::date::Date;

/// What to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The editable Word file.
    Docx,
    /// The printable page.
    Html,
}

/// A generated dossier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Output {
    Docx(Vec<u8>),
    Html(String),
}

impl Kind {
    /// The file's extension.
    pub fn extension(self) -> &'static str {
        match self {
            Kind::Docx => "docx",
            Kind::Html => "html",
        }
    }

    /// The MIME type of the file.
    pub fn mime(self) -> &'static str {
        match self {
            Kind::Docx => crate::dossier::docx::MIME,
            Kind::Html => "text/html;charset=utf-8",
        }
    }

    /// The file of document `doc` in `lang`: "ho-so-nop-nuoc-mam-co-ba-2026-11-29.docx" (or
    /// `.html` for the print page); see [`Document::file_name`].
    pub fn file_name(self, doc: Document, d: &Draft, lang: Lang, today: Date) -> String {
        doc.file_name(d, lang, today, self.extension())
    }
}

impl Output {
    /// What kind of file this is.
    pub fn kind(&self) -> Kind {
        match self {
            Output::Docx(_) => Kind::Docx,
            Output::Html(_) => Kind::Html,
        }
    }
}

/// Generate the dossier of `draft` (loads the module and the product set's rubric file first if
/// needed), with the bytes of its evidence files by attachment id (`files`: the annex's
/// pictures; a file the draft describes but `files` lacks is listed as missing). The error text
/// is technical (for the console); the UI words the failure itself.
pub async fn generate(
    kind: Kind,
    doc: Document,
    draft: &Draft,
    lang: Lang,
    today: Date,
    files: &Files,
) -> Result<Output, String> {
    imp::generate(
        kind,
        doc,
        crate::draft::to_json(draft),
        &draft.product_set,
        lang,
        today.dmy(),
        files,
    )
    .await
}

/// The one-page result summary of `draft` (`dossier::summary`), from the same module.
pub async fn summary(draft: &Draft, lang: Lang, today: Date) -> Result<String, String> {
    imp::summary(
        crate::draft::to_json(draft),
        &draft.product_set,
        lang,
        today.dmy(),
    )
    .await
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use js_sys::{Array, Function, Promise, Reflect, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    /// `window.__ocopLoadDossier()` from static/boot.js: imports `ocop-dossier.js` once and
    /// resolves to its exports (kept in boot.js, so this module's glue imports no JS file).
    fn load_dossier_module() -> Result<Promise, String> {
        let w = web_sys::window().ok_or("no window")?;
        let f = Reflect::get(&w, &"__ocopLoadDossier".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .ok_or("boot.js did not provide __ocopLoadDossier")?;
        f.call0(&JsValue::NULL)
            .map_err(err)?
            .dyn_into::<Promise>()
            .map_err(|_| "__ocopLoadDossier did not return a promise".to_string())
    }

    fn err(e: JsValue) -> String {
        e.as_string().unwrap_or_else(|| format!("{e:?}"))
    }

    async fn module() -> Result<JsValue, String> {
        JsFuture::from(load_dossier_module()?).await.map_err(err)
    }

    async fn rubric_text(set_id: &str) -> Result<String, String> {
        crate::platform::fetch::fetch_text(&crate::platform::fetch::rubric_url(set_id)).await
    }

    fn call(module: &JsValue, name: &str, args: &[&str]) -> Result<JsValue, String> {
        call_with(module, name, args, None)
    }

    /// `module[name](...args, extra)`.
    fn call_with(
        module: &JsValue,
        name: &str,
        args: &[&str],
        extra: Option<&JsValue>,
    ) -> Result<JsValue, String> {
        let f = Reflect::get(module, &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .ok_or_else(|| format!("the dossier module has no {name}"))?;
        let a = Array::new();
        for s in args {
            a.push(&JsValue::from_str(s));
        }
        if let Some(x) = extra {
            a.push(x);
        }
        f.apply(&JsValue::NULL, &a).map_err(err)
    }

    /// The files as the module takes them: `[[id, Uint8Array], …]` (each copied once into JS).
    fn files_js(files: &Files) -> JsValue {
        let list = Array::new();
        for (id, bytes) in files {
            let pair = Array::new();
            pair.push(&JsValue::from_str(id));
            pair.push(&Uint8Array::from(bytes.as_slice()));
            list.push(&pair);
        }
        list.into()
    }

    pub async fn generate(
        kind: Kind,
        doc: Document,
        draft_json: String,
        set_id: &str,
        lang: Lang,
        today: String,
        files: &Files,
    ) -> Result<Output, String> {
        let m = module().await?;
        let rubric = rubric_text(set_id).await?;
        let args = [
            draft_json.as_str(),
            rubric.as_str(),
            lang.tag(),
            today.as_str(),
            doc.tag(),
        ];
        let files = files_js(files);
        match kind {
            Kind::Docx => {
                let v = call_with(&m, "dossier_docx", &args, Some(&files))?;
                let bytes = v
                    .dyn_into::<Uint8Array>()
                    .map_err(|_| "dossier_docx did not return bytes".to_string())?;
                Ok(Output::Docx(bytes.to_vec()))
            }
            Kind::Html => call_with(&m, "dossier_html", &args, Some(&files))?
                .as_string()
                .map(Output::Html)
                .ok_or_else(|| "dossier_html did not return text".to_string()),
        }
    }

    pub async fn summary(
        draft_json: String,
        set_id: &str,
        lang: Lang,
        today: String,
    ) -> Result<String, String> {
        let m = module().await?;
        let rubric = rubric_text(set_id).await?;
        let args = [
            draft_json.as_str(),
            rubric.as_str(),
            lang.tag(),
            today.as_str(),
        ];
        call(&m, "dossier_summary", &args)?
            .as_string()
            .ok_or_else(|| "dossier_summary did not return text".to_string())
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;
    use crate::dossier;
    use crate::rubric::embedded;

    pub async fn generate(
        kind: Kind,
        doc: Document,
        draft_json: String,
        set_id: &str,
        lang: Lang,
        today: String,
        files: &Files,
    ) -> Result<Output, String> {
        let rubric = embedded::SETS
            .iter()
            .find(|(id, _)| *id == set_id)
            .map(|(_, text)| *text)
            .ok_or_else(|| format!("unknown set {set_id}"))?;
        let d = dossier::from_interchange_with_files(
            &draft_json,
            rubric,
            lang.tag(),
            &today,
            doc.tag(),
            files,
        )?;
        Ok(match kind {
            Kind::Docx => Output::Docx(dossier::render_docx(&d)),
            Kind::Html => Output::Html(dossier::render_html(&d)),
        })
    }

    pub async fn summary(
        draft_json: String,
        set_id: &str,
        lang: Lang,
        today: String,
    ) -> Result<String, String> {
        let rubric = embedded::SETS
            .iter()
            .find(|(id, _)| *id == set_id)
            .map(|(_, text)| *text)
            .ok_or_else(|| format!("unknown set {set_id}"))?;
        dossier::summary::from_interchange(&draft_json, rubric, lang.tag(), &today)
    }
}
