//! The drafts list: open, rename, duplicate, download, delete (with confirmation), new.

use yew::prelude::*;

use crate::assess::assess;
use crate::draft::{self, Command, Draft};
use crate::i18n::{self, t, Key, Lang};
use crate::platform::{clock, dom, files};
use crate::rubric::{Catalogue, ProductSet};

use super::state::{Action, Screen};
use super::Shared;

#[derive(Properties, PartialEq)]
pub struct DraftsListProps {
    pub lang: Lang,
    pub drafts: Vec<Shared<Draft>>,
    pub current: Option<AttrValue>,
    pub catalogue: Shared<Catalogue>,
    pub on_action: Callback<Action>,
    /// Changes reach local storage (otherwise the intro says they do not).
    #[prop_or(true)]
    pub saved: bool,
    /// The browser's figures on room, once it has given them.
    #[prop_or_default]
    pub space: Option<crate::draft::store::Space>,
    /// The scoring sheets loaded so far: a draft of one of these counts its answers as the
    /// assessment does.
    #[prop_or_default]
    pub sets: Vec<Shared<ProductSet>>,
}

/// How many criteria of `d` are answered: as the assessment (and so the result, the dossier and
/// the working copy) counts them when its product set is known (an answer to a code or a level
/// the sheet lacks counts for nothing), else every answer the draft holds.
pub fn answered_count(d: &Draft, sets: &[Shared<ProductSet>]) -> usize {
    let r = &d.responses;
    match sets.iter().find(|s| s.id == d.product_set) {
        Some(set) => set
            .criteria()
            .filter(|l| {
                let c = l.criterion;
                r.answers
                    .get(&c.code)
                    .is_some_and(|p| c.level(*p).is_some())
                    || r.none_of_levels.contains(&c.code)
            })
            .count(),
        None => r.answers.len() + r.none_of_levels.len(),
    }
}

fn star_glyphs(n: u8) -> String {
    (1..=5u8).map(|i| if i <= n { '★' } else { '☆' }).collect()
}

