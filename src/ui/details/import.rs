//! Importing a draft from a .json file: a button opening a hidden file input, and the checks a
//! file goes through before it becomes a new draft (size before reading, then the interchange
//! format, then its product set's rubric). Anything refused is said in words and changes nothing.
//! Shown on the dossier screen and under the drafts list.

use std::rc::Rc;

use yew::prelude::*;

use crate::draft::{self, store, Draft, ImportError, ImportErrorKind, MAX_IMPORT_BYTES};
use crate::i18n::{self, t, Key, Lang};
use crate::platform::{self, clock, dom, fetch, files};
use crate::rubric::ProductSet;

use crate::ui::state::Action;

#[derive(Properties, PartialEq)]
pub struct ImportProps {
    pub lang: Lang,
    pub on_action: Callback<Action>,
    /// Told about the product set loaded to check the file (so the app need not fetch it again).
    #[prop_or_default]
    pub on_rubric: Option<Callback<Rc<ProductSet>>>,
    /// Drafts here: a package of one of them offers to update it instead of adding a copy.
    #[prop_or_default]
    pub here: Vec<crate::ui::Shared<Draft>>,
}

#[derive(Clone, Debug, PartialEq)]
enum ImportState {
    Idle,
    Reading,
    Failed(String),
    /// A package of a draft already here (its name): update it, or add a copy?
    Choose(String),
}

/// Why an imported file was refused, in words.
pub fn import_message(lang: Lang, e: &ImportError) -> String {
    format!(
        "{} {}",
        t(lang, Key::ImportFailed),
        i18n::import_error(lang, e)
    )
}

/// A file is refused before reading when the browser says it is larger than the limit (a
/// package, by its name, has the package's limit).
pub fn too_large_named(name: &str, size: u64) -> Option<ImportError> {
    if name.to_ascii_lowercase().ends_with(".zip") {
        let limit = crate::package::MAX_PACKAGE_BYTES;
        return (size > limit).then(|| ImportError {
            field: String::new(),
            kind: ImportErrorKind::TooLarge {
                bytes: usize::try_from(size).unwrap_or(usize::MAX),
                limit: usize::try_from(limit).unwrap_or(usize::MAX),
            },
        });
    }
    too_large(size)
}

/// A package read and checked against its product set's sheet; the error in words.
pub async fn read_package<F, Fut>(
    lang: Lang,
    bytes: &[u8],
    load: F,
) -> Result<(crate::package::Package, ProductSet), String>
where
    F: FnOnce(String) -> Fut,
    Fut: std::future::Future<Output = Result<ProductSet, String>>,
{
    let pkg = crate::package::read(bytes).map_err(|e| {
        format!(
            "{} {}",
            t(lang, Key::ImportFailed),
            i18n::package_error(lang, &e)
        )
    })?;
    let set = load(pkg.draft.product_set.clone()).await.map_err(|_| {
        format!(
            "{} {}",
            t(lang, Key::ImportFailed),
            t(lang, Key::RubricFailed)
        )
    })?;
    draft::check_against(&pkg.draft, &set).map_err(|e| import_message(lang, &e))?;
    Ok((pkg, set))
}

/// A file is refused before reading when the browser says it is larger than the limit.
pub fn too_large(size: u64) -> Option<ImportError> {
    (size > MAX_IMPORT_BYTES as u64).then(|| ImportError {
        field: String::new(),
        kind: ImportErrorKind::TooLarge {
            bytes: usize::try_from(size).unwrap_or(usize::MAX),
            limit: MAX_IMPORT_BYTES,
        },
    })
}

