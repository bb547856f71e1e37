//! The app state and its reducer. The reducer only calls [`Draft::apply`] and makes pure state
//! changes; time and ids arrive inside the actions. Persistence is an effect at the app root.

use std::rc::Rc;

use yew::Reducible;

use crate::draft::store::{self, STORE_KEY};
use crate::draft::{Command, Draft};
use crate::i18n::Lang;
use crate::platform::storage::{self, StorageError};
use crate::platform::{clock, fetch};
use crate::rubric::ProductSet;

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
    /// example products are shown; `None` when off. See `ui::demo`.
    pub demo: Option<Rc<super::demo::Stash>>,
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
    /// The state restored from local storage (the one side effect of start-up: an unreadable
    /// store is copied to a backup key before anything can overwrite it).
    pub fn boot() -> AppState {
        let mut st = AppState::default();
        let raw = match storage::get(STORE_KEY) {
            Ok(Some(raw)) => raw,
            Ok(None) => return st,
            Err(e) => {
                st.storage = e.into();
                return st;
            }
        };
        let decoded = store::decode(&raw);
        st.restore(decoded.lang, decoded.current, decoded.drafts);
        if let Some(d) = st.current_draft() {
            fetch::prefetch_rubric(&d.product_set);
        }
        if decoded.unreadable || !decoded.skipped.is_empty() {
            let key = format!("{STORE_KEY}.backup.{}", clock::now_ms());
            if let Err(e) = storage::set(&key, &raw) {
                st.persist = false;
                st.storage = e.into();
            }
            st.load_problem = Some(LoadProblem {
                unreadable: decoded.unreadable,
                skipped: decoded.skipped.len(),
                raw: raw.into(),
            });
        }
        st
    }

    /// Take over decoded data: drafts get unique non-empty ids; the screen follows.
    pub fn restore(&mut self, lang: Option<Lang>, current: Option<String>, drafts: Vec<Draft>) {
        if let Some(l) = lang {
            self.lang = l;
        }
        let mut seen: Vec<String> = Vec::new();
        self.drafts = drafts
            .into_iter()
            .map(|mut d| {
                while d.id.is_empty() || seen.contains(&d.id) {
                    d.id = clock::new_id();
                }
                seen.push(d.id.clone());
                Rc::new(d)
            })
            .collect();
        self.current = current.filter(|c| seen.contains(c));
        self.screen = if self.current.is_some() {
            Screen::Questionnaire
        } else if self.drafts.is_empty() {
            Screen::Choose
        } else {
            Screen::Drafts
        };
    }

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
            // Never saved: demo mode switches persistence off and back (ui::demo).
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

/// Rubric files loaded so far (not persisted). Few entries: plain lists.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rubrics {
    pub loaded: Vec<Rc<ProductSet>>,
    /// (set id, error)
    pub failed: Vec<(String, String)>,
    pub loading: Vec<String>,
    /// Bumped by every retry (starts a new load).
    pub retries: u32,
}

impl Rubrics {
    pub fn get(&self, id: &str) -> Option<&Rc<ProductSet>> {
        self.loaded.iter().find(|s| s.id == id)
    }

    /// Whether `id` still has to be fetched.
    pub fn wants(&self, id: &str) -> bool {
        self.get(id).is_none()
            && !self.loading.iter().any(|x| x == id)
            && !self.failed.iter().any(|(x, _)| x == id)
    }
}

/// Rubric loading events.
pub enum RubricAction {
    Loading(String),
    Loaded(String, Result<Rc<ProductSet>, String>),
    Retry(String),
}

impl Reducible for Rubrics {
    type Action = RubricAction;

    fn reduce(self: Rc<Self>, action: RubricAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            RubricAction::Loading(id) => {
                s.failed.retain(|(x, _)| *x != id);
                s.loading.push(id);
            }
            RubricAction::Loaded(id, result) => {
                s.loading.retain(|x| *x != id);
                match result {
                    Ok(_) if s.get(&id).is_some() => {}
                    Ok(set) if set.id == id => s.loaded.push(set),
                    Ok(set) => s.failed.push((id, format!("file holds set {}", set.id))),
                    Err(e) => s.failed.push((id, e)),
                }
            }
            RubricAction::Retry(id) => {
                s.failed.retain(|(x, _)| *x != id);
                s.retries += 1;
            }
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
    fn boot_restores_and_keeps_unreadable_data_as_a_backup() {
        storage::clear();
        storage::simulate_failure(None);
        assert_eq!(AppState::boot(), AppState::default(), "nothing stored");

        // A good store with one bad draft: the good one is restored, the raw text backed up.
        let good = Rc::new(Draft::new("a", "QD26-09", 1));
        let mut v: serde_json::Value = serde_json::from_str(&store::encode(
            Lang::En,
            Some("a"),
            std::slice::from_ref(&good),
        ))
        .unwrap_or_default();
        if let Some(a) = v["drafts"].as_array_mut() {
            a.push(serde_json::json!({"format": "ocop-self-check/draft", "version": 7}));
        }
        let raw = v.to_string();
        storage::set(STORE_KEY, &raw).ok();
        let s = AppState::boot();
        assert_eq!(s.drafts, vec![good]);
        assert_eq!(s.lang, Lang::En);
        assert_eq!(s.screen, Screen::Questionnaire);
        let p = s.load_problem.clone().expect("reported");
        assert_eq!((p.unreadable, p.skipped), (false, 1));
        assert!(s.persist);

        // Unreadable text while storage is full: nothing is overwritten.
        storage::clear();
        storage::set(STORE_KEY, "{not json").ok();
        storage::simulate_failure(Some(StorageError::Full));
        let s = AppState::boot();
        assert!(s.load_problem.as_ref().is_some_and(|p| p.unreadable));
        assert!(!s.persist, "must not overwrite what it could not back up");
        assert_eq!(s.storage, StorageStatus::Full);

        // Blocked storage: works in memory, says so.
        storage::simulate_failure(Some(StorageError::Unavailable));
        assert_eq!(AppState::boot().storage, StorageStatus::Unavailable);
        storage::simulate_failure(None);
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
