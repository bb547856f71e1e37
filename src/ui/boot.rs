//! Start-up in one place: the state the full app begins with, before the drafts arrive from the
//! device's database (`platform::drafts_store`, which then sends them to the reducer, see
//! [`super::state::open`]). Here: the language saved on its own key (or in a version-1 store not
//! yet moved), the address's embedding parameters (`?lang=…&set=…&demo=1`, see
//! [`crate::platform::embed`]) and what the user asked the start module for
//! ([`crate::platform::start`]), kept as pending until the drafts are known; and the product set's
//! rubric file that will be needed is prefetched, once, so it arrives while the drafts load.
//!
//! The reducer ([`super::state`]) never does I/O; this is where start-up's I/O happens.

use std::rc::Rc;

use crate::draft::store::{self, INDEX_KEY, LANG_KEY, STORE_KEY};
use crate::i18n::Lang;
use crate::platform::embed;
use crate::platform::{clock, fetch, start, storage};
use crate::rubric::Catalogue;

use super::state::open::{open_with, Pending};
use super::state::Route;
use super::state::{AppState, StorageStatus};
use crate::platform::drafts_store::DraftStore;

/// The state the app starts with: the saved language, and the address's and the start module's
/// requests waiting for the drafts.
pub fn boot() -> AppState {
    let config = embed::parse_query(&embed::query());
    let intent_raw = start::take_intent();
    let intent = intent_raw.as_deref().map(embed::parse_query);
    let route = Route::parse(&embed::query());
    let intent_route = intent_raw.as_deref().map(Route::parse).unwrap_or_default();
    let mut st = AppState {
        loaded: false,
        ..AppState::default()
    };
    match saved_lang() {
        Ok(Some(l)) => st.lang = l,
        Ok(None) => {}
        Err(status) => st.storage = status,
    }
    for c in std::iter::once(&config).chain(intent.iter()) {
        if let Some(l) = c.lang {
            st.lang = l;
        }
    }
    // The sheet that will be needed: the one asked for, else the current draft's (the index).
    let set = intent_route
        .new_set
        .clone()
        .or_else(|| intent.as_ref().and_then(|c| c.set.clone()))
        .or_else(|| route.new_set.clone())
        .or_else(|| config.set.clone())
        .or_else(indexed_set)
        .filter(|id| Catalogue::shared().set(id).is_some());
    if let Some(id) = &set {
        fetch::prefetch_rubric(id);
    }
    st.pending = Some(Rc::new(Pending {
        config,
        intent,
        fresh_id: clock::new_id(),
        now_ms: clock::now_ms(),
        route,
        intent_route,
    }));
    if !DraftStore::has_database() {
        // Nothing to wait for: open on no drafts now.
        open_with(&mut st, None, None, Vec::new());
    }
    st
}

/// The language saved on its own key, else in a version-1 store that is still to be moved.
fn saved_lang() -> Result<Option<Lang>, StorageStatus> {
    let lang = storage::get(LANG_KEY).map_err(StorageStatus::from)?;
    if let Some(l) = lang.as_deref().and_then(Lang::from_tag) {
        return Ok(Some(l));
    }
    Ok(storage::get(STORE_KEY)
        .ok()
        .flatten()
        .and_then(|raw| store::decode(&raw).lang))
}