/// The drafts of a backup file (a whole store) that can be restored: each read and checked
/// against its product set's sheet (each sheet loaded once), and how many were left out; `Err`
/// with the reason, in words, when the file as a whole is not a store this version reads.
pub async fn restore_bytes<F, Fut>(
    lang: Lang,
    bytes: &[u8],
    load: F,
) -> Result<(Vec<Draft>, usize), String>
where
    F: Fn(String) -> Fut,
    Fut: std::future::Future<Output = Result<ProductSet, String>>,
{
    let text = String::from_utf8_lossy(bytes);
    // The same strict reading as a single draft's (a repeated key is named).
    draft::parse_strict(&text).map_err(|e| import_message(lang, &e))?;
    let decoded = store::decode(&text);
    if decoded.unreadable {
        return Err(t(lang, Key::ImportFailed).to_string());
    }
    let mut skipped = decoded.skipped.len();
    let mut sets: std::collections::BTreeMap<String, Option<ProductSet>> = Default::default();
    let mut ok = Vec::new();
    for d in decoded.drafts {
        if !sets.contains_key(&d.product_set) {
            let set = load(d.product_set.clone()).await.ok();
            sets.insert(d.product_set.clone(), set);
        }
        match sets.get(&d.product_set).and_then(Option::as_ref) {
            Some(set) if draft::check_against(&d, set).is_ok() => ok.push(d),
            _ => skipped += 1,
        }
    }
    Ok((ok, skipped))
}

/// The outcome of checking an imported file, worded.
pub async fn import_bytes<F, Fut>(
    lang: Lang,
    bytes: &[u8],
    load: F,
) -> Result<(Draft, ProductSet), String>
where
    F: FnOnce(String) -> Fut,
    Fut: std::future::Future<Output = Result<ProductSet, String>>,
{
    let d = draft::from_bytes(bytes).map_err(|e| import_message(lang, &e))?;
    let set = load(d.product_set.clone()).await.map_err(|_| {
        format!(
            "{} {}",
            t(lang, Key::ImportFailed),
            t(lang, Key::RubricFailed)
        )
    })?;
    draft::check_against(&d, &set).map_err(|e| import_message(lang, &e))?;
    Ok((d, set))
}

