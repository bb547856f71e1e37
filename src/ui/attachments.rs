//! The attach block (issue 14): under a criterion of the questionnaire and under a row of Mẫu
//! 02's evidence table, "Chụp ảnh" (the camera) and "Chọn ảnh hoặc PDF" (the phone's files,
//! several at once); then, once the target has files, each with its thumbnail, caption, size,
//! ↑/↓, replace and delete (with confirmation), and the draft's total.
//!
//! Until the target has a file the block is one row of two buttons, so the questionnaire's
//! hundred criteria stay light. A picked file is processed on the phone (`platform::photo`),
//! its bytes stored first (`platform::files_store::put`), and only then is the command applied
//! to the draft (autosave writes it); a file refused or not stored leaves the draft unchanged and
//! a message naming the file.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::draft::attachments::{self, Attachment, FileProblem, Kind};
use crate::draft::{Command, Target as FileTarget};
use crate::i18n::{self, t, FileRefusal, Key, Lang};
use crate::platform::files_store::{self, FilesError, ObjectUrl};
use crate::platform::photo::{self, PhotoError};
use crate::platform::{self, clock};

use super::state::Action;

/// The whole draft's file count and bytes, read when a file is picked (for the room check). A
/// shared cell the screen updates on every render, equal to itself in props: as a plain value it
/// would change with every file added anywhere and re-render every criterion of the sheet.
#[derive(Clone, Debug, Default)]
pub struct FileRoom(Rc<Cell<(usize, u64)>>);

impl PartialEq for FileRoom {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl FileRoom {
    /// Record the draft's files.
    pub fn update(&self, list: &[Attachment]) {
        self.0.set((list.len(), attachments::total_bytes(list)));
    }