/// The current draft's product set, as the small index kept beside the database says.
fn indexed_set() -> Option<String> {
    let raw = storage::get(INDEX_KEY).ok().flatten()?;
    let v: serde_json::Value = serde_json::from_str(&raw).ok()?;
    v.get("set")?.as_str().map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Draft;
    use crate::platform::embed;
    use crate::ui::state::open::apply_config;
    use crate::ui::state::Screen;

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
        assert_eq!(s.drafts.len(), 1, "looking is not a draft yet");
        assert!(s.current_is_scratch());
        assert_eq!(
            s.current_draft().map(|d| d.product_set.as_str()),
            Some("QD26-09")
        );
        assert_eq!(s.revision, 0, "nothing to save until the first answer");

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
    fn opening_restores_the_drafts_then_applies_what_was_pending() {
        let pending = |q: &str| Pending {
            config: embed::parse_query(q),
            intent: None,
            fresh_id: "new".into(),
            now_ms: 10,
            route: Route::parse(q),
            intent_route: Route::default(),
        };
        // Nothing on the device: the chooser.
        let mut s = AppState {
            loaded: false,
            pending: Some(Rc::new(pending(""))),
            ..AppState::default()
        };
        open_with(&mut s, None, None, Vec::new());
        assert!(s.loaded && s.pending.is_none());
        assert_eq!(s.screen, Screen::Choose);

        // A current draft: its questionnaire; the language comes along.
        let good = Draft::new("a", "QD26-09", 1);
        let mut s = AppState {
            loaded: false,
            ..AppState::default()
        };
        open_with(
            &mut s,
            Some(Lang::En),
            Some("a".into()),
            vec![good.clone(), good.clone()],
        );
        assert_eq!(
            s.drafts,
            vec![Rc::new(good.clone())],
            "a repeated id is taken once"
        );
        assert_eq!(s.lang, Lang::En);
        assert_eq!(s.screen, Screen::Questionnaire);

        // The address asks for another set: opened to look at, not yet a draft.
        let mut s = AppState {
            loaded: false,
            pending: Some(Rc::new(pending("?set=QD26-01"))),
            ..AppState::default()
        };
        open_with(&mut s, None, Some("a".into()), vec![good.clone()]);
        assert_eq!(s.current.as_deref(), Some("new"));
        assert_eq!(s.drafts.len(), 1);
        assert_eq!(s.revision, 0);

        // A reload returns to the screen the address names; a draft gone shows the list.
        for (q, screen, current) in [
            ("?view=details&draft=a", Screen::Details, Some("a")),
            ("?view=drafts", Screen::Drafts, Some("a")),
            ("?view=new", Screen::Choose, Some("a")),
            ("?draft=gone", Screen::Drafts, Some("a")),
            ("?new=QD26-07", Screen::Questionnaire, Some("new")),
        ] {
            let mut s = AppState {
                loaded: false,
                pending: Some(Rc::new(pending(q))),
                ..AppState::default()
            };
            open_with(&mut s, None, Some("a".into()), vec![good.clone()]);
            assert_eq!((s.screen, s.current.as_deref()), (screen, current), "{q}");
            assert_eq!(s.drafts.len(), 1, "{q}");
        }
        let mut s = AppState {
            loaded: false,
            pending: Some(Rc::new(pending("?draft=a&sheet=share"))),
            ..AppState::default()
        };
        open_with(&mut s, None, None, vec![good]);
        assert_eq!(s.sheet, Some(crate::ui::state::Sheet::Share));
    }

    #[test]
    fn boot_waits_for_the_drafts_and_keeps_the_language() {
        storage::clear();
        storage::simulate_failure(None);
        storage::set(LANG_KEY, "en").ok();
        let s = boot();
        // Natively there is no database: the app opens at once on no drafts (in the browser it
        // waits for them: `loaded` is false and the requests stay pending until they arrive).
        assert_eq!(s.loaded, !DraftStore::has_database());
        assert_eq!(s.lang, Lang::En);
        assert!(s.drafts.is_empty());
        // A version-1 store not moved yet still gives its language.
        storage::clear();
        storage::set(STORE_KEY, &store::empty(Lang::En)).ok();
        assert_eq!(boot().lang, Lang::En);
        // Blocked storage: said at once.
        storage::simulate_failure(Some(crate::platform::storage::StorageError::Unavailable));
        assert_eq!(boot().storage, StorageStatus::Unavailable);
        storage::simulate_failure(None);
        storage::clear();
    }
}
