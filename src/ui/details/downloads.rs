//! The dossier's downloads: the .docx and the printable page (made by the on-demand module,
//! [`crate::platform::dossier_lazy`]), the JSON export, what happened to the last one, and the
//! JSON import below them.

use std::rc::Rc;

use yew::prelude::*;

use crate::date::Date;
use crate::dossier::Document;
use crate::draft::{self, Draft};
use crate::i18n::{t, Key, Lang};
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
}

/// "Tải hồ sơ và sao lưu": generate and save the dossier, export the draft, import one.
#[component]
pub fn Downloads(props: &DownloadsProps) -> Html {
    let lang = props.lang;
    let draft = &props.draft;
    let today = props.today;
    let status = use_state(|| Status::Idle);

    let make = |kind: Kind| {
        let status = status.clone();
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| {
            if *status == Status::Working {
                return;
            }
            status.set(Status::Working);
            let status = status.clone();
            let d: Draft = (*draft).clone();
            platform::spawn(async move {
                let next =
                    match dossier_lazy::generate(kind, Document::Filing, &d, lang, today).await {
                        Ok(Output::Docx(bytes)) => {
                            let name = Kind::Docx.file_name(Document::Filing, &d, lang, today);
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
                                let name = Kind::Html.file_name(Document::Filing, &d, lang, today);
                                files::download_text(&name, Kind::Html.mime(), &page);
                                Status::PrintBlocked(name)
                            }
                        }
                        Err(e) => {
                            files::warn(&format!("dossier: {e}"));
                            Status::Failed
                        }
                    };
                status.set(next);
            });
        })
    };
    let on_docx = make(Kind::Docx);
    let on_print = make(Kind::Html);
    let on_json = {
        let status = status.clone();
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| {
            let name = draft::export_file_name(&draft, today);
            if files::download_text(&name, "application/json", &draft::to_json(&draft)) {
                status.set(Status::Done(name));
            }
        })
    };
    let busy = *status == Status::Working;
    let status_line = match &*status {
        Status::Idle => html! {},
        Status::Working => html! { <p>{ t(lang, Key::Preparing) }</p> },
        Status::Done(name) => {
            html! { <p class="ok">{ t(lang, Key::FileReady) }{ " " }<bdi>{ name.clone() }</bdi></p> }
        }
        Status::PrintOpened => html! { <p class="ok">{ t(lang, Key::PrintOpened) }</p> },
        Status::PrintBlocked(name) => html! {
            <p class="warn-text">{ t(lang, Key::PrintBlocked) }{ " " }<bdi>{ name.clone() }</bdi></p>
        },
        Status::Failed => html! { <p class="field-error">{ t(lang, Key::DossierFailed) }</p> },
    };

    html! {
        <section class="downloads" aria-labelledby="dl-title">
            <h2 id="dl-title">{ t(lang, Key::DownloadsTitle) }</h2>
            <p class="hint">{ t(lang, Key::DownloadDocxHint) }</p>
            <div class="actions">
                <button type="button" class="btn primary" id="dl-docx" onclick={on_docx}
                    aria-disabled={busy.then_some("true")}>{ t(lang, Key::DownloadDocx) }</button>
                <button type="button" class="btn" id="dl-print" onclick={on_print}
                    aria-disabled={busy.then_some("true")}>{ t(lang, Key::OpenPrint) }</button>
            </div>
            <p class="hint">{ t(lang, Key::OpenPrintHint) }</p>
            <div class="actions">
                <button type="button" class="btn" id="dl-json" onclick={on_json}>{ t(lang, Key::ExportJson) }</button>
            </div>
            <div class="dl-status" role="status" id="dl-status">{ status_line }</div>
            <ImportDraft lang={lang} on_action={props.on_action.clone()} on_rubric={props.on_rubric.clone()} />
        </section>
    }
}
