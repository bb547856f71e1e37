//! The dossier's downloads: three documents, each as an editable .docx and a printable page (made
//! by the on-demand module, [`crate::platform::dossier_lazy`]): the **filing copy** (Mẫu 01 +
//! Mẫu 02 + the evidence annex, what the producer files), the **working copy** (never filed:
//! the estimate, what is missing, advice) and **Mẫu 03** (the commune's report, drafted for the
//! officer to complete); then the JSON export, what happened to the last one, and the JSON import
//! below them.
//!
//! Languages. The filing copy and Mẫu 03 are filed in Vietnamese, so their buttons always make
//! the Vietnamese document, whatever the app's language: a producer reading the app in English
//! still files Vietnamese, and an English file must never be the one that gets filed. In English
//! the filing copy also offers an **English reading copy** beside it, named
//! `english-reading-copy-filing-…` so it cannot be taken for the Vietnamese one. The working copy
//! is the producer's own and comes in the app's language. Before the filing copy is downloaded
//! with blanks left, a line says how many (downloading stays possible: nothing is required).

use std::rc::Rc;

use yew::prelude::*;

use crate::date::Date;
use crate::dossier::Document;
use crate::draft::{self, Draft};
use crate::i18n::{self, t, Key, Lang};
use crate::platform::dossier_lazy::{self, Kind, Output};
use crate::platform::{self, files};
use crate::rubric::ProductSet;

use crate::ui::state::Action;
use crate::ui::Shared;

use super::import::ImportDraft;

/// The state of a download.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Idle,
    Working,
    Done(String),
    PrintOpened,
    PrintBlocked(String),
    Failed,
}

/// Where a status line is shown: beside the document it is about, or the JSON export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    Doc(Document),
    Json,
}

#[derive(Properties, PartialEq)]
pub struct DownloadsProps {
    pub lang: Lang,
    pub draft: Shared<Draft>,
    /// Today, for the file names and the dossier's date line.
    pub today: Date,
    pub on_action: Callback<Action>,
    /// Told about a product set loaded to check an imported file.
    #[prop_or_default]
    pub on_rubric: Option<Callback<Rc<ProductSet>>>,
    /// The drafts here (for the import of a package).
    #[prop_or_default]
    pub here: Vec<Shared<Draft>>,
    /// How many blanks the filing copy leaves (`draft::blanks`, the "cần bổ sung" count).
    #[prop_or_default]
    pub blanks: usize,
    /// Whether `blanks` counts the criteria too (the scoring sheet is loaded).
    #[prop_or_default]
    pub counted_all: bool,
}

/// The language document `doc` is made in when the app speaks `ui`: the forms to file in
/// Vietnamese always, the working copy in the app's language.
pub fn document_lang(doc: Document, ui: Lang) -> Lang {
    match doc {
        Document::Filing | Document::Mau03 => Lang::Vi,
        Document::Working => ui,
    }
}

