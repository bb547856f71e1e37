//! Start-up in one place: the state the full app begins with. In order: what local storage holds
//! (an unreadable store is kept as a backup first), the address's embedding parameters
//! (`?lang=…&set=…&demo=1`, see [`crate::platform::embed`]), then what the user asked the start
//! module for ([`crate::platform::start`]); finally the current product set's rubric file is
//! prefetched, once, so it arrives while the first render runs.
//!
//! The reducer ([`super::state`]) never does I/O; this is where start-up's I/O happens.

use std::rc::Rc;

use crate::draft::store::{self, STORE_KEY};
use crate::draft::Draft;
use crate::i18n::Lang;
use crate::platform::embed::{self, EmbedConfig};
use crate::platform::{clock, fetch, start, storage};
use crate::rubric::Catalogue;

use super::state::{AppState, LoadProblem, Screen};

/// The state the app starts with: what local storage holds, then the embedding parameters of
/// the address, then the start module's request.
pub fn boot() -> AppState {
    let cfg = embed::parse_query(&embed::query());
    let mut st = saved_state();
    let fresh_id = clock::new_id();
    apply_config(&mut st, &cfg, fresh_id.clone(), clock::now_ms());
    // What the user asked the start module for (a set, the drafts list, the examples; the
    // language they chose there, even if it could not be saved).
    if let Some(intent) = start::take_intent() {
        apply_config(
            &mut st,
            &embed::parse_query(&intent),
            fresh_id,
            clock::now_ms(),
        );
    }
    if let Some(d) = st.current_draft() {
        fetch::prefetch_rubric(&d.product_set);
    }
    st
}

/// The state restored from local storage alone (no address parameters). An unreadable store, or
/// one with drafts that could not be read, is copied to a backup key before anything can
/// overwrite it; when that copy fails, saving stays off.
pub fn saved_state() -> AppState {
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
    restore(&mut st, decoded.lang, decoded.current, decoded.drafts);
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

/// Take over decoded data: drafts get unique non-empty ids (fresh ones where needed); the
/// screen follows (the current draft's questionnaire, else the drafts list, else the chooser).
pub fn restore(st: &mut AppState, lang: Option<Lang>, current: Option<String>, drafts: Vec<Draft>) {
    if let Some(l) = lang {
        st.lang = l;
    }
    let mut seen: Vec<String> = Vec::new();
    st.drafts = drafts
        .into_iter()
        .map(|mut d| {
            while d.id.is_empty() || seen.contains(&d.id) {
                d.id = clock::new_id();
            }
            seen.push(d.id.clone());
            Rc::new(d)
        })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::storage::StorageError;
    use crate::ui::state::StorageStatus;

    fn with_drafts(drafts: &[(&str, &str, u64)]) -> AppState {
        AppState {
            drafts: drafts
                .iter()
                .map(|(id, set, t)| Rc::new(Draft::new(*id, *set, *t)))
                .collect(),
            screen: Screen::Drafts,
            ..AppState::default()
        }
    }

    #[test]
    fn a_preselected_set_opens_the_latest_draft_or_a_new_one() {
        let cfg = embed::parse_query("?lang=en&set=QD26-09");
        let mut s = with_drafts(&[
            ("a", "QD26-09", 1),
            ("b", "QD26-09", 5),
            ("c", "QD26-01", 9),
        ]);
        apply_config(&mut s, &cfg, "new".into(), 10);
        assert_eq!(s.lang, Lang::En);
        assert_eq!(s.current.as_deref(), Some("b"));
        assert_eq!(s.screen, Screen::Questionnaire);
        assert_eq!(s.drafts.len(), 3);
        assert_eq!(s.revision, 0, "nothing new to save");

        let mut s = with_drafts(&[("c", "QD26-01", 9)]);
        apply_config(&mut s, &cfg, "new".into(), 10);
        assert_eq!(s.current.as_deref(), Some("new"));
        assert_eq!(s.drafts.len(), 2);
        assert_eq!(s.drafts[1].product_set, "QD26-09");
        assert_eq!(s.revision, 1, "the new draft is saved");

        // Unknown sets and no parameters leave the state alone.
        for q in ["?set=QD26-99", ""] {
            let before = with_drafts(&[("c", "QD26-01", 9)]);
            let mut s = before.clone();
            apply_config(&mut s, &embed::parse_query(q), "new".into(), 10);
            assert_eq!(s, before, "{q}");
        }
    }

    #[test]
    fn demo_parameter_starts_demonstration_mode() {
        let own = with_drafts(&[("mine", "QD26-09", 1)]);
        let mut s = own.clone();
        apply_config(&mut s, &embed::parse_query("?demo=1"), "x".into(), 2);
        assert!(s.in_demo() && !s.persist);
        assert!(s.drafts.iter().all(|d| d.id != "mine"));
        s.leave_demo();
        assert_eq!(s.drafts, own.drafts);

        let mut s = own.clone();
        let first_set = crate::ui::state::demo::example_copies()[0]
            .product_set
            .clone();
        apply_config(
            &mut s,
            &embed::parse_query(&format!("?demo=1&set={first_set}")),
            "x".into(),
            2,
        );
        assert_eq!(s.screen, Screen::Questionnaire);
        assert!(s
            .current_draft()
            .is_some_and(|d| d.product_set == first_set));
    }

    #[test]
    fn boot_restores_and_keeps_unreadable_data_as_a_backup() {
        storage::clear();
        storage::simulate_failure(None);
        assert_eq!(saved_state(), AppState::default(), "nothing stored");

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
        let s = saved_state();
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
        let s = saved_state();
        assert!(s.load_problem.as_ref().is_some_and(|p| p.unreadable));
        assert!(!s.persist, "must not overwrite what it could not back up");
        assert_eq!(s.storage, StorageStatus::Full);

        // Blocked storage: works in memory, says so.
        storage::simulate_failure(Some(StorageError::Unavailable));
        assert_eq!(saved_state().storage, StorageStatus::Unavailable);
        storage::simulate_failure(None);
    }
}