#[component]
pub fn DraftsList(props: &DraftsListProps) -> Html {
    let lang = props.lang;
    // (draft id, text being typed) while renaming; draft id while confirming a delete.
    let renaming = use_state(|| None::<(String, String)>);
    let confirming = use_state(|| None::<String>);
    let on_action = props.on_action.clone();
    let new_draft = {
        let cb = on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Action::Show(Screen::Choose)))
    };

    // Every draft in one file (a backup: restored whole by the import below, on this device or
    // another).
    let backup = {
        let drafts: Vec<std::rc::Rc<Draft>> = props.drafts.iter().map(|d| d.0.clone()).collect();
        let current = props.current.as_ref().map(|c| c.to_string());
        Callback::from(move |_: MouseEvent| {
            let text = draft::store::encode(lang, current.as_deref(), &drafts);
            let name = draft::store::backup_file_name(clock::today());
            files::download_text(&name, "application/json", &text);
        })
    };
    let items = props.drafts.iter().map(|d| {
        let set_name = props
            .catalogue
            .set(&d.product_set)
            .map(|s| s.name.get(lang).to_string())
            .unwrap_or_else(|| d.product_set.clone());
        let name = d.display_name(&set_name).to_string();
        let is_current = props.current.as_deref() == Some(d.id.as_str());
        let answers = answered_count(d, &props.sets);
        // Stars and score once its sheet is loaded (the app loads the sheets of the drafts
        // listed); until then the count of answers.
        let result = props
            .sets
            .iter()
            .find(|s| s.id == d.product_set)
            .map(|set| assess(set, &d.responses));
        let score = match &result {
            Some(a) if a.knocked_out => html! {
                <span class="card-score rejected">{ t(lang, Key::DossierRejected) }</span>
            },
            // The score so far, but no stars until enough is answered (`Assessment::estimate`).
            Some(a) => match a.estimate() {
                Some(stars) => html! {
                    <span class="card-score">
                        <span class="stars" aria-hidden="true">{ star_glyphs(stars) }</span>
                        { " " }{ i18n::stars(lang, stars) }{ " · " }{ i18n::total(lang, a.total, a.max_total) }
                    </span>
                },
                None => html! {
                    <span class="card-score">
                        { i18n::total(lang, a.total, a.max_total) }{ " · " }
                        <span class="muted">{ t(lang, Key::CardNotEnough) }</span>
                    </span>
                },
            },
            None => html! {},
        };
        let count = match &result {
            Some(a) => i18n::answered_of(lang, a.answered, a.criterion_count),
            None => i18n::answer_count(lang, answers),
        };
        let changed = crate::date::from_unix_ms(d.updated_ms).map(|day| i18n::changed_on(lang, day));
        let id = d.id.clone();
        let dom = format!("draft-{}", d.id);

        let open = {
            let cb = on_action.clone();
            let id = id.clone();
            Callback::from(move |_: MouseEvent| cb.emit(Action::Open(id.clone())))
        };
        // Straight to the draft's dossier (producer details and downloads).
        let open_dossier = {
            let cb = on_action.clone();
            let id = id.clone();
            Callback::from(move |_: MouseEvent| cb.emit(Action::OpenDetails(id.clone())))
        };
        let start_rename = {
            let renaming = renaming.clone();
            let confirming = confirming.clone();
            let id = id.clone();
            let title = d.title.clone();
            Callback::from(move |_: MouseEvent| {
                confirming.set(None);
                renaming.set(Some((id.clone(), title.clone())));
            })
        };
        let duplicate = {
            let cb = on_action.clone();
            let id = id.clone();
            let title = format!("{name} {}", t(lang, Key::CopySuffix));
            let source = d.attachments.clone();
            Callback::from(move |_: MouseEvent| {
                let (cb, from, title, source) = (cb.clone(), id.clone(), title.clone(), source.clone());
                crate::platform::spawn(async move {
                    let new_id = clock::new_id();
                    // The copy's files are stored under new ids first (never shared bytes); if
                    // they cannot be, no copy is made and the console says why.
                    match crate::ui::package::copy_files(&source, &new_id).await {
                        Ok(attachments) => cb.emit(Action::Duplicate {
                            from,
                            id: new_id,
                            title,
                            now_ms: clock::now_ms(),
                            attachments,
                        }),
                        Err(e) => files::warn(&format!("duplicate: {e}")),
                    }
                });
            })
        };
        let download = {
            let d = d.clone();
            Callback::from(move |_: MouseEvent| {
                files::download_text(
                    &draft::export_file_name(&d, clock::today()),
                    "application/json",
                    &draft::to_json(&d),
                );
            })
        };
        let ask_delete = {
            let confirming = confirming.clone();
            let renaming = renaming.clone();
            let id = id.clone();
            Callback::from(move |_: MouseEvent| {
                renaming.set(None);
                confirming.set(Some(id.clone()));
            })
        };

        let rename_form = match &*renaming {
            Some((rid, text)) if *rid == id => {
                let oninput = {
                    let renaming = renaming.clone();
                    let id = id.clone();
                    Callback::from(move |e: InputEvent| {
                        renaming.set(Some((id.clone(), dom::event_value(&e))))
                    })
                };
                let onsubmit = {
                    let renaming = renaming.clone();
                    let cb = on_action.clone();
                    let id = id.clone();
                    let text = text.clone();
                    Callback::from(move |e: SubmitEvent| {
                        dom::prevent_default(&e);
                        cb.emit(Action::Apply {
                            id: id.clone(),
                            command: Command::SetTitle(text.trim().to_string()),
                            now_ms: clock::now_ms(),
                        });
                        renaming.set(None);
                    })
                };
                let cancel = {
                    let renaming = renaming.clone();
                    Callback::from(move |_: MouseEvent| renaming.set(None))
                };
                let input_id = format!("{dom}-name");
                html! {
                    <form class="rename" {onsubmit}>
                        <label for={input_id.clone()}>{ t(lang, Key::NewNameLabel) }</label>
                        <input id={input_id} type="text" value={text.clone()} {oninput} autocomplete="off" />
                        <div class="actions">
                            <button type="submit" class="btn primary">{ t(lang, Key::Save) }</button>
                            <button type="button" class="btn" onclick={cancel}>{ t(lang, Key::Cancel) }</button>
                        </div>
                    </form>
                }
            }
            _ => html! {},
        };
        let confirm_box = match &*confirming {
            Some(cid) if *cid == id => {
                let yes = {
                    let cb = on_action.clone();
                    let confirming = confirming.clone();
                    let id = id.clone();
                    Callback::from(move |_: MouseEvent| {
                        confirming.set(None);
                        cb.emit(Action::Delete(id.clone()));
                    })
                };
                let no = {
                    let confirming = confirming.clone();
                    Callback::from(move |_: MouseEvent| confirming.set(None))
                };
                html! {
                    <div class="confirm" role="alertdialog" aria-labelledby={format!("{dom}-confirm")}>
                        <p id={format!("{dom}-confirm")}>{ i18n::confirm_delete(lang, &name) }</p>
                        <div class="actions">
                            <button type="button" class="btn danger" onclick={yes}>{ t(lang, Key::ConfirmDeleteYes) }</button>
                            <button type="button" class="btn" onclick={no}>{ t(lang, Key::Cancel) }</button>
                        </div>
                    </div>
                }
            }
            _ => html! {},
        };

        html! {
            <li class={if is_current { "draft current" } else { "draft" }} key={id.clone()} id={dom.clone()}>
                <h2 class="draft-name">{ name.clone() }
                    if is_current { <span class="badge">{ t(lang, Key::CurrentDraft) }</span> }
                </h2>
                <p class="meta">
                    if name != set_name { { set_name }{ " · " } }
                    <span class="card-count">{ count }</span>
                    if let Some(changed) = changed { { " · " }<span class="card-date">{ changed }</span> }
                </p>
                <p class="card-result">{ score }</p>
                <div class="actions">
                    <button type="button" class="btn primary" onclick={open}>{ t(lang, Key::Open) }</button>
                    <button type="button" class="btn" onclick={open_dossier}>{ t(lang, Key::NavDetails) }</button>
                </div>
                <details class="more">
                    <summary class="btn ghost">{ t(lang, Key::MoreActions) }</summary>
                    <div class="actions">
                        <button type="button" class="btn" onclick={start_rename}>{ t(lang, Key::Rename) }</button>
                        <button type="button" class="btn" onclick={duplicate}>{ t(lang, Key::Duplicate) }</button>
                        <button type="button" class="btn" onclick={download}>{ t(lang, Key::Download) }</button>
                        <button type="button" class="btn danger-outline" onclick={ask_delete}>{ t(lang, Key::Delete) }</button>
                    </div>
                </details>
                { rename_form }
                { confirm_box }
            </li>
        }
    });

    html! {
        <div class="drafts">
            <h1>{ t(lang, Key::DraftsTitle) }</h1>
            <p class="lead">{ t(lang, if props.saved { Key::DraftsIntro } else { Key::DraftsIntroUnsaved }) }</p>
            <p><button type="button" class="btn primary" onclick={new_draft}>{ "+ " }{ t(lang, Key::NewDraft) }</button></p>
            if props.drafts.is_empty() {
                <p class="muted">{ t(lang, Key::NoDrafts) }</p>
            } else {
                <ul class="draft-list">{ for items }</ul>
            }
            if !props.drafts.is_empty() {
                <div class="actions backup">
                    <button type="button" class="btn" id="backup-all" onclick={backup}>{ t(lang, Key::BackupAll) }</button>
                </div>
                <p class="hint">{ t(lang, Key::BackupHint) }</p>
            }
            if let Some(space) = props.space.filter(|_| props.saved) {
                <p class="muted" id="storage-space">{ i18n::storage_space(lang, space.used, space.left(), space.kept) }</p>
            }
        </div>
    }
}
