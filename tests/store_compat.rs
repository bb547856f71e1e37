//! Drafts saved by an earlier version still open after an update (the offline app: the service
//! worker delivers new versions while the drafts stay in local storage).
//!
//! `tests/data/store-v1.json` is a local-storage value exactly as written by store format v1
//! (`draft::store::encode`, then named `ui::store::encode`; the build of November 2026): three
//! drafts in three product sets, with answers, "none of the levels", knock-outs, evidence notes, producer and product details, a
//! title with markup-like text. It is FROZEN: never regenerate it to make this test pass. When the
//! store format changes, add a migration and a new frozen sample beside it, and keep this one.
#![cfg(not(target_arch = "wasm32"))]

use ocop_self_check::assess::assess;
use ocop_self_check::draft::check_against;
use ocop_self_check::draft::store::{self, STORE_KEY};
use ocop_self_check::i18n::Lang;
use ocop_self_check::platform::storage;
use ocop_self_check::rubric::embedded;
use ocop_self_check::ui::state::open::open_with;
use ocop_self_check::ui::state::Screen;

const FROZEN_V1: &str = include_str!("data/store-v1.json");

#[test]
fn a_store_written_by_version_1_opens() {
    let decoded = store::decode(FROZEN_V1);
    assert!(!decoded.unreadable);
    assert!(decoded.skipped.is_empty(), "{:?}", decoded.skipped);
    assert_eq!(decoded.lang, Some(Lang::Vi));
    assert_eq!(decoded.drafts.len(), 3);
    assert_eq!(decoded.current.as_deref(), Some("d2"));

    let sets: Vec<&str> = decoded
        .drafts
        .iter()
        .map(|d| d.product_set.as_str())
        .collect();
    assert_eq!(sets, ["QD26-09", "QD26-11", "QD26-21"]);

    // Every draft is still valid against today's sheets and scores as it did.
    let expected = [(100, 5), (54, 2), (2, 1)];
    for (d, (total, stars)) in decoded.drafts.iter().zip(expected) {
        let Some(Ok(set)) = embedded::load(&d.product_set) else {
            panic!("{}", d.product_set)
        };
        assert_eq!(check_against(d, &set), Ok(()), "{}", d.id);
        let a = assess(&set, &d.responses);
        assert_eq!((a.total, a.stars), (total, stars), "{}", d.id);
    }

    // Details that users typed survive.
    let fish = &decoded.drafts[0];
    assert_eq!(fish.title, "Nước mắm <Cô Ba> & \"nhãn\"");
    assert_eq!(fish.producer.phone, "0912 345 678");
    assert_eq!(
        fish.evidence.get("1.1").map(String::as_str),
        Some("Hóa đơn mua cá cơm của 12 tàu")
    );
    let tea = &decoded.drafts[1];
    assert!(tea.responses.none_of_levels.contains("1.2"));
    assert_eq!(tea.responses.knock_outs.get("forged"), Some(&false));

    // Re-saving keeps every draft (the next write after an update loses nothing).
    let again = store::decode(&store::encode(
        Lang::Vi,
        decoded.current.as_deref(),
        &decoded
            .drafts
            .iter()
            .cloned()
            .map(std::rc::Rc::new)
            .collect::<Vec<_>>(),
    ));
    assert_eq!(again.drafts, decoded.drafts);
}

#[test]
fn the_app_starts_on_a_version_1_store() {
    // The store is moved into the database at the first start of version 2: every draft, once,
    // checked (see `draft::store::plan_migration`); the app then opens on what was moved.
    storage::clear();
    storage::simulate_failure(None);
    storage::set(STORE_KEY, FROZEN_V1).expect("in-memory storage");
    let raw = storage::get(STORE_KEY).ok().flatten().expect("stored");
    let plan = store::plan_migration(&raw, &Default::default());
    assert!(plan.complete(), "every draft read");
    let mut s = ocop_self_check::ui::state::AppState {
        loaded: false,
        ..Default::default()
    };
    open_with(
        &mut s,
        plan.lang,
        plan.current.clone(),
        plan.records.iter().map(|r| r.draft.clone()).collect(),
    );
    assert!(s.load_problem.is_none(), "{:?}", s.load_problem);
    assert!(s.persist && s.loaded);
    assert_eq!(s.drafts.len(), 3);
    assert_eq!(s.screen, Screen::Questionnaire);
    assert_eq!(
        s.current_draft().map(|d| d.product_set.as_str()),
        Some("QD26-11")
    );
    storage::clear();
}
