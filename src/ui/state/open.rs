//! What the app opens with, once the drafts on the device are known: the drafts taken over, then
//! the address's embedding parameters and the start module's request applied. Pure; the reading
//! is [`crate::ui::boot`]'s and the database's.

use std::rc::Rc;

use crate::draft::Draft;
use crate::i18n::Lang;
use crate::platform::embed::EmbedConfig;
use crate::rubric::Catalogue;

use super::{AppState, Screen};

/// What start-up read before the drafts arrived: the address's parameters, the start module's
/// request, and an id and time for a draft they may create.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    pub config: EmbedConfig,
    pub intent: Option<EmbedConfig>,
    pub fresh_id: String,
    pub now_ms: u64,
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
        if let Some(intent) = &p.intent {
            apply_config(st, intent, p.fresh_id.clone(), p.now_ms);
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
        None => {
            st.drafts
                .push(Rc::new(Draft::new(fresh_id.clone(), id, now_ms)));
            st.current = Some(fresh_id);
            st.revision += 1;
        }
    }
    st.screen = Screen::Questionnaire;
}
