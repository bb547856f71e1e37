//! The app state and its reducer. The reducer only calls [`Draft::apply`] and makes pure state
//! changes; time and ids arrive inside the actions. Nothing here reads storage, the clock or the
//! address: start-up is [`crate::ui::boot`], persistence an effect at the app root
//! ([`crate::ui::app`]).
//!
//! Two more parts of the state live beside this file: [`demo`] (demonstration mode: what it sets
//! aside and how it enters, resets and leaves) and [`rubrics`] (the rubric files loaded so far,
//! the app's second reducer).

pub mod demo;
pub mod rubrics;

use std::rc::Rc;

use yew::Reducible;

use crate::draft::{Command, Draft};
use crate::i18n::Lang;
use crate::platform::storage::StorageError;

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
}

/// Whether changes reach local storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageStatus {
    Saved,
    Unavailable,
    Full,
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
    /// Create a draft for a product set and open it.
    NewDraft {
        id: String,
        product_set: String,
        now_ms: u64,
    },
    Open(String),
    /// Open a draft's details form (the dossier screen).
    OpenDetails(String),
    /// Add an imported draft as a new draft and open it; it takes `fresh_id` when its own id is
    /// empty or already used (an import never overwrites).
    Import {
        draft: Draft,
        fresh_id: String,
    },
    /// Apply a command to a draft.
    Apply {
        id: String,
        command: Command,
        now_ms: u64,
    },
    Duplicate {
        from: String,
        id: String,
        title: String,
        now_ms: u64,
    },
    Delete(String),
    Storage(StorageStatus),
    DismissLoadProblem,
    /// Demonstration mode on (example copies in memory), reset to the examples, off.
    EnterDemo,
    ResetDemo,
    LeaveDemo,
}

impl AppState {
    pub fn draft(&self, id: &str) -> Option<&Rc<Draft>> {
        self.drafts.iter().find(|d| d.id == id)
    }

    pub fn current_draft(&self) -> Option<&Rc<Draft>> {
        self.current.as_deref().and_then(|id| self.draft(id))
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        let mut changed = true;
        match action {
            Action::SetLang(l) => {
                if l == s.lang {
                    return self;
                }
                s.lang = l;
            }
            Action::Show(screen) => {
                changed = false;
                let needs_draft = matches!(screen, Screen::Questionnaire | Screen::Details);
                s.screen = if needs_draft && s.current_draft().is_none() {
                    Screen::Choose
                } else {
                    screen
                };
            }
            Action::NewDraft {
                id,
                product_set,
                now_ms,
            } => {
                s.drafts
                    .push(Rc::new(Draft::new(id.clone(), product_set, now_ms)));
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
            } => {
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
                let Some(i) = s.drafts.iter().position(|d| d.id == id) else {
                    return self;
                };
                let next = s.drafts[i].apply(command, now_ms);
                if next == *s.drafts[i] {
                    return self;
                }
                s.drafts[i] = Rc::new(next);
            }
            Action::Duplicate {
                from,
                id,
                title,
                now_ms,
            } => {
                let Some(i) = s.drafts.iter().position(|d| d.id == from) else {
                    return self;
                };
                let mut copy = (*s.drafts[i]).clone();
                copy.id = id;
                copy.title = title;
                copy.created_ms = now_ms;
                copy.updated_ms = now_ms;
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
                },
            ],
        );
        assert_eq!(s.drafts.len(), 2);
        assert_eq!(s.drafts[1].responses.answers.get("1.1"), Some(&2));
        assert_eq!(s.current.as_deref(), Some("a"));
        assert_eq!(s.revision, 3);
        let s = s.reduce(Action::Delete("a".into()));
        assert_eq!(s.current, None);
        assert_eq!(s.screen, Screen::Drafts);
        assert_eq!(s.drafts.len(), 1);
        let rev = s.revision;
        let s = s.reduce(Action::Show(Screen::Choose));
        assert_eq!(s.revision, rev, "navigation is not saved");
    }
}