    pub fn get(&self) -> (usize, u64) {
        self.0.get()
    }
}

#[derive(Properties, PartialEq)]
pub struct AttachProps {
    pub lang: Lang,
    pub draft_id: AttrValue,
    pub target: FileTarget,
    /// The target's files, in order.
    pub files: Rc<Vec<Attachment>>,
    /// The whole draft's file count and bytes, shown under the target's files (only read when
    /// the target has files).
    pub draft_files: (usize, u64),
    /// The same, for the room check when a file is picked.
    pub room: FileRoom,
    /// The caption a new file gets (the paper's name).
    pub caption: AttrValue,
    /// Prefix of the block's element ids (e.g. "crit-1-1").
    pub dom: AttrValue,
    pub on_action: Callback<Action>,
}

fn refusal(e: &PhotoError) -> FileRefusal {
    match e {
        PhotoError::Problem(p) => problem(p),
        PhotoError::Undecodable => FileRefusal::Damaged,
        PhotoError::Failed(n) => FileRefusal::Failed(n.clone()),
    }
}

fn problem(p: &FileProblem) -> FileRefusal {
    match p {
        FileProblem::NotSupported => FileRefusal::NotSupported,
        FileProblem::Unreadable => FileRefusal::Damaged,
        FileProblem::TooManyPixels { width, height } => FileRefusal::TooManyPixels {
            width: *width,
            height: *height,
        },
        FileProblem::TooLarge { bytes, limit } => FileRefusal::TooLarge {
            bytes: *bytes,
            limit: *limit,
        },
        FileProblem::DraftFull => FileRefusal::DraftFull,
    }
}

fn stored_refusal(e: &FilesError) -> FileRefusal {
    match e {
        FilesError::Full => FileRefusal::StorageFull,
        FilesError::Unavailable => FileRefusal::Failed("IndexedDB".into()),
        FilesError::Other(n) => FileRefusal::Failed(n.clone()),
    }
}

/// Process, check and store one picked file; the attachment to add, or why not.
async fn take(
    f: &photo::PickedFile,
    draft_id: &str,
    target: &FileTarget,
    caption: &str,
    room: (usize, u64),
) -> Result<Attachment, FileRefusal> {
    let bytes = photo::process(f).await.map_err(|e| refusal(&e))?;
    let a = attachments::describe(
        files_store::new_file_id(),
        target.clone(),
        caption,
        &bytes,
        clock::now_ms(),
    )
    .map_err(|p| problem(&p))?;
    if room.0 >= attachments::MAX_ATTACHMENTS
        || room.1.saturating_add(a.bytes) > attachments::MAX_DRAFT_FILE_BYTES
    {
        return Err(FileRefusal::DraftFull);
    }
    files_store::put(draft_id, &a, &bytes)
        .await
        .map_err(|e| stored_refusal(&e))?;
    Ok(a)
}

#[component]
pub fn AttachBlock(props: &AttachProps) -> Html {
    let lang = props.lang;
    let busy = use_state(|| false);
    let notes = use_state(Vec::<String>::new);
    let confirming = use_state(|| None::<String>);
    let dom = props.dom.to_string();

    let apply = {
        let cb = props.on_action.clone();
        let id = props.draft_id.to_string();
        move |command: Command| {
            cb.emit(Action::Apply {
                id: id.clone(),
                command,
                now_ms: clock::now_ms(),
            })
        }
    };

    // New files: each processed and stored in turn, then added.
    let on_pick = {
        let (busy, notes, apply) = (busy.clone(), notes.clone(), apply.clone());
        let draft_id = props.draft_id.to_string();
        let target = props.target.clone();
        let caption = props.caption.to_string();
        let room_now = props.room.clone();
        Callback::from(move |e: Event| {
            let picked = photo::picked_files(&e);
            if picked.is_empty() {
                return;
            }
            let mut room = room_now.get();
            busy.set(true);
            notes.set(Vec::new());
            let (busy, notes, apply) = (busy.clone(), notes.clone(), apply.clone());
            let (draft_id, target, caption) = (draft_id.clone(), target.clone(), caption.clone());
            platform::spawn(async move {
                let mut said = Vec::new();
                for f in &picked {
                    match take(f, &draft_id, &target, &caption, room).await {
                        Ok(a) => {
                            room = (room.0 + 1, room.1 + a.bytes);
                            apply(Command::AddAttachment(a));
                        }
                        Err(why) => said.push(i18n::file_refused(lang, &f.name, &why)),
                    }
                }
                busy.set(false);
                notes.set(said);
            });
        })
    };

    let buttons = html! {
        <div class="attach-row">
            <label class="btn attach-btn" for={format!("{dom}-camera")}>
                { t(lang, Key::AttachTakePhoto) }
                <input type="file" id={format!("{dom}-camera")} class="attach-input" accept="image/*"
                    capture="environment" onchange={on_pick.clone()} disabled={*busy} />
            </label>
            <label class="btn attach-btn" for={format!("{dom}-pick")}>
                { t(lang, Key::AttachChoose) }
                <input type="file" id={format!("{dom}-pick")} class="attach-input"
                    accept="image/*,application/pdf" multiple=true onchange={on_pick} disabled={*busy} />
            </label>
        </div>
    };
    let status = html! {
        <>
            if *busy {
                <p class="attach-busy" role="status">{ t(lang, Key::AttachWorking) }</p>
            }
            if !notes.is_empty() {
                <ul class="attach-notes" role="alert" id={format!("{dom}-notes")}>
                    { for notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }
                </ul>
            }
        </>
    };
    if props.files.is_empty() {
        return html! {
            <div class="attach" id={dom.clone()}>{ buttons }{ status }</div>
        };
    }

    let count = props.files.len();
    let items = props.files.iter().enumerate().map(|(i, a)| {
        let id = a.id.clone();
        let fdom = format!("{dom}-f{}", i + 1);
        let label = if a.caption.is_empty() {
            t(lang, if a.kind == Kind::Pdf { Key::AttachPdf } else { Key::AttachPhoto }).to_string()
        } else {
            a.caption.clone()
        };
        let on_caption = {
            let (apply, id) = (apply.clone(), id.clone());
            Callback::from(move |e: InputEvent| {
                apply(Command::SetCaption {
                    id: id.clone(),
                    caption: platform::dom::event_value(&e),
                })
            })
        };
        let mover = |up: bool| {
            let (apply, id) = (apply.clone(), id.clone());
            Callback::from(move |_: MouseEvent| apply(Command::MoveAttachment { id: id.clone(), up }))
        };
        let on_replace = {
            let (busy, notes, apply) = (busy.clone(), notes.clone(), apply.clone());
            let draft_id = props.draft_id.to_string();
            let old = a.clone();
            let room_now = props.room.clone();
            Callback::from(move |e: Event| {
                let Some(f) = photo::picked_files(&e).into_iter().next() else {
                    return;
                };
                let (n, b) = room_now.get();
                let room = (n.saturating_sub(1), b.saturating_sub(old.bytes));
                busy.set(true);
                notes.set(Vec::new());
                let (busy, notes, apply) = (busy.clone(), notes.clone(), apply.clone());
                let (draft_id, old) = (draft_id.clone(), old.clone());
                platform::spawn(async move {
                    let said = match take(&f, &draft_id, &old.target, &old.caption, room).await {
                        Ok(with) => {
                            apply(Command::ReplaceAttachment { id: old.id.clone(), with });
                            Vec::new()
                        }
                        Err(why) => vec![i18n::file_refused(lang, &f.name, &why)],
                    };
                    busy.set(false);
                    notes.set(said);
                });
            })
        };
        let ask_delete = {
            let (confirming, id) = (confirming.clone(), id.clone());
            Callback::from(move |_: MouseEvent| confirming.set(Some(id.clone())))
        };
        let confirm_box = if confirming.as_deref() == Some(id.as_str()) {
            let yes = {
                let (apply, confirming, id) = (apply.clone(), confirming.clone(), id.clone());
                Callback::from(move |_: MouseEvent| {
                    confirming.set(None);
                    apply(Command::RemoveAttachment { id: id.clone() });
                })
            };
            let no = {
                let confirming = confirming.clone();
                Callback::from(move |_: MouseEvent| confirming.set(None))
            };
            html! {
                <div class="confirm" role="alertdialog" aria-labelledby={format!("{fdom}-confirm")}>
                    <p id={format!("{fdom}-confirm")}>{ i18n::confirm_delete_file(lang, &label) }</p>
                    <div class="actions">
                        <button type="button" class="btn danger" onclick={yes}>{ t(lang, Key::ConfirmDeleteYes) }</button>
                        <button type="button" class="btn" onclick={no}>{ t(lang, Key::Cancel) }</button>
                    </div>
                </div>
            }
        } else {
            html! {}
        };
        let size = a.width.zip(a.height);
        html! {
            <li class="attach-item" key={id.clone()} id={fdom.clone()} data-file={id.clone()}>
                <div class="attach-main">
                    <Thumb id={AttrValue::from(id.clone())} kind={a.kind} />
                    <div class="attach-text">
                        <label for={format!("{fdom}-caption")} class="attach-cap-label">{ t(lang, Key::AttachCaption) }</label>
                        <input type="text" id={format!("{fdom}-caption")} class="attach-caption" value={a.caption.clone()}
                            oninput={on_caption} maxlength={attachments::MAX_CAPTION_CHARS.to_string()} />
                        <p class="attach-size">{ i18n::file_line(lang, a.kind == Kind::Pdf, size, a.bytes) }</p>
                    </div>
                </div>
                <div class="attach-actions">
                    <button type="button" class="btn small" onclick={mover(true)} disabled={i == 0}
                        aria-label={i18n::file_action(lang, Key::AttachUp, &label)}>{ "↑" }</button>
                    <button type="button" class="btn small" onclick={mover(false)} disabled={i + 1 == count}
                        aria-label={i18n::file_action(lang, Key::AttachDown, &label)}>{ "↓" }</button>
                    <label class="btn small" for={format!("{fdom}-replace")}>{ t(lang, Key::AttachReplace) }
                        <input type="file" id={format!("{fdom}-replace")} class="attach-input"
                            accept="image/*,application/pdf" onchange={on_replace} disabled={*busy}
                            aria-label={i18n::file_action(lang, Key::AttachReplace, &label)} />
                    </label>
                    <button type="button" class="btn small danger" onclick={ask_delete}
                        aria-label={i18n::file_action(lang, Key::AttachDelete, &label)}>{ t(lang, Key::AttachDelete) }</button>
                </div>
                { confirm_box }
            </li>
        }
    });
    let here: u64 = props.files.iter().map(|a| a.bytes).sum();
    html! {
        <div class="attach has-files" id={dom.clone()}>
            <ul class="attach-list">{ for items }</ul>
            <p class="attach-total" id={format!("{dom}-total")}>
                { i18n::files_summary(lang, count, here, props.draft_files.0, props.draft_files.1) }
            </p>
            { buttons }{ status }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ThumbProps {
    id: AttrValue,
    kind: Kind,
}

/// A stored file's thumbnail: an object URL made from the stored bytes, revoked when the
/// component goes (the [`ObjectUrl`] is dropped with its state). A PDF shows an icon.
#[component]
fn Thumb(props: &ThumbProps) -> Html {
    let url = use_state(|| None::<Rc<ObjectUrl>>);
    {
        let url = url.clone();
        let is_image = props.kind.is_image();
        let mime = props.kind.mime();
        use_effect_with((props.id.clone(), is_image), move |(id, is_image)| {
            if *is_image {
                let id = id.to_string();
                platform::spawn(async move {
                    if let Ok(Some(u)) = files_store::object_url(&id, mime).await {
                        url.set(Some(Rc::new(u)));
                    }
                });
            }
        });
    }
    if !props.kind.is_image() {
        return html! { <span class="attach-thumb pdf" aria-hidden="true">{ "PDF" }</span> };
    }
    match &*url {
        Some(u) => html! { <img class="attach-thumb" src={u.as_str().to_string()} alt="" /> },
        None => html! { <span class="attach-thumb" aria-hidden="true"></span> },
    }
}