/// "Tải hồ sơ và sao lưu": make and save the three documents, export the draft, import one.
#[component]
pub fn Downloads(props: &DownloadsProps) -> Html {
    let lang = props.lang;
    let draft = &props.draft;
    let today = props.today;
    let status = use_state(|| (Slot::Json, Status::Idle));
    let busy = status.1 == Status::Working;

    let make = |doc: Document, out: Lang, kind: Kind| {
        let status = status.clone();
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| {
            if status.1 == Status::Working {
                return;
            }
            let slot = Slot::Doc(doc);
            status.set((slot, Status::Working));
            let status = status.clone();
            let d: Draft = (*draft).clone();
            platform::spawn(async move {
                // The evidence files' bytes for the annex's pictures (a file that cannot be read
                // is listed without its picture, and the console says why).
                let ids: Vec<String> = d.attachments.iter().map(|a| a.id.clone()).collect();
                let stored = if ids.is_empty() {
                    dossier_lazy::Files::new()
                } else {
                    match crate::platform::files_store::get_many(&ids).await {
                        Ok(f) => f,
                        Err(e) => {
                            files::warn(&format!("dossier: the stored files: {e:?}"));
                            dossier_lazy::Files::new()
                        }
                    }
                };
                let next = match dossier_lazy::generate(kind, doc, &d, out, today, &stored).await {
                    Ok(Output::Docx(bytes)) => {
                        let name = Kind::Docx.file_name(doc, &d, out, today);
                        if files::download_bytes(&name, Kind::Docx.mime(), &bytes) {
                            Status::Done(name)
                        } else {
                            Status::Failed
                        }
                    }
                    Ok(Output::Html(page)) => {
                        if files::open_html(&page) {
                            Status::PrintOpened
                        } else {
                            let name = Kind::Html.file_name(doc, &d, out, today);
                            files::download_text(&name, Kind::Html.mime(), &page);
                            Status::PrintBlocked(name)
                        }
                    }
                    Err(e) => {
                        files::warn(&format!("dossier: {e}"));
                        Status::Failed
                    }
                };
                status.set((slot, next));
            });
        })
    };
    let on_json = {
        let status = status.clone();
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| {
            let name = draft::export_file_name(&draft, today);
            if files::download_text(&name, "application/json", &draft::to_json(&draft)) {
                status.set((Slot::Json, Status::Done(name)));
            }
        })
    };
    // The status line of `slot` (each is a live region from the start, so a change is read out).
    let status_line = |slot: Slot, id: &'static str| {
        let line = if status.0 == slot {
            match &status.1 {
                Status::Idle => html! {},
                Status::Working => html! { <p>{ t(lang, Key::Preparing) }</p> },
                Status::Done(name) => {
                    html! { <p class="ok">{ t(lang, Key::FileReady) }{ " " }<bdi>{ name.clone() }</bdi></p> }
                }
                Status::PrintOpened => html! { <p class="ok">{ t(lang, Key::PrintOpened) }</p> },
                Status::PrintBlocked(name) => html! {
                    <p class="warn-text">{ t(lang, Key::PrintBlocked) }{ " " }<bdi>{ name.clone() }</bdi></p>
                },
                Status::Failed => {
                    html! { <p class="field-error">{ t(lang, Key::DossierFailed) }</p> }
                }
            }
        } else {
            html! {}
        };
        html! { <div class="dl-status" role="status" id={id}>{ line }</div> }
    };
    let button = |id: &'static str, label: Key, primary: bool, cb: Callback<MouseEvent>| {
        html! {
            <button type="button" class={classes!("btn", primary.then_some("primary"))} id={id} onclick={cb}
                aria-disabled={busy.then_some("true")}>{ t(lang, label) }</button>
        }
    };
    let working = document_lang(Document::Working, lang);

    html! {
        <section class="downloads" aria-labelledby="dl-title">
            <h2 id="dl-title">{ t(lang, Key::DownloadsTitle) }</h2>

            <div class="doc-block filing" id="dl-filing" aria-labelledby="dl-filing-title" role="group">
                <h3 id="dl-filing-title">{ t(lang, Key::FilingTitle) }</h3>
                <p class="hint">{ t(lang, Key::FilingHint) }
                    if lang != Lang::Vi { { " " }{ t(lang, Key::FilingInVietnamese) } }</p>
                if props.blanks > 0 {
                    <p class="note-32" id="dl-blanks">{ i18n::blanks_left(lang, props.blanks, props.counted_all) }</p>
                }
                <div class="actions">
                    { button("dl-docx", Key::DownloadDocx, true, make(Document::Filing, Lang::Vi, Kind::Docx)) }
                    { button("dl-print", Key::OpenPrint, false, make(Document::Filing, Lang::Vi, Kind::Html)) }
                </div>
                <p class="hint">{ t(lang, Key::OpenPrintHint) }</p>
                if lang == Lang::En {
                    <p class="hint" id="dl-en-hint">{ t(lang, Key::EnglishCopyHint) }</p>
                    <div class="actions">
                        { button("dl-en-docx", Key::EnglishCopyDocx, false, make(Document::Filing, Lang::En, Kind::Docx)) }
                        { button("dl-en-print", Key::EnglishCopyPrint, false, make(Document::Filing, Lang::En, Kind::Html)) }
                    </div>
                }
                { status_line(Slot::Doc(Document::Filing), "dl-status") }
            </div>

            <div class="doc-block" id="dl-working" aria-labelledby="dl-working-title" role="group">
                <h3 id="dl-working-title">{ t(lang, Key::WorkingTitle) }</h3>
                <p class="hint">{ t(lang, Key::WorkingHint) }</p>
                <div class="actions">
                    { button("dl-working-docx", Key::WorkingDocx, false, make(Document::Working, working, Kind::Docx)) }
                    { button("dl-working-print", Key::WorkingPrint, false, make(Document::Working, working, Kind::Html)) }
                </div>
                { status_line(Slot::Doc(Document::Working), "dl-working-status") }
            </div>

            <div class="doc-block" id="dl-mau03" aria-labelledby="dl-mau03-title" role="group">
                <h3 id="dl-mau03-title">{ t(lang, Key::Mau03Title) }</h3>
                <p class="hint">{ t(lang, Key::Mau03Hint) }</p>
                <div class="actions">
                    { button("dl-mau03-docx", Key::Mau03Docx, false, make(Document::Mau03, Lang::Vi, Kind::Docx)) }
                    { button("dl-mau03-print", Key::Mau03Print, false, make(Document::Mau03, Lang::Vi, Kind::Html)) }
                </div>
                { status_line(Slot::Doc(Document::Mau03), "dl-mau03-status") }
            </div>

            <div class="actions">
                <button type="button" class="btn" id="dl-json" onclick={on_json}>{ t(lang, Key::ExportJson) }</button>
            </div>
            { status_line(Slot::Json, "dl-json-status") }
            <div class="doc-block" id="dl-package-block">
                <p class="hint">{ t(lang, Key::PackageHint) }</p>
                <crate::ui::package::PackageButton lang={lang} draft={draft.clone()} id="dl-package" />
            </div>
            <ImportDraft lang={lang} on_action={props.on_action.clone()} on_rubric={props.on_rubric.clone()}
                here={props.here.clone()} />
        </section>
    }
}
