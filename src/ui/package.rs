//! The evidence package in the browser (issue 14): a draft with its files as one `.zip`
//! ([`crate::package`]), made from the stored files for a backup, another phone or the commune,
//! and read back by the import button (as a new draft, or to update the same draft here).
//! Share links cannot carry files; the share dialog says so and offers this.

use yew::prelude::*;

use crate::date::Date;
use crate::draft::{self, Attachment, Draft};
use crate::i18n::{self, t, Key, Lang};
use crate::package::{self, Package};
use crate::platform::{self, clock, files, files_store};

use super::Shared;

/// The package's file name: "nuoc-mam-co-ba-2026-12-01.zip".
pub fn file_name(d: &Draft, today: Date) -> String {
    let json = draft::export_file_name(d, today);
    format!("{}.zip", json.trim_end_matches(".json"))
}

/// The package of `d` with its stored files; the error in words.
pub async fn build(lang: Lang, d: &Draft, today: Date) -> Result<Vec<u8>, String> {
    let ids: Vec<String> = d.attachments.iter().map(|a| a.id.clone()).collect();
    let stored = files_store::get_many(&ids)
        .await
        .map_err(|_| t(lang, Key::PackageFilesUnreadable).to_string())?;
    package::write(d, &stored, Some(today)).map_err(|e| i18n::package_error(lang, &e))
}

/// Store an incoming package's files for draft `draft_id` and give back the draft to add:
/// as a copy (`fresh_ids`), each file gets a new id so it never shares bytes with the draft it
/// came from; to update, the ids stay. All or nothing: when one file cannot be stored (the
/// quota), the ones already stored are removed and the message names the file.
pub async fn store_incoming(
    lang: Lang,
    pkg: Package,
    draft_id: &str,
    fresh_ids: bool,
) -> Result<Draft, String> {
    let Package { mut draft, files } = pkg;
    draft.id = draft_id.to_string();
    let mut stored: Vec<String> = Vec::new();
    let mut renamed: Vec<Attachment> = Vec::with_capacity(draft.attachments.len());
    for a in &draft.attachments {
        let Some(bytes) = files.get(&a.id) else {
            continue;
        };
        let a = if fresh_ids {
            Attachment {
                id: files_store::new_file_id(),
                ..a.clone()
            }
        } else {
            a.clone()
        };
        if let Err(e) = files_store::put(draft_id, &a, bytes).await {
            let _ = files_store::remove(&stored).await;
            let why = match e {
                files_store::FilesError::Full => i18n::FileRefusal::StorageFull,
                other => i18n::FileRefusal::Failed(format!("{other:?}")),
            };
            let name = if a.caption.trim().is_empty() {
                a.id.clone()
            } else {
                a.caption.clone()
            };
            return Err(format!(
                "{} {}",
                t(lang, Key::PackageNotImported),
                i18n::file_refused(lang, &name, &why)
            ));
        }
        stored.push(a.id.clone());
        renamed.push(a);
    }
    draft.attachments = renamed;
    Ok(draft)
}

/// Store a copy of each of `list`'s files under a new id for draft `draft_id` (for a duplicated
/// draft); all or nothing.
pub async fn copy_files(list: &[Attachment], draft_id: &str) -> Result<Vec<Attachment>, String> {
    if list.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<String> = list.iter().map(|a| a.id.clone()).collect();
    let bytes = files_store::get_many(&ids)
        .await
        .map_err(|e| format!("{e:?}"))?;
    let mut out = Vec::with_capacity(list.len());
    let mut stored = Vec::new();
    for a in list {
        let Some(b) = bytes.get(&a.id) else {
            continue;
        };
        let copy = Attachment {
            id: files_store::new_file_id(),
            ..a.clone()
        };
        if let Err(e) = files_store::put(draft_id, &copy, b).await {
            let _ = files_store::remove(&stored).await;
            return Err(format!("{e:?}"));
        }
        stored.push(copy.id.clone());
        out.push(copy);
    }
    Ok(out)
}

#[derive(Properties, PartialEq)]
pub struct PackageButtonProps {
    pub lang: Lang,
    pub draft: Shared<Draft>,
    /// The button's id (several screens show one).
    pub id: AttrValue,
}

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Working,
    Failed(String),
}

/// "Tải gói hồ sơ (.zip, kèm ảnh)": the draft and its files as one package.
#[component]
pub fn PackageButton(props: &PackageButtonProps) -> Html {
    let lang = props.lang;
    let status = use_state(|| Status::Idle);
    let onclick = {
        let status = status.clone();
        let d = props.draft.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            let d = d.clone();
            status.set(Status::Working);
            platform::spawn(async move {
                let today = clock::today();
                match build(lang, &d, today).await {
                    Ok(bytes) => {
                        if files::download_bytes(&file_name(&d, today), "application/zip", &bytes) {
                            status.set(Status::Idle);
                        } else {
                            status.set(Status::Failed(t(lang, Key::PackageFailed).to_string()));
                        }
                    }
                    Err(m) => status.set(Status::Failed(m)),
                }
            });
        })
    };
    let n = props.draft.attachments.len();
    html! {
        <div class="package">
            <button type="button" class="btn" id={props.id.clone()} {onclick}
                disabled={*status == Status::Working}>{ i18n::package_button(lang, n) }</button>
            <p class="copy-status" role="status">{
                match &*status {
                    Status::Idle => String::new(),
                    Status::Working => t(lang, Key::PackageWorking).to_string(),
                    Status::Failed(m) => m.clone(),
                }
            }</p>
        </div>
    }
}
