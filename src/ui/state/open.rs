//! What the app opens with, once the drafts on the device are known: the drafts taken over, then
//! the address's embedding parameters and the start module's request applied. Pure; the reading
//! is [`crate::ui::boot`]'s and the database's.

use std::rc::Rc;

use crate::draft::Draft;
use crate::i18n::Lang;
use crate::platform::embed::EmbedConfig;
use crate::rubric::Catalogue;

use super::route::Route;
use super::{AppState, Screen};

/// What start-up read before the drafts arrived: the address's parameters, the start module's
/// request, and an id and time for a draft they may create.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    pub config: EmbedConfig,
    pub intent: Option<EmbedConfig>,
    pub fresh_id: String,
    pub now_ms: u64,
    /// The screen the address names (a reload returns to it).
    pub route: Route,
    /// The screen the start module's request names (`new=QD26-09`: a set chosen there).
    pub intent_route: Route,
}

/// Open with the drafts found: restore them, then apply what was pending.
pub fn open_with(
    st: &mut AppState,
    lang: Option<Lang>,
    current: Option<String>,
    drafts: Vec<Draft>,
) {
    restore(st, lang, current, drafts);
    if let Some(p) = st.pending.take() {
        apply_config(st, &p.config, p.fresh_id.clone(), p.now_ms);
        if p.route.screen.is_some() {
            st.go_to(&p.route, p.fresh_id.clone(), p.now_ms);
        }
        if let Some(intent) = &p.intent {
            apply_config(st, intent, p.fresh_id.clone(), p.now_ms);
        }
        if p.intent_route.screen.is_some() {
            st.go_to(&p.intent_route, p.fresh_id.clone(), p.now_ms);
        }
    }
    st.loaded = true;
}

/// Take over the drafts found on the device (ids are the database's keys: unique, non-empty;
/// anything else is dropped); the screen follows (the current draft's questionnaire, else the
/// drafts list, else the chooser).
pub fn restore(st: &mut AppState, lang: Option<Lang>, current: Option<String>, drafts: Vec<Draft>) {
    if let Some(l) = lang {
        st.lang = l;
    }
    let mut seen = std::collections::BTreeSet::new();
    st.drafts = drafts
        .into_iter()
        .filter(|d| !d.id.is_empty() && seen.insert(d.id.clone()))
        .map(Rc::new)
        .collect();
    st.current = current.filter(|c| seen.contains(c));
    st.screen = if st.current.is_some() {
        Screen::Questionnaire
    } else if st.drafts.is_empty() {
        Screen::Choose
    } else {
        Screen::Drafts
    };
}

/// Apply the embedding parameters to a freshly restored state. `set`: open the user's most
/// recently changed draft of that product set, or create one (with `fresh_id`); unknown sets
/// are ignored. `demo`: start in demonstration mode (the example of that set opened, if any).
/// `lang` replaces the stored choice (saved with the next change, like the header button).
pub fn apply_config(st: &mut AppState, cfg: &EmbedConfig, fresh_id: String, now_ms: u64) {
    if let Some(lang) = cfg.lang {
        st.lang = lang;
    }
    let set = cfg
        .set
        .as_deref()
        .filter(|id| Catalogue::shared().set(id).is_some());
    if cfg.show_drafts && !cfg.demo && cfg.set.is_none() {
        st.screen = Screen::Drafts;
        return;
    }
    if cfg.demo {
        st.enter_demo();
        if let Some(id) = set {
            if let Some(d) = st.drafts.iter().find(|d| d.product_set == id) {
                st.current = Some(d.id.clone());
                st.screen = Screen::Questionnaire;
            }
        }
        return;
    }
    let Some(id) = set else { return };
    if st.current_draft().is_some_and(|d| d.product_set == id) {
        st.screen = Screen::Questionnaire;
        return;
    }
    let existing = st
        .drafts
        .iter()
        .filter(|d| d.product_set == id)
        .max_by_key(|d| d.updated_ms)
        .map(|d| d.id.clone());
    match existing {
        Some(draft_id) => st.current = Some(draft_id),
        // Looked at first: a draft only once something is answered.
        None => st.open_new(id, fresh_id, now_ms),
    }
    st.screen = Screen::Questionnaire;
}

impl AppState {
    /// Open `set` to look at: a draft not on the list until its first answer.
    pub fn open_new(&mut self, set: &str, id: String, now_ms: u64) {
        self.scratch = Some(Rc::new(Draft::new(id.clone(), set, now_ms)));
        self.current = Some(id);
        self.screen = Screen::Questionnaire;
    }

    /// Show what `route` names (an address at start, Back and Forward). A draft that is not
    /// here (deleted, or on another device) shows the list of drafts instead; demonstration
    /// mode follows the address.
    pub fn go_to(&mut self, route: &Route, fresh_id: String, now_ms: u64) {
        if route.demo && !self.in_demo() {
            self.enter_demo();
        } else if !route.demo && self.in_demo() {
            self.leave_demo();
        }
        let Some(screen) = route.screen else { return };
        self.sheet = None;
        match (screen, &route.draft, &route.new_set) {
            (Screen::Questionnaire | Screen::Details, Some(id), _) => {
                if self.draft(id).is_some() {
                    self.current = Some(id.clone());
                    self.screen = screen;
                    self.sheet = route.sheet;
                } else {
                    self.screen = if self.drafts.is_empty() {
                        Screen::Choose
                    } else {
                        Screen::Drafts
                    };
                }
            }
            (Screen::Questionnaire | Screen::Details, None, Some(set)) => {
                if Catalogue::shared().set(set).is_none() {
                    self.screen = Screen::Choose;
                } else if self.current_is_scratch()
                    && self.current_draft().is_some_and(|d| d.product_set == *set)
                {
                    self.screen = screen;
                } else {
                    self.open_new(set, fresh_id, now_ms);
                    self.screen = screen;
                }
                self.sheet = route.sheet.filter(|_| self.screen == Screen::Questionnaire);
            }
            (Screen::Questionnaire | Screen::Details, None, None) => {
                self.screen = if self.current_draft().is_some() {
                    screen
                } else {
                    Screen::Choose
                };
            }
            (other, _, _) => self.screen = other,
        }
    }
}
