//! The app state and its reducer. The reducer only calls [`Draft::apply`] and makes pure state
//! changes; time and ids arrive inside the actions. Nothing here reads storage, the clock or the
//! address: start-up is [`crate::ui::boot`], persistence an effect at the app root
//! ([`crate::ui::app`]).
//!
//! Two more parts of the state live beside this file: [`demo`] (demonstration mode: what it sets
//! aside and how it enters, resets and leaves) and [`rubrics`] (the rubric files loaded so far,
//! the app's second reducer).

pub mod demo;
pub mod open;
pub mod route;
pub mod rubrics;

use std::rc::Rc;

use yew::Reducible;

use crate::draft::merge::{merge, Conflict};
use crate::draft::store::Space;
use crate::draft::{Command, Draft};
use crate::i18n::Lang;
use crate::platform::drafts_store::{Event, Unsaved};
use crate::platform::storage::StorageError;

pub use route::{Route, Sheet};

/// Which screen is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// Choose a product set for a new draft.
    Choose,
    /// The current draft's questionnaire and result.
    Questionnaire,
    /// The list of drafts.
    Drafts,
    /// The current draft's producer and product details, downloads and backup (the dossier).
    Details,
    /// The glossary (issue 17); the current draft stays open behind it.
    Glossary,
}

/// A criterion of the questionnaire to bring into view once that screen shows it (from the
/// dossier screen's "cần bổ sung" list): its levels, or its "mô tả, chứng minh" (`note`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub code: String,
    pub note: bool,
}

/// Whether changes reach the device's storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageStatus {
    Saved,
    /// No storage for this page (private mode, settings, a frame on another site): in memory.
    Unavailable,
    Full,
    /// Another tab holds an older version of the app open.
    Blocked,
    /// Another failure of the browser's database.
    Failed,
}

impl From<&Unsaved> for StorageStatus {
    fn from(u: &Unsaved) -> Self {
        match u {
            Unsaved::Unavailable => StorageStatus::Unavailable,
            Unsaved::Full => StorageStatus::Full,
            Unsaved::Blocked => StorageStatus::Blocked,
            Unsaved::Other(_) => StorageStatus::Failed,
        }
    }
}

/// Both this tab and another changed the same items of a draft: this tab's values were kept;
/// each conflict holds the command that takes the other tab's value instead.
#[derive(Clone, Debug, PartialEq)]
pub struct SyncConflict {
    pub draft_id: String,
    pub conflicts: Vec<Conflict>,
}

/// What the device's store found at start-up that the user should know about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Kept {
    /// Kept copies of data this version could not read (downloadable).
    pub copies: usize,
    /// Stored drafts left as they are because this version cannot read them.
    pub unreadable: usize,
    /// Drafts moved from the old local-storage store at this start.
    pub migrated: usize,
}

impl From<StorageError> for StorageStatus {
    fn from(e: StorageError) -> Self {
        match e {
            StorageError::Unavailable => StorageStatus::Unavailable,
            StorageError::Full => StorageStatus::Full,
        }
    }
}

/// What went wrong when the saved data was read at start.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadProblem {
    /// The whole store could not be read.
    pub unreadable: bool,
    /// Drafts that could not be read.
    pub skipped: usize,
    /// The stored text as found (offered for download).
    pub raw: Rc<str>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    pub drafts: Vec<Rc<Draft>>,
    pub current: Option<String>,
    pub screen: Screen,
    /// Bumped by every change that must be saved.
    pub revision: u64,
    pub storage: StorageStatus,
    /// False when saving would overwrite data that could not be backed up.
    pub persist: bool,
    pub load_problem: Option<LoadProblem>,
    /// Demonstration mode: the user's own drafts set aside (in memory, untouched) while the
    /// example products are shown; `None` when off. See [`demo`].
    pub demo: Option<Rc<demo::Stash>>,
    /// Whether the drafts on the device are known yet (they arrive from the database just after
    /// start); until then nothing is saved and the screens wait.
    pub loaded: bool,
    /// What start-up asked for, applied once the drafts are known ([`open::open_with`]).
    pub pending: Option<Rc<open::Pending>>,
    /// The last merge with another tab that could not take every change.
    pub conflict: Option<Rc<SyncConflict>>,
    pub kept: Kept,
    /// The browser's figures on room (none until it has said).
    pub space: Option<Space>,
    /// What the last restore of a backup file did (shown on the drafts list until the next
    /// action).
    pub restored: Option<Restored>,
    /// Fields of the last imported file whose text was cut to the limit (shown until the next
    /// action).
    pub clipped: Vec<String>,
    /// The criterion the questionnaire is to scroll to once it has rendered it (cleared by
    /// [`Action::FocusDone`] and by any other change of screen).
    pub focus: Option<Target>,
    /// A product set opened to look at: a draft not yet on the list, saved only once something
    /// is answered or filled in (it is the current draft while it is shown).
    pub scratch: Option<Rc<Draft>>,
    /// The sheet open over the questionnaire (Back closes it first).
    pub sheet: Option<Sheet>,
    /// The glossary's term to bring into view (from a criterion's help).
    pub glossary_term: Option<String>,
    /// The criterion the glossary was opened from (see [`Action::ShowTermFrom`]).
    pub glossary_from: Option<Target>,
}