/// "Import a draft from a .json file": a button opening a hidden file input. A valid file is
/// added as a new draft and opened; anything else is refused with a message and nothing changes.
#[component]
pub fn ImportDraft(props: &ImportProps) -> Html {
    let lang = props.lang;
    let state = use_state(|| ImportState::Idle);
    let pick = Callback::from(|_: MouseEvent| dom::click_element("import-file"));
    // A package waiting for "update" or "add a copy".
    let pending = use_mut_ref(|| None::<crate::package::Package>);
    let onchange = {
        let state = state.clone();
        let on_action = props.on_action.clone();
        let on_rubric = props.on_rubric.clone();
        let pending = pending.clone();
        let here = props.here.clone();
        Callback::from(move |e: Event| {
            let Some(file) = files::picked_file(&e) else {
                return;
            };
            if let Some(err) = too_large_named(&file.name, file.size) {
                state.set(ImportState::Failed(import_message(lang, &err)));
                return;
            }
            state.set(ImportState::Reading);
            let state = state.clone();
            let on_action = on_action.clone();
            let on_rubric = on_rubric.clone();
            let pending = pending.clone();
            let here = here.clone();
            platform::spawn(async move {
                let bytes = match file.bytes().await {
                    Ok(b) => b,
                    Err(e) => {
                        files::warn(&format!("import: {e}"));
                        state.set(ImportState::Failed(t(lang, Key::ImportFailed).to_string()));
                        return;
                    }
                };
                if crate::package::looks_like_zip(&bytes) {
                    let (pkg, set) = match read_package(lang, &bytes, fetch::load_rubric).await {
                        Ok(x) => x,
                        Err(message) => {
                            state.set(ImportState::Failed(message));
                            return;
                        }
                    };
                    if let Some(cb) = &on_rubric {
                        cb.emit(Rc::new(set));
                    }
                    let mine = here.iter().find(|d| {
                        !pkg.draft.id.is_empty()
                            && d.id == pkg.draft.id
                            && d.product_set == pkg.draft.product_set
                    });
                    if let Some(d) = mine {
                        let name = d.display_name(t(lang, Key::Untitled)).to_string();
                        *pending.borrow_mut() = Some(pkg);
                        state.set(ImportState::Choose(name));
                        return;
                    }
                    add_package_copy(lang, pkg, &here, &state, &on_action).await;
                    return;
                }
                if std::str::from_utf8(&bytes).is_ok_and(store::is_store_text) {
                    let (drafts, skipped) =
                        match restore_bytes(lang, &bytes, fetch::load_rubric).await {
                            Ok(x) => x,
                            Err(message) => {
                                state.set(ImportState::Failed(message));
                                return;
                            }
                        };
                    state.set(ImportState::Idle);
                    let fresh_ids = drafts.iter().map(|_| clock::new_id()).collect();
                    on_action.emit(Action::Restore {
                        drafts,
                        fresh_ids,
                        skipped,
                    });
                    return;
                }
                match import_bytes(lang, &bytes, fetch::load_rubric).await {
                    Ok((d, set)) => {
                        if let Some(cb) = &on_rubric {
                            cb.emit(Rc::new(set));
                        }
                        state.set(ImportState::Idle);
                        let clipped = std::str::from_utf8(&bytes)
                            .map(draft::clipped_fields)
                            .unwrap_or_default();
                        on_action.emit(Action::Import {
                            draft: d,
                            fresh_id: clock::new_id(),
                            clipped,
                        });
                    }
                    Err(message) => state.set(ImportState::Failed(message)),
                }
            });
        })
    };
    let choose = |update: bool| {
        let state = state.clone();
        let on_action = props.on_action.clone();
        let pending = pending.clone();
        let here = props.here.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(pkg) = pending.borrow_mut().take() else {
                return;
            };
            let state = state.clone();
            let on_action = on_action.clone();
            let here = here.clone();
            state.set(ImportState::Reading);
            platform::spawn(async move {
                if update {
                    let id = pkg.draft.id.clone();
                    match crate::ui::package::store_incoming(lang, pkg, &id, false).await {
                        Ok(d) => {
                            state.set(ImportState::Idle);
                            on_action.emit(Action::UpdateFromLink {
                                id,
                                incoming: d,
                                now_ms: clock::now_ms(),
                            });
                        }
                        Err(m) => state.set(ImportState::Failed(m)),
                    }
                } else {
                    add_package_copy(lang, pkg, &here, &state, &on_action).await;
                }
            });
        })
    };
    html! {
        <div class="import">
            <div class="actions">
                <button type="button" class="btn" id="import-json" onclick={pick}>{ t(lang, Key::ImportJson) }</button>
            </div>
            if let ImportState::Choose(name) = &*state {
                <div class="notice" role="group" id="import-choose" aria-label={t(lang, Key::PackageHereTitle)}>
                    <p>{ i18n::package_here(lang, name) }</p>
                    <div class="actions">
                        <button type="button" class="btn primary" id="import-update" onclick={choose(true)}>{ t(lang, Key::IncomingUpdate) }</button>
                        <button type="button" class="btn" id="import-copy" onclick={choose(false)}>{ t(lang, Key::IncomingAddCopy) }</button>
                    </div>
                </div>
            }
            <input type="file" id="import-file" accept=".json,.zip,application/json,application/zip" hidden=true
                tabindex="-1" aria-hidden="true" {onchange} />
            <p class="hint">{ t(lang, Key::ImportHint) }</p>
            <div role="status" class="import-status">
                if *state == ImportState::Reading { <p>{ t(lang, Key::ImportReading) }</p> }
            </div>
            if let ImportState::Failed(msg) = &*state {
                <div class="alert" role="alert" id="import-error"><p>{ msg.clone() }</p></div>
            }
        </div>
    }
}

/// Add an incoming package as a new draft: its own id unless a draft here has it, and every
/// file under a new id, so it never shares stored bytes with the draft it came from.
async fn add_package_copy(
    lang: Lang,
    pkg: crate::package::Package,
    here: &[crate::ui::Shared<Draft>],
    state: &UseStateHandle<ImportState>,
    on_action: &Callback<Action>,
) {
    let taken = pkg.draft.id.is_empty() || here.iter().any(|d| d.id == pkg.draft.id);
    let id = if taken {
        clock::new_id()
    } else {
        pkg.draft.id.clone()
    };
    match crate::ui::package::store_incoming(lang, pkg, &id, true).await {
        Ok(d) => {
            state.set(ImportState::Idle);
            on_action.emit(Action::Import {
                draft: d,
                fresh_id: id,
                clipped: Vec::new(),
            });
        }
        Err(m) => state.set(ImportState::Failed(m)),
    }
}