/// What restoring a backup file did, for the drafts list's status line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Restored {
    pub added: usize,
    /// Already on this device, exactly as in the file.
    pub already: usize,
    /// Could not be read or do not fit their scoring sheet.
    pub skipped: usize,
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            lang: Lang::Vi,
            drafts: Vec::new(),
            current: None,
            screen: Screen::Choose,
            revision: 0,
            storage: StorageStatus::Saved,
            persist: true,
            load_problem: None,
            demo: None,
            loaded: true,
            pending: None,
            conflict: None,
            kept: Kept::default(),
            space: None,
            restored: None,
            clipped: Vec::new(),
            focus: None,
            scratch: None,
            sheet: None,
            glossary_term: None,
            glossary_from: None,
        }
    }
}

/// A change to the app state. (`Apply` carries a whole command, e.g. the producer's details;
/// actions live only for one dispatch, so the size difference does not matter.)
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum Action {
    SetLang(Lang),
    Show(Screen),
    /// Show the glossary, at a term (its id) or from the top.
    ShowGlossary(Option<String>),
    /// The glossary at a term used in a criterion: Back to the questionnaire brings that
    /// criterion into view again.
    ShowTermFrom {
        term: String,
        criterion: String,
    },
    /// Show the questionnaire at one criterion (its levels or its description).
    ShowCriterion(Target),
    /// The questionnaire has brought [`AppState::focus`] into view.
    FocusDone,
    /// Open a product set for a new draft: shown at once, added to the drafts (and saved) only
    /// with its first answer or detail.
    NewDraft {
        id: String,
        product_set: String,
        now_ms: u64,
    },
    Open(String),
    /// Go where the address says (Back and Forward); `fresh_id`/`now_ms` for a set opened anew.
    Navigate {
        route: Route,
        fresh_id: String,
        now_ms: u64,
    },
    OpenSheet(Sheet),
    CloseSheet,
    /// Take a share link's newer version of a draft already here (answers and texts from the
    /// link; what the link leaves blank stays as it is here: see
    /// [`crate::draft::merge::update_from_link`]).
    UpdateFromLink {
        id: String,
        incoming: Draft,
        now_ms: u64,
    },
    /// Open a draft's details form (the dossier screen).
    OpenDetails(String),
    /// Add an imported draft as a new draft and open it; it takes `fresh_id` when its own id is
    /// empty or already used (an import never overwrites).
    Import {
        draft: Draft,
        fresh_id: String,
        /// Fields whose text was cut to the 10,000-character limit on import (said on screen).
        clipped: Vec<String>,
    },
    /// Restore a backup file's drafts beside the ones here (never overwriting: see
    /// [`crate::draft::store::plan_restore`]); `fresh_ids` for drafts whose id is taken,
    /// `skipped` drafts of the file could not be used. Shows the drafts list.
    Restore {
        drafts: Vec<Draft>,
        fresh_ids: Vec<String>,
        skipped: usize,
    },
    /// Apply a command to a draft.
    Apply {
        id: String,
        command: Command,
        now_ms: u64,
    },
    /// A copy of a draft; `attachments` is the copy's own list of evidence files, stored
    /// under new ids beforehand (two drafts never share stored bytes), empty when it has none.
    Duplicate {
        from: String,
        id: String,
        title: String,
        now_ms: u64,
        attachments: Vec<crate::draft::Attachment>,
    },
    Delete(String),
    Storage(StorageStatus),
    /// What the device's store says (drafts loaded, saving works or not, another tab's change).
    Store(Box<Event>),
    /// Take the other tab's value of one conflicting item (index into the conflict's list).
    TakeTheirs(usize),
    DismissConflict,
    DismissKept,
    DismissLoadProblem,
    /// Demonstration mode on (example copies in memory), reset to the examples, off.
    EnterDemo,
    ResetDemo,
    LeaveDemo,
}

impl AppState {
    /// A draft on the list, or the set being looked at (not yet on the list).
    pub fn draft(&self, id: &str) -> Option<&Rc<Draft>> {
        self.drafts
            .iter()
            .find(|d| d.id == id)
            .or_else(|| self.scratch.as_ref().filter(|s| s.id == id))
    }

    /// Whether the current draft is a set being looked at, not yet a draft on the list.
    pub fn current_is_scratch(&self) -> bool {
        self.scratch
            .as_ref()
            .is_some_and(|s| self.current.as_deref() == Some(s.id.as_str()))
    }

    /// The current draft's id when it is on the list (what the device remembers as current).
    pub fn saved_current(&self) -> Option<String> {
        self.current.clone().filter(|_| !self.current_is_scratch())
    }

    pub fn current_draft(&self) -> Option<&Rc<Draft>> {
        self.current.as_deref().and_then(|id| self.draft(id))
    }
}

impl AppState {
    /// The reducer's part for the device's store. Changes that came from the database itself
    /// (loaded, added or removed in another tab) are not saved again; a merge is (it may hold
    /// this tab's unsaved changes).
    fn store_event(mut self, event: Event, old: &Rc<AppState>) -> Rc<AppState> {
        match event {
            Event::Loaded(l) => {
                if self.loaded && self.pending.is_none() {
                    return old.clone(); // loaded once; a second load is ignored
                }
                let before = self.revision;
                open::open_with(&mut self, l.lang, l.current, l.drafts);
                self.kept = Kept {
                    copies: l.kept,
                    unreadable: l.unreadable,
                    migrated: l.migrated,
                };
                // A draft created by the address's parameters must be saved.
                self.revision = before.max(self.revision);
            }
            Event::Saved => {
                if self.storage == StorageStatus::Saved {
                    return old.clone();
                }
                self.storage = StorageStatus::Saved;
            }
            Event::NotSaved(u) => {
                let status = StorageStatus::from(&u);
                if self.storage == status {
                    return old.clone();
                }
                self.storage = status;
            }
            Event::Merge { base, theirs } => {
                let Some(pos) = self.drafts.iter().position(|d| d.id == theirs.id) else {
                    return old.clone();
                };
                let m = merge(&base, &self.drafts[pos], &theirs);
                if !m.conflicts.is_empty() {
                    self.conflict = Some(Rc::new(SyncConflict {
                        draft_id: theirs.id.clone(),
                        conflicts: m.conflicts,
                    }));
                }
                self.drafts[pos] = Rc::new(m.draft);
                self.revision += 1;
            }
            Event::Added(d) => {
                if self.in_demo() || self.draft(&d.id).is_some() {
                    return old.clone();
                }
                self.drafts.push(Rc::new(*d));
            }
            Event::Removed(id) => {
                if self.in_demo() {
                    return old.clone();
                }
                let before = self.drafts.len();
                self.drafts.retain(|d| d.id != id);
                if before == self.drafts.len() {
                    return old.clone();
                }
                if self.current.as_deref() == Some(id.as_str()) {
                    self.current = None;
                    if matches!(self.screen, Screen::Questionnaire | Screen::Details) {
                        self.screen = Screen::Drafts;
                    }
                }
            }
            Event::Restored(_) => return old.clone(),
            Event::IdTaken { old: was, new } => {
                let Some(pos) = self.drafts.iter().position(|d| d.id == was) else {
                    return old.clone();
                };
                let mut d = (*self.drafts[pos]).clone();
                d.id = new.clone();
                self.drafts[pos] = Rc::new(d);
                if self.current.as_deref() == Some(was.as_str()) {
                    self.current = Some(new);
                }
                self.revision += 1;
            }
            Event::Room(r) => {
                if self.space == Some(r) {
                    return old.clone();
                }
                self.space = Some(r);
            }
        }
        Rc::new(self)
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        let mut changed = true;
        let mut imported = false;
        s.restored = None;
        match action {
            Action::Restore {
                drafts,
                fresh_ids,
                skipped,
            } => {
                let mut fresh = fresh_ids.into_iter();
                let mut n = 0;
                let plan = crate::draft::store::plan_restore(&s.drafts, drafts, || {
                    n += 1;
                    fresh.next().unwrap_or_else(|| format!("restored-{n}"))
                });
                s.restored = Some(Restored {
                    added: plan.add.len(),
                    already: plan.already,
                    skipped,
                });
                if plan.add.is_empty() {
                    changed = false;
                }
                s.drafts.extend(plan.add.into_iter().map(Rc::new));
                s.screen = Screen::Drafts;
            }
            Action::SetLang(l) => {
                if l == s.lang {
                    return self;
                }
                s.lang = l;
            }
            Action::Show(screen) => {
                changed = false;
                s.sheet = None;
                let needs_draft = matches!(screen, Screen::Questionnaire | Screen::Details);
                s.screen = if needs_draft && s.current_draft().is_none() {
                    Screen::Choose
                } else {
                    screen
                };
            }
            Action::ShowGlossary(term) => {
                changed = false;
                s.sheet = None;
                s.screen = Screen::Glossary;
                s.glossary_term = term;
                s.glossary_from = None;
            }
            Action::ShowTermFrom { term, criterion } => {
                changed = false;
                s.sheet = None;
                s.screen = Screen::Glossary;
                s.glossary_term = Some(term);
                s.glossary_from = Some(Target {
                    code: criterion,
                    note: false,
                });
            }
            Action::ShowCriterion(target) => {
                changed = false;
                if s.current_draft().is_none() {
                    s.screen = Screen::Choose;
                } else {
                    s.screen = Screen::Questionnaire;
                    s.focus = Some(target);
                }
            }
            Action::FocusDone => {
                if s.focus.is_none() {
                    return self;
                }
                changed = false;
                s.focus = None;
            }
            Action::NewDraft {
                id,
                product_set,
                now_ms,
            } => {
                changed = false;
                s.scratch = Some(Rc::new(Draft::new(id.clone(), product_set, now_ms)));
                s.current = Some(id);
                s.screen = Screen::Questionnaire;
            }
            Action::Navigate {
                route,
                fresh_id,
                now_ms,
            } => {
                changed = false;
                let from_glossary = s.screen == Screen::Glossary;
                s.go_to(&route, fresh_id, now_ms);
                // Back from a term opened in a criterion: to that criterion again.
                let back = s.glossary_from.take();
                if from_glossary && s.screen == Screen::Questionnaire && s.current_draft().is_some()
                {
                    s.focus = back;
                }
            }
            Action::OpenSheet(sheet) => {
                if s.screen != Screen::Questionnaire || s.sheet == Some(sheet) {
                    return self;
                }
                changed = false;
                s.sheet = Some(sheet);
            }
            Action::CloseSheet => {
                if s.sheet.is_none() {
                    return self;
                }
                changed = false;
                s.sheet = None;
            }
            Action::UpdateFromLink {
                id,
                incoming,
                now_ms,
            } => {
                let Some(i) = s.drafts.iter().position(|d| d.id == id) else {
                    return self;
                };
                if s.drafts[i].product_set != incoming.product_set {
                    return self;
                }
                let next = crate::draft::merge::update_from_link(&s.drafts[i], &incoming, now_ms);
                s.drafts[i] = Rc::new(next);
                s.current = Some(id);
                s.screen = Screen::Questionnaire;
            }
            Action::Open(id) => {
                if s.draft(&id).is_none() {
                    return self;
                }
                s.current = Some(id);
                s.screen = Screen::Questionnaire;
            }
            Action::OpenDetails(id) => {
                if s.draft(&id).is_none() {
                    return self;
                }
                changed = s.current.as_deref() != Some(id.as_str());
                s.current = Some(id);
                s.screen = Screen::Details;
            }
            Action::Import {
                mut draft,
                fresh_id,
                clipped,
            } => {
                s.clipped = clipped;
                imported = true;
                if draft.id.is_empty() || s.draft(&draft.id).is_some() {
                    draft.id = fresh_id;
                }
                if draft.id.is_empty() || s.draft(&draft.id).is_some() {
                    return self;
                }
                s.current = Some(draft.id.clone());
                s.drafts.push(Rc::new(draft));
                s.screen = Screen::Questionnaire;
            }
            Action::Apply {
                id,
                command,
                now_ms,
            } => {
                if let Some(i) = s.drafts.iter().position(|d| d.id == id) {
                    let next = s.drafts[i].apply(command, now_ms);
                    if next == *s.drafts[i] {
                        return self;
                    }
                    s.drafts[i] = Rc::new(next);
                } else {
                    // The first answer or detail of a set being looked at makes it a draft.
                    let Some(scratch) = s.scratch.take().filter(|d| d.id == id) else {
                        return self;
                    };
                    let next = scratch.apply(command, now_ms);
                    // Only a real change (not merely a new time) makes it a draft.
                    let unchanged = Draft {
                        updated_ms: scratch.updated_ms,
                        ..next.clone()
                    } == *scratch;
                    if unchanged {
                        return self;
                    }
                    s.drafts.push(Rc::new(next));
                }
            }
            Action::Duplicate {
                from,
                id,
                title,
                now_ms,
                attachments,
            } => {
                let Some(i) = s.drafts.iter().position(|d| d.id == from) else {
                    return self;
                };
                let mut copy = (*s.drafts[i]).clone();
                copy.id = id;
                copy.title = title;
                copy.created_ms = now_ms;
                copy.updated_ms = now_ms;
                copy.attachments = attachments;
                s.drafts.insert(i + 1, Rc::new(copy));
            }
            Action::Delete(id) => {
                let before = s.drafts.len();
                s.drafts.retain(|d| d.id != id);
                if s.drafts.len() == before {
                    return self;
                }
                if s.current.as_deref() == Some(id.as_str()) {
                    s.current = None;
                    if matches!(s.screen, Screen::Questionnaire | Screen::Details) {
                        s.screen = Screen::Drafts;
                    }
                }
            }
            Action::Storage(status) => {
                if status == s.storage {
                    return self;
                }
                changed = false;
                s.storage = status;
            }
            Action::DismissLoadProblem => {
                changed = false;
                s.load_problem = None;
            }
            Action::Store(event) => return s.store_event(*event, &self),
            Action::TakeTheirs(i) => {
                let Some(c) = s.conflict.take() else {
                    return self;
                };
                let mut rest = (*c).clone();
                if i >= rest.conflicts.len() {
                    return self;
                }
                let taken = rest.conflicts.remove(i);
                let Some(pos) = s.drafts.iter().position(|d| d.id == rest.draft_id) else {
                    return self;
                };
                let now = s.drafts[pos].updated_ms;
                s.drafts[pos] = Rc::new(s.drafts[pos].apply(taken.take_theirs, now));
                s.conflict = (!rest.conflicts.is_empty()).then(|| Rc::new(rest));
            }
            Action::DismissConflict => {
                changed = false;
                s.conflict = None;
            }
            Action::DismissKept => {
                changed = false;
                s.kept = Kept::default();
            }
            // Never saved: demo mode switches persistence off and back (see `demo`).
            Action::EnterDemo => {
                changed = false;
                s.enter_demo();
            }
            Action::ResetDemo => {
                changed = false;
                s.reset_demo();
            }
            Action::LeaveDemo => {
                changed = false;
                s.leave_demo();
            }
        }
        // The note on cut texts stays while the imported draft is on screen (answering it, for
        // one, keeps it); it goes with the next screen or draft.
        if !imported && (s.screen != self.screen || s.current != self.current) {
            s.clipped.clear();
        }
        // A criterion to show, and a sheet, are for the questionnaire of this draft only.
        if s.screen != Screen::Questionnaire || s.current != self.current {
            s.focus = None;
            s.sheet = None;
        }
        // A set looked at goes when another draft (or none) is current.
        if s.scratch.is_some() && !s.current_is_scratch() {
            s.scratch = None;
        }
        if changed {
            s.revision += 1;
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: AppState, actions: Vec<Action>) -> Rc<AppState> {
        actions.into_iter().fold(Rc::new(s), |st, a| st.reduce(a))
    }

    #[test]
    fn drafts_lifecycle() {
        let s = run(
            AppState::default(),
            vec![
                Action::NewDraft {
                    id: "a".into(),
                    product_set: "QD26-09".into(),
                    now_ms: 5,
                },
                Action::Apply {
                    id: "a".into(),
                    command: Command::SetAnswer {
                        code: "1.1".into(),
                        position: Some(2),
                    },
                    now_ms: 6,
                },
                Action::Duplicate {
                    from: "a".into(),
                    id: "b".into(),
                    title: "copy".into(),
                    now_ms: 7,
                    attachments: Vec::new(),
                },
            ],
        );
        assert_eq!(s.drafts.len(), 2);
        assert_eq!(s.drafts[1].responses.answers.get("1.1"), Some(&2));
        assert_eq!(s.current.as_deref(), Some("a"));
        assert_eq!(
            s.revision, 2,
            "opening a set is not saved; the first answer is"
        );
        let s = s.reduce(Action::Delete("a".into()));
        assert_eq!(s.current, None);
        assert_eq!(s.screen, Screen::Drafts);
        assert_eq!(s.drafts.len(), 1);
        let rev = s.revision;
        let s = s.reduce(Action::Show(Screen::Choose));
        assert_eq!(s.revision, rev, "navigation is not saved");
    }

    fn looking(set: &str) -> Rc<AppState> {
        Rc::new(AppState::default()).reduce(Action::NewDraft {
            id: "s".into(),
            product_set: set.into(),
            now_ms: 1,
        })
    }

    #[test]
    fn looking_at_a_set_makes_no_draft_until_something_is_answered() {
        let s = looking("QD26-09");
        assert!(s.drafts.is_empty() && s.current_is_scratch());
        assert_eq!(s.screen, Screen::Questionnaire);
        assert_eq!(s.revision, 0);
        assert_eq!(
            s.saved_current(),
            None,
            "not remembered as the current draft"
        );
        // Looking elsewhere drops it; nothing was saved.
        let gone = s.clone().reduce(Action::Open("nope".into()));
        assert_eq!(
            gone.scratch.as_ref().map(|d| d.id.as_str()),
            Some("s"),
            "unknown id: no change"
        );
        let gone = looking("QD26-09").reduce(Action::NewDraft {
            id: "t".into(),
            product_set: "QD26-01".into(),
            now_ms: 2,
        });
        assert_eq!(gone.scratch.as_ref().map(|d| d.id.as_str()), Some("t"));
        assert!(gone.drafts.is_empty());
        // A command that changes nothing does not make a draft either.
        let same = s.clone().reduce(Action::Apply {
            id: "s".into(),
            command: Command::SetAnswer {
                code: "1.1".into(),
                position: None,
            },
            now_ms: 3,
        });
        assert!(same.drafts.is_empty());
        // The first answer does: on the list, saved, still current.
        let s = s.reduce(Action::Apply {
            id: "s".into(),
            command: Command::SetAnswer {
                code: "1.1".into(),
                position: Some(1),
            },
            now_ms: 4,
        });
        assert_eq!(s.drafts.len(), 1);
        assert!(s.scratch.is_none() && !s.current_is_scratch());
        assert_eq!(s.saved_current().as_deref(), Some("s"));
        assert_eq!(s.revision, 1);
    }

    #[test]
    fn sheets_open_over_the_questionnaire_only_and_close_with_any_change_of_screen() {
        let s = looking("QD26-09").reduce(Action::OpenSheet(Sheet::Result));
        assert_eq!(s.sheet, Some(Sheet::Result));
        assert_eq!(Route::of(&s).to_query(""), "?new=QD26-09&sheet=result");
        let s = s.reduce(Action::Show(Screen::Details));
        assert_eq!(s.sheet, None);
        assert_eq!(Route::of(&s).to_query(""), "?view=details&new=QD26-09");
        let same = s.clone().reduce(Action::OpenSheet(Sheet::Share));
        assert_eq!(same.sheet, None, "no sheet over the details");
        let s = s
            .reduce(Action::Show(Screen::Questionnaire))
            .reduce(Action::OpenSheet(Sheet::Share));
        assert_eq!(s.sheet, Some(Sheet::Share));
        let s = s.reduce(Action::CloseSheet);
        assert_eq!(s.sheet, None);
    }

    #[test]
    fn back_and_forward_go_where_the_address_says() {
        let mut st = AppState {
            drafts: vec![Rc::new(Draft::new("a", "QD26-09", 1))],
            ..AppState::default()
        };
        st.current = Some("a".into());
        st.screen = Screen::Questionnaire;
        let s = Rc::new(st);
        let nav = |s: Rc<AppState>, q: &str| {
            s.reduce(Action::Navigate {
                route: Route::parse(q),
                fresh_id: "n".into(),
                now_ms: 9,
            })
        };
        let d = nav(s.clone(), "?view=details&draft=a");
        assert_eq!(
            (d.screen, d.current.as_deref()),
            (Screen::Details, Some("a"))
        );
        let q = nav(d, "?draft=a&sheet=result");
        assert_eq!(
            (q.screen, q.sheet),
            (Screen::Questionnaire, Some(Sheet::Result))
        );
        let l = nav(q, "?view=drafts");
        assert_eq!((l.screen, l.sheet), (Screen::Drafts, None));
        let gone = nav(l.clone(), "?draft=deleted");
        assert_eq!(gone.screen, Screen::Drafts, "a draft not here: the list");
        let n = nav(l, "?new=QD26-07");
        assert!(n.current_is_scratch());
        assert_eq!(n.drafts.len(), 1);
        assert_eq!(n.revision, s.revision, "navigating saves nothing");
        // Demonstration mode follows the address both ways.
        let demo = nav(s.clone(), "?demo=1&view=drafts");
        assert!(demo.in_demo());
        let back = nav(demo, "?draft=a");
        assert!(!back.in_demo());
        assert_eq!(back.drafts, s.drafts);
    }

    #[test]
    fn back_from_a_term_opened_in_a_criterion_returns_to_that_criterion() {
        let mut st = AppState {
            drafts: vec![Rc::new(Draft::new("a", "QD26-09", 1))],
            ..AppState::default()
        };
        st.current = Some("a".into());
        st.screen = Screen::Questionnaire;
        let s = Rc::new(st);
        let back = |s: Rc<AppState>| {
            s.reduce(Action::Navigate {
                route: Route::parse("?draft=a"),
                fresh_id: "n".into(),
                now_ms: 9,
            })
        };
        let g = s.clone().reduce(Action::ShowTermFrom {
            term: "haccp".into(),
            criterion: "2.3".into(),
        });
        assert_eq!(g.screen, Screen::Glossary);
        assert_eq!(g.glossary_term.as_deref(), Some("haccp"));
        assert_eq!(Route::of(&g).to_query(""), "?view=glossary");
        let q = back(g);
        assert_eq!(q.screen, Screen::Questionnaire);
        assert_eq!(
            q.focus,
            Some(Target {
                code: "2.3".into(),
                note: false
            })
        );
        assert_eq!(q.glossary_from, None, "once");
        // The glossary opened from elsewhere (the symbols' button): Back keeps the top.
        let q = back(s.clone().reduce(Action::ShowGlossary(None)));
        assert_eq!(q.focus, None);
        // Leaving the glossary for another screen forgets the criterion.
        let g = s.reduce(Action::ShowTermFrom {
            term: "haccp".into(),
            criterion: "2.3".into(),
        });
        let l = g.reduce(Action::Navigate {
            route: Route::parse("?view=drafts"),
            fresh_id: "n".into(),
            now_ms: 9,
        });
        assert_eq!(
            (l.screen, l.focus.clone(), l.glossary_from.clone()),
            (Screen::Drafts, None, None)
        );
    }

    #[test]
    fn a_link_updates_the_draft_it_came_from_only_for_the_same_set() {
        let mut mine = Draft::new("a", "QD26-09", 1);
        mine.producer.phone = "0912345678".into();
        let s = Rc::new(AppState {
            drafts: vec![Rc::new(mine)],
            ..AppState::default()
        });
        let mut incoming = Draft::new("a", "QD26-09", 1).apply(
            Command::SetAnswer {
                code: "1.1".into(),
                position: Some(2),
            },
            5,
        );
        incoming.producer.name = "HTX".into();
        let u = s.clone().reduce(Action::UpdateFromLink {
            id: "a".into(),
            incoming: incoming.clone(),
            now_ms: 10,
        });
        assert_eq!(u.drafts.len(), 1);
        assert_eq!(u.drafts[0].responses.answers.get("1.1"), Some(&2));
        assert_eq!(u.drafts[0].producer.phone, "0912345678");
        assert_eq!(
            (u.screen, u.current.as_deref()),
            (Screen::Questionnaire, Some("a"))
        );
        assert_eq!(u.revision, s.revision + 1, "saved");
        incoming.product_set = "QD26-01".into();
        let other = s.clone().reduce(Action::UpdateFromLink {
            id: "a".into(),
            incoming,
            now_ms: 10,
        });
        assert_eq!(other, s, "another product set: nothing overwritten");
    }
}
